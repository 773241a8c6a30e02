/**
 * Restricted mode: a VS Code of its own on test/integration/fixtures-untrusted, with workspace trust on and the
 * folder not trusted (scripts/integration.mjs sets ECS_LENS_TEST_UNTRUSTED=1 for it). The workspace's settings
 * try to redirect signed requests to a server of the repository's choice and to pick the AWS profile; the user's
 * own settings point at the local ECS endpoint. Until the user trusts the folder, ECS Lens must read none of
 * those, and still validate and explain files.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { callsByOperation, control, ENDPOINT, eventually, resetCalls } from '../endpoint';
import { activate, closeAllEditors, codesOf, fixtureUri, sleep, waitForDiagnostics, type EcsLensApi, type TreeItemSnapshot } from '../helpers';

const UNTRUSTED_RUN = process.env.ECS_LENS_TEST_UNTRUSTED === '1';

suite('untrusted workspace (restricted mode)', () => {
  let api: EcsLensApi;

  suiteSetup(async function () {
    // Only the runner's untrusted session opens this workspace without trust; other runners skip the suite.
    if (!UNTRUSTED_RUN || !ENDPOINT) this.skip();
    api = await activate();
    await control('reset', { seed: 'default' });
  });

  teardown(closeAllEditors);

  test('the folder is not trusted, and ECS Lens runs in it', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner opened this workspace trusted: the suite would prove nothing');
    assert.ok(vscode.extensions.getExtension('ecs-lens.ecs-lens')?.isActive, 'ECS Lens declares limited support: it must activate');
  });

  test('validation and hovers work as in a trusted folder', async () => {
    const uri = fixtureUri('task.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, (d) => d.length > 0, 'the awsvpc port mapping error');
    assert.deepEqual(codesOf(uri), ['port-mapping-host-port']);
    const at = doc.positionAt(doc.getText().indexOf('"networkMode"') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, /awsvpc/);
  });

  test('no custom endpoint and no workspace profile: neither the workspace\'s nor the user\'s endpoint is used', async () => {
    const config = vscode.workspace.getConfiguration('ecsLens.aws');
    try {
      // The user's own endpoint (and the demo variable the runner sets) would apply in a trusted folder.
      // Another spelling of the same loopback URL, to tell the user's value from the demo variable's.
      const userEndpoint = ENDPOINT.replace('127.0.0.1', 'localhost');
      await config.update('endpoint', userEndpoint, vscode.ConfigurationTarget.Global);
      // The session reads the settings again on a change: wait until it has seen the user's endpoint.
      const session = await eventually(
        () => api.getAwsSession(),
        (s) => s.notices.some((n) => n.includes(userEndpoint)),
        'the session to see the user endpoint',
      );
      assert.equal(session.endpoint, undefined, `endpoint in use: ${session.endpoint}`);
      assert.equal(session.endpointSource, undefined);
      assert.notEqual(session.profile, 'from-workspace');
      assert.ok(
        session.notices.some((n) => /ignored until you trust this workspace/.test(n)),
        `notices: ${JSON.stringify(session.notices)}`,
      );

      // Reading the tree sends requests to AWS's own endpoint (which this machine cannot reach), never to either
      // custom one: the local endpoint sees no call, and the tree shows a problem instead of its clusters.
      await resetCalls();
      const read = async () => {
        await api.getClustersTree();
        return api.getClustersTree('clusters');
      };
      const clusters = await Promise.race([
        read().catch((): TreeItemSnapshot[] => []),
        sleep(45_000).then((): TreeItemSnapshot[] => []),
      ]);
      assert.ok(!clusters.some((c) => c.label === 'prod'), `clusters of the local endpoint shown: ${clusters.map((c) => c.label).join(', ')}`);
      assert.deepEqual(await callsByOperation(), {}, 'a request reached the local endpoint');
    } finally {
      await config.update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
