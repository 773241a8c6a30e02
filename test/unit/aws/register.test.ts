/**
 * Registering task definitions and creating or updating services from files, over the real SDK and the local
 * endpoint: the shared flow (src/core/normalize/prepare.ts, src/aws/register.ts) and `ecs-lens register` / `diff`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyTaskDefinition, liveTaskDefinitionText, planTaskDefinition } from '../../../src/aws/register';
import { bufferedIO } from '../../../src/cli/io';
import { run } from '../../../src/cli/main';
import { prepareFile } from '../../../src/core/normalize/prepare';
import { corpusDir, corpusFiles, suspects } from '../../corpus';
import { WEB_JSONC } from './fixtures';
import { callsOf, gatewayFor, SECRET_ACCESS_KEY, SESSION_TOKEN, useEndpoint, useTestEnvironment } from './helpers';

/** An EC2 task definition in bridge mode: dynamic host ports, volumes, placement constraints, two containers. */
const BRIDGE = {
  family: 'legacy-app',
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  volumes: [{ name: 'logs', host: { sourcePath: '/var/log/app' } }, { name: 'cache' }],
  placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
  containerDefinitions: [
    { name: 'web', image: 'public.ecr.aws/docker/library/tomcat:9.0.99', memory: 512, cpu: 256, portMappings: [{ containerPort: 8080, hostPort: 0 }], mountPoints: [{ sourceVolume: 'logs', containerPath: '/usr/local/tomcat/logs' }], links: ['sidecar'] },
    { name: 'sidecar', image: 'public.ecr.aws/docker/library/busybox:1.37', memoryReservation: 64, essential: false, volumesFrom: [{ sourceContainer: 'web', readOnly: true }], command: ['sh', '-c', 'tail -F /logs/*.log'] },
  ],
};

