/**
 * Register, compare with live, create or update a service from its file, deploy and watch the rollout: the
 * editor's commands in the real extension host against the local ECS endpoint the runner starts. The modal
 * confirmations and quick picks are answered through the extension's test hook (`api.testing.answer`), which
 * also records what was asked; what reached ECS is checked on the endpoint itself (its call counts, and
 * Describe calls made outside the extension). Rollouts run on the endpoint's simulated clock: frozen where a
 * test needs a deployment to stay in progress, 20× real time where it watches one to its end.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ACCOUNT, callsByOperation, control, ecs, ENDPOINT, eventually, find, liveService, mutatingCalls, resetCalls, seededAccount } from '../endpoint';
import {
  closeAllEditors,
  codeOf,
  getExtension,
  openFixture,
  readDisk,
  replaceText,
  waitForDiagnostics,
  type EcsLensApi,
  type PromptRecord,
  type TestHooks,
  type TreeItemSnapshot,
} from '../helpers';

const ARN = (rev: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${rev}`;
/** An environment value the register test puts in the buffer: it must never reach the log. */
const ENV_VALUE = 'prod-s3cr3t-9f2a';

interface RegisterResult {
  family: string;
  arn: string;
  revision: number;
  registered: boolean;
}

interface DeployResult {
  cluster: string;
  service: string;
  taskDefinition: string;
  outcome?: string;
  reason?: string;
  state?: string;
}

function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

/** The left and right documents of the active diff editor. */
async function activeDiff(): Promise<{ left: vscode.TextDocument; right: vscode.TextDocument }> {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  assert.ok(input instanceof vscode.TabInputTextDiff, `the active tab is not a diff: ${JSON.stringify(input)}`);
  return { left: await vscode.workspace.openTextDocument(input.original), right: await vscode.workspace.openTextDocument(input.modified) };
}

