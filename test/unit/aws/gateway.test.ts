import assert from 'node:assert/strict';
import { callsOf, gatewayFor, useEndpoint, useTestEnvironment } from './helpers';

describe('aws gateway: paging, batching, failures', () => {
  useTestEnvironment();
  const ctx = useEndpoint();

  it('lists a page of 100 services and describes it in 10 calls; the next page from the token', async () => {
    const { endpoint } = ctx;
    const { gw } = gatewayFor(endpoint);
    const first = await gw.servicesPage('batch');
    assert.equal(first.items.length, 100);
    assert.ok(first.nextToken, 'a second page exists');
    assert.equal(callsOf(endpoint, 'ListServices'), 1);
    assert.equal(callsOf(endpoint, 'DescribeServices'), 10);
    const second = await gw.servicesPage('batch', { nextToken: first.nextToken });
    assert.equal(second.items.length, 20);
    assert.equal(second.nextToken, undefined);
    const names = new Set([...first.items, ...second.items].map((s) => s.serviceName));
    assert.equal(names.size, 120, 'no service twice, none missing');
    assert.equal(callsOf(endpoint, 'DescribeServices'), 12);
  });

  it('fetches all pages at the API minimum of calls, describing while listing', async () => {
    const { endpoint } = ctx;
    const { gw } = gatewayFor(endpoint);
    const all = await gw.allServices('batch');
    assert.equal(all.items.length, 120);
    assert.deepEqual(all.failures, []);
    assert.equal(callsOf(endpoint, 'ListServices'), 2);
    assert.equal(callsOf(endpoint, 'DescribeServices'), 12);
    const tasks = await gw.allTasks('batch');
    assert.equal(tasks.items.length, 120);
    assert.equal(callsOf(endpoint, 'ListTasks'), 2);
    assert.equal(callsOf(endpoint, 'DescribeTasks'), 2, '100 tasks per DescribeTasks');
  });

  it('keeps at most 4 calls in flight', async () => {
    const { endpoint } = ctx;
    endpoint.ecs.latencyMs = 30;
    const { gw } = gatewayFor(endpoint);
    await gw.allServices('batch');
    assert.equal(endpoint.ecs.calls().maxInFlight, 4);
    endpoint.ecs.resetCalls();
    const { gw: two } = gatewayFor(endpoint, { concurrency: 2 });
    await two.servicesPage('batch');
    assert.equal(endpoint.ecs.calls().maxInFlight, 2);
  });

  it('returns failures[] next to the items instead of dropping them', async () => {
    const { endpoint } = ctx;
    const { gw } = gatewayFor(endpoint);
    const services = await gw.describeServices('prod', ['web', 'gone', 'api']);
    assert.deepEqual(services.items.map((s) => s.serviceName).sort(), ['api', 'web']);
    assert.deepEqual(services.failures, [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/gone', reason: 'MISSING' }]);
    const clusters = await gw.describeClusters(['prod', 'nowhere']);
    assert.deepEqual(clusters.failures, [{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nowhere', reason: 'MISSING' }]);
    const tasks = await gw.describeTasks('prod', ['0123456789abcdef0123456789abcdef']);
    assert.equal(tasks.failures[0].reason, 'MISSING');
  });

  it('maps services, deployments, events and tasks to plain data', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const [api] = (await gw.describeServices('prod', ['api'])).items;
    assert.equal(api.serviceArn, 'arn:aws:ecs:us-east-1:123456789012:service/prod/api');
    assert.equal(api.deployments[0].status, 'PRIMARY');
    assert.equal(api.deployments[0].rolloutState, 'IN_PROGRESS');
    assert.match(api.deployments[0].id, /^ecs-svc\/\d{19}$/);
    assert.match(api.taskDefinition, /:task-definition\/api:8$/);
    assert.equal(typeof api.createdAt, 'string', 'timestamps are ISO strings');
    assert.deepEqual(api.circuitBreaker, { enable: true, rollback: true });
    assert.equal(JSON.parse(JSON.stringify(api.document)).serviceName, 'api', 'the whole service is plain JSON');
    const worker = (await gw.describeServices('prod', ['worker'])).items[0];
    assert.ok(worker.events.some((e) => /rolling back to deployment ecs-svc\//.test(e.message)));
    const stopped = await gw.allTasks('prod', { serviceName: 'worker', desiredStatus: 'STOPPED' });
    const failed = stopped.items.find((t) => t.stoppedReason === 'Task failed container health checks');
    assert.ok(failed, 'a task stopped by its health check');
    assert.equal(failed.containers[0].exitCode, 137);
    assert.equal(failed.serviceName, 'worker');
    assert.match(failed.taskId, /^[0-9a-f]{32}$/);
  });

  it('finds standalone tasks among a cluster\'s tasks', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const running = await gw.standaloneTasksPage('prod');
    assert.deepEqual(running.items.map((t) => t.group), ['family:nightly-report']);
    const stopped = await gw.standaloneTasksPage('prod', { desiredStatus: 'STOPPED' });
    const migrate = stopped.items.find((t) => t.group === 'family:migrate');
    assert.equal(migrate?.containers[0].exitCode, 1);
    assert.equal(migrate?.stoppedReason, 'Essential container in task exited');
  });

  it('pages container instances of an EC2 cluster with their free CPU and memory', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const page = await gw.containerInstancesPage('staging-ec2');
    assert.equal(page.items.length, 4);
    assert.deepEqual(page.items.map((i) => i.status).sort(), ['ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING']);
    const busy = page.items.find((i) => i.runningTasksCount > 0);
    assert.ok(busy && busy.cpu.remaining! < busy.cpu.registered!);
    assert.match(busy.ec2InstanceId ?? '', /^i-0[0-9a-f]{16}$/);
  });

  it('lists families and revisions newest first, and describes a revision with its tags', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const families = await gw.listTaskDefinitionFamilies({ status: 'ALL' });
    assert.ok(families.items.includes('nightly-report'));
    assert.ok(!(await gw.listTaskDefinitionFamilies()).items.includes('nightly-report'), 'a family with only INACTIVE revisions is not ACTIVE');
    const active = await gw.listTaskDefinitions({ family: 'web' });
    assert.deepEqual(active.items.map((r) => r.revision), [12, 11, 10]);
    const inactive = await gw.listTaskDefinitions({ family: 'web', status: 'INACTIVE' });
    assert.deepEqual(inactive.items.map((r) => r.revision), [9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const latest = await gw.describeTaskDefinition('web');
    assert.equal(latest.taskDefinition.revision, 12);
    assert.equal(latest.taskDefinition.status, 'ACTIVE');
    assert.deepEqual(latest.tags, [{ key: 'team', value: 'storefront' }]);
    assert.equal((latest.taskDefinition.document.containerDefinitions as { name: string }[])[0].name, 'app');
  });

  it('learns the account id from ECS itself, once', async () => {
    const { endpoint } = ctx;
    const { gw } = gatewayFor(endpoint);
    assert.equal(await gw.getAccountId(), '123456789012');
    assert.equal(await gw.getAccountId(), '123456789012');
    assert.equal(callsOf(endpoint, 'ListAccountSettings'), 1);
    assert.deepEqual(await gw.session(), { credentials: { kind: 'environment' }, region: 'us-east-1', endpoint: endpoint.url });
  });

  it('registers, deregisters, scales and stops through the same gateway', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const { taskDefinition: td } = await gw.describeTaskDefinition('web:12');
    const input = { family: 'web', containerDefinitions: td.document.containerDefinitions, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '1 vCPU', memory: '2 GB', tags: [{ key: 'team', value: 'storefront' }] };
    const registered = await gw.registerTaskDefinition(input);
    assert.equal(registered.taskDefinition.revision, 13);
    assert.equal(registered.taskDefinition.document.cpu, '1024', 'ECS stores "1 vCPU" as 1024 units');
    assert.deepEqual(registered.tags, [{ key: 'team', value: 'storefront' }]);
    const old = await gw.deregisterTaskDefinition('web:10');
    assert.equal(old.status, 'INACTIVE');
    const scaled = await gw.updateService({ cluster: 'prod', service: 'web', desiredCount: 5 });
    assert.equal(scaled.desiredCount, 5);
    const [task] = (await gw.tasksPage('prod', { serviceName: 'web' })).items;
    const stopped = await gw.stopTask('prod', task.taskArn, 'testing');
    assert.equal(stopped.desiredStatus, 'STOPPED');
    assert.equal(stopped.stoppedReason, 'testing');
  });
});
