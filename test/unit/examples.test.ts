/**
 * The demo workspace tells the truth: every file in examples/ gets exactly what examples/README.md claims for it
 * ("valid", "not ECS", or a list of codes), checked with the CLI on the whole folder (the files form one
 * workspace, as in the demo) and with vscode-json-languageservice, the library behind VS Code's own JSON support,
 * set up the way VS Code sets it up for .json and .jsonc files. The real-VS Code side is
 * test/integration/suites/examples.test.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { run } from '../../src/cli/main';
import { analyze } from '../../src/core/document/document';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

type Claim = { kind: 'valid' } | { kind: 'not ECS' } | { kind: 'codes'; codes: string[] };

/** The claims table of examples/README.md: `| \`file\` | valid | not ECS | \`code\` ×N, ... | what it shows |`. */
function readClaims(): Map<string, Claim> {
  const claims = new Map<string, Claim>();
  for (const line of readFileSync(join(EXAMPLES, 'README.md'), 'utf8').split('\n')) {
    const row = /^\|\s*`([^`]+)`\s*\|([^|]+)\|/.exec(line);
    if (!row) continue;
    const [, file, cell] = row;
    const text = cell.trim();
    if (text === 'valid' || text === 'not ECS') {
      claims.set(file, { kind: text });
      continue;
    }
    const codes: string[] = [];
    for (const m of text.matchAll(/`([^`]+)`(?:\s*×(\d+))?/g)) {
      for (let i = 0; i < Number(m[2] ?? 1); i++) codes.push(m[1]);
    }
    assert.ok(codes.length > 0, `examples/README.md: no claim for ${file} ("${text}")`);
    claims.set(file, { kind: 'codes', codes: codes.sort() });
  }
  return claims;
}

/** Every JSON and JSONC file under examples/, as a path relative to it with forward slashes. */
function exampleFiles(): string[] {
  return readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.jsonc?$/.test(f))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

describe('examples', () => {
  const claims = readClaims();

  it('every example file has a claim in examples/README.md, and every claim names a file', () => {
    assert.deepEqual([...claims.keys()].sort(), exampleFiles());
    const kinds = new Set([...claims.values()].map((c) => c.kind));
    assert.deepEqual([...kinds].sort(), ['codes', 'not ECS', 'valid'], 'the demo shows valid files, files with mistakes and a file that is not ECS');
  });

  it('the CLI reports exactly the claimed codes for each file, and nothing for a valid one', async () => {
    const r = await run(['lint', '--format', 'json', EXAMPLES]);
    const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; severity: string }>;
    const got = new Map<string, string[]>();
    for (const d of out) {
      const file = relative(EXAMPLES, d.file).split(sep).join('/');
      got.set(file, [...(got.get(file) ?? []), d.code]);
    }
    for (const [file, claim] of claims) {
      const codes = (got.get(file) ?? []).sort();
      assert.deepEqual(codes, claim.kind === 'codes' ? claim.codes : [], `${file} (claimed: ${claim.kind === 'codes' ? claim.codes.join(', ') : claim.kind})`);
    }
    const notEcs = [...claims].filter(([, c]) => c.kind === 'not ECS').map(([f]) => f);
    for (const file of notEcs) assert.equal(analyze(readFileSync(join(EXAMPLES, file), 'utf8')).isEcs, false, `${file} is recognised as ECS`);
    assert.equal(r.code, 1, 'the examples with mistakes have errors');
    const summary = (await run(['lint', EXAMPLES])).stderr;
    assert.match(summary, new RegExp(`^${claims.size - notEcs.length} files checked, ${notEcs.length} skipped \\(not ECS\\):`), summary);
  });

  it("VS Code's JSON language service reports nothing (no comments in .json, no trailing commas in .jsonc)", async () => {
    const service = getLanguageService({});
    for (const file of claims.keys()) {
      const jsonc = file.endsWith('.jsonc');
      const doc = TextDocument.create(`file:///examples/${file}`, jsonc ? 'jsonc' : 'json', 1, readFileSync(join(EXAMPLES, file), 'utf8'));
      // What VS Code's JSON language server asks for: JSONC allows comments and warns about trailing commas.
      const settings = jsonc ? { comments: 'ignore', trailingCommas: 'warning' } as const : { comments: 'error', trailingCommas: 'error' } as const;
      const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc), settings);
      assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`), [], file);
    }
  });
});
