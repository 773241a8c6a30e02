/**
 * Quick fixes: the lightbulb (`vscode.executeCodeActionProvider` for a diagnostic's range) offers our fix titles,
 * certain fixes are preferred, and applying one changes exactly the intended text (formatting and JSONC comments
 * kept) and makes the diagnostic go. Non-ECS JSON gets no actions. Also prints the code-action round trip time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note } from '../events';
import {
  actionTitled,
  activate,
  applyAction,
  closeAllEditors,
  codeActionsAt,
  quickFixesAt,
  codeOf,
  describeDiagnostics,
  diagnosticWithCode,
  ecsDiagnostics,
  fixtureUri,
  median,
  openFixture,
  positionOf,
  replaceOnce,
  settle,
  titlesOf,
  waitForDiagnostics,
  wholeRange,
} from '../helpers';

const QUICK_FIXES = 'task-definitions/quick-fixes.json';
const FIX_ALL = 'source.fixAll.ecsLens';
const has = (code: string) => (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === code);
const lacks = (code: string) => (d: vscode.Diagnostic[]) => !d.some((x) => codeOf(x) === code);

/** Opens quick-fixes.json and waits for the three fixable problems it was written with. */
async function openQuickFixes(): Promise<{ doc: vscode.TextDocument; diags: vscode.Diagnostic[]; original: string }> {
  const { document: doc } = await openFixture(QUICK_FIXES);
  const codes = ['fargate-network-mode', 'schema.unknown-key', 'schema.type'];
  const diags = await waitForDiagnostics(doc.uri, (d) => codes.every((c) => has(c)(d)), codes.join(', '));
  return { doc, diags, original: doc.getText() };
}

