/**
 * `npm run bench` (1 of 2): lint latency against the JSON language service (the engine behind VS Code's JSON
 * validation) validating the same text with our schema; bundle sizes; library load time. Prints figures only.
 * Hover and completion: bench/language.bench.ts.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import taskSchema from '../schemas/task-definition.schema.json';
import { corpusFiles } from '../test/corpus';
import { alternate, lib, ms, percentiles, root, taskOfSize, time, withMistakes } from './common';

const { lint: lintDocument, EcsDocument } = lib;
/**
 * Lint as a new document version: parse, classify, then lint. (lint(text) would reuse the parse and the memoized
 * result of the same text, which is what the editor gets for free but not what a benchmark should measure.)
 */
const lint = (text: string): ReturnType<typeof lintDocument> => lintDocument(new EcsDocument(text));

async function main(): Promise<void> {
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: true, schemas: [{ uri: 'ecs-lens://task-definition.schema.json', fileMatch: ['*.json'], schema: taskSchema as object }] });

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
    const { ours, theirs } = await alternate(() => lint(text), validateTheirs, iterations);
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
  for (const f of ['extension.js', 'aws.js', 'cli.js', 'index.js']) {
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