suite('register, compare, deploy (local ECS endpoint)', () => {
  let api: EcsLensApi;
  let hooks: TestHooks;
  const tree = (id?: string): Promise<TreeItemSnapshot[]> => api.getClustersTree(id);
  const asked = (kind: PromptRecord['kind']): PromptRecord[] => hooks.prompts().filter((p) => p.kind === kind);
  const lastNotice = (): PromptRecord => {
    const n = asked('notice').at(-1);
    assert.ok(n, `no notice; asked: ${JSON.stringify(hooks.prompts())}`);
    return n;
  };

  suiteSetup(async function () {
    if (!ENDPOINT) this.skip(); // the desktop runner starts no endpoint
    ({ api, hooks } = await seededAccount());
  });

  setup(async () => {
    hooks.clearPrompts();
    await resetCalls();
  });

  teardown(async () => {
    hooks.clearPrompts();
    await closeAllEditors();
  });

  suiteTeardown(async () => {
    if (ENDPOINT) await control('clock', { speed: 0 });
  });

  test('the Register and service buttons follow what the active editor holds', async () => {
    await openFixture('deploy/web.json');
    await eventually(() => hooks.editorKind(), (k) => k === 'task-definition', 'a task definition recognised');
    await openFixture('deploy/sandbox-service.json');
    await eventually(() => hooks.editorKind(), (k) => k === 'service', 'a service recognised');
    await openFixture('package.json');
    await eventually(() => hooks.editorKind(), (k) => k === '', 'not ECS');
    const menus = getExtension().packageJSON.contributes.menus as Record<string, Array<{ command: string; when?: string }>>;
    const title = (command: string) => menus['editor/title']!.find((m) => m.command === command)?.when ?? '';
    assert.match(title('ecsLens.registerTaskDefinition'), /^ecsLens\.editorKind == 'task-definition' && resourceScheme != 'ecs-lens' && resourceScheme != 'ecs-lens-diff'$/);
    assert.match(title('ecsLens.applyServiceFile'), /^ecsLens\.editorKind == 'service' && /);
    assert.match(title('ecsLens.clusters.editAsNewRevision'), /^resourceScheme == 'ecs-lens'$/);
    for (const command of ['ecsLens.registerTaskDefinition', 'ecsLens.deployToService', 'ecsLens.compareWithLive', 'ecsLens.applyServiceFile']) {
      assert.ok(menus['editor/context']!.some((m) => m.command === command), `${command} in the editor's context menu`);
    }
  });

  test('register: lint errors block unless overridden in a modal; then ECS’s refusal says what to do', async () => {
    const { document } = await openFixture('deploy/web-errors.json');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'fargate-cpu-memory'), 'the Fargate size error');

    hooks.answer(undefined);
    assert.equal(await run('ecsLens.registerTaskDefinition'), undefined);
    const [override] = asked('modal');
    assert.equal(override?.severity, 'error');
    assert.equal(override?.message, 'deploy/web-errors.json has 1 error. Register it anyway?');
    assert.match(override?.detail ?? '', /line 8: cpu "512" \(0\.5 vCPU\) allows memory/);
    assert.deepEqual(override?.choices, ['Register Anyway', 'Show Problems']);
    assert.equal(asked('modal').length, 1, 'no confirmation after the override was declined');
    assert.deepEqual(await mutatingCalls(), {}, 'nothing was sent');

    // Overridden, and confirmed: ECS refuses the size itself; the message says what was not done and what to do.
    hooks.clearPrompts();
    hooks.answer('Register Anyway', 'Register');
    assert.equal(await run('ecsLens.registerTaskDefinition'), undefined);
    assert.match(asked('modal')[1]?.detail ?? '', /Sent despite its lint errors, as you chose\./);
    const refusal = lastNotice();
    assert.equal(refusal.severity, 'error');
    assert.match(refusal.message, /^ECS did not register deploy\/web-errors\.json: .*No Fargate configuration exists for given values.* Nothing was registered; your file is unchanged\. Fix the file \(the Problems panel may show why\) and try again\.$/);
    assert.ok(refusal.choices.includes('Show Log'));
    assert.deepEqual(await mutatingCalls(), { RegisterTaskDefinition: 1 });
    assert.equal(document.isDirty, false, 'the file was not touched');
  });

  test('register: template placeholders block with a clear message, before anything is asked or read', async () => {
    await openFixture('deploy/web-template.json');
    assert.equal(await run('ecsLens.registerTaskDefinition'), undefined);
    assert.deepEqual(asked('modal'), []);
    const notice = lastNotice();
    assert.equal(notice.severity, 'error');
    assert.match(notice.message, /^Register: deploy\/web-template\.json was not sent\. The file still holds 1 template placeholder \(containerDefinitions\[0\]\.image = ".*\$\{IMAGE_TAG\}"\): render the template first/);
    assert.deepEqual(await callsByOperation(), {}, 'not even a read');
  });

  test('register: the normalized diff, a confirmation naming family, account, region and changes; a double click registers once; the file is untouched', async () => {
    const families = await tree('task-definitions');
    assert.equal((await tree(find(families, 'web').id))[0]?.label, 'web:12');

    const { document } = await openFixture('deploy/web.json');
    const onDisk = await readDisk(document.uri);
    // Unsaved edits: what the editor shows is what is registered.
    await replaceText(document, 'web:1.13.0', 'web:1.13.1');
    await replaceText(document, '"value": "production"', `"value": "${ENV_VALUE}"`);
    assert.ok(document.isDirty);

    hooks.answer('Register');
    const [first, second] = await Promise.all([run<RegisterResult>('ecsLens.registerTaskDefinition'), run<RegisterResult>('ecsLens.registerTaskDefinition')]);
    assert.deepEqual(first, { family: 'web', arn: ARN('web:13'), revision: 13, registered: true });
    assert.deepEqual(second, first, 'the second click joined the first');
    assert.deepEqual(await mutatingCalls(), { RegisterTaskDefinition: 1 });

    const modals = asked('modal');
    assert.equal(modals.length, 1);
    assert.equal(modals[0]!.message, 'Register a new revision of task definition family "web"?');
    const detail = modals[0]!.detail ?? '';
    assert.match(detail, new RegExp(`^Account ${ACCOUNT}, region us-east-1 \\(endpoint http://127\\.0\\.0\\.1:\\d+\\)\\.$`, 'm'));
    assert.match(detail, /^Latest ACTIVE revision: web:12\.$/m);
    assert.match(detail, /^Changes: .*containerDefinitions\[app\]\.image/m);
    assert.match(detail, /^Changes: .*containerDefinitions\[app\]\.environment/m);
    assert.match(detail, /unsaved changes are included/);
    assert.ok(!detail.includes(ENV_VALUE), 'the question names members, not values');

    // The diff: both sides in the canonical form, so only what changed differs.
    const { left, right } = await activeDiff();
    assert.equal(left.uri.scheme, 'ecs-lens-diff');
    assert.match(left.uri.path, /\/web:12 \(latest ACTIVE\)\.json$/);
    assert.match(right.uri.path, /\/web\.json \(to register\)\.json$/);
    const [l, r] = [left.getText(), right.getText()];
    assert.ok(!/"cpu": 0|"essential": true|"mountPoints"/.test(l), `API defaults are left out of the live side:\n${l}`);
    assert.equal(r.replace('web:1.13.1', 'web:1.12.0').replace(ENV_VALUE, 'production'), l);

    const notice = lastNotice();
    assert.equal(notice.message, `Registered web:13 (${ARN('web:13')}).`);
    assert.deepEqual(notice.choices, ['Deploy to Service…', 'Copy ARN', 'Open Revision']);

    // The user's file: still dirty with its edits, the disk unchanged.
    assert.ok(document.isDirty);
    assert.match(document.getText(), /web:1\.13\.1/);
    assert.equal(await readDisk(document.uri), onDisk);

    // What ECS registered: the buffer, tags carried in.
    const described = (await ecs('DescribeTaskDefinition', { taskDefinition: 'web:13', include: ['TAGS'] })) as { taskDefinition: { containerDefinitions: Array<{ image: string }> }; tags: unknown[] };
    assert.match(described.taskDefinition.containerDefinitions[0]!.image, /web:1\.13\.1$/);
    assert.deepEqual(described.tags, [{ key: 'team', value: 'storefront' }]);
    // The Clusters view shows it.
    await eventually(async () => (await tree('family:web'))[0]?.label, (l) => l === 'web:13', 'web:13 in the tree');
  });

  test('register: a file that matches the latest ACTIVE revision registers nothing', async () => {
    const { document } = await openFixture('deploy/web.json');
    await replaceText(document, 'web:1.13.0', 'web:1.13.1');
    await replaceText(document, '"value": "production"', `"value": "${ENV_VALUE}"`);
    const result = await run<RegisterResult>('ecsLens.registerTaskDefinition', document.uri);
    assert.deepEqual(result, { family: 'web', arn: ARN('web:13'), revision: 13, registered: false });
    assert.deepEqual(asked('modal'), []);
    assert.equal(lastNotice().message, 'deploy/web.json matches web:13, the latest ACTIVE revision: nothing to register.');
    assert.deepEqual(await mutatingCalls(), {});
  });

  test('compare with live: a task definition with its family’s latest revision, a service file with its service', async () => {
    await openFixture('deploy/web.json');
    const td = await run<{ changes: string[] }>('ecsLens.compareWithLive');
    assert.deepEqual({ ...td, changes: [...td.changes].sort() }, { kind: 'task-definition', live: 'web:13', exists: true, changed: true, changes: ['containerDefinitions[app].environment', 'containerDefinitions[app].image'] });
    const { left, right } = await activeDiff();
    assert.match(left.uri.path, /\/web:13 \(latest ACTIVE\)\.json$/);
    assert.match(right.uri.path, /\/web\.json \(normalized\)\.json$/);
    assert.match(left.getText(), /web:1\.13\.1/);
    assert.match(right.getText(), /web:1\.13\.0/);

    await openFixture('deploy/sandbox-service.json');
    const service = await run<Record<string, unknown>>('ecsLens.compareWithLive');
    assert.deepEqual(service, { kind: 'service', live: 'sandbox/lens-svc', exists: false, changed: true, changes: [] });
    assert.match((await activeDiff()).left.uri.path, /\/sandbox∕lens-svc \(no such service\)\.json$/);
    assert.deepEqual(asked('modal'), []);
    assert.deepEqual(await mutatingCalls(), {});
  });

  test('a service file: created, then updated with only the members UpdateService takes', async () => {
    const { document } = await openFixture('deploy/sandbox-service.json');
    hooks.answer('Create Service');
    const created = await run<Record<string, unknown>>('ecsLens.applyServiceFile');
    assert.deepEqual(created, { action: 'create', serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/sandbox/lens-svc`, cluster: 'sandbox', service: 'lens-svc' });
    const [create] = asked('modal');
    assert.equal(create?.message, 'Create service "lens-svc" in cluster sandbox?');
    assert.match(create?.detail ?? '', /Task definition: web:12; desired count: 1; launch type FARGATE\./);
    assert.deepEqual(await mutatingCalls(), { CreateService: 1 });
    assert.equal((await liveService('sandbox', 'lens-svc'))?.desiredCount, 1);

    // Unsaved edits: a desired count UpdateService takes, a tag it does not.
    await replaceText(document, '"desiredCount": 1', '"desiredCount": 2');
    await replaceText(document, '"value": "storefront"', '"value": "platform"');
    hooks.clearPrompts();
    await resetCalls();
    hooks.answer('Update Service');
    const updated = await run<Record<string, unknown>>('ecsLens.applyServiceFile');
    assert.equal(updated.action, 'update');
    const [update] = asked('modal');
    assert.equal(update?.message, 'Update service sandbox/lens-svc?');
    assert.match(update?.detail ?? '', /^Changes: desiredCount, tags\[team\]\.value\.$/m);
    assert.match(update?.detail ?? '', /^Not sent \(UpdateService does not take them\): launchType, tags\.$/m);
    assert.match(update?.detail ?? '', /^Different from the live service, but an update cannot change it: tags\./m);
    assert.deepEqual(await mutatingCalls(), { UpdateService: 1 });
    const live = await liveService('sandbox', 'lens-svc');
    assert.equal(live?.desiredCount, 2);
    assert.deepEqual(live?.tags, [{ key: 'team', value: 'storefront' }], 'tags are not sent by an update');
    assert.ok(document.isDirty, 'the file keeps its unsaved edits');
  });

  test('deploy and watch: a rollout that completes, with counts, the circuit breaker and events in the notification', async function () {
    this.timeout(90_000);
    await control('clock', { speed: 20 });
    try {
      hooks.answer('prod/web', 'Deploy');
      const result = await run<DeployResult>('ecsLens.deployToService', ARN('web:13'));
      assert.equal(result.outcome, 'completed', result.reason);
      assert.equal(result.state, 'SUCCESSFUL');
      assert.equal(result.taskDefinition, ARN('web:13'));

      const [pick] = asked('pick');
      assert.equal(pick?.message, 'Deploy web:13 to Service');
      assert.equal(pick?.choices[0], 'prod/web', 'the service that runs the family comes first');
      assert.ok(pick?.choices.includes('sandbox/lens-svc'));
      assert.equal(pick?.choices.at(-1), 'Another service…');
      const [confirm] = asked('modal');
      assert.equal(confirm?.message, 'Deploy web:13 to service prod/web?');
      assert.match(confirm?.detail ?? '', /^Now: web:12 \(3\/3 running\)\. UpdateService sets the task definition to web:13\.$/m);
      assert.match(confirm?.detail ?? '', /circuit breaker on, with rollback/);
      assert.deepEqual(await mutatingCalls(), { UpdateService: 1 });

      const watched = hooks.rollouts().at(-1);
      assert.equal(watched?.title, 'Deploying web:13 to prod/web');
      const messages = watched?.messages ?? [];
      assert.ok(messages.some((m) => /^(PENDING|IN_PROGRESS)\b.* · web:13 · \d\/3 running, \d pending, 0 failed · circuit breaker 0\/3/.test(m)), messages.join('\n'));
      assert.ok(messages.some((m) => /has started \d tasks?/.test(m)), 'the latest event shows');
      assert.match(watched?.summary ?? '', /^Rollout completed in \d+s: prod\/web runs web:13 \(3\/3 running\)\.$/);
      assert.equal(lastNotice().severity, 'info');
      const live = await liveService('prod', 'web');
      assert.equal(live?.taskDefinition, ARN('web:13'));
      const prod = find(await tree('clusters'), 'prod');
      await eventually(async () => find(await tree(prod.id), /^web /).description, (d) => d === 'web:13', 'the tree shows the new revision');
    } finally {
      await control('clock', { speed: 0 });
    }
  });

  test('deploy from the editor: registered first, rolled out, rolled back by the circuit breaker: a failure with the stopped tasks’ reasons', async function () {
    this.timeout(120_000);
    await openFixture('deploy/web-failing.json');
    await control('clock', { speed: 20 });
    try {
      hooks.answer('Register', 'prod/web', 'Deploy');
      const result = await run<DeployResult>('ecsLens.deployToService');
      assert.equal(result.taskDefinition, ARN('web:14'));
      assert.equal(result.outcome, 'rolled-back', JSON.stringify(result));
      assert.match(result.reason ?? '', /Circuit breaker/i);
      assert.match(result.reason ?? '', /runs web:13 again/);
      assert.deepEqual(asked('modal').map((m) => m.message), ['Register a new revision of task definition family "web"?', 'Deploy web:14 to service prod/web?']);
      assert.deepEqual(await mutatingCalls(), { RegisterTaskDefinition: 1, UpdateService: 1 });

      const watched = hooks.rollouts().at(-1);
      assert.ok(watched?.messages.some((m) => /circuit breaker [3-9]\/3 TRIGGERED/.test(m)), watched?.messages.join('\n'));
      assert.equal(watched?.result?.outcome, 'rolled-back');
      assert.equal(watched?.result?.stopReasons[0]?.reason, 'Task failed container health checks (app exit 137)');
      assert.match(watched?.summary ?? '', /^Rollout of web:14 to prod\/web FAILED and was rolled back: .* Stopped tasks of web:14: \d+× Task failed container health checks \(app exit 137\)\.$/);
      const notice = lastNotice();
      assert.equal(notice.severity, 'error');
      assert.deepEqual(notice.choices, ['Show Log']);
      const live = await liveService('prod', 'web');
      assert.deepEqual(live?.deployments.map((d) => [d.status, d.taskDefinition]), [['PRIMARY', ARN('web:13')]]);
    } finally {
      await control('clock', { speed: 0 });
    }
  });

  test('stopping watching ends the notification, never the deployment; Watch Rollout follows it again to its end', async function () {
    this.timeout(90_000);
    hooks.answer('prod/web', 'Deploy');
    const deploying = run<DeployResult>('ecsLens.deployToService', 'web:12');
    await eventually(() => hooks.rollouts().at(-1), (r) => r?.title === 'Deploying web:12 to prod/web' && r.messages.length > 0 && !r.result, 'the watch under way', 20_000);
    assert.equal(hooks.stopWatching(), 1);
    const stopped = await deploying;
    assert.equal(stopped.outcome, 'stopped-watching');
    const notice = lastNotice();
    assert.equal(notice.severity, 'warning');
    assert.match(notice.message, /^Stopped watching; the deployment goes on\. prod\/web — last seen: /);
    assert.deepEqual(notice.choices, ['Watch Again', 'Show Log']);
    const live = await liveService('prod', 'web');
    const primary = live?.deployments.find((d) => d.status === 'PRIMARY');
    assert.deepEqual([primary?.taskDefinition, primary?.rolloutState], [ARN('web:12'), 'IN_PROGRESS'], 'the deployment goes on');
    assert.deepEqual(await mutatingCalls(), { UpdateService: 1 });

    await control('clock', { speed: 20 });
    try {
      const again = await run<DeployResult>('ecsLens.watchRollout', { cluster: 'prod', service: 'web' });
      assert.equal(again.outcome, 'completed', again.reason);
      assert.equal(again.taskDefinition, ARN('web:12'));
    } finally {
      await control('clock', { speed: 0 });
    }
  });

  test('an AWS error during deploy is shown with what to do; the service is unchanged', async () => {
    await control('faults', { operations: ['UpdateService'], code: 'AccessDeniedException', times: 1 });
    const watches = hooks.rollouts().length;
    hooks.answer('prod/web', 'Deploy');
    assert.equal(await run('ecsLens.deployToService', 'web:11'), undefined);
    const notice = lastNotice();
    assert.equal(notice.severity, 'error');
    assert.match(notice.message, /^ECS did not update service prod\/web: .*ecs:UpdateService.* The service was not updated; it still runs web:12\.$/);
    assert.ok(notice.choices.includes('Show Log'));
    assert.equal(hooks.rollouts().length, watches, 'nothing to watch');
    assert.equal((await liveService('prod', 'web'))?.taskDefinition, ARN('web:12'));
  });

  test('nothing is sent when a confirmation is cancelled', async () => {
    const { document } = await openFixture('deploy/web.json');
    hooks.answer(undefined);
    assert.equal(await run('ecsLens.registerTaskDefinition'), undefined);
    hooks.answer('prod/web', undefined);
    assert.equal(await run('ecsLens.deployToService', 'web:13'), undefined);
    hooks.answer(undefined);
    await openFixture('deploy/sandbox-service.json');
    assert.equal(await run('ecsLens.applyServiceFile'), undefined);
    assert.deepEqual(asked('modal').map((m) => [m.message, m.answer]), [
      ['Register a new revision of task definition family "web"?', undefined],
      ['Deploy web:13 to service prod/web?', undefined],
      ['Update service sandbox/lens-svc?', undefined],
    ]);
    assert.deepEqual(await mutatingCalls(), {});
    assert.equal(document.isDirty, false);
  });

  test('the log names every mutating call and how it ended, and never a secret or environment value', () => {
    const log = hooks.log();
    const has = (re: RegExp) => assert.ok(log.some((l) => re.test(l)), `no log line matches ${re}`);
    has(/^\[info\] register deploy\/web\.json: RegisterTaskDefinition for family web in account 123456789012, us-east-1 via http:\/\/127\.0\.0\.1:\d+, as confirmed \(changes: /);
    has(/^\[info\] register deploy\/web\.json: registered arn:aws:ecs:us-east-1:123456789012:task-definition\/web:13$/);
    has(/^\[info\] RegisterTaskDefinition ok \d+ ms/);
    has(/^\[error\] ECS did not register deploy\/web-errors\.json: /);
    has(/^\[info\] service deploy\/sandbox-service\.json: CreateService sandbox\/lens-svc in account 123456789012, us-east-1 via .*, as confirmed$/);
    has(/^\[info\] deploy: UpdateService prod\/web → web:13 in account 123456789012, us-east-1 via .*, as confirmed$/);
    has(/^\[info\] rollout prod\/web: Rollout completed in /);
    has(/^\[error\] rollout prod\/web: Rollout of web:14 to prod\/web FAILED and was rolled back/);
    has(/^\[error\] ECS did not update service prod\/web: /);
    for (const secret of [ENV_VALUE, 'wJalrXUtnFEMI', 'AKIAIOSFODNN7EXAMPLE']) {
      assert.ok(!log.some((l) => l.includes(secret)), `the log holds "${secret}"`);
    }
  });
});
