/**
 * `ecs-lens deploy` and service files through `ecs-lens register`, over the real SDK and the local endpoint.
 * Watching moves the endpoint's simulated clock, so a rollout takes milliseconds.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployCommand, parseDuration, type WatchHooks } from '../../../src/cli/deploy';
import { bufferedIO, type BufferedIO } from '../../../src/cli/io';
import { run } from '../../../src/cli/main';
import { BEHAVIOUR_LABEL } from '../../../tools/endpoint/index';
import { WEB_JSONC } from './fixtures';
import { callsOf, gatewayFor, useEndpoint, useTestEnvironment } from './helpers';

const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60001'], securityGroups: ['sg-0a1b2c3d4e5f60001'] } };

/** A create-service file: a bare family, defaults left out, create-only members (launchType, tags, propagateTags). */
const CHECKOUT = {
  cluster: 'prod',
  serviceName: 'checkout',
  taskDefinition: 'web',
  desiredCount: 2,
  launchType: 'FARGATE',
  networkConfiguration: NETWORK,
  deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true }, maximumPercent: 200 },
  healthCheckGracePeriodSeconds: 30,
  propagateTags: 'SERVICE',
  enableECSManagedTags: true,
  availabilityZoneRebalancing: 'DISABLED',
  tags: [{ key: 'team', value: 'checkout' }],
};

