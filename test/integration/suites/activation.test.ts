/**
 * The extension is installed, activates, and hands back its API. Runs first (see index.ts) so that it can time
 * a real activation rather than find the extension already activated by another suite's JSON document.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note } from '../events';
import { EXTENSION_ID, getExtension } from '../helpers';

suite('activation', () => {
  test(`${EXTENSION_ID} is installed and declares JSON activation`, () => {
    const ext = getExtension();
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    assert.ok(events.includes('onLanguage:json'), `activationEvents: ${JSON.stringify(events)}`);
    note(`Extension ${ext.id} ${ext.packageJSON.version} from ${ext.extensionUri.fsPath} (${vscode.ExtensionKind[ext.extensionKind]})`);
  });

  test('activate() resolves with the API object', async () => {
    const ext = getExtension();
    const wasActive = ext.isActive;
    const started = performance.now();
    const api = await ext.activate();
    const waitedMs = performance.now() - started;

    assert.ok(ext.isActive, 'extension reports isActive=false after activate() resolved');
    assert.equal(typeof api?.getLanguageStatus, 'function', 'exports.getLanguageStatus is not a function');

    // Printed, not asserted: timings on a shared 2-core machine are too noisy for a threshold.
    const own = typeof api.activationMs === 'number' ? `${api.activationMs.toFixed(1)} ms (exports.activationMs)` : 'n/a';
    const outside = wasActive ? 'already active before this suite' : `${waitedMs.toFixed(1)} ms (activate() call to resolve)`;
    note(`Activation time: ${own}; ${outside}`);
  });
});

suite('commands', () => {
  test('the command table and package.json contribute the same commands, and every one is registered', async () => {
    const ext = getExtension();
    const api = await ext.activate();
    const declared = ((ext.packageJSON.contributes?.commands ?? []) as Array<{ command: string }>).map((c) => c.command).sort();
    assert.deepEqual([...(api.commandIds as string[])].sort(), declared);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of declared) assert.ok(registered.has(id), `${id} is declared but not registered`);
  });

  test('activation does not load the AWS SDK', async () => {
    const api = await getExtension().activate();
    assert.equal(api.isAwsLoaded(), false);
  });
});
