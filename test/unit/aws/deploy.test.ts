/** src/aws/deploy.ts over the real SDK and the local endpoint: planning a deployment and finding the services of a family. */
import assert from 'node:assert/strict';
import { planDeployment, servicesRunningFamily, startDeployment } from '../../../src/aws/deploy';
import { gatewayFor, rejection, useEndpoint, useTestEnvironment } from './helpers';

describe('deploy planning', () => {
  useTestEnvironment();
  const ctx = useEndpoint();

  it('plans a deployment: resolves the revision, knows what runs, refuses INACTIVE revisions and missing services', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const plan = await planDeployment(gw, { cluster: 'prod', service: 'web', taskDefinition: 'web:11' });
    assert.equal(plan.taskDefinition.arn, 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:11');
    assert.match(plan.current, /web:12$/);
    assert.equal(plan.alreadyRunning, false);
    assert.equal((await planDeployment(gw, { cluster: 'prod', service: 'web', taskDefinition: 'web' })).alreadyRunning, true);
    const inactive = await rejection(planDeployment(gw, { cluster: 'prod', service: 'web', taskDefinition: 'web:3' }));
    assert.equal(inactive.kind, 'invalid-parameters');
    assert.match(inactive.message, /^web:3 is INACTIVE: ECS deploys only ACTIVE revisions/);
    assert.equal((await rejection(planDeployment(gw, { cluster: 'prod', service: 'nope', taskDefinition: 'web' }))).kind, 'not-found');
    const started = await startDeployment(gw, plan, { forceNewDeployment: true });
    assert.match(started.deployments[0].taskDefinition, /web:11$/);
  });

  it('finds the services that run a family, PRIMARY and newest revision first; unreadable clusters are skipped', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const network = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'], securityGroups: ['sg-0a1b2c3d4e5f60001'] } };
    await gw.createService({ cluster: 'sandbox', serviceName: 'web-canary', taskDefinition: 'web:11', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network });
    const web = await servicesRunningFamily(gw, 'web');
    assert.deepEqual(web.map((c) => [c.cluster, c.service.serviceName, c.runs.slice(c.runs.lastIndexOf('/') + 1), c.primary]), [
      ['prod', 'web', 'web:12', true],
      ['sandbox', 'web-canary', 'web:11', true],
    ]);
    assert.deepEqual((await servicesRunningFamily(gw, 'api')).map((c) => c.service.serviceName), ['api']);
    assert.deepEqual(await servicesRunningFamily(gw, 'no-such-family'), []);
  });
});
