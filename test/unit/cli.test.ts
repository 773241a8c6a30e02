import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../../src/cli/main';
import { fargateTask, json } from './helpers';

describe('cli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-lens-cli-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'good.json'), json(fargateTask()));
    writeFileSync(join(dir, 'sub', 'bad.json'), json(fargateTask({ networkMode: 'AWSVPC' }, { cpu: '256' })));
    writeFileSync(join(dir, 'package.json'), json({ name: 'x', version: '1.0.0' }));
  });

  it('prints file:line:col severity code message and exits 1 on errors', async () => {
    const r = await run(['lint', join(dir, 'sub', 'bad.json')]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /bad\.json:3:18 error schema\.enum "AWSVPC" is not a valid "networkMode"/);
    assert.match(r.stderr, /1 file checked: 2 errors, 0 warnings/);
  });

  it('exits 0 for a clean file and walks folders, skipping files that are not ECS', async () => {
    assert.equal((await run(['lint', join(dir, 'good.json')])).code, 0);
    const r = await run(['lint', dir]);
    assert.equal(r.code, 1);
    // package.json is skipped as not ECS, and said so.
    assert.match(r.stderr, /2 files checked, 1 skipped \(not ECS\): 2 errors/);
    assert.ok(!r.stdout.includes('package.json'));
  });

  it('expands globs', async () => {
    const r = await run(['lint', join(dir, '**/good*.json')]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /1 file checked/);
  });

  it('writes JSON output', async () => {
    const r = await run(['lint', '--format', 'json', join(dir, 'sub', 'bad.json')]);
    const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; severity: string; range: unknown }>;
    assert.deepEqual(out.map((o) => o.code), ['schema.enum', 'schema.type']);
    assert.ok(out.every((o) => o.file.endsWith('bad.json') && o.severity === 'error' && o.range));
  });

  it('writes SARIF 2.1.0', async () => {
    const r = await run(['lint', '--format', 'sarif', join(dir, 'sub', 'bad.json')]);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results;
    assert.equal(results.length, 2);
    assert.equal(results[0].level, 'error');
    assert.deepEqual(results[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 18, endLine: 3, endColumn: 26 });
    assert.deepEqual(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id), ['schema.enum', 'schema.type']);
  });

  it('changes severities with --rule and forces kinds with --kind', async () => {
    const r = await run(['lint', '--rule', 'schema.enum=off', '--rule', 'schema.type=warning', join(dir, 'sub', 'bad.json')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /warning schema\.type/);
    const forced = await run(['lint', '--kind', 'task-definition', join(dir, 'package.json')]);
    assert.equal(forced.code, 1);
  });

  it('fixes files in place with --fix', async () => {
    const file = join(dir, 'sub', 'bad.json');
    const r = await run(['lint', '--fix', file]);
    assert.equal(r.code, 0, r.stdout);
    const fixed = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(fixed.networkMode, 'awsvpc');
    assert.equal(fixed.containerDefinitions[0].cpu, 256);
  });

  it('--fix keeps the formatting of what it does not change: one-line lists and objects stay on one line', async () => {
    const file = join(dir, 'inline.jsonc');
    const text = [
      '{',
      '  // written by hand',
      '  "family": "web",',
      '  "networkMode": "awsvpc",',
      '  "requiresCompatibilities": [ "FARGATE" ],',
      '  "cpu": "256", "memory": "512",',
      '  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",',
      '  "containerDefinitions": [{',
      '    "name": "app",',
      '    "image": "public.ecr.aws/nginx/nginx:1.27",',
      '    "essential": "true",',
      '    "portMappings": [{ "containerPort": 80, "protocol": "tcp" }],',
      '    "healthCheck": { "command": ["curl -f http://localhost/ || exit 1"], "interval": 30 },',
      '    "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1" } },',
      '  }],',
      '}',
      '',
    ].join('\n');
    writeFileSync(file, text);
    const r = await run(['lint', '--fix', file]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stderr, /3 fixes applied/);
    const expected = text
      .replace('"essential": "true"', '"essential": true')
      .replace('"command": ["curl', '"command": ["CMD-SHELL", "curl')
      .replace('"awslogs-region": "us-east-1" }', '"awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" }');
    assert.equal(readFileSync(file, 'utf8'), expected);
  });

  it('never writes a file that does not parse', async () => {
    const file = join(dir, 'broken.json');
    const text = '{"family": "x", "containerDefinitions": [{"name": "a", "cpu": "1"}';
    writeFileSync(file, text);
    await run(['lint', '--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), text);
  });

  it('exits 2 on usage and I/O problems', async () => {
    assert.equal((await run(['lint'])).code, 2);
    assert.equal((await run(['lint', '--format', 'xml', 'x.json'])).code, 2);
    assert.equal((await run(['lint', '--rule', 'x=loud', 'x.json'])).code, 2);
    assert.equal((await run(['lint', join(dir, 'missing.json')])).code, 2);
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run([])).code, 2);
    const bogus = (await run(['lint', '--bogus', 'x'])).stderr;
    assert.equal(bogus, 'ecs-lens: lint: unknown option --bogus\nRun "ecs-lens --help" for usage.\n');
  });
});

