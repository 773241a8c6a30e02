/** "Did you mean" must keep proposing exactly what the straightforward implementation proposed. */
import assert from 'node:assert/strict';
import { closest, distance } from 'fastest-levenshtein';
import { schemaAt, taskDefinitionSchema } from '../../src/core/schema/info';
import { prepareCandidates, suggest } from '../../src/core/suggest';

/** The implementation before candidates could be prepared (lowercasing every candidate on each call). */
function reference(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const sameLetters = candidates.find((c) => c.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  const limit = Math.max(2, Math.floor(word.length / 3));
  const near = candidates.filter((c) => Math.abs(c.length - word.length) <= limit);
  if (near.length === 0) return undefined;
  const best = closest(lower, near.map((c) => c.toLowerCase()));
  return distance(lower, best) <= limit ? near.find((c) => c.toLowerCase() === best) : undefined;
}

describe('suggest', () => {
  it('proposes what the reference implementation proposes, for typos of every container key', () => {
    const keys = Object.keys(schemaAt(taskDefinitionSchema, ['containerDefinitions', 0])?.properties ?? {});
    const lists = [keys, ['Name', 'name', 'NAME', 'nam', 'names'], ['app', 'App', 'web', 'worker', 'w'], []];
    let seed = 11;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const typos = (w: string): string[] => {
      const out = [w, w.toUpperCase(), w.slice(1), w.slice(0, -1), `${w}s`, w.replace(/e/g, ''), ''];
      for (let k = 0; k < 6; k++) {
        const i = next(Math.max(1, w.length));
        out.push(w.slice(0, i) + String.fromCharCode(97 + next(26)) + w.slice(i + 1), w.slice(0, i) + w.slice(i + 1, i + 2) + w.slice(i, i + 1) + w.slice(i + 2));
      }
      return out;
    };
    let checked = 0;
    for (const list of lists) {
      const prepared = prepareCandidates(list);
      for (const word of [...list, ...keys, 'x', 'enviroment', 'NAME', 'nmae'].flatMap(typos)) {
        const expected = reference(word, list);
        assert.equal(suggest(word, list), expected, `${word} in ${list.length} candidates`);
        assert.equal(suggest(word, prepared), expected, `${word} in ${list.length} prepared candidates`);
        checked++;
      }
    }
    assert.ok(checked > 1000);
  });
});