describe('register and diff', () => {
  useTestEnvironment();
  const ctx = useEndpoint();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ecs-lens-register-'))));
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  const ecs = (...argv: string[]): ReturnType<typeof run> => run([...argv, '--endpoint', ctx.endpoint.url]);

  it('round trip: register → describe → normalize equals the normalized input', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    for (const text of [WEB_JSONC, JSON.stringify(BRIDGE)]) {
      const prepared = prepareFile(text);
      assert.deepEqual(prepared.blockers, [], text.slice(0, 40));
      const plan = await planTaskDefinition(gw, prepared);
      const { taskDefinition } = await applyTaskDefinition(gw, plan);
      const described = await gw.describeTaskDefinition(taskDefinition.arn);
      assert.equal(liveTaskDefinitionText(described), prepared.canonical);
      assert.equal((await planTaskDefinition(gw, prepared)).changed, false, 'now the latest revision matches');
    }
  });

  (existsSync(corpusDir) ? it : it.skip)('round trip for every real-world task definition of the corpus that can be sent as it is', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const suspect = suspects();
    let sent = 0;
    for (const f of corpusFiles().filter((x) => x.path.includes('task-definitions') && !suspect.has(x.name))) {
      const prepared = prepareFile(f.text);
      if (prepared.kind !== 'task-definition' || prepared.blockers.length > 0) continue; // templates: placeholders
      const { taskDefinition } = await applyTaskDefinition(gw, await planTaskDefinition(gw, prepared));
      assert.equal(liveTaskDefinitionText(await gw.describeTaskDefinition(taskDefinition.arn)), prepared.canonical, f.name);
      sent++;
    }
    assert.ok(sent >= 20, `only ${sent} corpus files were sent`);
  });

  it('registers a JSONC file with its tags, prints the diff and the new ARN; the file is left as it was', async () => {
    const path = file('web.jsonc', WEB_JSONC);
    const r = await ecs('register', path, '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^--- web:12 \(latest ACTIVE revision\)\n\+\+\+ .*web\.jsonc\n/);
    assert.match(r.stdout, /^-\s+"image": ".*web:1\.12\.0",\n\+\s+"image": ".*web:1\.13\.0",$/m);
    assert.match(r.stdout, /^Registered arn:aws:ecs:us-east-1:123456789012:task-definition\/web:13 \(revision 13\)$/m);
    const { gw } = gatewayFor(ctx.endpoint);
    const live = await gw.describeTaskDefinition('web');
    assert.deepEqual(live.tags, [{ key: 'team', value: 'storefront' }]);
    assert.equal(live.taskDefinition.document.cpu, '512');
    assert.equal(readFileSync(path, 'utf8'), WEB_JSONC);
    const again = await ecs('register', path, '--yes');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /^No changes: .* matches web:13; nothing was registered\.\narn:aws:ecs:us-east-1:123456789012:task-definition\/web:13\n$/);
    assert.equal(callsOf(ctx.endpoint, 'RegisterTaskDefinition'), 1);
  });

  it('registers describe-task-definition output: unwrapped, read-only members dropped, tags carried', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const live = await gw.describeTaskDefinition('api');
    const doc = structuredClone(live.taskDefinition.document) as { containerDefinitions: { image: string }[] };
    doc.containerDefinitions[0].image = doc.containerDefinitions[0].image.replace(/:[^:]+$/, ':2.0.0');
    const path = file('api-describe.json', { taskDefinition: doc, tags: [{ key: 'owner', value: 'payments-team' }] });
    const r = await ecs('register', path, '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /api-describe\.json is describe output: sending the task definition inside it, without its read-only members\./);
    assert.match(r.stdout, /^\+\s+"key": "owner",$/m, 'the tags are part of the diff');
    const next = await gw.describeTaskDefinition('api');
    assert.equal(next.taskDefinition.revision, 9);
    assert.deepEqual(next.tags, [{ key: 'owner', value: 'payments-team' }]);
    assert.equal(liveTaskDefinitionText(next), prepareFile(readFileSync(path, 'utf8')).canonical);
  });

  it('nothing is sent without confirmation: no terminal and no --yes refuses (exit 2); "no" ends it (exit 1)', async () => {
    const path = file('web.jsonc', WEB_JSONC);
    const refused = await ecs('register', path);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /ecs-lens register: nothing was changed: there is no terminal to ask for confirmation on, so pass --yes to go ahead\./);
    const declined = bufferedIO({ interactive: true, answers: [false] });
    assert.equal((await run(['register', path, '--endpoint', ctx.endpoint.url], declined)).code, 1);
    assert.deepEqual(declined.questions, [
      `Register a new revision of family "web" (latest ACTIVE: 12; changes: containerDefinitions[app].image, containerDefinitions[app].environment, containerDefinitions[app].healthCheck) in account 123456789012, us-east-1 via ${ctx.endpoint.url}?`,
    ]);
    assert.equal(callsOf(ctx.endpoint, 'RegisterTaskDefinition'), 0);
    const accepted = bufferedIO({ interactive: true, answers: [true] });
    assert.equal((await run(['register', path, '--endpoint', ctx.endpoint.url], accepted)).code, 0, accepted.stderr);
    assert.equal(callsOf(ctx.endpoint, 'RegisterTaskDefinition'), 1);
  });

  it('lint errors block unless --force; placeholders and broken JSON block even then', async () => {
    // 256 CPU units and 4 GB: no Fargate size (an error for the linter, and for ECS).
    const broken = file('bad.jsonc', WEB_JSONC.replace('"0.5 vCPU"', '"256"').replace('"1 GB"', '"4096"'));
    const blocked = await ecs('register', broken, '--yes');
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /bad\.jsonc:\d+:\d+ error /);
    assert.match(blocked.stderr, /^ecs-lens register: 1 error \(above\): fix it, or pass --force to send the file anyway\.$/m);
    assert.equal(callsOf(ctx.endpoint, 'ListAccountSettings'), 0, 'no AWS call for a blocked file');
    const forced = await ecs('register', broken, '--yes', '--force');
    assert.match(forced.stderr, /--force: sending .* despite 1 error/);
    assert.equal(forced.code, 1, 'ECS itself refuses this one');
    assert.match(forced.stderr, /ECS rejected RegisterTaskDefinition: No Fargate configuration exists .* Nothing was registered\. Fix the file/);

    const templated = file('tpl.json', { ...BRIDGE, containerDefinitions: [{ ...BRIDGE.containerDefinitions[0], image: 'repo/app:${TAG}' }] });
    const r = await ecs('register', templated, '--yes', '--force');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /still holds 1 template placeholder \(containerDefinitions\[0\]\.image = "repo\/app:\$\{TAG\}"\): render the template first/);
    assert.equal((await ecs('register', file('x.json', '{ "family": "web", '), '--yes', '--force')).code, 1);
    assert.equal(callsOf(ctx.endpoint, 'RegisterTaskDefinition'), 1, 'only the forced one reached ECS');
  });

  it('--dry-run prints the request input and the diff, and sends nothing', async () => {
    const r = await ecs('register', file('web.jsonc', WEB_JSONC), '--dry-run');
    assert.equal(r.code, 0, r.stderr);
    const [input] = r.stdout.split('\n--- ');
    const sent = JSON.parse(input) as Record<string, unknown>;
    assert.equal(sent.cpu, '0.5 vCPU', 'the file as written, comments and trailing commas aside');
    assert.deepEqual(sent.tags, [{ key: 'team', value: 'storefront' }]);
    assert.match(r.stdout, /\n--- web:12 \(latest ACTIVE revision\)\n/);
    assert.match(r.stderr, /dry run: RegisterTaskDefinition was not sent/);
    assert.equal(callsOf(ctx.endpoint, 'RegisterTaskDefinition'), 0);
  });

  it('diff: exit 0 when equal, 1 when different (a family without revisions too), 2 on problems', async () => {
    const { gw } = gatewayFor(ctx.endpoint);
    const live = await gw.describeTaskDefinition('web');
    const same = await ecs('diff', file('same.json', { taskDefinition: live.taskDefinition.document, tags: live.tags }));
    assert.deepEqual([same.code, same.stdout], [0, '']);
    assert.match(same.stderr, /no differences: .* matches web:12\./);
    const different = await ecs('diff', file('web.jsonc', WEB_JSONC));
    assert.equal(different.code, 1);
    assert.match(different.stdout, /^@@ .* @@$/m);
    const fresh = await ecs('diff', file('new.json', { ...BRIDGE, family: 'brand-new' }));
    assert.equal(fresh.code, 1);
    assert.match(fresh.stdout, /^--- brand-new \(no ACTIVE revision\)\n/);
    assert.equal((await ecs('diff', file('pkg.json', { name: 'x', version: '1.0.0' }))).code, 2);
    assert.equal((await ecs('diff', join(dir, 'missing.json'))).code, 2);
    ctx.endpoint.ecs.faults.add({ operations: ['DescribeTaskDefinition'], code: 'AccessDeniedException' });
    const denied = await ecs('diff', file('web2.jsonc', WEB_JSONC));
    assert.equal(denied.code, 2);
    assert.match(denied.stderr, /Access denied for DescribeTaskDefinition/);
  });

  it('--verbose logs every call and its outcome, and no secret value', async () => {
    const r = await ecs('register', file('web.jsonc', WEB_JSONC), '--yes', '--verbose');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^RegisterTaskDefinition ok \d+ ms \(family=web, revision 13, request [\w-]+\)$/m);
    for (const secret of [SECRET_ACCESS_KEY, SESSION_TOKEN, 'tok-9f8e7d6c5b4a']) assert.ok(!r.stderr.includes(secret), secret);
  });
});