describe('cli across files', () => {
  it('checks a service against the task definition named in the same run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-lens-cli-x-'));
    writeFileSync(join(dir, 'td.json'), json(fargateTask()));
    const service = { serviceName: 'web', taskDefinition: 'web:3', desiredCount: 2, launchType: 'FARGATE', loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc', containerName: 'app', containerPort: 8080 }], networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } };
    writeFileSync(join(dir, 'service.json'), json(service));
    const together = await run(['lint', dir]);
    assert.equal(together.code, 1);
    assert.match(together.stdout, /service\.json:\d+:\d+ error service-td-lb-container-port/);
    // Alone, the service cannot be checked against its task definition: no error.
    assert.equal((await run(['lint', join(dir, 'service.json')])).code, 0);
  });
});

describe('cli binary', () => {
  it('runs as bin/ecs-lens.js from the bundle, with its exit status', function () {
    this.timeout(30_000);
    const bin = join(__dirname, '../../bin/ecs-lens.js');
    const dir = mkdtempSync(join(tmpdir(), 'ecs-lens-bin-'));
    writeFileSync(join(dir, 'bad.json'), json(fargateTask({ networkMode: 'bridge' })));
    const r = spawnSync(process.execPath, [bin, 'lint', join(dir, 'bad.json')], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /bad\.json:3:18 error fargate-network-mode /);
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });
});

