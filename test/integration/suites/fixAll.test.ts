/**
 * Fix all: `source.fixAll.ecsLens` is one action whose edit applies every certain fix; it runs on save through
 * `editor.codeActionsOnSave`, through the `ecsLens.fixAll` command, and it honours `ecsLens.rules`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate,
  applyAction,
  closeAllEditors,
  codeActionsAt,
  codeOf,
  describeDiagnostics,
  fixtureUri,
  openFixture,
  readDisk,
  replaceOnce,
  replaceText,
  setLanguageSetting,
  setWorkspaceSetting,
  settle,
  waitFor,
  waitForDiagnostics,
  wholeRange,
  writeDisk,
} from '../helpers';

const FIX_ALL = 'source.fixAll.ecsLens';
const has = (code: string) => (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === code);

/** quick-fixes.json with all four certain fixes applied, built from the original by plain text edits. */
function fullyFixed(original: string): string {
  let text = original;
  text = replaceOnce(text, '"networkMode": "bridge"', '"networkMode": "awsvpc"');
  text = replaceOnce(text, '"imagee":', '"image":');
  text = replaceOnce(text, '"memoryReservation": "256"', '"memoryReservation": 256');
  text = replaceOnce(text, '"hostPort": 80,', '"hostPort": 8080,');
  return text;
}

async function openWithProblems(file: string, codes: string[]): Promise<vscode.TextDocument> {
  const { document } = await openFixture(file);
  await waitForDiagnostics(document.uri, (d) => codes.every((c) => has(c)(d)), codes.join(', '));
  return document;
}

