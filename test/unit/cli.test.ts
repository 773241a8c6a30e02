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

  it('prints file:line:col severity code message and exits 1 on errors', () => {
    const r = run(['lint', join(dir, 'sub', 'bad.json')]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /bad\.json:3:18 error schema\.enum "AWSVPC" is not a valid "networkMode"/);
    assert.match(r.stderr, /1 file checked: 2 errors, 0 warnings/);
  });

  it('exits 0 for a clean file and walks folders, skipping files that are not ECS', () => {
    assert.equal(run(['lint', join(dir, 'good.json')]).code, 0);
    const r = run(['lint', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /3 files checked: 2 errors/);
    assert.ok(!r.stdout.includes('package.json'));
  });

  it('expands globs', () => {
    const r = run(['lint', join(dir, '**/good*.json')]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /1 file checked/);
  });

  it('writes JSON output', () => {
    const r = run(['lint', '--format', 'json', join(dir, 'sub', 'bad.json')]);
    const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; severity: string; range: unknown }>;
    assert.deepEqual(out.map((o) => o.code), ['schema.enum', 'schema.type']);
    assert.ok(out.every((o) => o.file.endsWith('bad.json') && o.severity === 'error' && o.range));
  });

  it('writes SARIF 2.1.0', () => {
    const r = run(['lint', '--format', 'sarif', join(dir, 'sub', 'bad.json')]);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results;
    assert.equal(results.length, 2);
    assert.equal(results[0].level, 'error');
    assert.deepEqual(results[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 18, endLine: 3, endColumn: 26 });
    assert.deepEqual(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id), ['schema.enum', 'schema.type']);
  });

  it('changes severities with --rule and forces kinds with --kind', () => {
    const r = run(['lint', '--rule', 'schema.enum=off', '--rule', 'schema.type=warning', join(dir, 'sub', 'bad.json')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /warning schema\.type/);
    const forced = run(['lint', '--kind', 'task-definition', join(dir, 'package.json')]);
    assert.equal(forced.code, 1);
  });

  it('fixes files in place with --fix', () => {
    const file = join(dir, 'sub', 'bad.json');
    const r = run(['lint', '--fix', file]);
    assert.equal(r.code, 0, r.stdout);
    const fixed = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(fixed.networkMode, 'awsvpc');
    assert.equal(fixed.containerDefinitions[0].cpu, 256);
  });

  it('never writes a file that does not parse', () => {
    const file = join(dir, 'broken.json');
    const text = '{"family": "x", "containerDefinitions": [{"name": "a", "cpu": "1"}';
    writeFileSync(file, text);
    run(['lint', '--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), text);
  });

  it('exits 2 on usage and I/O problems', () => {
    assert.equal(run(['lint']).code, 2);
    assert.equal(run(['lint', '--format', 'xml', 'x.json']).code, 2);
    assert.equal(run(['lint', '--rule', 'x=loud', 'x.json']).code, 2);
    assert.equal(run(['lint', join(dir, 'missing.json')]).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run([]).code, 2);
    assert.match(run(['lint', '--bogus', 'x']).stderr, /Unknown option/);
  });
});

describe('cli across files', () => {
  it('checks a service against the task definition named in the same run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-lens-cli-x-'));
    writeFileSync(join(dir, 'td.json'), json(fargateTask()));
    const service = { serviceName: 'web', taskDefinition: 'web:3', desiredCount: 2, launchType: 'FARGATE', loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc', containerName: 'app', containerPort: 8080 }], networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } };
    writeFileSync(join(dir, 'service.json'), json(service));
    const together = run(['lint', dir]);
    assert.equal(together.code, 1);
    assert.match(together.stdout, /service\.json:\d+:\d+ error service-td-lb-container-port/);
    // Alone, the service cannot be checked against its task definition: no error.
    assert.equal(run(['lint', join(dir, 'service.json')]).code, 0);
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
