import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import { rules } from '../../../src/core/rules/index';
import { containerRules } from '../../../src/core/rules/container/index';
import { json } from '../helpers';
import { container, ec2Task } from './container-fixtures';

describe('container rules: the table', () => {
  it('has unique ids, AWS documentation links and task-definition scope', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique across the project');
    for (const r of containerRules) {
      assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, r.id);
      assert.match(r.docs, /^https:\/\/docs\.aws\.amazon\.com\/AmazonECS\/latest\/(developerguide|APIReference)\//, r.id);
      assert.equal(r.appliesTo, 'task-definition');
      assert.ok(r.title.length > 10, r.id);
    }
  });

  it('never makes security or practice advice an error', () => {
    for (const id of ['secret-in-environment', 'image-tag-latest', 'container-image-empty', 'health-check-command-type']) {
      const rule = containerRules.find((r) => r.id === id);
      assert.ok(rule, id);
      assert.notEqual(rule.severity, 'error', id);
    }
  });

  it('survives values of every wrong type', () => {
    const junk: unknown[] = [null, 0, -1, 1e308, '', 'x', true, [], {}, [null], [1, 'a', {}], { a: null }];
    const members = [
      'name', 'image', 'essential', 'memory', 'memoryReservation', 'cpu', 'dependsOn', 'healthCheck', 'mountPoints',
      'volumesFrom', 'links', 'secrets', 'environment', 'environmentFiles', 'portMappings',
    ];
    for (const value of junk) {
      for (const member of members) {
        const td = ec2Task([container('app', { [member]: value }), container('b', { dependsOn: [{ containerName: value, condition: value }] })], {
          volumes: [{ name: value, efsVolumeConfiguration: { rootDirectory: value, authorizationConfig: value, transitEncryption: value, transitEncryptionPort: value } }],
          cpu: value,
          memory: value,
        });
        assert.doesNotThrow(() => lint(json(td)), `${member} = ${JSON.stringify(value)}`);
      }
      for (const top of ['containerDefinitions', 'volumes']) {
        assert.doesNotThrow(() => lint(json({ family: 'x', [top]: value })), `${top} = ${JSON.stringify(value)}`);
      }
      const hc = { command: value, interval: value, timeout: value };
      assert.doesNotThrow(() => lint(json(ec2Task([container('app', { healthCheck: hc })]))));
      assert.doesNotThrow(() => lint(json(ec2Task([container('app', { secrets: [{ name: 'A', valueFrom: value }], environment: [{ name: 'A', value }] })]))));
    }
  });

  it('handles many containers and dependencies (timings are in npm run bench)', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      container(`c${i}`, { dependsOn: [{ containerName: `c${i + 1}`, condition: 'START' }], environment: Array.from({ length: 20 }, (_, k) => ({ name: `V${k}`, value: 'x' })) }),
    );
    const diags = lint(json(ec2Task(many)));
    // Only the last container names one that does not exist; the 10-container limit is reported once.
    assert.equal(diags.filter((d) => d.code === 'depends-on-unknown-container').length, 1);
    assert.equal(diags.filter((d) => d.code === 'schema.items').length, 1);
  });
});