describe('cli never passes what it could not check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-lens-cli-bad-'));
  });

  it('an empty, binary, UTF-16 or non-JSON file named on the command line is an error for that file', async () => {
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]));
    writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(fargateTask()), 'utf16le')]));
    writeFileSync(join(dir, 'notes.json'), 'this is not json at all');
    for (const [file, pattern] of [
      ['empty.json', /empty\.json:1:1 error json\.syntax The file is empty/],
      ['binary.json', /binary\.json:1:1 error json\.encoding .*not UTF-8 text/],
      ['utf16.json', /utf16\.json:1:1 error json\.encoding The file is encoded as UTF-16/],
      ['notes.json', /notes\.json:1:1 error json\.syntax It is not valid JSON/],
    ] as const) {
      const r = await run(['lint', join(dir, file)]);
      assert.equal(r.code, 1, `${file}: ${r.stderr}`);
      assert.match(r.stdout, pattern);
      assert.match(r.stderr, /0 files checked, 1 could not be checked: 1 error/);
    }
    const forced = await run(['lint', '--kind', 'task-definition', join(dir, 'empty.json')]);
    assert.equal(forced.code, 1);
  });

  it('one unreadable file does not hide the results of the others', async () => {
    writeFileSync(join(dir, 'a-empty.json'), '');
    writeFileSync(join(dir, 'b-bad.json'), json(fargateTask({ networkMode: 'bridge' })));
    const r = await run(['lint', join(dir, 'a-empty.json'), join(dir, 'b-bad.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /a-empty\.json:1:1 error json\.syntax/);
    assert.match(r.stdout, /b-bad\.json:\d+:\d+ error fargate-network-mode/);
  });

  it('a folder without ECS files and a glob that matches nothing both fail by default, and --no-files decides', async () => {
    writeFileSync(join(dir, 'package.json'), json({ name: 'x' }));
    const folder = await run(['lint', dir]);
    const glob = await run(['lint', join(dir, '**/*.task.json')]);
    assert.equal(folder.code, 2);
    assert.equal(glob.code, 2);
    assert.match(folder.stderr, /no ECS task definition or service found to check/);
    assert.match(glob.stderr, /no ECS task definition or service found to check/);
    assert.equal((await run(['lint', '--no-files=warn', dir])).code, 0);
    assert.match((await run(['lint', '--no-files=warn', dir])).stderr, /no ECS task definition or service found/);
    const ignored = await run(['lint', '--no-files', 'ignore', join(dir, '**/*.task.json')]);
    assert.equal(ignored.code, 0);
    assert.doesNotMatch(ignored.stderr, /no ECS/);
    assert.equal((await run(['lint', '--no-files=sometimes', dir])).code, 2);
  });

  it('names a UTF-8 byte order mark, and --fix removes it', async () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, '\ufeff' + json(fargateTask()));
    const r = await run(['lint', file]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /bom\.json:1:1 error json\.encoding .*byte order mark/);
    assert.equal((await run(['lint', '--fix', file])).code, 0);
    assert.equal(readFileSync(file, 'utf8').charCodeAt(0), '{'.charCodeAt(0));
  });
});

describe('cli rules', () => {
  it('lists every configurable code, the schema and JSON ones included, in text and JSON', async () => {
    const text = await run(['rules']);
    assert.equal(text.code, 0);
    for (const id of ['json.syntax', 'json.duplicate-key', 'schema.unknown-key', 'schema.type', 'describe.read-only', 'template.placeholder', 'fargate-cpu-memory']) {
      assert.match(text.stdout, new RegExp(`^${id.replace('.', '\\.')}\\s+(error|warning|information|hint)\\s+\\S`, 'm'), id);
    }
    const parsed = JSON.parse((await run(['rules', '--format', 'json'])).stdout) as Array<{ id: string; severity: string; title: string; docs: string }>;
    assert.ok(parsed.some((c) => c.id === 'schema.enum' && c.severity === 'error' && c.docs.startsWith('https://')));
    assert.ok(parsed.some((c) => c.id === 'fargate-cpu-memory'));
    assert.equal(new Set(parsed.map((c) => c.id)).size, parsed.length);
  });
});

describe('cli explain', () => {
  it('explains a key path, a bare key and an enum value in plain text', async () => {
    const path = await run(['explain', 'containerDefinitions.portMappings.hostPort']);
    assert.equal(path.code, 0);
    assert.match(path.stdout, /^containerDefinitions\[\]\.portMappings\[\]\.hostPort\n=+\n/);
    assert.match(path.stdout, /hostPort · integer, 0 to 65535 · optional/);
    assert.doesNotMatch(path.stdout, /\*\*|`/, 'no Markdown marks in plain text');
    const key = await run(['explain', 'executionRoleArn']);
    assert.match(key.stdout, /executionRoleArn · string · optional/);
    const value = await run(['explain', 'binpack']);
    assert.match(value.stdout, /A value of placementStrategy\[\]\.type in a service/);
    assert.match(value.stdout, /Other values: random, spread/);
    assert.match((await run(['explain', '--markdown', 'binpack'])).stdout, /# `binpack`/);
  });

  it('lists the members a common key names, and suggests the nearest for an unknown term', async () => {
    const name = await run(['explain', 'name']);
    assert.equal(name.code, 0);
    assert.match(name.stdout, /TD:containerDefinitions\[\]\.name/);
    const unknown = await run(['explain', 'executionRolArn']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Did you mean "executionRoleArn"\?/);
    assert.equal((await run(['explain'])).code, 2);
  });
});
