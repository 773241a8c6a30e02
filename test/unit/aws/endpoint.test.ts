import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedSpec } from '../../../tools/endpoint/index';
import { useEndpoint, useTestEnvironment } from './helpers';

/** A raw ECS request: what the SDK sends, minus a valid signature (the endpoint reads only the scope). */
async function ecs(url: string, operation: string, body: unknown, options: { key?: string; region?: string; auth?: boolean } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}` };
  if (options.auth !== false) {
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${options.key ?? 'AKIAEXAMPLERAWCALL01'}/20250101/${options.region ?? 'us-east-1'}/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
  }
  const res = await fetch(`${url}/`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function control(url: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/_control/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.equal(res.status, 200, `${method} ${path}`);
  return (await res.json()) as Record<string, unknown>;
}

describe('local ECS endpoint: wire protocol, limits, control API', () => {
  const env = useTestEnvironment();
  const ctx = useEndpoint();

  it('answers errors as ECS does: HTTP 400 with __type and message, 500 for ServerException', async () => {
    const { url } = ctx.endpoint;
    assert.deepEqual(await ecs(url, 'ListServices', { cluster: 'nowhere' }), { status: 400, json: { __type: 'ClusterNotFoundException', message: 'Cluster not found.' } });
    assert.equal((await ecs(url, 'ListClusters', {}, { auth: false })).json.__type, 'MissingAuthenticationTokenException');
    assert.equal((await ecs(url, 'DeleteEverything', {})).json.__type, 'UnknownOperationException');
    ctx.endpoint.ecs.faults.add({ operations: ['ListClusters'], code: 'ServerException', times: 1 });
    assert.equal((await ecs(url, 'ListClusters', {})).status, 500);
    assert.equal((await ecs(url, 'ListClusters', {})).status, 200, 'the fault fired once');
  });

  it('enforces the batch limits and page sizes ECS enforces', async () => {
    const { url } = ctx.endpoint;
    const eleven = Array.from({ length: 11 }, (_, i) => `job-${String(i + 1).padStart(3, '0')}`);
    assert.deepEqual(await ecs(url, 'DescribeServices', { cluster: 'batch', services: eleven }), { status: 400, json: { __type: 'InvalidParameterException', message: 'service names can have at most 10 items.' } });
    const tasks = Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(32, '0'));
    assert.equal((await ecs(url, 'DescribeTasks', { cluster: 'batch', tasks })).json.message, 'taskIds can have at most 100 items.');
    assert.equal((await ecs(url, 'DescribeServices', { cluster: 'batch', services: [] })).json.__type, 'InvalidParameterException');
    for (const maxResults of [0, 101]) assert.equal((await ecs(url, 'ListServices', { cluster: 'batch', maxResults })).json.__type, 'InvalidParameterException');
    const defaultPage = await ecs(url, 'ListServices', { cluster: 'batch' });
    assert.equal((defaultPage.json.serviceArns as string[]).length, 10, 'ListServices returns 10 unless asked for more');
    const other = await ecs(url, 'ListServices', { cluster: 'batch', launchType: 'EC2', nextToken: defaultPage.json.nextToken });
    assert.equal(other.json.__type, 'InvalidParameterException', 'a token only works with the filters it came from');
    assert.equal((await ecs(url, 'UpdateService', { cluster: 'prod' })).json.__type, 'InvalidParameterException', 'service is required');
    assert.equal((await ecs(url, 'DescribeTaskDefinition', { taskDefinition: 'nope' })).json.message, 'Unable to describe task definition.');
  });

  it('uses the real ARN formats for the region, and keeps regions apart', async () => {
    const { url } = ctx.endpoint;
    const us = await ecs(url, 'ListServices', { cluster: 'prod' });
    for (const arn of us.json.serviceArns as string[]) assert.match(arn, /^arn:aws:ecs:us-east-1:123456789012:service\/prod\/[\w-]+$/);
    const tasks = await ecs(url, 'ListTasks', { cluster: 'prod' });
    for (const arn of tasks.json.taskArns as string[]) assert.match(arn, /^arn:aws:ecs:us-east-1:123456789012:task\/prod\/[0-9a-f]{32}$/);
    const eu = await ecs(url, 'ListClusters', {}, { region: 'eu-west-1' });
    assert.deepEqual(eu.json.clusterArns, ['arn:aws:ecs:eu-west-1:123456789012:cluster/eu-prod']);
    assert.deepEqual((await ecs(url, 'ListClusters', {}, { region: 'ap-southeast-2' })).json.clusterArns, []);
    const china = await ecs(url, 'CreateCluster', { clusterName: 'cn' }, { region: 'cn-north-1' });
    assert.equal((china.json.cluster as { clusterArn: string }).clusterArn, 'arn:aws-cn:ecs:cn-north-1:123456789012:cluster/cn');
    const deployments = await ecs(url, 'ListServiceDeployments', { cluster: 'prod', service: 'web' });
    for (const d of deployments.json.serviceDeployments as { serviceDeploymentArn: string }[]) {
      assert.match(d.serviceDeploymentArn, /^arn:aws:ecs:us-east-1:123456789012:service-deployment\/prod\/web\/[A-Za-z0-9]{21}$/);
    }
  });

  it('throttles per category with ThrottlingException "Rate exceeded"', async () => {
    const { url, ecs: local } = ctx.endpoint;
    local.throttle.enabled = true;
    local.throttle.configure({ clusterRead: { burst: 2, rate: 0.1 } });
    assert.equal((await ecs(url, 'ListClusters', {})).status, 200);
    assert.equal((await ecs(url, 'ListClusters', {})).status, 200);
    assert.deepEqual((await ecs(url, 'DescribeClusters', {})).json, { __type: 'ThrottlingException', message: 'Rate exceeded' });
    assert.equal((await ecs(url, 'ListServices', { cluster: 'prod' })).status, 200, 'another category has its own bucket');
  });

  it('offers a control API: reset, faults, latency, throttle, clock, config, calls, summary', async () => {
    const { url } = ctx.endpoint;
    await control(url, 'POST', 'faults', { cluster: 'prod', operations: ['ListServices'], code: 'AccessDeniedException' });
    assert.equal((await ecs(url, 'ListServices', { cluster: 'prod' })).json.__type, 'AccessDeniedException');
    assert.equal(((await control(url, 'GET', 'faults')) as unknown as unknown[]).length, 2, 'the seed\'s fault and this one');
    await control(url, 'DELETE', 'faults');
    assert.equal((await ecs(url, 'ListServices', { cluster: 'restricted' })).status, 200);
    await control(url, 'POST', 'latency', { ms: 0, operations: { ListClusters: 120 } });
    const started = Date.now();
    await ecs(url, 'ListClusters', {});
    assert.ok(Date.now() - started >= 110);
    const throttle = await control(url, 'POST', 'throttle', { enabled: true, categories: { serviceRead: { burst: 1 } } });
    assert.equal((throttle.categories as Record<string, { burst: number }>).serviceRead.burst, 1);
    await control(url, 'POST', 'throttle', { enabled: false });
    const clock = await control(url, 'GET', 'clock');
    const later = await control(url, 'POST', 'clock', { advanceMs: 60_000 });
    assert.equal((later.now as number) - (clock.now as number), 60_000);
    await control(url, 'POST', 'config', { serviceDeploymentsApi: false });
    assert.equal((await ecs(url, 'ListServiceDeployments', { cluster: 'prod', service: 'web' })).json.__type, 'UnknownOperationException');
    const calls = await control(url, 'GET', 'calls');
    assert.equal(calls.total, 4);
    assert.equal((calls.recent as { accessKeyId: string }[])[0].accessKeyId, 'AKIAEXAMPLERAWCALL01');
    const summary = await control(url, 'GET', 'summary');
    assert.deepEqual((summary['us-east-1'] as { clusters: Record<string, unknown> }).clusters.batch, { services: 120, tasks: 120, containerInstances: 0 });
    await control(url, 'POST', 'reset', { seed: 'empty' });
    assert.deepEqual((await ecs(url, 'ListClusters', {})).json.clusterArns, []);
    await control(url, 'POST', 'reset', { seed: 'default' });
    assert.equal(((await ecs(url, 'ListClusters', {})).json.clusterArns as string[]).length, 5);
  });

  it('plays a seed of your own, and `npm run endpoint -- --data FILE` serves it until stopped', async () => {
    const seed: SeedSpec = {
      accountId: '210987654321',
      regions: {
        'eu-north-1': {
          taskDefinitions: [{ family: 'app', revisions: 2, definition: { containerDefinitions: [{ name: 'app', image: 'nginx:1.{revision}', memory: 256 }] } }],
          clusters: [{ name: 'tiny', containerInstances: 1, services: [{ name: 'app', deployments: ['app:1', 'app:2'], desiredCount: 2, launchType: 'EC2' }] }],
        },
      },
    };
    const file = join(env.dir, 'seed.json');
    writeFileSync(file, JSON.stringify(seed));
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../../../tools/endpoint/main.ts'), '--port', '0', '--data', file, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Local ECS endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`endpoint exited with ${code}`)));
      });
      const services = await ecs(url, 'DescribeServices', { cluster: 'tiny', services: ['app'] }, { region: 'eu-north-1' });
      const [app] = services.json.services as { serviceArn: string; taskDefinition: string; runningCount: number }[];
      assert.equal(app.serviceArn, 'arn:aws:ecs:eu-north-1:210987654321:service/tiny/app');
      assert.equal(app.taskDefinition, 'arn:aws:ecs:eu-north-1:210987654321:task-definition/app:2');
      assert.equal(app.runningCount, 2);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
