import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEcsGateway, disposeClients, listProfiles } from '../../../src/aws/index';
import { rejection, useEndpoint, useTestEnvironment } from './helpers';

describe('aws credentials and profiles', () => {
  const env = useTestEnvironment();
  const ctx = useEndpoint();
  let config: string;
  let credentials: string;
  afterEach(() => {
    process.env.AWS_REGION = 'us-east-1';
  });

  before(() => {
    config = join(env.dir, 'config');
    credentials = join(env.dir, 'credentials');
    const script = join(env.dir, 'creds.js');
    writeFileSync(script, 'process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "AKIAPROCESSEXAMPLE01", SecretAccessKey: "processSecretValue000000000000000000000000" }));\n');
    const failing = join(env.dir, 'fails.js');
    writeFileSync(failing, 'process.stderr.write("token expired, re-authenticate"); process.exit(3);\n');
    writeFileSync(
      config,
      [
        '[default]',
        'region = eu-west-1',
        '',
        '[profile sso-dev]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = Developer',
        'region = eu-central-1',
        '',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        '',
        '[profile proc]',
        `credential_process = "${process.execPath}" "${script}"`,
        'region = us-east-1',
        '',
        '[profile broken]',
        `credential_process = "${process.execPath}" "${failing}"`,
        '',
        '[profile deployer]',
        'role_arn = arn:aws:iam::123456789012:role/Deployer',
        'source_profile = static',
        '',
      ].join('\n'),
    );
    writeFileSync(credentials, '[static]\naws_access_key_id = AKIASTATICEXAMPLE001\naws_secret_access_key = staticSecretValue0000000000000000000000000\nregion = ap-south-1\n');
    process.env.AWS_CONFIG_FILE = config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
  });

  it('lists the profiles of both files with their regions and kinds, and no secret', async () => {
    const profiles = await listProfiles();
    assert.deepEqual(
      profiles.map((p) => [p.name, p.kind, p.region ?? null]),
      [
        ['default', 'other', 'eu-west-1'],
        ['broken', 'process', null],
        ['deployer', 'assume-role', null],
        ['proc', 'process', 'us-east-1'],
        ['sso-dev', 'sso', 'eu-central-1'],
        ['static', 'static', 'ap-south-1'],
      ],
    );
    assert.equal(profiles.find((p) => p.name === 'sso-dev')?.ssoSession, 'corp');
    assert.deepEqual(profiles.find((p) => p.name === 'static')?.sources, ['credentials']);
    assert.ok(!JSON.stringify(profiles).includes('staticSecretValue'), 'secrets never leave the files');
  });

  it('reads the files again each time (a profile added later appears)', async () => {
    const before = await listProfiles();
    writeFileSync(credentials, `${'[static]\naws_access_key_id = AKIASTATICEXAMPLE001\naws_secret_access_key = staticSecretValue0000000000000000000000000\nregion = ap-south-1\n'}\n[later]\naws_access_key_id = AKIALATEREXAMPLE0001\naws_secret_access_key = x\n`);
    const after = await listProfiles();
    assert.equal(after.length, before.length + 1);
  });

  it('signs with a credential_process profile, in the profile\'s region', async () => {
    delete process.env.AWS_REGION;
    const gw = createEcsGateway({ credentials: { kind: 'profile', profile: 'proc' }, endpoint: ctx.endpoint.url });
    await gw.listClusters();
    const [call] = ctx.endpoint.ecs.calls().recent;
    assert.equal(call.accessKeyId, 'AKIAPROCESSEXAMPLE01');
    assert.equal(call.region, 'us-east-1');
    assert.equal((await gw.session()).region, 'us-east-1');
  });

  it('a static profile: its keys and its region (AWS_REGION, when set, comes first)', async () => {
    delete process.env.AWS_REGION;
    const gw = createEcsGateway({ credentials: { kind: 'profile', profile: 'static' }, endpoint: ctx.endpoint.url });
    assert.equal((await gw.session()).region, 'ap-south-1');
    await gw.listClusters();
    assert.equal(ctx.endpoint.ecs.calls().recent[0].accessKeyId, 'AKIASTATICEXAMPLE001');
    assert.equal(ctx.endpoint.ecs.calls().recent[0].region, 'ap-south-1');
    process.env.AWS_REGION = 'eu-west-1';
    // A cached client keeps the region it resolved; a new one reads the environment again.
    disposeClients();
    assert.equal((await createEcsGateway({ credentials: { kind: 'profile', profile: 'static' }, endpoint: ctx.endpoint.url }).session()).region, 'eu-west-1');
  });

  it('a failing credential_process says so', async () => {
    const gw = createEcsGateway({ credentials: { kind: 'profile', profile: 'broken' }, region: 'us-east-1', endpoint: ctx.endpoint.url });
    const e = await rejection(gw.listClusters());
    assert.equal(e.kind, 'no-credentials');
    assert.match(e.message, /credential_process of profile "broken" failed/);
  });

  it('an SSO profile without a cached token asks for aws sso login', async () => {
    const gw = createEcsGateway({ credentials: { kind: 'profile', profile: 'sso-dev' }, endpoint: ctx.endpoint.url });
    const e = await rejection(gw.listClusters());
    assert.equal(e.kind, 'sso-login-required');
    assert.equal(e.command, 'aws sso login --profile sso-dev');
  });

  it('the default chain follows AWS_PROFILE', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY, token: process.env.AWS_SESSION_TOKEN };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    delete process.env.AWS_SESSION_TOKEN;
    process.env.AWS_PROFILE = 'static';
    try {
      await createEcsGateway({ endpoint: ctx.endpoint.url, region: 'us-east-1' }).listClusters();
      assert.equal(ctx.endpoint.ecs.calls().recent[0].accessKeyId, 'AKIASTATICEXAMPLE001');
    } finally {
      delete process.env.AWS_PROFILE;
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: saved.id, AWS_SECRET_ACCESS_KEY: saved.secret, AWS_SESSION_TOKEN: saved.token });
    }
  });
});
