/** The shared corpus of real-world definitions (../shared/corpus), for tests, fuzzing and benchmarks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const corpusDir = join(__dirname, '../../shared/corpus');

export function corpusFiles(): Array<{ name: string; path: string; text: string }> {
  return ['task-definitions', 'services'].flatMap((sub) =>
    readdirSync(join(corpusDir, sub))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ name: f, path: join(corpusDir, sub, f), text: readFileSync(join(corpusDir, sub, f), 'utf8') })),
  );
}

export function suspects(): Map<string, { expect: string; reason: string }> {
  const rows = readFileSync(join(corpusDir, 'SUSPECT.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((r) => r.split('\t')).map(([file, expect, reason]) => [file, { expect, reason }]));
}