suite('code actions', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(closeAllEditors);

  test('each fixable diagnostic offers its quick fix, preferred when certain', async () => {
    const { doc, diags } = await openQuickFixes();
    const lineOf = (needle: string) => positionOf(doc, needle).line;
    const cases: Array<{ code: string; on: string; rangeText: string; actions: Array<[string, boolean]> }> = [
      { code: 'fargate-network-mode', on: '"networkMode"', rangeText: '"bridge"', actions: [['Set "networkMode" to "awsvpc"', true]] },
      { code: 'schema.unknown-key', on: '"imagee"', rangeText: '"imagee"', actions: [['Rename "imagee" to "image"', true]] },
      { code: 'schema.type', on: '"memoryReservation"', rangeText: '"256"', actions: [['Convert "256" to the number 256', true]] },
    ];
    for (const c of cases) {
      const d = diagnosticWithCode(diags, c.code);
      assert.equal(d.range.start.line, lineOf(c.on), `${c.code} is not on the line of ${c.on}`);
      assert.equal(doc.getText(d.range), c.rangeText, `${c.code} does not underline ${c.rangeText}`);
      const actions = await quickFixesAt(doc.uri, d.range);
      assert.deepEqual(titlesOf(actions), c.actions, `actions for ${c.code}`);
      const [action] = actions;
      assert.equal(action!.kind?.value, vscode.CodeActionKind.QuickFix.value);
      // (action.diagnostics cannot be checked here: vscode.executeCodeActionProvider does not convert it back.)
    }

    // The missing "image" (it is misspelt) has no fix of its own: the rename is the remedy.
    const required = diagnosticWithCode(diags, 'schema.required');
    assert.deepEqual(titlesOf(await quickFixesAt(doc.uri, required.range)), []);

    // The whole document: every fix once, nothing else.
    const all = await quickFixesAt(doc.uri, wholeRange(doc));
    assert.deepEqual(
      titlesOf(all).sort(),
      cases.flatMap((c) => c.actions).sort(),
      'quick fixes for the whole document',
    );
  });

  test('"Rename" changes only the key; the unknown-key and missing-image errors go', async () => {
    const { doc, diags, original } = await openQuickFixes();
    const actions = await quickFixesAt(doc.uri, diagnosticWithCode(diags, 'schema.unknown-key').range);
    await applyAction(actionTitled(actions, 'Rename "imagee" to "image"'));
    assert.equal(doc.getText(), replaceOnce(original, '"imagee":', '"image":'));
    const after = await waitForDiagnostics(
      doc.uri,
      (d) => lacks('schema.unknown-key')(d) && lacks('schema.required')(d),
      'schema.unknown-key and schema.required to go',
    );
    // Positive control: the other problems are still reported, so this was a re-validation, not a wipe.
    assert.ok(has('fargate-network-mode')(after) && has('schema.type')(after), describeDiagnostics(after));
  });

  test('"Convert" turns the string into a number in place', async () => {
    const { doc, diags, original } = await openQuickFixes();
    const actions = await quickFixesAt(doc.uri, diagnosticWithCode(diags, 'schema.type').range);
    await applyAction(actionTitled(actions, 'Convert "256" to the number 256'));
    assert.equal(doc.getText(), replaceOnce(original, '"memoryReservation": "256"', '"memoryReservation": 256'));
    const after = await waitForDiagnostics(doc.uri, lacks('schema.type'), 'schema.type to go');
    assert.ok(has('fargate-network-mode')(after), describeDiagnostics(after));
  });

  test('fixing networkMode reveals the hostPort problem, fixable two ways (Set preferred, Remove not)', async () => {
    const { doc, diags, original } = await openQuickFixes();
    const network = await quickFixesAt(doc.uri, diagnosticWithCode(diags, 'fargate-network-mode').range);
    await applyAction(actionTitled(network, 'Set "networkMode" to "awsvpc"'));
    const awsvpc = replaceOnce(original, '"networkMode": "bridge"', '"networkMode": "awsvpc"');
    assert.equal(doc.getText(), awsvpc);

    // In awsvpc mode hostPort 80 next to containerPort 8080 is an error (in bridge mode it was legal).
    const portLine = positionOf(doc, '"portMappings"').line;
    const afterNetwork = await waitForDiagnostics(
      doc.uri,
      (d) => lacks('fargate-network-mode')(d) && has('port-mapping-host-port')(d),
      'fargate-network-mode to go and port-mapping-host-port to appear',
    );
    const hostPort = diagnosticWithCode(afterNetwork, 'port-mapping-host-port');
    assert.equal(hostPort.range.start.line, portLine);
    assert.equal(doc.getText(hostPort.range), '80');
    const actions = await quickFixesAt(doc.uri, hostPort.range);
    assert.deepEqual(titlesOf(actions), [
      ['Set "hostPort" to 8080 (same as containerPort)', true],
      ['Remove "hostPort"', false],
    ]);

    // The preferred fix: exactly the value changes.
    await applyAction(actionTitled(actions, 'Set "hostPort" to 8080 (same as containerPort)'));
    assert.equal(doc.getText(), replaceOnce(awsvpc, '"hostPort": 80,', '"hostPort": 8080,'));
    await waitForDiagnostics(doc.uri, lacks('port-mapping-host-port'), 'port-mapping-host-port to go after Set');

    // Back to hostPort 80, then the alternative: hostPort is gone, everything else is as it was.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), awsvpc, 'undo did not restore hostPort 80');
    const again = await waitForDiagnostics(doc.uri, has('port-mapping-host-port'), 'port-mapping-host-port after undo');
    const remove = actionTitled(await quickFixesAt(doc.uri, diagnosticWithCode(again, 'port-mapping-host-port').range), 'Remove "hostPort"');
    await applyAction(remove);
    const text = doc.getText();
    const parsed = JSON.parse(text) as { containerDefinitions: Array<{ portMappings: unknown[] }> };
    assert.deepEqual(parsed.containerDefinitions[0]!.portMappings, [{ containerPort: 8080, protocol: 'tcp' }]);
    // Lines before the port mappings are untouched. (The engine currently re-lays-out the edited inline object
    // over several lines, see jsonc-parser's formatting of removals; only its content is asserted here.)
    const head = (s: string) => s.split('\n').slice(0, portLine).join('\n');
    assert.equal(head(text), head(awsvpc));
    await waitForDiagnostics(doc.uri, lacks('port-mapping-host-port'), 'port-mapping-host-port to go after Remove');
  });

  test('JSONC: the fix keeps comments and trailing commas, and the error goes', async () => {
    const { document: doc } = await openFixture('task-definitions/quick-fixes.jsonc');
    const original = doc.getText();
    const diags = await waitForDiagnostics(doc.uri, has('schema.type'), 'schema.type');
    const d = diagnosticWithCode(diags, 'schema.type');
    assert.equal(d.range.start.line, positionOf(doc, '"memoryReservation"').line, 'comments shifted the range');
    const actions = await quickFixesAt(doc.uri, d.range);
    assert.deepEqual(titlesOf(actions), [['Convert "128" to the number 128', true]]);
    await applyAction(actions[0]!);
    const expected = replaceOnce(original, '"memoryReservation": "128",', '"memoryReservation": 128,');
    assert.equal(doc.getText(), expected);
    assert.ok(doc.getText().includes('// a string on purpose: the suite converts it'), 'the line comment was lost');
    assert.ok(doc.getText().includes('/* the API behind the load balancer */'), 'the block comment was lost');
    const after = await waitForDiagnostics(doc.uri, lacks('schema.type'), 'schema.type to go');
    assert.deepEqual(after.map(codeOf), [], `a fixed JSONC file must be clean:\n${describeDiagnostics(after)}`);
  });

  test('describe output: remove one read-only field, or unwrap the whole document', async () => {
    const { document: doc } = await openFixture('task-definitions/describe-output.json');
    const original = doc.getText();
    const diags = await waitForDiagnostics(doc.uri, (d) => has('describe.wrapper')(d) && has('describe.read-only')(d), 'describe.*');
    const revision = diags.find((d) => codeOf(d) === 'describe.read-only' && doc.getText(d.range) === '"revision"');
    assert.ok(revision, `no describe.read-only on "revision":\n${describeDiagnostics(diags)}`);
    const removeRevision = await quickFixesAt(doc.uri, revision.range);
    assert.deepEqual(titlesOf(removeRevision), [['Remove read-only "revision"', true]]);
    await applyAction(removeRevision[0]!);
    assert.equal(doc.getText(), replaceOnce(original, '    "revision": 7,\n', ''), 'exactly the "revision" line goes');
    await waitForDiagnostics(
      doc.uri,
      (d) => !d.some((x) => codeOf(x) === 'describe.read-only' && x.message.includes('"revision"')) && has('describe.wrapper')(d),
      'the "revision" diagnostic to go',
    );

    const wrapper = diagnosticWithCode(ecsDiagnostics(doc.uri), 'describe.wrapper');
    const unwrap = actionTitled(await quickFixesAt(doc.uri, wrapper.range), 'Unwrap describe output and drop read-only fields');
    assert.equal(unwrap.isPreferred, true);
    await applyAction(unwrap);
    assert.deepEqual(JSON.parse(doc.getText()), {
      family: 'described',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        {
          name: 'web',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          essential: true,
          portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        },
      ],
    });
    const after = await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x).startsWith('describe.')), 'describe.* to go');
    assert.deepEqual(after.map(codeOf), [], describeDiagnostics(after));
  });

  test('non-ECS JSON (package.json, other/settings.json) gets no code actions of ours', async () => {
    // Positive control: the provider answers for an ECS document in this window, for both kinds.
    const { doc } = await openQuickFixes();
    assert.ok((await quickFixesAt(doc.uri, wholeRange(doc))).length > 0, 'no quick fixes even for the ECS document');
    assert.equal((await codeActionsAt(doc.uri, wholeRange(doc), FIX_ALL)).length, 1, 'no fix-all for the ECS document');

    for (const file of ['package.json', 'other/settings.json']) {
      const { document } = await openFixture(file);
      await settle();
      const range = wholeRange(document);
      for (const kind of [vscode.CodeActionKind.QuickFix.value, 'source.fixAll', FIX_ALL]) {
        const actions = await codeActionsAt(fixtureUri(file), range, kind);
        assert.deepEqual(titlesOf(actions), [], `${file} got actions for kind ${kind}`);
      }
      // Unfiltered, only other extensions' actions may come back (the built-in JSON support offers "Sort JSON").
      const any = await codeActionsAt(fixtureUri(file), range);
      const ours = any.filter(
        (a) =>
          a.kind?.value === vscode.CodeActionKind.QuickFix.value ||
          a.kind?.value === FIX_ALL ||
          (a.diagnostics ?? []).some((d) => d.source === 'ecs-lens'),
      );
      assert.deepEqual(titlesOf(ours), [], `${file} got quick fixes or fix-all: ${JSON.stringify(titlesOf(any))}`);
    }
  });

  test('code action round trip (printed)', async () => {
    const { doc, diags } = await openQuickFixes();
    const range = diagnosticWithCode(diags, 'schema.unknown-key').range;
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const actions = await quickFixesAt(doc.uri, range);
      samples.push(performance.now() - started);
      assert.equal(actions.length, 1);
    }
    note(
      `Code actions (executeCodeActionProvider for one diagnostic): median ${median(samples).toFixed(1)} ms over ` +
        `${samples.length} requests (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)})`,
    );
  });
});
