/** The location at an offset read off the text (strict JSON, no tree) must be the tree's answer at every offset. */
import assert from 'node:assert/strict';
import { EcsDocument } from '../../src/core/document/document';
import { strictLocationAt } from '../../src/core/document/offset';
import type { JsonLocation } from '../../src/core/types';
import { corpusFiles } from '../corpus';

/**
 * A location with its value as JSON.parse makes it: the tree's objects have no prototype (jsonc-parser's
 * getNodeValue), the text walk's are plain objects; both read the same.
 */
function plain(loc: JsonLocation | undefined): unknown {
  return loc && 'value' in loc ? { ...loc, value: JSON.parse(JSON.stringify(loc.value)) as unknown } : loc;
}

/** The tree's answer: a document whose tree is built first, so that locationAt walks the tree. */
function fromTree(text: string): (offset: number) => unknown {
  const doc = new EcsDocument(text);
  assert.ok(doc.json.strict, 'strict JSON expected');
  assert.ok(doc.json.tree, 'a tree expected');
  return (offset) => plain(doc.locationAt(offset));
}

function sameAsTree(text: string, name: string, step = 1): number {
  const tree = fromTree(text);
  let checked = 0;
  for (let offset = -1; offset <= text.length + 1; offset += offset < 0 || offset >= text.length - 1 ? 1 : step) {
    const where = `${name} at ${offset} (${JSON.stringify(text.slice(Math.max(0, offset - 12), Math.max(0, offset)))}|${JSON.stringify(text.slice(Math.max(0, offset), Math.max(0, offset + 12)))})`;
    assert.deepEqual(plain(strictLocationAt(text, offset)), tree(offset), where);
    checked++;
  }
  return checked;
}

describe('location at an offset, without the syntax tree', () => {
  it('is the tree walk at every offset of small documents', () => {
    for (const text of [
      '{}',
      '[]',
      '1',
      ' "x" ',
      'null',
      '{"a":1}',
      '{"a": 1}',
      '{"a": {}, "b": []}',
      '[{}, [], [[{}]], 1, "s", {"k": [1, {}]}]',
      '{"a": [{}], "b": [[]], "c": {"d": {}}, "e": [1, [2, {"f": null}]]}',
      '{ "a" : { "b" : [ 1 , 2 ] } , "c" : true }',
      '\n\t{\n\t\t"k\\"ey": "v\\\\", "n": -1.5e3, "s": "a\\"}]b"\n\t}\n',
      '{"dup": 1, "dup": {"x": [true, false]}}',
    ]) {
      sameAsTree(text, JSON.stringify(text));
    }
  });

  it('is the tree walk at every offset of every corpus file', () => {
    let checked = 0;
    for (const f of corpusFiles()) {
      if (!new EcsDocument(f.text).json.strict) continue;
      checked += sameAsTree(f.text, f.name, f.text.length > 6000 ? 3 : 1);
    }
    assert.ok(checked > 100_000, `only ${checked} offsets`);
  });

  it('gives way to the tree past its depth limit, and hover still answers there', () => {
    const deep = `${'['.repeat(300)}1${']'.repeat(300)}`;
    assert.equal(strictLocationAt(deep, 300), undefined);
    const doc = new EcsDocument(deep);
    assert.equal(doc.json.hasTree, false);
    assert.deepEqual(doc.locationAt(300), { path: new Array(300).fill(0), on: 'value', span: { offset: 300, length: 1 }, value: 1 });
  });

  it('leaves the tree unbuilt for the first question of a version, and builds it for the next ones', () => {
    const doc = new EcsDocument('{"family": "web", "containerDefinitions": [{"name": "app"}]}');
    const first = doc.locationAt(46);
    assert.deepEqual(first, { path: ['containerDefinitions', 0, 'name'], on: 'key', span: { offset: 44, length: 6 }, value: 'app' });
    assert.equal(doc.json.hasTree, false, 'a hover right after an edit builds no tree');
    assert.deepEqual(plain(doc.locationAt(46)), plain(first));
    assert.equal(doc.json.hasTree, true, 'a pointer moving over the document is answered from the tree');
  });
});
