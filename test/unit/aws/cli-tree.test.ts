import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { treeCommand, type TreeOutput } from '../../../src/cli/tree';
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, useEndpoint, useTestEnvironment } from './helpers';

const root = join(__dirname, '../../..');

describe('cli: ecs-lens tree', () => {
  const env = useTestEnvironment();
  const ctx = useEndpoint();

  it('prints clusters → services → deployments and tasks, then families → revisions', async () => {
    const r = await treeCommand(['--endpoint', ctx.endpoint.url]);
    assert.equal(r.code, 1, 'the restricted cluster could not be read');
    const out = r.stdout;
    assert.match(out, /^ECS in us-east-1 · account 123456789012 · default credentials · endpoint http:\/\/127\.0\.0\.1:\d+$/m);
    assert.match(out, /^Clusters \(5\)$/m);
    assert.match(out, /^ {2}prod {2}ACTIVE {2}4 services, 12 running tasks, 4 pending$/m);
    assert.match(out, /^ {4}api {2}ACTIVE {2}4\/4 running, 4 pending {2}api:8 {2}\(deployment in progress\)$/m);
    assert.match(out, /^ {6}deployment PRIMARY {2}api:8 {2}IN_PROGRESS {2}0\/4 running, 4 pending$/m);
    assert.match(out, /^ {4}payments .* {2}\(rollout failed\)$/m);
    assert.match(out, /^ {6}task [0-9a-f]{32} {2}STOPPED {2}UNHEALTHY {2}FARGATE {2}worker:5 {2}stopped \d+m ago: Task failed container health checks {2}\(app exit 137\)$/m);
    assert.match(out, /^ {6}task [0-9a-f]{32} {2}STOPPED {2}FARGATE {2}migrate:2 {2}stopped \d+m ago: Essential container in task exited {2}\(app exit 1\)$/m);
    assert.match(out, /^ {4}container instances \(4\)$/m);
    assert.match(out, /^ {4}! Access denied for ListServices: .*cluster\/restricted/m, 'the failing cluster in its place');
    assert.match(out, /^ {2}sandbox {2}ACTIVE {2}0 services, 0 running tasks, 0 pending\n {4}\(no services\)$/m, 'the clusters after it still print');
    assert.match(out, /^ {2}web {2}ACTIVE 12, 11, 10 · INACTIVE 9, 8, 7, 6, 5, 4, 3, 2, 1$/m);
    assert.match(out, /^ {2}nightly-report {2}INACTIVE 1$/m);
    assert.match(r.stderr, /^ecs-lens tree: restricted: Access denied/m);
  });

  it('--cluster and --format json, exit 0 when everything was read', async () => {
    const r = await treeCommand(['--endpoint', ctx.endpoint.url, '--cluster', 'prod', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const tree = JSON.parse(r.stdout) as TreeOutput;
    assert.deepEqual(tree.clusters.map((c) => c.clusterName), ['prod']);
    const web = tree.clusters[0].services.find((s) => s.serviceName === 'web');
    assert.ok(web);
    assert.deepEqual([web.status, web.desiredCount, web.runningCount, web.pendingCount], ['ACTIVE', 3, 3, 0]);
    assert.match(web.taskDefinition, /task-definition\/web:12$/);
    assert.equal(web.deployments[0].rolloutState, 'COMPLETED');
    assert.equal(web.tasks.length, 3);
    assert.deepEqual(tree.clusters[0].standaloneTasks.map((t) => t.group).sort(), ['family:db-backup', 'family:migrate', 'family:nightly-report']);
    assert.equal(tree.taskDefinitions.find((f) => f.family === 'api')?.revisions[0].revision, 8);
    assert.deepEqual(tree.problems, []);
  });

  it('exit 1 for a cluster that does not exist', async () => {
    const r = await treeCommand(['--endpoint', ctx.endpoint.url, '--cluster', 'nope']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^ecs-lens tree: cluster nope: not found in us-east-1$/m);
  });

  it('exit 2 with one line for credential and connection problems and bad options', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const r = await treeCommand(['--endpoint', ctx.endpoint.url]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^ecs-lens tree: No AWS credentials in the default credential chain: .*\n$/);
    } finally {
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: saved.id, AWS_SECRET_ACCESS_KEY: saved.secret });
    }
    const unknownProfile = await treeCommand(['--endpoint', ctx.endpoint.url, '--profile', 'nope']);
    assert.equal(unknownProfile.code, 2);
    const down = await treeCommand(['--endpoint', 'http://127.0.0.1:9']);
    assert.equal(down.code, 2);
    assert.match(down.stderr, /Cannot reach the ECS endpoint http:\/\/127\.0\.0\.1:9/);
    for (const args of [['--format', 'xml'], ['--endpoint', 'http://ecs.example.com'], ['--region', 'Mars'], ['--bogus']]) {
      const r = await treeCommand(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^ecs-lens tree: /);
    }
    assert.match((await treeCommand(['--help'])).stdout, /--profile NAME/);
  });

  it('--profile uses the shared files; --verbose logs every call and no secret', async () => {
    const config = join(env.dir, 'cli-config');
    const script = join(env.dir, 'cli-creds.js');
    writeFileSync(script, `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(ACCESS_KEY_ID)}, SecretAccessKey: ${JSON.stringify(SECRET_ACCESS_KEY)}, SessionToken: ${JSON.stringify(SESSION_TOKEN)} }));\n`);
    writeFileSync(config, `[profile ci]\ncredential_process = "${process.execPath}" "${script}"\nregion = eu-west-1\n`);
    const saved = { config: process.env.AWS_CONFIG_FILE, region: process.env.AWS_REGION };
    process.env.AWS_CONFIG_FILE = config;
    delete process.env.AWS_REGION;
    try {
      const r = await treeCommand(['--profile', 'ci', '--endpoint', ctx.endpoint.url, '--verbose']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^ECS in eu-west-1 · account 123456789012 · profile ci/);
      assert.match(r.stdout, /^ {2}eu-prod /m);
      assert.match(r.stderr, /^AWS session: profile ci, region eu-west-1, endpoint /m);
      assert.match(r.stderr, /^DescribeServices ok \d+ ms/m);
      for (const secret of [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN]) assert.ok(!r.stderr.includes(secret) && !r.stdout.includes(secret));
    } finally {
      Object.assign(process.env, { AWS_CONFIG_FILE: saved.config, AWS_REGION: saved.region });
    }
  });

  it('loads the AWS SDK only when an AWS command runs (never for lint)', () => {
    const file = join(env.dir, 'td.json');
    writeFileSync(file, JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128 }] }));
    const script = `
      require('./src/cli/tree');
      require('./src/cli/main').run(['lint', ${JSON.stringify(file)}]).then((r) => {
        const loaded = Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/]@(aws-sdk|smithy)[\\\\/]/.test(k));
        process.stdout.write(JSON.stringify({ code: r.code, loaded: loaded.length }));
      });`;
    const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { code: 0, loaded: 0 });
  });
});
