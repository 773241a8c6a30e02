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
import { lint } from '../src/core/lint';
import { corpusFiles } from '../test/corpus';

const root = join(__dirname, '..');

/** A realistic task definition of about `bytes` bytes, made of real corpus containers. */
function taskOfSize(bytes: number): string {
  const donors = corpusFiles()
    .filter((f) => f.name.includes('firelens') || f.name.includes('datadog') || f.name.includes('otel'))
    .flatMap((f) => {
      const v = JSON.parse(f.text) as { containerDefinitions?: unknown[] };
      return v.containerDefinitions ?? [];
    });
  const containers: Array<Record<string, unknown>> = [];
  const task = {
    family: 'bench',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '4096',
    memory: '8192',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: containers,
  };
  let i = 0;
  while (JSON.stringify(task, null, 2).length < bytes && containers.length < 10) {
    const c = { ...(donors[i % donors.length] as Record<string, unknown>), name: `c${i}` };
    containers.push(c);
    i++;
  }
  // Fill up with environment variables on the last container, as real large definitions do.
  const last = containers[containers.length - 1];
  const env = ((last.environment as unknown[]) ?? []).slice();
  last.environment = env;
  while (JSON.stringify(task, null, 2).length < bytes) env.push({ name: `SETTING_${env.length}`, value: `value-${env.length}-${'x'.repeat(20)}` });
  return JSON.stringify(task, null, 2);
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
  console.log('size    | ecs-lens lint p50 / p95      | json-languageservice p50 / p95 | ratio (p50)');
  const rows: string[] = [];
  for (const size of [5_000, 50_000]) {
    const text = taskOfSize(size);
    const diagnostics = lint(text);
    const doc = TextDocument.create('file:///bench.json', 'json', 1, text);
    // Measure the language service's whole validation: parse + schema validation, as VS Code runs it.
    const samplesTheirs: number[] = [];
    const iterations = size < 10_000 ? 2000 : 300;
    for (let i = 0; i < 30; i++) await service.doValidation(doc, service.parseJSONDocument(doc));
    for (let i = 0; i < iterations; i++) {
      const t = process.hrtime.bigint();
      await service.doValidation(doc, service.parseJSONDocument(doc));
      samplesTheirs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const theirs = percentiles(samplesTheirs);
    const ours = time(() => lint(text), iterations);
    const ratio = ours.p50 / theirs.p50;
    const row = `${(text.length / 1000).toFixed(1).padStart(5)} KB | ${ms(ours.p50)} / ${ms(ours.p95)} | ${ms(theirs.p50)} / ${ms(theirs.p95)} | ${ratio.toFixed(2)}x (target <= 0.5x)`;
    rows.push(row);
    console.log(row + `   [${diagnostics.length} diagnostics]`);
  }

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
