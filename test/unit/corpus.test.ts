/**
 * Real-world definitions from public repositories (../shared/corpus): every file outside SUSPECT.tsv must lint
 * with zero errors, and every file SUSPECT.tsv expects to fail must produce at least one error.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { analyze } from '../../src/core/document/document';
import { lint } from '../../src/core/lint';
import { corpusDir, corpusFiles, suspects } from '../corpus';

(existsSync(corpusDir) ? describe : describe.skip)('corpus', () => {
  const files = corpusFiles();
  const suspect = suspects();

  it('holds the files the manifest promises', () => {
    assert.ok(files.length >= 70, `only ${files.length} corpus files`);
  });

  for (const f of files) {
    const s = suspect.get(f.name);
    if (!s) {
      it(`${f.name}: no errors`, () => {
        assert.notEqual(analyze(f.text).kind, 'none', 'not recognised as ECS');
        const errs = lint(f.text).filter((d) => d.severity === 'error');
        assert.deepEqual(errs.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`), []);
      });
    } else if (s.expect === 'error') {
      it(`${f.name}: at least one error (${s.reason.slice(0, 60)}...)`, () => {
        const errs = lint(f.text).filter((d) => d.severity === 'error');
        assert.ok(errs.length > 0, `expected an error: ${s.reason}`);
      });
    }
  }
});
