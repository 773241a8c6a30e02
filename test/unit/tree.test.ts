/** The strict-JSON tree builder must give jsonc-parser's parseTree, node for node. */
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { strictTree } from '../../src/core/document/tree';
import { corpusFiles } from '../corpus';

describe('strict JSON syntax tree', () => {
  it('is parseTree for every strict corpus file', () => {
    let checked = 0;
    for (const f of corpusFiles()) {
      try {
        JSON.parse(f.text);
      } catch {
        continue;
      }
      assert.deepStrictEqual(strictTree(f.text), parseTree(f.text), f.name);
      checked++;
    }
    assert.ok(checked > 50, `only ${checked} files`);
  });

  it('is parseTree for unusual strict JSON: escapes, numbers, empty containers, blanks, scalars', () => {
    for (const text of [
      '{}',
      '[]',
      ' \r\n\t{ } ',
      '"just a string"',
      '-0',
      '1.5e-3',
      'true',
      'null',
      '{"a\\"b": {"x": [1, -2.5E+3, true, false, null, "s\\\\", "\\u00e9\\ud83d\\ude00", "\\/"], "y": {}}, "dup": 1, "dup": {"k": []}}',
      '[[[[]]], [{}], {"": ""}, [0, -0, 10, 1e400]]',
      '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "a", "portMappings": [ { "containerPort": 80 } ] }\n  ]\n}\n',
    ]) {
      assert.deepStrictEqual(strictTree(text), parseTree(text), text);
    }
  });

  it('hands documents nested deeper than any ECS file to parseTree', () => {
    const deep = `{"a": ${'['.repeat(500)}${']'.repeat(500)}}`;
    assert.deepStrictEqual(strictTree(deep), parseTree(deep));
    let fellBack = false;
    strictTree(deep, () => {
      fellBack = true;
      return undefined;
    });
    assert.ok(fellBack);
  });
});
