import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEcsGateway } from '../../../src/aws/index';
import { callsOf, gatewayFor, rejection, useEndpoint, useTestEnvironment } from './helpers';

/** Runs `fn` with environment variables changed, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('aws gateway: every failure is a typed outcome that says what to do', () => {
  const env = useTestEnvironment();
  const ctx = useEndpoint();

  it('no credentials', async () => {
    await withEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SESSION_TOKEN: undefined }, async () => {
      const e = await rejection(gatewayFor(ctx.endpoint).gw.listClusters());
      assert.equal(e.kind, 'no-credentials');
      assert.match(e.message, /set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
      assert.equal(ctx.endpoint.ecs.calls().total, 0, 'nothing was sent');
    });
  });

  it('an SSO profile without a token: run aws sso login --profile P', async () => {
    const config = join(env.dir, 'sso-config');
    writeFileSync(config, '[profile dev-sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Developer\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n');
    await withEnv({ AWS_CONFIG_FILE: config }, async () => {
      const gw = createEcsGateway({ credentials: { kind: 'profile', profile: 'dev-sso' }, endpoint: ctx.endpoint.url });
      const e = await rejection(gw.listClusters());
      assert.equal(e.kind, 'sso-login-required');
      assert.equal(e.command, 'aws sso login --profile dev-sso');
      assert.match(e.message, /run `aws sso login --profile dev-sso`/);
    });
  });

  it('expired credentials', async () => {
    await withEnv({ AWS_ACCESS_KEY_ID: 'ASIAEXPIREDEXAMPLE01' }, async () => {
      const e = await rejection(gatewayFor(ctx.endpoint).gw.listClusters());
      assert.equal(e.kind, 'expired-credentials');
      assert.equal((e.details as { code: string }).code, 'ExpiredTokenException');
      assert.match(e.message, /have expired: sign in again/);
    });
  });

  it('credentials AWS does not accept, and a region not enabled for the account', async () => {
    await withEnv({ AWS_ACCESS_KEY_ID: 'AKIAINVALIDEXAMPLE01' }, async () => {
      const e = await rejection(gatewayFor(ctx.endpoint).gw.listClusters());
      assert.equal(e.kind, 'invalid-credentials');
    });
    ctx.endpoint.ecs.regions = ['us-east-1', 'eu-west-1'];
    const e = await rejection(gatewayFor(ctx.endpoint, { region: 'ap-east-1' }).gw.listClusters());
    assert.equal(e.kind, 'invalid-credentials');
    assert.match(e.message, /region ap-east-1 may not be enabled/);
  });

  it('access denied on one cluster, the others readable', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const e = await rejection(gw.servicesPage('restricted'));
    assert.equal(e.kind, 'access-denied');
    assert.match(e.message, /Ask for the ecs:ListServices permission/);
    assert.equal((await gw.servicesPage('prod')).items.length, 4);
  });

  it('throttled after the retries', async () => {
    ctx.endpoint.ecs.faults.add({ operations: ['ListClusters'], code: 'ThrottlingException' });
    const { gw, log } = gatewayFor(ctx.endpoint, { maxAttempts: 2 });
    const e = await rejection(gw.listClusters());
    assert.equal(e.kind, 'throttled');
    assert.match(e.message, /after 2 attempts/);
    assert.equal(callsOf(ctx.endpoint, 'ListClusters'), 2, 'the SDK retried once');
    assert.equal(log.filter((x) => x.type === 'call' && x.outcome === 'throttled').length, 1);
  });

  it('a server error is retried, and reported when it persists', async () => {
    ctx.endpoint.ecs.faults.add({ operations: ['ListClusters'], code: 'ServerException', times: 1 });
    const { gw, log } = gatewayFor(ctx.endpoint);
    assert.equal((await gw.listClusters()).items.length, 5);
    assert.deepEqual(log.filter((x) => x.type === 'call').map((x) => x.type === 'call' && x.attempts), [2]);
    ctx.endpoint.ecs.faults.add({ operations: ['ListServices'], code: 'ServerException' });
    const e = await rejection(gatewayFor(ctx.endpoint, { maxAttempts: 2 }).gw.listServices('prod'));
    assert.equal(e.kind, 'server-error');
  });

  it('endpoint unreachable', async () => {
    const gw = createEcsGateway({ credentials: { kind: 'environment' }, region: 'us-east-1', endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
    const e = await rejection(gw.listClusters());
    assert.equal(e.kind, 'endpoint-unreachable');
    assert.match(e.message, /Cannot reach the ECS endpoint http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\): check that it is running/);
  });

  it('a region that does not exist, and no region at all', async () => {
    const unknown = await rejection(createEcsGateway({ credentials: { kind: 'environment' }, region: 'xx-nowhere-1', maxAttempts: 1 }).listClusters());
    assert.equal(unknown.kind, 'unknown-region');
    assert.match(unknown.message, /Region "xx-nowhere-1" is unknown/);
    const malformed = await rejection(createEcsGateway({ credentials: { kind: 'environment' }, region: 'not a region' }).listClusters());
    assert.equal(malformed.kind, 'unknown-region');
    await withEnv({ AWS_REGION: undefined }, async () => {
      const e = await rejection(createEcsGateway({ credentials: { kind: 'environment' }, endpoint: ctx.endpoint.url }).listClusters());
      assert.equal(e.kind, 'no-region');
      assert.match(e.message, /pass --region, set AWS_REGION/);
    });
  });

  it('invalid parameters, not found, unsupported, conflict', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const invalid = await rejection(gw.registerTaskDefinition({ family: 'web', containerDefinitions: [] }));
    assert.equal(invalid.kind, 'invalid-parameters');
    assert.match(invalid.message, /ECS rejected RegisterTaskDefinition: Container list cannot be empty\./);
    const cluster = await rejection(gw.listServices('nowhere'));
    assert.equal(cluster.kind, 'not-found');
    assert.match(cluster.message, /Cluster not found/);
    assert.equal((await rejection(gw.describeTaskDefinition('nope:1'))).kind, 'not-found');
    assert.equal((await rejection(gw.updateService({ cluster: 'prod', service: 'nope', desiredCount: 1 }))).kind, 'not-found');
    assert.equal((await rejection(gw.stopTask('prod', '0123456789abcdef0123456789abcdef'))).kind, 'not-found');
    const [done] = (await gw.listServiceDeployments('prod', 'web', { status: ['SUCCESSFUL'] })).items;
    assert.equal((await rejection(gw.stopServiceDeployment(done.serviceDeploymentArn))).kind, 'conflict');
    ctx.endpoint.ecs.serviceDeploymentsApi = false;
    const unsupported = await rejection(gw.listServiceDeployments('prod', 'web'));
    assert.equal(unsupported.kind, 'unsupported');
  });

  it('cancels a call in flight, a call waiting for a slot, and the rest of a paged load', async () => {
    const { endpoint } = ctx;
    endpoint.ecs.latencyByOperation = { ListClusters: 3000 };
    const { gw } = gatewayFor(endpoint, { concurrency: 1 });
    const controller = new AbortController();
    const started = Date.now();
    const inFlight = gw.listClusters({ signal: controller.signal });
    const queued = gw.listServices('prod', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const [a, b] = await Promise.all([rejection(inFlight), rejection(queued)]);
    assert.equal(a.kind, 'cancelled');
    assert.equal(b.kind, 'cancelled');
    assert.ok(Date.now() - started < 1000, 'did not wait for the answer');
    assert.equal(callsOf(endpoint, 'ListServices'), 0, 'the queued call was never sent');

    endpoint.ecs.latencyByOperation = { DescribeServices: 100 };
    const paged = new AbortController();
    const all = gatewayFor(endpoint).gw.allServices('batch', { signal: paged.signal });
    setTimeout(() => paged.abort(), 150);
    assert.equal((await rejection(all)).kind, 'cancelled');
    await new Promise((r) => setTimeout(r, 250));
    assert.ok(callsOf(endpoint, 'DescribeServices') < 12, `stopped describing (${callsOf(endpoint, 'DescribeServices')} of 12 batches sent)`);
  });
});
