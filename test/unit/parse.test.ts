import assert from 'node:assert/strict';
import { ParsedJson } from '../../src/core/document/parse';
import { LineIndex } from '../../src/core/document/text';
import { lint } from '../../src/core/lint';
import { corpusFiles } from '../corpus';
import { codes, textAt, withCode } from './helpers';

describe('parse', () => {
  it('takes the strict JSON fast path for plain JSON', () => {
    const p = new ParsedJson('{"family": "web"}');
    assert.equal(p.strict, true);
    assert.deepEqual(p.value, { family: 'web' });
    assert.deepEqual(p.syntaxErrors, []);
  });

  it('falls back to JSONC for comments and trailing commas, without errors', () => {
    const p = new ParsedJson('{\n  // the family\n  "family": "web", /* x */\n}');
    assert.equal(p.strict, false);
    assert.deepEqual({ ...(p.value as object) }, { family: 'web' });
    assert.deepEqual(p.syntaxErrors, []);
  });

  it('reports syntax errors as diagnostics and still validates what it could read', () => {
    const text = '{\n  "family": "web",\n  "containerDefinitions": [ { "name": "app", "image": "nginx:1", "cpu": "1" } ]\n  "memory": "512"\n}';
    const diags = lint(text);
    assert.ok(codes(diags).includes('json.syntax'));
    assert.ok(codes(diags).includes('schema.type'), 'the recovered value is validated');
    assert.ok(!codes(diags).includes('schema.required'), 'no "missing" errors while the text is broken');
  });

  it('flags duplicate keys on the repeated key', () => {
    const text = '{\n  "family": "a",\n  "containerDefinitions": [],\n  "family": "b"\n}';
    const [d] = withCode(lint(text), 'json.duplicate-key');
    assert.equal(d.range.start.line, 3);
    assert.equal(textAt(text, d), '"family"');
  });

  it('does not confuse equal keys in different objects', () => {
    const text = JSON.stringify({ family: 'a', containerDefinitions: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1' }] });
    assert.deepEqual(withCode(lint(text), 'json.duplicate-key'), []);
  });

  it('keeps every range inside the document for truncated text', () => {
    const text = '{"family": "web", "containerDefinitions": [{"name": "app", "image": ';
    for (const d of lint(text)) {
      assert.ok(d.range.end.line === 0 && d.range.end.character <= text.length, JSON.stringify(d.range));
    }
  });
});

describe('LineIndex', () => {
  it('maps offsets to positions and back with \\n, \\r\\n and \\r', () => {
    const idx = new LineIndex('a\nbc\r\nd\re');
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(3), { line: 1, character: 1 });
    assert.deepEqual(idx.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(8), { line: 3, character: 0 });
    assert.equal(idx.offsetAt({ line: 2, character: 0 }), 6);
    assert.equal(idx.offsetAt({ line: 99, character: 0 }), 9);
  });
});

describe('range lookup without a tree', () => {
  /** Every path in a value, plus paths that go one step too far or name missing members. */
  function paths(v: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
    out.push(prefix, [...prefix, 'missing'], [...prefix, 99]);
    if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
    return out;
  }

  it('places every path of every corpus file exactly where the syntax tree does', () => {
    let checked = 0;
    for (const f of corpusFiles()) {
      const p = new ParsedJson(f.text);
      if (!p.strict) continue;
      for (const path of paths(p.value)) {
        for (const target of ['key', 'value'] as const) {
          assert.deepEqual(p.rangeByScan(path, target), p.rangeByTree(path, target), `${f.name} ${JSON.stringify(path)} ${target}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 10_000, `only ${checked} lookups`);
  });

  it('places paths in unusual strict JSON exactly where the syntax tree does: escapes, duplicates, empty containers', () => {
    const text = '{"a\\"b": {"x": [1, -2.5e+3, true, null, "s\\\\"], "y": {}}, "dup": 1, "dup": {"k": []}, "\\u0061": "\\u00e9\\"", "e": [[], [{}], [[0]]]}';
    const p = new ParsedJson(text);
    assert.equal(p.strict, true);
    const paths: Array<Array<string | number>> = [['a"b'], ['a"b', 'x', 1], ['a"b', 'x', 4], ['a"b', 'x', 9], ['a"b', 'y'], ['a"b', 'y', 'z'], ['dup'], ['dup', 'k'], ['dup', 'k', 0], ['a'], ['\\u0061'], ['e', 1, 0], ['e', 2, 0, 0], ['e', 0, 0], ['missing', 'deeper']];
    for (const path of paths) {
      for (const target of ['key', 'value'] as const) assert.deepEqual(p.rangeByScan(path, target), p.rangeByTree(path, target), `${JSON.stringify(path)} ${target}`);
    }
  });

  it('places many paths in one pass exactly where the syntax tree does', () => {
    for (const f of corpusFiles()) {
      const p = new ParsedJson(f.text);
      if (!p.strict) continue;
      // Every path, shuffled deterministically, with both targets, in a single batch.
      const requests = paths(p.value).flatMap((path) => [{ path, target: 'key' as const }, { path, target: 'value' as const }]);
      requests.sort((a, b) => (JSON.stringify(a.path).length * 7919) % 101 - (JSON.stringify(b.path).length * 7919) % 101);
      const batch = p.rangesOf(requests);
      requests.forEach((r, i) => assert.deepEqual(batch[i], p.rangeByTree(r.path, r.target), `${f.name} ${JSON.stringify(r.path)} ${r.target}`));
    }
  });
});
