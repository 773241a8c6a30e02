/**
 * The Clusters view's actions in the real extension host, against the local ECS endpoint: Edit as New Revision,
 * Compare with Previous Revision, Scale Service…, Stop Task…, Force New Deployment, Roll Back (stopping the
 * rollout with rollback where the service-deployment API allows it, else redeploying the previous revision),
 * Deregister Revision. Items are the tree's own nodes (by id, as the view passes them); confirmations are
 * answered through the test hook; what reached ECS is checked on the endpoint.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ACCOUNT, control, ecs, ENDPOINT, eventually, find, liveService, mutatingCalls, ofKind, resetCalls, seededAccount } from '../endpoint';
import { closeAllEditors, getExtension, replaceText, type EcsLensApi, type PromptRecord, type TestHooks, type TreeItemSnapshot } from '../helpers';

const ARN = (rev: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${rev}`;

function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

/** The commands package.json offers on a row of the Clusters view (its `viewItem =~ /.../` menus). */
function offered(item: TreeItemSnapshot): string[] {
  const menus = getExtension().packageJSON.contributes.menus['view/item/context'] as Array<{ command: string; when: string }>;
  return [
    ...new Set(
      menus
        .filter((m) => {
          const re = /viewItem =~ \/(.+)\/$/.exec(m.when);
          return m.when.startsWith('view == ecsLens.clusters') && re && new RegExp(re[1]!).test(item.contextValue ?? '');
        })
        .map((m) => m.command),
    ),
  ].sort();
}

