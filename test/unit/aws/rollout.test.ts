import assert from 'node:assert/strict';
import type { EcsGateway, JsonObject, Service } from '../../../src/aws/index';
import { BEHAVIOUR_LABEL } from '../../../tools/endpoint/index';
import { gatewayFor, rejection, useEndpoint, useTestEnvironment } from './helpers';

/** Register input from a described revision (the members ECS adds on its own removed). */
async function nextRevision(gw: EcsGateway, family: string, change: (containers: JsonObject[]) => void): Promise<string> {
  const { taskDefinition } = await gw.describeTaskDefinition(family);
  const doc = structuredClone(taskDefinition.document);
  for (const k of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt']) delete doc[k];
  change(doc.containerDefinitions as JsonObject[]);
  return (await gw.registerTaskDefinition(doc)).taskDefinition.arn;
}

describe('local endpoint: rollouts through the gateway', () => {
  useTestEnvironment();
  const ctx = useEndpoint();
  /** Moves the simulated clock on (10 s a scheduler step). */
  const advance = (seconds: number): void => ctx.endpoint.ecs.advance(seconds * 1000);
  const service = async (gw: EcsGateway, name: string): Promise<Service> => (await gw.describeServices('prod', [name])).items[0];

  it('a new revision rolls out to COMPLETED: tasks replaced, events, service deployment SUCCESSFUL', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const arn = await nextRevision(gw, 'web', (c) => (c[0].image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.13.0'));
    const updated = await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: arn });
    assert.equal(updated.deployments[0].status, 'PRIMARY');
    assert.equal(updated.deployments[0].rolloutState, 'IN_PROGRESS');
    assert.equal(updated.deployments.length, 2);
    const [current] = (await gw.listServiceDeployments('prod', 'web')).items;
    assert.equal(current.status, 'PENDING');
    assert.equal(updated.currentServiceDeployment, current.serviceDeploymentArn);

    advance(20);
    const mid = await service(gw, 'web');
    assert.equal(mid.deployments[0].runningCount + mid.deployments[0].pendingCount, 3, 'new tasks started within maximumPercent 200');
    assert.equal(mid.deployments[1].runningCount, 3, 'old tasks still serve (minimumHealthyPercent 100)');
    assert.equal((await gw.describeServiceDeployments([current.serviceDeploymentArn])).items[0].status, 'IN_PROGRESS');

    advance(60);
    const done = await service(gw, 'web');
    assert.equal(done.deployments.length, 1);
    assert.equal(done.deployments[0].rolloutState, 'COMPLETED');
    assert.equal(done.runningCount, 3);
    assert.equal(done.taskDefinition, arn);
    assert.match(done.events[0].message, /^\(service web\) has reached a steady state\.$/);
    assert.ok(done.events.some((e) => /has stopped 3 running tasks/.test(e.message)));
    const running = await gw.allTasks('prod', { serviceName: 'web' });
    assert.ok(running.items.every((t) => t.taskDefinitionArn === arn && t.healthStatus === 'HEALTHY'));
    const sd = (await gw.describeServiceDeployments([current.serviceDeploymentArn])).items[0];
    assert.equal(sd.status, 'SUCCESSFUL');
    assert.equal(sd.targetServiceRevision?.runningTaskCount, 3);
    assert.ok(sd.finishedAt);
  });

  it('a revision that fails its health checks trips the circuit breaker, which rolls back', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const before = (await service(gw, 'web')).taskDefinition;
    const bad = await nextRevision(gw, 'web', (c) => (c[0].dockerLabels = { [BEHAVIOUR_LABEL]: 'fail-health-check' }));
    await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: bad });
    const [sdBrief] = (await gw.listServiceDeployments('prod', 'web')).items;

    advance(40);
    const failing = await service(gw, 'web');
    const failed = failing.deployments.find((d) => d.taskDefinition === bad);
    assert.equal(failed?.rolloutState, 'FAILED');
    assert.equal(failed?.rolloutStateReason, 'ECS deployment circuit breaker: tasks failed to start.');
    assert.ok((failed?.failedTasks ?? 0) >= 3, 'the threshold for 3 tasks is 3 failures');
    assert.equal(failing.taskDefinition, before, 'the service is back on the previous revision');
    const rolling = (await gw.describeServiceDeployments([sdBrief.serviceDeploymentArn])).items[0];
    assert.match(rolling.status, /^ROLLBACK_(REQUESTED|IN_PROGRESS)$/);
    assert.equal(rolling.circuitBreaker?.status, 'TRIGGERED');
    assert.equal(rolling.circuitBreaker?.threshold, 3);

    advance(60);
    const sd = (await gw.describeServiceDeployments([sdBrief.serviceDeploymentArn])).items[0];
    assert.equal(sd.status, 'ROLLBACK_SUCCESSFUL');
    assert.ok(sd.rollback?.reason && sd.rollback.serviceRevisionArn);
    const after = await service(gw, 'web');
    assert.equal(after.deployments.length, 1);
    assert.equal(after.deployments[0].taskDefinition, before, 'the PRIMARY deployment runs the old revision');
    assert.equal(after.deployments[0].rolloutState, 'COMPLETED', 'what `wait services-stable` would call success');
    const stopped = await gw.allTasks('prod', { serviceName: 'web', desiredStatus: 'STOPPED' });
    assert.ok(stopped.items.some((t) => t.taskDefinitionArn === bad && t.stoppedReason === 'Task failed container health checks'));
    assert.ok(after.events.some((e) => /\(deployment ecs-svc\/\d+\) deployment failed: tasks failed to start\./.test(e.message)));
  });

  it('without rollback the breaker stops the deployment (STOPPED), and the old tasks keep serving', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    await gw.updateService({ cluster: 'prod', service: 'web', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } } });
    const bad = await nextRevision(gw, 'web', (c) => (c[0].environment = [{ name: 'ECS_LENS_SIMULATE', value: 'fail-start' }]));
    await gw.updateService({ cluster: 'prod', service: 'web', taskDefinition: bad });
    advance(120);
    const s = await service(gw, 'web');
    assert.equal(s.deployments[0].rolloutState, 'FAILED');
    assert.equal(s.deployments[1].runningCount, 3);
    const [sd] = (await gw.listServiceDeployments('prod', 'web')).items;
    assert.equal(sd.status, 'STOPPED');
    const stopped = await gw.allTasks('prod', { serviceName: 'web', desiredStatus: 'STOPPED' });
    assert.ok(stopped.items.some((t) => t.stopCode === 'TaskFailedToStart' && /CannotPullContainerError/.test(t.stoppedReason ?? '')));
  });

  it('a new service whose first revision fails has nothing to roll back to: ROLLBACK_FAILED', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const bad = await nextRevision(gw, 'worker', (c) => (c[0].dockerLabels = { [BEHAVIOUR_LABEL]: 'fail-health-check' }));
    const created = await gw.createService({
      cluster: 'prod',
      serviceName: 'canary',
      taskDefinition: bad,
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'], securityGroups: ['sg-0a1b2c3d4e5f60001'] } },
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    assert.equal(created.serviceArn, 'arn:aws:ecs:us-east-1:123456789012:service/prod/canary');
    advance(90);
    const [sd] = (await gw.listServiceDeployments('prod', 'canary')).items;
    assert.equal(sd.status, 'ROLLBACK_FAILED');
    assert.match(sd.statusReason ?? '', /no completed service revision to roll back to/);
    const s = await service(gw, 'canary');
    assert.equal(s.deployments[0].rolloutState, 'FAILED');
    assert.equal(s.runningCount, 0);
  });

  it('StopServiceDeployment rolls an in-progress deployment back', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const before = (await service(gw, 'web')).taskDefinition;
    await gw.updateService({ cluster: 'prod', service: 'web', forceNewDeployment: true, taskDefinition: await nextRevision(gw, 'web', () => undefined) });
    advance(10);
    const [sd] = (await gw.listServiceDeployments('prod', 'web')).items;
    await gw.stopServiceDeployment(sd.serviceDeploymentArn);
    assert.equal((await gw.describeServiceDeployments([sd.serviceDeploymentArn])).items[0].status, 'STOP_REQUESTED');
    advance(120);
    assert.equal((await gw.describeServiceDeployments([sd.serviceDeploymentArn])).items[0].status, 'ROLLBACK_SUCCESSFUL');
    assert.equal((await service(gw, 'web')).taskDefinition, before);
  });

  it('without the service-deployment API the caller falls back to deployments[]', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    ctx.endpoint.ecs.serviceDeploymentsApi = false;
    assert.equal((await rejection(gw.listServiceDeployments('prod', 'api'))).kind, 'unsupported');
    const api = await service(gw, 'api');
    assert.equal(api.currentServiceDeployment, undefined);
    assert.equal(api.deployments[0].rolloutState, 'IN_PROGRESS');
    advance(120);
    const done = await service(gw, 'api');
    assert.equal(done.deployments.length, 1);
    assert.equal(done.deployments[0].rolloutState, 'COMPLETED');
    assert.match(done.deployments[0].taskDefinition, /api:8$/);
  });

  it('scaling changes the count without a new deployment', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const deployments = (await gw.listServiceDeployments('prod', 'web')).items.length;
    await gw.updateService({ cluster: 'prod', service: 'web', desiredCount: 1 });
    advance(30);
    const s = await service(gw, 'web');
    assert.equal(s.runningCount, 1);
    assert.equal(s.deployments.length, 1);
    assert.equal((await gw.listServiceDeployments('prod', 'web')).items.length, deployments);
  });
});
