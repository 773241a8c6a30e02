/**
 * The constraint inventory against the installed @aws-sdk/client-ecs and the rule table. Fails when the model
 * gains a member whose documentation states a constraint and no row covers it, when a row names a member the
 * model lacks, when a `rule:` id is not in the table or a `planned:` id already is, and when docs/constraints.md
 * is not what the generator writes. Also pins the extractor's sentence splitting and cue choices.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../src/core/rules/index';
import { constraintCues } from '../../tools/constraints/cues';
import { extractConstraints } from '../../tools/constraints/extract';
import { handlingKind, inventoryProblems, loadInventory, type InventoryContext, type InventoryRow } from '../../tools/constraints/inventory';
import { toSentences } from '../../tools/constraints/sentences';
import { constraintsMarkdown } from '../../tools/gen-constraints-doc';

describe('constraint inventory', () => {
  const extraction = extractConstraints();
  const rows = loadInventory();
  const ctx: InventoryContext = {
    members: new Set(extraction.members),
    constrained: new Set(extraction.constraints.map((c) => c.member)),
    ruleIds: new Set(rules.map((r) => r.id)),
  };

  it('covers every member whose documentation states a constraint, names only real members and rules', () => {
    assert.deepEqual(inventoryProblems(rows, ctx), []);
  });

  it('walks the three request shapes and finds constraint sentences in most documented members', () => {
    assert.ok(extraction.members.includes('PortMapping.containerPortRange'));
    assert.ok(extraction.members.includes('ServiceManagedEBSVolumeConfiguration.iops'));
    assert.ok(extraction.members.includes('UpdateServiceRequest.forceNewDeployment'));
    assert.ok(extraction.constraints.length > 300, `only ${extraction.constraints.length} constraint sentences`);
    assert.ok(ctx.constrained.size > 150, `only ${ctx.constrained.size} constrained members`);
  });

  it('has rows checked by the schema, by rules and not checkable offline, and no rule left planned', () => {
    const kinds = new Set(rows.map((r) => handlingKind(r.handling)));
    for (const k of ['schema', 'rule', 'offline']) assert.ok(kinds.has(k as never), k);
    assert.ok(!kinds.has('planned' as never), 'every planned rule has been written (or the row says why it cannot be checked offline)');
  });

  it('docs/constraints.md is generated from the inventory (run npm run gen:constraints-doc)', () => {
    assert.equal(readFileSync(join(__dirname, '../../docs/constraints.md'), 'utf8'), constraintsMarkdown(rows));
  });

  describe('the checks report', () => {
    const base: InventoryRow = { member: 'PortMapping.name', constraint: 'A port name is short and lowercase.', handling: 'schema' };
    const problems = (list: InventoryRow[], constrained = ['PortMapping.name']): string[] =>
      inventoryProblems(list, { ...ctx, constrained: new Set(constrained) });

    it('a member with a constraint sentence and no row', () => {
      assert.deepEqual(problems([base], ['PortMapping.name', 'PortMapping.hostPort']), [
        'PortMapping.hostPort: its documentation states a constraint, and no row covers it',
      ]);
    });

    it('a row naming a member the model lacks', () => {
      assert.match(problems([base, { ...base, member: 'PortMapping.hostPorts' }]).join('\n'), /no member PortMapping\.hostPorts/);
    });

    it('a rule id the table lacks, and a planned id the table has', () => {
      const out = problems([
        base,
        { ...base, handling: 'rule:no-such-rule' },
        { ...base, handling: 'planned:port-mapping-duplicate', severity: 'error', prevents: 'ECS rejects it.' },
      ]).join('\n');
      assert.match(out, /rule "no-such-rule" is not in the rule table/);
      assert.match(out, /"port-mapping-duplicate" is a rule of the table now; say rule:port-mapping-duplicate/);
    });

    it('a planned row without severity, a malformed handling, severity on a schema row', () => {
      const out = problems([
        base,
        { ...base, handling: 'planned:new-rule' },
        { ...base, handling: 'offline:no space' },
        { ...base, severity: 'error' },
      ]).join('\n');
      assert.match(out, /a planned rule needs severity and prevents/);
      assert.match(out, /handling "offline:no space" is not/);
      assert.match(out, /severity and prevents belong to planned rows only/);
    });
  });
});

describe('constraint extractor', () => {
  it('splits paragraphs into sentences, not inside versions or after e.g.', () => {
    assert.deepEqual(toSentences('<p>Needs agent 1.26.0 or later. Use e.g. <code>ALL</code> here. Done.</p>'), [
      'Needs agent 1.26.0 or later.',
      'Use e.g. `ALL` here.',
      'Done.',
    ]);
  });

  it('joins short list items to the intro that announces them', () => {
    const html = '<p>The following are the supported values for each volume type.</p> <ul> <li> <p> <code>gp3</code>: 3,000 - 16,000 IOPS</p> </li> <li> <p> <code>io1</code>: 100 - 64,000 IOPS</p> </li> </ul>';
    assert.deepEqual(toSentences(html), ['The following are the supported values for each volume type: `gp3`: 3,000 - 16,000 IOPS; `io1`: 100 - 64,000 IOPS.']);
  });

  it('prefixes the sentences of a definition with its term', () => {
    const html = '<dl> <dt>awslogs-region</dt> <dd> <p>Required: Yes</p> </dd> <dt>awslogs-create-group</dt> <dd> <p>Required: No</p> </dd> </dl>';
    assert.deepEqual(toSentences(html), ['awslogs-region: Required: Yes', 'awslogs-create-group: Required: No']);
    assert.deepEqual(constraintCues('awslogs-region: Required: Yes'), ['required']);
    assert.deepEqual(constraintCues('awslogs-create-group: Required: No'), []);
  });

  it('picks constraint sentences by their cues', () => {
    assert.deepEqual(constraintCues('You must use either the `bridge` network mode or the `awsvpc` network mode.'), ['must']);
    assert.deepEqual(constraintCues('Valid values are multiples of 0.1 from 0.1 to 100.0.'), ['values', 'range']);
    assert.deepEqual(constraintCues('This parameter is not supported for Windows containers.'), ['unsupported', 'platform']);
    assert.deepEqual(constraintCues('Classic Load Balancers aren\'t supported.'), ['unsupported']);
    assert.deepEqual(constraintCues('You can specify a maximum of 10 constraints for each task.'), ['limit']);
    assert.deepEqual(constraintCues('Task-level CPU and memory parameters are ignored for Windows containers.'), ['platform']);
  });

  it('leaves out sentences that explain', () => {
    for (const s of [
      'For more information, see Task size in the Amazon Elastic Container Service Developer Guide.',
      'This parameter maps to `CpuShares` in the docker container create command.',
      'If you do not specify a value, the parameter is ignored.',
      'The minimum healthy percent value is used to define the lower limit on the number of the tasks.',
      'The number of consecutive successful health checks that a target must pass before the gateway considers it healthy.',
      'When you use the Amazon Web Services Management Console, you must specify the full ARN of the secret.',
      'The default value is 30 seconds.',
    ]) {
      assert.deepEqual(constraintCues(s), [], s);
    }
  });
});
