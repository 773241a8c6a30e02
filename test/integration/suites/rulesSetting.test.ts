/** `ecsLens.rules` changes severities and turns rules off, live, by rule id or by diagnostic code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  openFixture,
  positionOf,
  setWorkspaceSetting,
  waitForDiagnostics,
} from '../helpers';

const FILE = 'task-definitions/rule-levels.json';
const { Error: ERROR, Warning: WARNING, Information: INFORMATION, Hint: HINT } = vscode.DiagnosticSeverity;

/** The severity of the one diagnostic with `code`, undefined when there is none. */
function severityOf(diags: vscode.Diagnostic[], code: string): vscode.DiagnosticSeverity | undefined {
  const found = diags.filter((d) => codeOf(d) === code);
  assert.ok(found.length <= 1, `more than one ${code}:\n${describeDiagnostics(diags)}`);
  return found[0]?.severity;
}

const severities = (latest: vscode.DiagnosticSeverity | undefined, enumLevel: vscode.DiagnosticSeverity | undefined) =>
  (d: vscode.Diagnostic[]) => severityOf(d, 'image-tag-latest') === latest && severityOf(d, 'schema.enum') === enumLevel;

suite('ecsLens.rules', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await activate();
  });
  setup(async () => {
    doc = (await openFixture(FILE)).document;
    // Every test starts from the defaults: a warning for "latest", an error for the bad protocol.
    await waitForDiagnostics(doc.uri, severities(WARNING, ERROR), 'image-tag-latest warning and schema.enum error');
  });
  teardown(async () => {
    await setWorkspaceSetting('ecsLens.rules', undefined);
    await closeAllEditors();
  });

  test('defaults sit on the right lines', () => {
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'ecs-lens');
    const lineOf = (code: string) => diags.find((d) => codeOf(d) === code)?.range.start.line;
    assert.equal(lineOf('image-tag-latest'), positionOf(doc, '"image"').line);
    assert.equal(lineOf('schema.enum'), positionOf(doc, '"HTTP"').line);
  });

  test('"off" removes a rule, "warning" lowers a code; resetting brings the defaults back', async () => {
    const before = await waitForDiagnostics(doc.uri, severities(WARNING, ERROR), 'defaults');
    const enumBefore = before.find((d) => codeOf(d) === 'schema.enum')!;

    await setWorkspaceSetting('ecsLens.rules', { 'image-tag-latest': 'off', 'schema.enum': 'warning' });
    const after = await waitForDiagnostics(doc.uri, severities(undefined, WARNING), 'image-tag-latest off, schema.enum warning');
    const enumAfter = after.find((d) => codeOf(d) === 'schema.enum')!;
    assert.deepEqual(enumAfter.range, enumBefore.range, 'only the severity may change');
    assert.equal(enumAfter.message, enumBefore.message, 'only the severity may change');

    await setWorkspaceSetting('ecsLens.rules', undefined);
    await waitForDiagnostics(doc.uri, severities(WARNING, ERROR), 'the defaults to come back');
  });

  test('every level: error, information, hint', async () => {
    await setWorkspaceSetting('ecsLens.rules', { 'image-tag-latest': 'error', 'schema.enum': 'hint' });
    await waitForDiagnostics(doc.uri, severities(ERROR, HINT), 'image-tag-latest error, schema.enum hint');
    await setWorkspaceSetting('ecsLens.rules', { 'image-tag-latest': 'information', 'schema.enum': 'information' });
    await waitForDiagnostics(doc.uri, severities(INFORMATION, INFORMATION), 'both information');
  });

  test('an unknown level is ignored (the rule keeps its default)', async () => {
    // schema.enum's change proves the new setting was read; image-tag-latest's bad value must be dropped.
    await setWorkspaceSetting('ecsLens.rules', { 'image-tag-latest': 'loud', 'schema.enum': 'warning' });
    await waitForDiagnostics(doc.uri, severities(WARNING, WARNING), 'schema.enum warning, image-tag-latest unchanged');
  });

  test('"off" works for a diagnostic code too: with both problems off the file is clean', async () => {
    await setWorkspaceSetting('ecsLens.rules', { 'schema.enum': 'off', 'image-tag-latest': 'off' });
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics with both off');
  });
});