suite('fix all', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(async () => {
    await setWorkspaceSetting('ecsLens.rules', undefined);
    await setLanguageSetting('json', 'editor', 'codeActionsOnSave', undefined);
    await closeAllEditors();
  });

  test('source.fixAll.ecsLens is one action that applies every certain fix', async () => {
    const doc = await openWithProblems('task-definitions/quick-fixes.json', ['fargate-network-mode', 'schema.unknown-key', 'schema.type']);
    const original = doc.getText();
    const actions = await codeActionsAt(doc.uri, wholeRange(doc), FIX_ALL);
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    const [action] = actions;
    assert.equal(action!.kind?.value, FIX_ALL);
    // Three problems at first, four fixes: fixing networkMode makes hostPort 80 an error, which is fixed too.
    assert.equal(action!.title, 'Fix all ECS problems with a certain fix (4)');

    await applyAction(action!);
    const text = doc.getText();
    assert.equal(text, fullyFixed(original));
    assert.doesNotThrow(() => JSON.parse(text), 'the fixed document must be valid JSON');
    const after = await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics after fix all');
    assert.deepEqual(after, []);
    assert.deepEqual(await codeActionsAt(doc.uri, wholeRange(doc), FIX_ALL), [], 'nothing left to fix, no action');
  });

  test('the parent kind source.fixAll includes it (JSONC: comments kept)', async () => {
    const doc = await openWithProblems('task-definitions/quick-fixes.jsonc', ['schema.type']);
    const original = doc.getText();
    const actions = (await codeActionsAt(doc.uri, wholeRange(doc), 'source.fixAll')).filter((a) => a.kind?.value === FIX_ALL);
    assert.equal(actions.length, 1, 'no source.fixAll.ecsLens action for a source.fixAll request');
    assert.equal(actions[0]!.title, 'Fix all ECS problems with a certain fix (1)');
    await applyAction(actions[0]!);
    assert.equal(doc.getText(), replaceOnce(original, '"memoryReservation": "128",', '"memoryReservation": 128,'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics after fix all');
  });

  test('a rule turned off in ecsLens.rules is neither reported nor fixed', async () => {
    const doc = await openWithProblems('task-definitions/quick-fixes.json', ['fargate-network-mode', 'schema.type']);
    const original = doc.getText();
    await setWorkspaceSetting('ecsLens.rules', { 'fargate-network-mode': 'off' });
    await waitForDiagnostics(doc.uri, (d) => !has('fargate-network-mode')(d) && has('schema.type')(d), 'fargate-network-mode off');

    const actions = await codeActionsAt(doc.uri, wholeRange(doc), FIX_ALL);
    assert.deepEqual(actions.map((a) => a.title), ['Fix all ECS problems with a certain fix (2)']);
    await applyAction(actions[0]!);
    // networkMode stays "bridge", so hostPort 80 stays legal and untouched.
    let expected = replaceOnce(original, '"imagee":', '"image":');
    expected = replaceOnce(expected, '"memoryReservation": "256"', '"memoryReservation": 256');
    assert.equal(doc.getText(), expected);
  });

  test('the ecsLens.fixAll command fixes the active editor', async () => {
    const doc = await openWithProblems('task-definitions/quick-fixes.json', ['fargate-network-mode', 'schema.unknown-key']);
    const expected = fullyFixed(doc.getText());
    await vscode.commands.executeCommand('ecsLens.fixAll');
    await waitFor(() => doc.getText(), (t) => t === expected, 'the document to be fixed by ecsLens.fixAll');
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics after ecsLens.fixAll');
  });

  test('fix all on save (editor.codeActionsOnSave for [json]) writes the fixed text to disk', async () => {
    const uri = fixtureUri('task-definitions/fix-on-save.json');
    const onDisk = await readDisk(uri);
    try {
      await setLanguageSetting('json', 'editor', 'codeActionsOnSave', { [FIX_ALL]: 'explicit' });
      const inspected = vscode.workspace.getConfiguration('editor', { languageId: 'json' }).inspect('codeActionsOnSave');
      assert.deepEqual(inspected?.workspaceLanguageValue, { [FIX_ALL]: 'explicit' }, 'the [json] setting was not written');

      const doc = await openWithProblems('task-definitions/fix-on-save.json', ['fargate-network-mode', 'schema.type']);
      // The edit that makes the buffer dirty is itself a fixable mistake.
      await replaceText(doc, '"protocol": "tcp"', '"protocol": "TCP"');
      assert.ok(doc.isDirty, 'the edit did not make the document dirty');
      assert.equal(await doc.save(), true, 'save() failed');

      let expected = replaceOnce(onDisk, '"networkMode": "bridge"', '"networkMode": "awsvpc"');
      expected = replaceOnce(expected, '"memoryReservation": "256"', '"memoryReservation": 256');
      expected = replaceOnce(expected, '"hostPort": 80,', '"hostPort": 8080,');
      const saved = await readDisk(uri);
      assert.equal(saved, expected, 'the file on disk is not the fixed text');
      assert.doesNotThrow(() => JSON.parse(saved), 'the saved file must be valid JSON');
      assert.equal(doc.getText(), saved);
      assert.equal(doc.isDirty, false, 'the fixes were applied after the save, leaving the buffer dirty');
      const after = await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics after the save');
      assert.deepEqual(after, [], describeDiagnostics(after));
    } finally {
      await writeDisk(uri, onDisk);
    }
  });

  test('saving non-ECS JSON with fix-on-save on leaves it as typed', async () => {
    const uri = fixtureUri('other/settings.json');
    const onDisk = await readDisk(uri);
    try {
      await setLanguageSetting('json', 'editor', 'codeActionsOnSave', { [FIX_ALL]: 'explicit', 'source.fixAll': 'explicit' });
      const { document: doc } = await openFixture('other/settings.json');
      await replaceText(doc, '"editor.tabSize": 2', '"editor.tabSize": 4');
      assert.equal(await doc.save(), true, 'save() failed');
      assert.equal(await readDisk(uri), replaceOnce(onDisk, '"editor.tabSize": 2', '"editor.tabSize": 4'));
      await settle();
      assert.equal(doc.getText(), await readDisk(uri), 'the document changed after the save');
    } finally {
      await writeDisk(uri, onDisk);
    }
  });

  test('fix all honours a kind forced by ecsLens.files.associations', async () => {
    // Recognised by content as nothing; forced to be a task definition, it has a fixable network mode.
    await setWorkspaceSetting('ecsLens.files.associations', { '**/other/forced-task.json': 'task-definition' });
    try {
      const doc = await openWithProblems('other/forced-task.json', ['fargate-network-mode']);
      const actions = await codeActionsAt(doc.uri, wholeRange(doc), FIX_ALL);
      assert.equal(actions.length, 1, 'one fix-all action');
      await applyAction(actions[0]!);
      assert.match(doc.getText(), /"networkMode": "awsvpc"/);
    } finally {
      await setWorkspaceSetting('ecsLens.files.associations', undefined);
    }
  });
});