suite('clusters view actions (local ECS endpoint)', () => {
  let api: EcsLensApi;
  let hooks: TestHooks;
  let prodId: string;
  let webId: string;
  const tree = (id?: string): Promise<TreeItemSnapshot[]> => api.getClustersTree(id);
  const asked = (kind: PromptRecord['kind']): PromptRecord[] => hooks.prompts().filter((p) => p.kind === kind);
  const revisions = async () => tree('family:web');
  const webService = async () => find(await tree(prodId), /^web /);

  suiteSetup(async function () {
    if (!ENDPOINT) this.skip(); // the desktop runner starts no endpoint
    ({ api, hooks } = await seededAccount());
    prodId = find(await tree('clusters'), 'prod').id;
    webId = (await webService()).id;
    find(await tree('task-definitions'), 'web');
    await revisions();
  });

  setup(async () => {
    hooks.clearPrompts();
    await resetCalls();
  });

  teardown(async () => {
    hooks.clearPrompts();
    await closeAllEditors();
    await control('clock', { speed: 0 });
  });

  test('each row offers its actions: revisions, services, running tasks', async () => {
    const revs = await revisions();
    assert.deepEqual(offered(find(revs, 'web:12')), [
      'ecsLens.clusters.compareWithPrevious',
      'ecsLens.clusters.copyArn',
      'ecsLens.clusters.deregisterRevision',
      'ecsLens.clusters.editAsNewRevision',
      'ecsLens.clusters.openInConsole',
      'ecsLens.clusters.openRevision',
      'ecsLens.deployToService',
    ]);
    const inactive = offered(find(revs, 'web:9'));
    assert.ok(inactive.includes('ecsLens.clusters.editAsNewRevision'));
    assert.ok(!inactive.includes('ecsLens.deployToService') && !inactive.includes('ecsLens.clusters.deregisterRevision'), 'an INACTIVE revision cannot be deployed or deregistered');
    const service = offered(await webService());
    for (const c of ['ecsLens.clusters.scaleService', 'ecsLens.clusters.forceNewDeployment', 'ecsLens.clusters.rollBack', 'ecsLens.watchRollout']) assert.ok(service.includes(c), `${c} on a service`);
    const task = ofKind(await tree(webId), 'task')[0]!;
    assert.ok(offered(task).includes('ecsLens.clusters.stopTask'));
  });

  test('Edit as New Revision: an untitled, editable copy with the Register button; registering it makes the next revision', async () => {
    const uri = await run<string>('ecsLens.clusters.editAsNewRevision', find(await revisions(), 'web:12').id);
    assert.match(uri, /^untitled:/);
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.uri.toString(), uri);
    assert.equal(doc.languageId, 'json');
    const json = JSON.parse(doc.getText()) as Record<string, unknown>;
    assert.equal(json.family, 'web');
    for (const readOnly of ['taskDefinitionArn', 'revision', 'status', 'registeredAt', 'compatibilities', 'requiresAttributes']) assert.ok(!(readOnly in json), readOnly);
    assert.deepEqual(json.tags, [{ key: 'team', value: 'storefront' }]);
    await eventually(() => hooks.editorKind(), (k) => k === 'task-definition', 'the Register button in its title');

    // As it is, it is web:12: nothing to register.
    assert.deepEqual(await run('ecsLens.registerTaskDefinition'), { family: 'web', arn: ARN('web:12'), revision: 12, registered: false });
    await replaceText(doc, 'web:1.12.0', 'web:1.12.1');
    // The confirmation, then the notification's "Open Revision".
    hooks.answer('Register', { kind: 'notice', answer: 'Open Revision' });
    assert.deepEqual(await run('ecsLens.registerTaskDefinition', doc.uri), { family: 'web', arn: ARN('web:13'), revision: 13, registered: true });
    assert.deepEqual(asked('notice').at(-1)?.choices, ['Deploy to Service…', 'Copy ARN', 'Open Revision']);
    const active = (): string | undefined => vscode.window.activeTextEditor && `${vscode.window.activeTextEditor.document.uri.scheme}:${vscode.window.activeTextEditor.document.uri.path}`;
    await eventually(active, (u) => u === `ecs-lens:/${ACCOUNT}/us-east-1/task-definitions/web:13.json`, 'the new revision opened');
    assert.match(asked('modal')[0]?.detail ?? '', /^Changes: containerDefinitions\[app\]\.image\.$/m);
    assert.deepEqual(await mutatingCalls(), { RegisterTaskDefinition: 1 });
    await eventually(async () => (await revisions()).map((r) => r.label).slice(0, 2), (l) => l.join() === 'web:13,web:12', 'web:13 in the tree');
  });

  test('Compare with Previous Revision: N−1 → N, both normalized, with what changed', async () => {
    const result = await run('ecsLens.clusters.compareWithPrevious', find(await revisions(), 'web:13').id);
    assert.deepEqual(result, { from: 'web:12', to: 'web:13', changes: ['containerDefinitions[app].image'] });
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputTextDiff);
    assert.match(input.original.path, /\/web:12 \(ACTIVE\)\.json$/);
    assert.match(input.modified.path, /\/web:13 \(ACTIVE\)\.json$/);
    assert.equal(await run('ecsLens.clusters.compareWithPrevious', find(await revisions(), 'web:1').id), undefined);
    assert.match(asked('notice').at(-1)?.message ?? '', /^web:1 is the first revision of web/);
    assert.deepEqual(await mutatingCalls(), {});
  });

  test('Scale Service…: the desired count asked and confirmed; cancelling sends nothing; the tree follows', async () => {
    hooks.answer('5', undefined);
    assert.equal(await run('ecsLens.clusters.scaleService', webId), undefined);
    assert.deepEqual(await mutatingCalls(), {});
    hooks.clearPrompts();
    hooks.answer('5', 'Scale');
    assert.equal(await run('ecsLens.clusters.scaleService', webId), 5);
    const [input] = asked('input');
    assert.equal(input?.message, 'Scale Service prod/web');
    assert.equal(input?.detail, 'Desired count (now 3, 3 running)');
    assert.equal(asked('modal')[0]?.message, 'Scale service prod/web from 3 to 5 tasks?');
    assert.deepEqual(await mutatingCalls(), { UpdateService: 1 });
    assert.equal((await liveService('prod', 'web'))?.desiredCount, 5);
    await eventually(async () => (await webService()).label, (l) => l.startsWith('web 3/5'), 'the tree shows the new desired count');
  });

  test('Stop Task…: with a reason, confirmed; ECS records the reason', async () => {
    const task = ofKind(await tree(webId), 'task').find((t) => /^RUNNING/.test(t.description ?? ''));
    assert.ok(task);
    hooks.answer('Stopped by the ECS Lens tests', 'Stop Task');
    assert.equal(await run('ecsLens.clusters.stopTask', task.id), 'STOPPED');
    const [confirm] = asked('modal');
    assert.match(confirm?.message ?? '', /^Stop task [0-9a-f]{8} \(web:12\) in prod\/web\?$/);
    assert.match(confirm?.detail ?? '', /The service web starts a replacement/);
    assert.match(confirm?.detail ?? '', /Reason: Stopped by the ECS Lens tests/);
    assert.deepEqual(await mutatingCalls(), { StopTask: 1 });
    const described = (await ecs('DescribeTasks', { cluster: 'prod', tasks: [task.arn] })) as { tasks: Array<{ desiredStatus: string; stoppedReason?: string }> };
    assert.deepEqual([described.tasks[0]?.desiredStatus, described.tasks[0]?.stoppedReason], ['STOPPED', 'Stopped by the ECS Lens tests']);
  });

  test('Force New Deployment: confirmed, then watched to its end', async function () {
    this.timeout(90_000);
    await control('clock', { speed: 20 });
    hooks.answer('Force New Deployment');
    const result = await run<{ outcome?: string; taskDefinition: string }>('ecsLens.clusters.forceNewDeployment', webId);
    assert.equal(result.outcome, 'completed');
    assert.equal(result.taskDefinition, ARN('web:12'));
    assert.equal(asked('modal')[0]?.message, 'Force a new deployment of service prod/web?');
    assert.deepEqual(await mutatingCalls(), { UpdateService: 1 });
    assert.match(hooks.rollouts().at(-1)?.summary ?? '', /^Rollout completed in \d+s: prod\/web runs web:12 \(5\/5 running\)\.$/);
  });

  test('Roll Back during a rollout: the deployment is stopped with rollback (service-deployment API), and watched', async function () {
    this.timeout(90_000);
    await ecs('UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web:13' });
    hooks.answer('Roll Back');
    const rolling = run<Record<string, unknown>>('ecsLens.clusters.rollBack', webId);
    await eventually(() => hooks.rollouts().at(-1), (r) => r?.title === 'Rolling back prod/web' && r.messages.length > 0, 'the watch of the rollback', 20_000);
    await control('clock', { speed: 20 });
    const result = await rolling;
    assert.equal(result.kind, 'stop');
    assert.equal(result.outcome, 'rolled-back');
    assert.equal(result.primaryTaskDefinition, ARN('web:12'));
    const [confirm] = asked('modal');
    assert.equal(confirm?.message, 'Roll back the deployment of web:13 on service prod/web?');
    assert.match(confirm?.detail ?? '', /StopServiceDeployment, ROLLBACK/);
    assert.deepEqual(await mutatingCalls(), { StopServiceDeployment: 1, UpdateService: 1 });
    assert.match(hooks.rollouts().at(-1)?.summary ?? '', /^Rolled back in \d+s: the deployment of web:13 was stopped\. prod\/web runs web:12 again\.$/);
    assert.equal(asked('notice').at(-1)?.severity, 'info', 'a rollback that was asked for is a success');
    assert.equal((await liveService('prod', 'web'))?.taskDefinition, ARN('web:12'));
  });

  test('Roll Back without the service-deployment API: the revision that ran before is deployed again', async function () {
    this.timeout(90_000);
    await control('config', { serviceDeploymentsApi: false });
    try {
      await ecs('UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web:13' });
      hooks.answer('Roll Back');
      const rolling = run<Record<string, unknown>>('ecsLens.clusters.rollBack', webId);
      await eventually(() => asked('modal').length, (n) => n === 1, 'the confirmation');
      await control('clock', { speed: 20 });
      const result = await rolling;
      assert.equal(asked('modal')[0]?.message, 'Roll back service prod/web to web:12?');
      assert.match(asked('modal')[0]?.detail ?? '', /the revision the service ran before this deployment/);
      assert.equal(result.kind, 'redeploy');
      assert.equal(result.outcome, 'completed', String(result.reason));
      assert.equal((await liveService('prod', 'web'))?.taskDefinition, ARN('web:12'));
    } finally {
      await control('config', { serviceDeploymentsApi: true });
    }
  });

  test('Roll Back of a steady service: the previous ACTIVE revision is deployed again', async function () {
    this.timeout(90_000);
    await control('clock', { speed: 20 });
    hooks.answer('Roll Back');
    const result = await run<Record<string, unknown>>('ecsLens.clusters.rollBack', webId);
    assert.equal(asked('modal')[0]?.message, 'Roll back service prod/web to web:11?');
    assert.match(asked('modal')[0]?.detail ?? '', /the newest ACTIVE revision of web before web:12/);
    assert.equal(result.outcome, 'completed', String(result.reason));
    assert.equal((await liveService('prod', 'web'))?.taskDefinition, ARN('web:11'));
    await eventually(async () => (await webService()).description, (d) => d === 'web:11', 'the tree shows the revision');
  });

  test('Deregister Revision: confirmed; the revision turns INACTIVE in the tree', async () => {
    hooks.answer('Deregister');
    assert.equal(await run('ecsLens.clusters.deregisterRevision', find(await revisions(), 'web:13').id), 'INACTIVE');
    assert.equal(asked('modal')[0]?.message, 'Deregister web:13?');
    assert.deepEqual(await mutatingCalls(), { DeregisterTaskDefinition: 1 });
    await eventually(async () => find(await revisions(), 'web:13').description, (d) => d === 'INACTIVE', 'web:13 INACTIVE in the tree');
    assert.ok(!offered(find(await revisions(), 'web:13')).includes('ecsLens.clusters.deregisterRevision'));
  });
});
