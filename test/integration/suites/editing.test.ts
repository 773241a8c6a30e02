/**
 * Editing a document re-validates it: a mistake typed in shows up, and disappears when undone. Also measures
 * (prints) how long an edit takes to turn into updated diagnostics, including the configured debounce.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note } from '../events';
import {
  activate,
  closeAllEditors,
  codeOf,
  median,
  openFixture,
  positionOf,
  replaceText,
  validationDelayMs,
  waitForDiagnostics,
} from '../helpers';

const GOOD = '"essential": true';
const BAD = '"essential": "true"';

suite('editing', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await activate();
  });
  setup(async () => {
    doc = (await openFixture('task-definitions/edit-me.json')).document;
  });
  teardown(closeAllEditors);

  const typeErrorOnLine = (line: number) => (d: vscode.Diagnostic[]) =>
    d.some((x) => codeOf(x) === 'schema.type' && x.range.start.line === line);

  test('typing a mistake adds a diagnostic and undoing it removes it', async () => {
    const line = positionOf(doc, GOOD).line;
    await waitForDiagnostics(doc.uri, (d) => !typeErrorOnLine(line)(d), 'a clean start');

    await replaceText(doc, GOOD, BAD);
    await waitForDiagnostics(doc.uri, typeErrorOnLine(line), `schema.type on line ${line + 1} after the edit`);

    // Undo through the editor, as a user would, rather than another WorkspaceEdit.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.ok(doc.getText().includes(GOOD), 'undo did not restore the text');
    await waitForDiagnostics(doc.uri, (d) => !typeErrorOnLine(line)(d), 'the diagnostic to go after undo');
  });

  test('an edit that breaks the JSON syntax is reported, and the fix clears it', async () => {
    await replaceText(doc, '"family": "edit-me",', '"family": "edit-me"');
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'json.syntax'), 'json.syntax');
    assert.ok(diags.length > 0);
    await replaceText(doc, '"family": "edit-me"', '"family": "edit-me",');
    await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'json.syntax'), 'json.syntax to clear');
  });

  test('edit-to-diagnostics latency (printed)', async () => {
    const line = positionOf(doc, GOOD).line;
    await waitForDiagnostics(doc.uri, (d) => !typeErrorOnLine(line)(d), 'a clean start');
    const samples: number[] = [];
    // Alternate between a broken and a fixed document so that every edit must produce a visible change.
    for (let i = 0; i < 10; i++) {
      const breaking = i % 2 === 0;
      const started = performance.now();
      await replaceText(doc, breaking ? GOOD : BAD, breaking ? BAD : GOOD);
      await waitForDiagnostics(
        doc.uri,
        (d) => typeErrorOnLine(line)(d) === breaking,
        breaking ? 'the error to appear' : 'the error to go',
      );
      samples.push(performance.now() - started);
    }
    assert.equal(samples.length, 10);
    note(
      `Edit -> diagnostics: median ${median(samples).toFixed(0)} ms over ${samples.length} edits ` +
        `(min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}; ` +
        `includes ecsLens.validate.delay=${validationDelayMs()} ms debounce)`,
    );
  });
});
