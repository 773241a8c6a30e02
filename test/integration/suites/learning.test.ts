/**
 * Learning while editing, through the real VS Code API: hovers (vscode.executeHoverProvider), completion
 * (vscode.executeCompletionItemProvider, a snippet inserted and linting clean), the Concepts view's tree and the
 * Explain This Field command.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note } from '../events';
import { activate, closeAllEditors, median, openFixture, positionOf, settle, waitFor, waitForDiagnostics } from '../helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

suite('learning: hovers, completion, concepts', () => {
  teardown(closeAllEditors);

  test('a key hover shows the field summary, the concept and links; a value hover explains the value', async () => {
    const editor = await openFixture('task-definitions/valid-fargate.json');
    await activate();
    const uri = editor.document.uri;
    const key = hoverText(await hoversAt(uri, positionOf(editor.document, '"executionRoleArn"').translate(0, 2)));
    assert.match(key, /\*\*`executionRoleArn`\*\* · string · optional/);
    assert.match(key, /AWS documentation\]\(https:\/\/docs\.aws\.amazon\.com/);
    const value = hoverText(await hoversAt(uri, positionOf(editor.document, '"512"').translate(0, 2)));
    assert.match(value, /512 CPU units = 0\.5 vCPU\. On Fargate this size allows memory 1024, 2048, 3072, 4096 MiB/);
    const awsvpc = hoverText(await hoversAt(uri, positionOf(editor.document, '"awsvpc"').translate(0, 2)));
    assert.match(awsvpc, /\*\*`awsvpc`\*\* — a value of `networkMode`/);

    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await hoversAt(uri, positionOf(editor.document, '"portMappings"').translate(0, 3));
      samples.push(performance.now() - t);
    }
    note(`Hover round trip (executeHoverProvider, all providers): median ${median(samples).toFixed(1)} ms over 10`);
  });

  test('package.json gets no ECS hover', async () => {
    const editor = await openFixture('package.json');
    const text = hoverText(await hoversAt(editor.document.uri, positionOf(editor.document, '"name"').translate(0, 2)));
    assert.doesNotMatch(text, /docs\.aws\.amazon\.com/);
  });

  test('completion offers missing keys with documentation, enum values, and Fargate memory for the cpu', async () => {
    const editor = await openFixture('task-definitions/valid-fargate.json');
    const doc = editor.document;
    const before = positionOf(doc, '"containerDefinitions"');
    // A new, empty line where a key can go: the cursor sits at its end.
    await editor.edit((b) => b.insert(before, '\n  '));
    const keys = await completionsAt(doc.uri, before);
    const runtime = keys.find((i) => label(i) === 'runtimePlatform');
    assert.ok(runtime, `no runtimePlatform among ${keys.map(label).slice(0, 40).join(', ')}`);
    assert.ok(!keys.some((i) => label(i) === 'family'), 'present keys are not offered again');
    const memory = positionOf(doc, '"1024"');
    const values = (await completionsAt(doc.uri, memory.translate(0, 1))).map(label);
    for (const m of ['1024', '2048', '3072', '4096']) assert.ok(values.includes(m), `memory ${m} among ${values.join(', ')}`);
    await vscode.commands.executeCommand('undo');
  });

  test('a whole container inserted from completion lints clean', async () => {
    const editor = await openFixture('task-definitions/valid-fargate.json');
    const doc = editor.document;
    const before = doc.getText();
    const at = positionOf(doc, '"containerDefinitions": [').translate(0, '"containerDefinitions": ['.length);
    await editor.edit((b) => b.insert(at, '\n    ,'));
    // The cursor on the new line, before the comma: where a new first container goes.
    const cursor = new vscode.Position(at.line + 1, 4);
    const items = await completionsAt(doc.uri, cursor);
    const container = items.find((i) => label(i) === 'New container');
    assert.ok(container, `items: ${items.map(label).join(', ')}`);
    assert.ok(container.insertText instanceof vscode.SnippetString);
    const inserted = await editor.insertSnippet(container.insertText, new vscode.Range(cursor, cursor));
    assert.ok(inserted, 'the snippet was inserted');
    assert.notEqual(doc.getText(), before);
    assert.doesNotThrow(() => JSON.parse(doc.getText()), doc.getText());
    await settle();
    // The leading comma typed above makes a syntax error until the container is inserted before it; then the
    // document parses and must be clean.
    await waitForDiagnostics(doc.uri, (diags) => !diags.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'no errors after inserting the container');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await settle();
  });

  test('the Concepts view groups every concept by theme, and the filter narrows it', async () => {
    const api = await activate();
    const tree = api.getConceptTree();
    assert.ok(tree.length >= 8, `themes: ${tree.map((t) => t.label).join(', ')}`);
    const all = tree.flatMap((t) => t.concepts);
    assert.ok(all.includes('task-execution-role') && all.includes('dynamic-port-mapping'));
    await vscode.commands.executeCommand('ecsLens.filterConcepts', 'binpack');
    const filtered = api.getConceptTree().flatMap((t) => t.concepts);
    assert.ok(filtered.includes('placement-strategy-binpack'));
    assert.ok(filtered.length < all.length);
    await vscode.commands.executeCommand('ecsLens.clearConceptFilter');
    assert.equal(api.getConceptTree().flatMap((t) => t.concepts).length, all.length);
  });

  test('Explain This Field opens the page of the key at the cursor; Show in My File jumps back', async () => {
    const editor = await openFixture('task-definitions/valid-fargate.json');
    const at = positionOf(editor.document, '"executionRoleArn"').translate(0, 3);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('ecsLens.explainField');
    const page = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'ecs-lens-concept'), (d) => d !== undefined, 'a concept page is opened');
    assert.ok(page);
    assert.match(page.uri.path, /executionRoleArn/);
    assert.match(page.getText(), /# `executionRoleArn`/);

    await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('ecsLens.showConceptInFile', 'task-execution-role');
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), editor.document.uri.toString());
    assert.equal(active?.document.getText(active.selection), '"executionRoleArn"');
  });
});