describe('cli: deploy, and service files', () => {
  useTestEnvironment();
  const ctx = useEndpoint();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ecs-lens-deploy-'))));
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  const ecs = (...argv: string[]): ReturnType<typeof run> => run([...argv, '--endpoint', ctx.endpoint.url]);
  const hooks = (): WatchHooks => ({ now: () => ctx.endpoint.ecs.clock.now(), sleep: async (ms) => ctx.endpoint.ecs.advance(ms) });
  const deploy = async (argv: string[], io: BufferedIO = bufferedIO()): Promise<BufferedIO & { code: number }> => {
    const code = await deployCommand([...argv, '--endpoint', ctx.endpoint.url], io, hooks());
    return Object.assign(io, { code });
  };

  it('a service file creates the service, then updates it, naming what UpdateService cannot change', async () => {
    const path = file('checkout.json', CHECKOUT);
    const created = await ecs('register', path, '--yes');
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^--- prod\/checkout \(no such service\)\n/);
    assert.match(created.stdout, /^Created arn:aws:ecs:us-east-1:123456789012:service\/prod\/checkout \(deployment ecs-svc\/\d+: web:12\)$/m);
    const same = await ecs('diff', path);
    assert.equal(same.code, 0, `created as the file says:\n${same.stdout}`);

    const update = { desiredCount: 3, propagateTags: 'TASK_DEFINITION', availabilityZoneRebalancing: 'ENABLED' };
    const changed = file('checkout2.json', { ...CHECKOUT, ...update, tags: [{ key: 'team', value: 'payments' }] });
    const diff = await ecs('diff', changed);
    assert.equal(diff.code, 1);
    assert.match(diff.stdout, /^-\s+"desiredCount": 2,\n\+\s+"desiredCount": 3,$/m);
    const updated = await ecs('register', changed, '--yes');
    assert.equal(updated.code, 0, updated.stderr);
    assert.match(updated.stderr, /not sent, as UpdateService does not take them: launchType, tags\./);
    assert.match(updated.stderr, /UpdateService cannot apply the file's tags \(different from the live service's\): for tags use TagResource/);
    assert.match(updated.stdout, /^Updated arn:aws:ecs:us-east-1:123456789012:service\/prod\/checkout/m);
    const { gw } = gatewayFor(ctx.endpoint);
    assert.equal((await gw.describeServices('prod', ['checkout'])).items[0].desiredCount, 3);
    assert.equal(callsOf(ctx.endpoint, 'CreateService'), 1);
    assert.equal(callsOf(ctx.endpoint, 'UpdateService'), 1);

    // Everything UpdateService takes was applied: only the tags still differ.
    const again = await ecs('register', file('checkout3.json', { ...CHECKOUT, ...update }), '--yes');
    assert.match(again.stdout, /^No changes: .* matches the live service prod\/checkout; nothing was updated\.$/m);
    const refused = await ecs('register', changed);
    assert.equal(refused.code, 2, 'no terminal, no --yes');
  });

  it('describe-services output is a service file too: equal to what runs, and updatable', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const live = (await gw.describeServices('prod', ['web'])).items[0];
    const same = await ecs('diff', file('web-service.json', { services: [live.document], failures: [] }));
    assert.equal(same.code, 0, same.stdout);
    const r = await ecs('register', file('web-service2.json', { services: [{ ...live.document, desiredCount: 4 }], failures: [] }), '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^ecs-lens register: .*web-service2\.json is describe output: sending the service inside it, without its read-only members\.$/m);
    assert.ok(!r.stderr.includes('describe.read-only'), 'what is taken care of is not warned about');
    assert.match(r.stderr, /not sent, as UpdateService does not take them: launchType, schedulingStrategy, tags\./);
    assert.equal((await gw.describeServices('prod', ['web'])).items[0].desiredCount, 4);
  });

  it('deploy FILE --wait: registers, updates the service and watches the rollout to completion (exit 0)', async () => {
    const r = await deploy(['--cluster', 'prod', '--service', 'web', '--task-definition', file('web.jsonc', WEB_JSONC), '--wait', '--yes']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Registered arn:aws:ecs:us-east-1:123456789012:task-definition\/web:13 \(revision 13\)\nDeployment started: prod\/web → web:13 \(deployment ecs-svc\/\d+\)\nWatching service deployment arn:aws:ecs:us-east-1:123456789012:service-deployment\/prod\/web\/\w+$/m);
    assert.match(r.stdout, /^\[ +\d+s\] IN_PROGRESS \(SCALE_UP\) {2}web:13 {2}0\/3 running, 3 pending, 0 failed {2}circuit breaker 0\/3$/m);
    assert.match(r.stdout, /^ {10}\(service web\) has reached a steady state\.$/m);
    assert.match(r.stdout, /Rollout completed in \d+s: prod\/web runs web:13 \(3\/3 running\)\.\n$/);
  });

  it('deploy ARN --wait: a circuit-breaker rollback exits 1 with its reason and the tasks’ stop reasons', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const { taskDefinition } = await gw.describeTaskDefinition('web');
    const doc = structuredClone(taskDefinition.document) as Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] };
    doc.containerDefinitions[0].dockerLabels = { [BEHAVIOUR_LABEL]: 'fail-health-check' };
    const bad = await gw.registerTaskDefinition(Object.fromEntries(Object.entries(doc).filter(([k]) => !['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy'].includes(k))) as never);
    const r = await deploy(['--cluster', 'prod', '--service', 'web', '--task-definition', bad.taskDefinition.arn, '--wait', '--yes']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /circuit breaker 3\/3 TRIGGERED {2}PRIMARY runs web:12$/m);
    assert.match(r.stdout, /^Rollout FAILED and was rolled back: Circuit breaker rollback: .* The service runs web:12 again\.\nStopped tasks of web:13:\n {2}3× Task failed container health checks \(app exit 137\)\n$/m);
  });

  it('without the service-deployment API deploy --wait follows deployments[]', async () => {
    ctx.endpoint.ecs.serviceDeploymentsApi = false;
    const r = await deploy(['--cluster', 'prod', '--service', 'web', '--task-definition', 'web:11', '--wait', '--yes']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Watching deployment ecs-svc\/\d+ in the service's deployments \(this endpoint has no service-deployment API\)$/m);
    assert.match(r.stdout, /Rollout completed in \d+s: prod\/web runs web:11/);
  });

  it('asks before deploying, refuses without a terminal, and does nothing when nothing would change', async () => {
    const refused = await deploy(['--cluster', 'prod', '--service', 'web', '--task-definition', 'web:11']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /nothing was changed: there is no terminal to ask for confirmation on/);
    const asked = await deploy(['--cluster', 'prod', '--service', 'web', '--task-definition', 'web:11'], bufferedIO({ interactive: true, answers: [false] }));
    assert.equal(asked.code, 1);
    assert.deepEqual(asked.questions, [`Deploy web:11 to service prod/web (now web:12) in account 123456789012, us-east-1 via ${ctx.endpoint.url}?`]);
    assert.equal(callsOf(ctx.endpoint, 'UpdateService'), 0);
    const same = await deploy(['--cluster', 'prod', '--service', 'web', '--task-definition', 'web', '--yes']);
    assert.equal(same.code, 0);
    assert.match(same.stdout, /^prod\/web already runs web:12: nothing to deploy/);
    const forced = await deploy(['--cluster', 'prod', '--service', 'web', '--task-definition', 'web', '--force-new-deployment', '--yes']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(callsOf(ctx.endpoint, 'UpdateService'), 1);
    const missing = await deploy(['--cluster', 'prod', '--service', 'nope', '--task-definition', 'web', '--yes']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Service nope does not exist in cluster prod: create it first/);
    const usage = await deploy(['--cluster', 'prod', '--task-definition', 'web']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /deploy needs --service/);
  });

  it('a refused UpdateService after a registration says what was done and what to run', async () => {
    ctx.endpoint.ecs.faults.add({ operations: ['UpdateService'], code: 'AccessDeniedException' });
    const r = await deploy(['--cluster', 'prod', '--service', 'web', '--task-definition', file('web.jsonc', WEB_JSONC), '--yes']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Access denied for UpdateService: .* arn:aws:ecs:us-east-1:123456789012:task-definition\/web:13 was registered, but the service was not updated: run deploy again with --task-definition arn:aws:ecs:us-east-1:123456789012:task-definition\/web:13\./);
  });

  it('reads --timeout durations', () => {
    assert.deepEqual(['90', '90s', '20m', '1h'].map(parseDuration), [90_000, 90_000, 1_200_000, 3_600_000]);
    assert.throws(() => parseDuration('soon'), /--timeout takes a duration/);
  });
});
