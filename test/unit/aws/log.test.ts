import assert from 'node:assert/strict';
import { formatLogEntry } from '../../../src/aws/index';
import { ACCESS_KEY_ID, gatewayFor, rejection, SECRET_ACCESS_KEY, SESSION_TOKEN, useEndpoint, useTestEnvironment } from './helpers';

describe('aws gateway log', () => {
  useTestEnvironment();
  const ctx = useEndpoint();

  it('names the session and every call with its outcome and duration', async () => {
    const { gw, log } = gatewayFor(ctx.endpoint);
    await gw.servicesPage('prod');
    await rejection(gw.servicesPage('restricted'));
    const lines = log.map(formatLogEntry);
    assert.equal(lines[0], `AWS session: environment credentials, region us-east-1, endpoint ${ctx.endpoint.url}`);
    assert.match(lines[1], /^ListServices ok \d+ ms \(cluster=prod, 4 items, request [0-9a-f-]{36}\)$/);
    assert.match(lines[2], /^DescribeServices ok \d+ ms \(cluster=prod, 4 services, 0 failures, request /);
    assert.match(lines[3], /^ListServices access-denied \d+ ms \(cluster=restricted, AccessDeniedException, User: arn:aws:sts::123456789012:assumed-role\/EcsLensDeveloper\/ecs-lens-session is not authorized/);
    assert.equal(log.filter((e) => e.type === 'session').length, 1, 'the session once');
  });

  it('never contains the access key, the secret or the session token, even when AWS echoes them', async () => {
    const { gw, log } = gatewayFor(ctx.endpoint);
    // Signature errors of some AWS services quote the credential scope and the canonical request.
    ctx.endpoint.ecs.faults.add({
      operations: ['ListClusters'],
      code: 'InvalidSignatureException',
      message: `The request signature we calculated does not match. Credential=${ACCESS_KEY_ID}/20250101/us-east-1/ecs/aws4_request x-amz-security-token:${SESSION_TOKEN} Signature=0123abcd`,
    });
    const errors: Error[] = [];
    errors.push(await rejection(gw.listClusters()));
    await gw.getAccountId();
    await gw.allServices('prod');
    await gw.registerTaskDefinition({ family: 'probe', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128, environment: [{ name: 'X', value: 'y' }] }] });
    errors.push(await rejection(gw.servicesPage('restricted')));
    errors.push(await rejection(gw.describeTaskDefinition('missing:1')));
    const text = [...log.map(formatLogEntry), JSON.stringify(log), ...errors.map((e) => `${e.message} ${JSON.stringify(e)}`)].join('\n');
    assert.ok(log.length >= 8);
    for (const secret of [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN]) assert.ok(!text.includes(secret), `the log holds ${secret.slice(0, 6)}...`);
    assert.match(text, /invalid-credentials/);
    assert.match(text, /Credential=\[redacted\]/);
  });
});
