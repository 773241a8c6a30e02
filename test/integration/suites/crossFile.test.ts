/**
 * Across files: a service is checked against the task definition it names (by family) in the workspace, from
 * disk or from an open editor; changing that task definition re-validates the open service. Also prints how long
 * a task-definition edit takes to reach the service's diagnostics (debounce included).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note } from '../events';
import {
  activate,
  applyAction,
  closeAllEditors,
  quickFixesAt,
  codeOf,
  describeDiagnostics,
  diagnosticWithCode,
  fixtureUri,
  openFixture,
  positionOf,
  readDisk,
  replaceOnce,
  replaceText,
  titlesOf,
  validationDelayMs,
  waitForDiagnostics,
  writeDisk,
} from '../helpers';

const SERVICE = 'services/lb-service.json';
const TASK_DEFINITION = 'task-definitions/lb-app.json';
const PORT_CODE = 'service-td-lb-container-port';
const MAPPING_8080 = '{ "containerPort": 8080, "protocol": "tcp" }';
const MAPPINGS_8080_9999 = `${MAPPING_8080},\n        { "containerPort": 9999, "protocol": "tcp" }`;

const hasPortError = (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === PORT_CODE);
const noPortError = (d: vscode.Diagnostic[]) => !hasPortError(d);
// Reported only when the task definition was found: proves the service is still linked, not just cleared.
const linked = (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === 'service-td-lb-health-check');

async function openServiceWithPortError(): Promise<{ doc: vscode.TextDocument; diags: vscode.Diagnostic[] }> {
  const { document: doc } = await openFixture(SERVICE);
  // The workspace scan runs at activation: the first pass may predate it, the index then re-validates.
  const diags = await waitForDiagnostics(doc.uri, hasPortError, PORT_CODE, 15_000);
  return { doc, diags };
}

suite('cross-file', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(closeAllEditors);

  test('the service is checked against the task definition file it names (not open)', async () => {
    const { doc, diags } = await openServiceWithPortError();
    const tdUri = fixtureUri(TASK_DEFINITION).toString();
    assert.ok(
      !vscode.workspace.textDocuments.some((x) => x.uri.toString() === tdUri),
      'the task definition is open: this test is about the file found in the workspace',
    );
    const d = diagnosticWithCode(diags, PORT_CODE);
    assert.equal(d.range.start.line, positionOf(doc, '"containerPort": 9999').line);
    assert.equal(doc.getText(d.range), '9999');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Container "app" in task definition "lb-app:3" maps container port 8080, not 9999/);
  });

  test('adding the port in the task definition editor clears the service error; reverting brings it back', async () => {
    const { doc: service } = await openServiceWithPortError();
    const { document: td } = await openFixture(TASK_DEFINITION);
    const started = performance.now();
    await replaceText(td, MAPPING_8080, MAPPINGS_8080_9999);
    assert.ok(td.isDirty);
    const after = await waitForDiagnostics(service.uri, noPortError, `${PORT_CODE} to go after the task definition edit`);
    const elapsed = performance.now() - started;
    assert.ok(linked(after), `the service lost its task definition instead:\n${describeDiagnostics(after)}`);
    note(
      `Task definition edit -> service diagnostics: ${elapsed.toFixed(0)} ms ` +
        `(includes ecsLens.validate.delay=${validationDelayMs()} ms debounce)`,
    );

    // Revert the unsaved edit (the buffer goes back to the file): the service must be checked again.
    await vscode.window.showTextDocument(td);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(td.isDirty, false);
    assert.ok(!td.getText().includes('9999'), 'revert did not restore the task definition');
    await waitForDiagnostics(service.uri, hasPortError, `${PORT_CODE} to come back after the revert`);
  });

  test('a task definition changed on disk (not open) re-validates the service', async () => {
    const { doc: service } = await openServiceWithPortError();
    const uri = fixtureUri(TASK_DEFINITION);
    const onDisk = await readDisk(uri);
    try {
      await writeDisk(uri, replaceOnce(onDisk, MAPPING_8080, MAPPINGS_8080_9999));
      const after = await waitForDiagnostics(service.uri, noPortError, `${PORT_CODE} to go after the file changed`);
      assert.ok(linked(after), describeDiagnostics(after));
    } finally {
      await writeDisk(uri, onDisk);
    }
    await waitForDiagnostics(service.uri, hasPortError, `${PORT_CODE} to come back after the file was restored`);
  });

  test('the service quick fix offers the mapped port (not preferred: the port may be what is wrong)', async () => {
    const { doc, diags } = await openServiceWithPortError();
    const original = doc.getText();
    const actions = await quickFixesAt(doc.uri, diagnosticWithCode(diags, PORT_CODE).range);
    assert.deepEqual(titlesOf(actions), [['Change to 8080', false]]);
    await applyAction(actions[0]!);
    assert.equal(doc.getText(), replaceOnce(original, '"containerPort": 9999', '"containerPort": 8080'));
    const after = await waitForDiagnostics(doc.uri, noPortError, `${PORT_CODE} to go after the quick fix`);
    assert.ok(linked(after), describeDiagnostics(after));
  });
});
