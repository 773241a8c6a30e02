/** The cursor location from the tree must be jsonc-parser's getLocation, exactly, at every offset. */
import assert from 'node:assert/strict';
import { getLocation } from 'jsonc-parser';
import { cursorLocation } from '../../src/core/document/cursor';
import { ParsedJson } from '../../src/core/document/parse';
import { corpusFiles } from '../corpus';

/**
 * `fresh`: a new parse for every offset, so that each answer is the first question of a version (read off the
 * text for strict JSON); otherwise one parse, whose tree answers after the first question.
 */
function sameAsGetLocation(text: string, name: string, step = 1, fresh = false): number {
  const json = new ParsedJson(text);
  let checked = 0;
  for (let offset = -1; offset <= text.length + 1; offset += offset < 0 || offset >= text.length - 1 ? 1 : step) {
    const expected = getLocation(text, offset);
    const actual = cursorLocation(fresh ? new ParsedJson(text) : json, offset);
    const where = `${name} at ${offset} (${JSON.stringify(text.slice(Math.max(0, offset - 12), Math.max(0, offset)))}|${JSON.stringify(text.slice(Math.max(0, offset), Math.max(0, offset + 12)))})`;
    assert.deepEqual(actual.path, expected.path, `path ${where}`);
    assert.equal(actual.isAtPropertyKey, expected.isAtPropertyKey, `isAtPropertyKey ${where}`);
    const token = (n: typeof expected.previousNode) => (n ? { type: n.type, value: n.value as unknown, offset: n.offset, length: n.length } : undefined);
    assert.deepEqual(token(actual.previousNode), token(expected.previousNode), `previousNode ${where}`);
    checked++;
  }
  return checked;
}

/** A small deterministic generator, so that failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('cursor location', () => {
  it('is getLocation at every offset of small strict documents', () => {
    for (const text of [
      '{}',
      '[]',
      '1',
      ' "x" ',
      '{"a": 1}',
      '{"a": {}, "b": []}',
      '[{}, [], [[{}]], 1, "s", {"k": [1, {}]}]',
      '{"a": [{}], "b": [[]], "c": {"d": {}}, "e": [1, [2, {"f": null}]]}',
      '{ "a" : { "b" : [ 1 , 2 ] } , "c" : true }',
      '\n\t{\n\t\t"k\\"ey": "v\\\\", "n": -1.5e3\n\t}\n',
    ]) {
      sameAsGetLocation(text, JSON.stringify(text));
    }
  });

  it('is getLocation across every corpus file (strict JSON: read off the tree)', () => {
    let checked = 0;
    for (const f of corpusFiles()) checked += sameAsGetLocation(f.text, f.name, f.text.length > 6000 ? 17 : 5);
    assert.ok(checked > 20_000, `only ${checked} offsets`);
  });

  it('is getLocation when read off the text, as the first question of a version is (strict JSON, no tree)', () => {
    let checked = 0;
    for (const text of ['{}', '[{}, {"a": [1, {"b": {}}]}]', '{"a": {"b": [1, {"c": "x"}]}, "d": [], "e": {}}', ' {"k": {"v": [ {} ] } } ']) {
      checked += sameAsGetLocation(text, JSON.stringify(text), 1, true);
    }
    for (const f of corpusFiles()) checked += sameAsGetLocation(f.text, f.name, f.text.length > 6000 ? 29 : 7, true);
    assert.ok(checked > 15_000, `only ${checked} offsets`);
    const json = new ParsedJson('{"a": {"b": 1}}');
    cursorLocation(json, 8);
    assert.equal(json.hasTree, false, 'the first question builds no tree');
    cursorLocation(json, 8);
    assert.equal(json.hasTree, true, 'the second one does');
  });

  it('is getLocation in text being typed: cut short, with comments, trailing commas and deletions', () => {
    const next = random(7);
    let checked = 0;
    for (const f of corpusFiles()) {
      const text = f.text.length > 6000 ? f.text.slice(0, 6000) : f.text;
      const at = (): number => Math.floor(next() * text.length);
      const variants: string[] = [];
      const cut = at();
      variants.push(text.slice(0, cut));
      const comment = text.indexOf('\n', at());
      if (comment > 0) variants.push(`${text.slice(0, comment)} // note {"x": [\n${text.slice(comment)}`);
      const close = text.indexOf('}', at());
      if (close > 0) variants.push(`${text.slice(0, close)},${text.slice(close)}`);
      const gone = at();
      variants.push(text.slice(0, gone) + text.slice(gone + 1));
      const typed = text.indexOf('",', at());
      if (typed > 0) variants.push(`${text.slice(0, typed + 2)}\n "newK${text.slice(typed + 2)}`);
      for (const v of variants) checked += sameAsGetLocation(v, `${f.name} (variant)`, 11);
    }
    assert.ok(checked > 20_000, `only ${checked} offsets`);
  });
});
