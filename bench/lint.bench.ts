/**
 * `npm run bench`: lint latency against the JSON language service (the engine behind VS Code's JSON
 * validation) validating the same text with our schema; bundle sizes; library load time. Prints figures only.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import taskSchema from '../schemas/task-definition.schema.json';
import type * as EcsLens from '../src/index';
import { corpusFiles } from '../test/corpus';

const root = join(__dirname, '..');
// Measure what users run: the production bundle (npm run bench builds it first), not the TypeScript sources.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lint: lintDocument, EcsDocument } = require(join(root, 'dist/index.js')) as typeof EcsLens;
/**
 * Lint as a new document version: parse, classify, then lint. (lint(text) would reuse the parse and the memoized
 * result of the same text, which is what the editor gets for free but not what a benchmark should measure.)
 */
const lint = (text: string): ReturnType<typeof lintDocument> => lintDocument(new EcsDocument(text));

/** A realistic, valid Fargate container: image, ports, environment, secrets, health check, logging. */
function container(name: string, envCount: number): Record<string, unknown> {
  return {
    name,
    image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${name}:1.42.0`,
    essential: name === 'app',
    cpu: 256,
    memory: 512,
    portMappings: [{ containerPort: 8080, protocol: 'tcp', name: `${name}-http`, appProtocol: 'http' }].filter(() => name === 'app'),
    environment: Array.from({ length: envCount }, (_, i) => ({ name: `FEATURE_${name.toUpperCase()}_${i}`, value: `enabled-for-tenant-${i}` })),
    secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf' }],
    healthCheck: { command: ['CMD-SHELL', 'curl -fsS http://localhost:8080/health || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 30 },
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/shop', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': name } },
    ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
  };
}

/** A valid task definition of about `bytes` bytes (pretty-printed, as people keep them in repositories). */
function taskOfSize(bytes: number): Record<string, unknown> {
  const names = ['app', 'envoy', 'otel', 'fluent', 'worker', 'cache', 'metrics', 'auth', 'proxy', 'jobs'];
  const count = bytes < 10_000 ? 2 : 10;
  let env = 1;
  const build = (): Record<string, unknown> => ({
    family: 'shop',
    taskRoleArn: 'arn:aws:iam::123456789012:role/shop-task',
    executionRoleArn: 'arn:aws:iam::123456789012:role/shop-execution',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '4096',
    memory: '8192',
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: names.slice(0, count).map((n) => container(n, env)),
  });
  while (JSON.stringify(build(), null, 2).length < bytes) env++;
  return build();
}

/** The same document with five mistakes people make: types, enum case, Fargate size, ports, unknown key. */
function withMistakes(task: Record<string, unknown>): Record<string, unknown> {
  const t = JSON.parse(JSON.stringify(task)) as Record<string, unknown> & { containerDefinitions: Array<Record<string, unknown>> };
  t.memory = '3000';
  t.networkMode = 'AWSVPC';
  const app = t.containerDefinitions[0];
  app.cpu = '256';
  app.portMappings = [{ containerPort: 8080, hostPort: 80 }];
  app.enviroment = [];
  return t;
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p95: s[Math.floor(s.length * 0.95)] };
}

function time(fn: () => unknown, iterations: number): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(50, iterations); i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return percentiles(samples);
}

async function main(): Promise<void> {
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: true, schemas: [{ uri: 'ecs-lens://task-definition.schema.json', fileMatch: ['*.json'], schema: taskSchema as object }] });

  const ms = (n: number) => `${n.toFixed(3)} ms`;
  console.log('lint latency (same text, same machine, one run)');
  console.log('document                    | ecs-lens lint p50 / p95 | json-languageservice p50 / p95 | ratio (p50, target <= 0.5x)');
  const cases: Array<[string, string]> = [];
  for (const size of [5_000, 50_000]) cases.push([`${size / 1000} KB valid`, JSON.stringify(taskOfSize(size), null, 2)]);
  cases.push(['5 KB, 5 mistakes', JSON.stringify(withMistakes(taskOfSize(5_000)), null, 2)]);
  cases.push(['50 KB, 5 mistakes', JSON.stringify(withMistakes(taskOfSize(50_000)), null, 2)]);
  for (const [label, text] of cases) {
    const diagnostics = lint(text);
    const doc = TextDocument.create('file:///bench.json', 'json', 1, text);
    // The language service's whole validation (parse + schema validation, as VS Code runs it) and our full
    // lint, measured alternately in one loop so that both see the same JIT, GC and machine state.
    const iterations = text.length < 10_000 ? 5000 : 1000;
    const validateTheirs = () => service.doValidation(doc, service.parseJSONDocument(doc));
    for (let i = 0; i < 200; i++) {
      lint(text);
      await validateTheirs();
    }
    const samplesOurs: number[] = [];
    const samplesTheirs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = process.hrtime.bigint();
      lint(text);
      const t1 = process.hrtime.bigint();
      await validateTheirs();
      const t2 = process.hrtime.bigint();
      samplesOurs.push(Number(t1 - t0) / 1e6);
      samplesTheirs.push(Number(t2 - t1) / 1e6);
    }
    const ours = percentiles(samplesOurs);
    const theirs = percentiles(samplesTheirs);
    const ratio = ours.p50 / theirs.p50;
    console.log(`${label.padEnd(18)} ${(text.length / 1000).toFixed(1).padStart(5)} KB | ${ms(ours.p50)} / ${ms(ours.p95)} | ${ms(theirs.p50)} / ${ms(theirs.p95)} | ${ratio.toFixed(2)}x   [${diagnostics.length} diagnostics]`);
  }

  const corpus = corpusFiles();
  const corpusRun = time(() => corpus.forEach((f) => lint(f.text)), 50);
  console.log(`\nall ${corpus.length} corpus files, linted one after another: p50 ${ms(corpusRun.p50)}, p95 ${ms(corpusRun.p95)}`);
  // Far beyond what ECS accepts (64 KiB), as generated files or pasted exports can be: it must stay usable.
  const huge = taskOfSize(5_000) as { containerDefinitions: Array<{ environment: unknown[] }> };
  huge.containerDefinitions[0].environment = Array.from({ length: 25_000 }, (_, i) => ({ name: `VAR_${i}`, value: `value-${i}` }));
  const hugeText = JSON.stringify(huge, null, 2);
  const hugeRun = time(() => lint(hugeText), 20);
  console.log(`a ${(hugeText.length / 1e6).toFixed(1)} MB task definition: p50 ${ms(hugeRun.p50)}, p95 ${ms(hugeRun.p95)} [${lint(hugeText).length} diagnostics]`);

  console.log('\nbundle sizes (production build)');
  for (const f of ['extension.js', 'cli.js', 'index.js']) {
    const size = statSync(join(root, 'dist', f)).size;
    console.log(`  dist/${f.padEnd(13)} ${(size / 1024).toFixed(0)} KiB`);
  }

  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(process.execPath, ['-e', "const t=process.hrtime.bigint();require('./dist/index.js');process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))"], { cwd: root });
    loads.push(Number(out.toString()));
  }
  console.log(`\nlibrary load time (require dist/index.js, fresh process, median of 7): ${ms(percentiles(loads).p50)}`);
}

void main();
