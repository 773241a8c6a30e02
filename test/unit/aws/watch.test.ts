/**
 * The rollout watcher (src/aws/rollout.ts) over the real SDK and the local endpoint. The watcher's sleep moves
 * the endpoint's simulated clock, so a rollout of a minute or two is watched in milliseconds.
 */
import assert from 'node:assert/strict';
import type { EcsGateway, JsonObject } from '../../../src/aws/index';
import { watchRollout, type RolloutProgress, type WatchOptions } from '../../../src/aws/rollout';
import { BEHAVIOUR_LABEL } from '../../../tools/endpoint/index';
import { callsOf, gatewayFor, rejection, useEndpoint, useTestEnvironment } from './helpers';

/** Registers the next revision of `family` from its latest, changed by `change`. */
async function nextRevision(gw: EcsGateway, family: string, change: (container: JsonObject) => void = () => undefined): Promise<string> {
  const { taskDefinition } = await gw.describeTaskDefinition(family);
  const doc = structuredClone(taskDefinition.document);
  for (const k of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt']) delete doc[k];
  change((doc.containerDefinitions as JsonObject[])[0]);
  return (await gw.registerTaskDefinition(doc)).taskDefinition.arn;
}

describe('rollout watcher', () => {
  useTestEnvironment();
  const ctx = useEndpoint();
  /** Watch options on the simulated clock: sleeping advances it. */
  const simulated = (progress: RolloutProgress[]): Partial<WatchOptions> => ({
    now: () => ctx.endpoint.ecs.clock.now(),
    sleep: async (ms) => ctx.endpoint.ecs.advance(ms),
    onProgress: (p) => progress.push(p),
  });

  it('follows a rollout to completion through the service-deployment API and confirms the PRIMARY revision', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const arn = await nextRevision(gw, 'web', (c) => (c.image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.13.0'));
    const started = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: arn });
    const progress: RolloutProgress[] = [];
    const result = await watchRollout(gw, { cluster: 'prod', service: 'web', started, ...simulated(progress) });
    assert.equal(result.outcome, 'completed', result.reason);
    assert.equal(result.ok, true);
    assert.equal(result.progress.source, 'service-deployment');
    assert.equal(result.progress.state, 'SUCCESSFUL');
    assert.equal(result.progress.primaryTaskDefinition, arn);
    assert.deepEqual(result.progress.counts, { running: 3, desired: 3, pending: 0, failed: 0 });
    assert.deepEqual(result.progress.circuitBreaker, { status: 'MONITORING_COMPLETE', failures: 0, threshold: 3 });
    assert.ok(progress.some((p) => p.state === 'IN_PROGRESS' && p.counts.pending > 0), 'progress on the way');
    const events = progress.flatMap((p) => p.newEvents.map((e) => e.message));
    assert.ok(events.some((m) => /has started 3 tasks/.test(m)));
    assert.equal(events[events.length - 1], '(service web) has reached a steady state.');
    assert.equal(new Set(events).size, events.length, 'each event reported once');
    assert.deepEqual(result.stoppedTasks, []);
  });

  it('reports a circuit-breaker rollback as a failure, with the reason and the stopped tasks’ reasons', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const bad = await nextRevision(gw, 'web', (c) => (c.dockerLabels = { [BEHAVIOUR_LABEL]: 'fail-health-check' }));
    const started = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: bad });
    const progress: RolloutProgress[] = [];
    const result = await watchRollout(gw, { cluster: 'prod', service: 'web', started, taskDefinition: bad, ...simulated(progress) });
    assert.equal(result.outcome, 'rolled-back');
    assert.equal(result.ok, false);
    assert.match(result.reason ?? '', /Circuit breaker rollback/);
    assert.match(result.reason ?? '', /runs web:12 again/);
    assert.equal(result.progress.state, 'ROLLBACK_SUCCESSFUL');
    assert.match(result.progress.primaryTaskDefinition ?? '', /web:12$/);
    assert.ok(progress.some((p) => p.circuitBreaker?.status === 'TRIGGERED' && p.circuitBreaker.failures >= 3 && p.circuitBreaker.threshold === 3));
    assert.ok(progress.some((p) => /ROLLBACK_(REQUESTED|IN_PROGRESS)/.test(p.state)));
    assert.ok(result.stoppedTasks.length >= 3);
    assert.ok(result.stoppedTasks.every((t) => t.taskDefinitionArn === bad));
    assert.equal(result.stopReasons[0].reason, 'Task failed container health checks (app exit 137)');
    // What `aws ecs wait services-stable` looks at says "stable": one deployment, COMPLETED, all running.
    const after = (await gw.describeServices('prod', ['web'])).items[0];
    assert.deepEqual([after.deployments.length, after.deployments[0].rolloutState, after.runningCount], [1, 'COMPLETED', 3]);
  });

  it('falls back to deployments[] without the service-deployment API, and still sees the rollback', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    ctx.endpoint.ecs.serviceDeploymentsApi = false;
    const good = await nextRevision(gw, 'web');
    const progress: RolloutProgress[] = [];
    let started = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: good });
    const ok = await watchRollout(gw, { cluster: 'prod', service: 'web', started, ...simulated(progress) });
    assert.equal(ok.outcome, 'completed', ok.reason);
    assert.equal(ok.progress.source, 'deployments');
    assert.equal(ok.progress.fallbackReason, 'this endpoint has no service-deployment API');
    assert.equal(ok.progress.state, 'COMPLETED');

    const bad = await nextRevision(gw, 'web', (c) => (c.environment = [{ name: 'ECS_LENS_SIMULATE', value: 'fail-start' }]));
    started = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: bad });
    progress.length = 0;
    const failed = await watchRollout(gw, { cluster: 'prod', service: 'web', started, ...simulated(progress) });
    assert.equal(failed.outcome, "rolled-back", `${failed.reason} ${JSON.stringify(progress.map((p) => [p.state, p.elapsedMs, p.counts, p.newEvents.map((e) => e.message)]))}`);
    // Its tasks never ran, so the failed deployment left deployments[] at once: the service event tells.
    assert.match(failed.reason ?? '', /^Deployment ecs-svc\/\d+ failed: tasks failed to start\. Rolled back\. The service runs web:13 again\.$/);
    assert.ok(progress.some((p) => p.state === 'ROLLBACK_IN_PROGRESS'));
    assert.ok(progress.some((p) => p.circuitBreaker?.status === 'TRIGGERED' && p.circuitBreaker.threshold === 3));
    assert.match(failed.stopReasons[0].reason, /^CannotPullContainerError: /);
    assert.equal(callsOf(ctx.endpoint, 'DescribeServiceDeployments'), 0);
  });

  it('falls back to deployments[] for an identity without permission for the service-deployment API', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    ctx.endpoint.ecs.faults.add({ operations: ['ListServiceDeployments', 'DescribeServiceDeployments'], code: 'AccessDeniedException' });
    const arn = await nextRevision(gw, 'web');
    const started = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: arn });
    const result = await watchRollout(gw, { cluster: 'prod', service: 'web', started, ...simulated([]) });
    assert.equal(result.outcome, 'completed', result.reason);
    assert.equal(result.progress.source, 'deployments');
    assert.equal(result.progress.fallbackReason, 'no permission for the service-deployment API (AccessDeniedException)');
  });

  it('a finished service deployment does not end a rollout whose PRIMARY is still rolling out', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const before = (await gw.listServiceDeployments('prod', 'web')).items[0].serviceDeploymentArn;
    const arn = await nextRevision(gw, 'web');
    const started = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: arn });
    // As if ECS had answered UpdateService before recording the new service deployment.
    const progress: RolloutProgress[] = [];
    const result = await watchRollout(gw, { cluster: 'prod', service: 'web', started, serviceDeploymentArn: before, ...simulated(progress) });
    assert.equal(result.outcome, 'completed', result.reason);
    assert.equal(progress[0].state, 'IN_PROGRESS');
    assert.ok(progress.length > 2);
  });

  it('a breaker without rollback: the deployment is STOPPED, a failure', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    await gw.updateService({ cluster: 'prod', service: 'web', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } } });
    const bad = await nextRevision(gw, 'web', (c) => (c.dockerLabels = { [BEHAVIOUR_LABEL]: 'fail-start' }));
    const started = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: bad });
    const result = await watchRollout(gw, { cluster: 'prod', service: 'web', started, ...simulated([]) });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.progress.state, 'STOPPED');
    assert.match(result.reason ?? '', /^The deployment was stopped: The circuit breaker stopped the deployment/);
  });

  it('stopping watching leaves the deployment running; a timeout ends watching too', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const arn = await nextRevision(gw, 'web');
    const started = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: arn });
    const controller = new AbortController();
    const progress: RolloutProgress[] = [];
    const result = await watchRollout(gw, {
      cluster: 'prod',
      service: 'web',
      started,
      ...simulated(progress),
      signal: controller.signal,
      onProgress: (p) => (progress.push(p), p.polls === 2 && controller.abort()),
    });
    assert.equal(result.outcome, 'stopped-watching');
    assert.equal(progress.length, 2);
    assert.equal(callsOf(ctx.endpoint, 'StopServiceDeployment'), 0);
    const sd = (await gw.describeServiceDeployments([started.currentServiceDeployment ?? ''])).items[0];
    assert.equal(sd.status, 'IN_PROGRESS', 'the deployment goes on');

    const timedOut = await watchRollout(gw, { cluster: 'prod', service: 'web', started, ...simulated([]), sleep: async () => undefined, timeoutMs: 20_000, now: (() => { let t = 0; return () => (t += 5_000); })() });
    assert.equal(timedOut.outcome, 'timed-out');
    assert.match(timedOut.reason ?? '', /did not finish within 20 s/);
  });

  it('backs off while nothing changes, and rejects when the service does not exist', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    let t = 0;
    const waits: number[] = [];
    // api:8 is rolling out: watch without an UpdateService answer. The endpoint's clock stays frozen, so
    // nothing changes from one poll to the next.
    const result = await watchRollout(gw, { cluster: 'prod', service: 'api', now: () => t, sleep: async (ms) => void (waits.push(ms), (t += ms)), timeoutMs: 120_000 });
    assert.equal(result.outcome, 'timed-out');
    assert.deepEqual(waits, [5_000, 7_500, 11_250, 16_875, 25_313, 30_000, 24_062]);
    const missing = await rejection(watchRollout(gw, { cluster: 'prod', service: 'nope', ...simulated([]) }));
    assert.equal(missing.kind, 'not-found');
  });
});
