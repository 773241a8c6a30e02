/** Input that is not a normal JSON file never crashes the engine and is named for what it is. */
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/document/document';
import { fixAll, getCodeActions } from '../../src/core/fixes';
import { lint } from '../../src/core/lint';
import { fargateTask, json } from './helpers';

describe('robustness', () => {
  it('a document thousands of levels deep never throws, as strict JSON or JSONC, valid or not', () => {
    for (const depth of [5_000, 50_000]) {
      const nested = '['.repeat(depth) + ']'.repeat(depth);
      const strict = `{"family": "web", "containerDefinitions": [${nested}]}`;
      const jsonc = `// deep\n{"family": "web", "containerDefinitions": [${nested}],}`;
      const broken = `{"family": "web", "containerDefinitions": [${'['.repeat(depth)}`;
      for (const text of [strict, jsonc, broken]) {
        const forced = lint(text, { kind: 'task-definition' });
        assert.ok(Array.isArray(forced));
        assert.ok(forced.length > 0, 'something is reported');
        assert.doesNotThrow(() => lint(text));
        assert.doesNotThrow(() => analyze(text).locationAt(text.length - 2));
        assert.doesNotThrow(() => fixAll(text));
      }
      const deepJsonc = lint(jsonc, { kind: 'task-definition' });
      if (depth === 50_000) assert.ok(deepJsonc.some((d) => d.code === 'json.too-deep'), deepJsonc.map((d) => d.code).join());
    }
  });

  it('names a UTF-8 byte order mark, still checks the rest, and removes it as a certain fix', () => {
    const text = `\ufeff${json(fargateTask({ networkMode: 'bridge' }))}`;
    const diagnostics = lint(text);
    const bom = diagnostics.find((d) => d.code === 'json.encoding');
    assert.ok(bom);
    assert.match(bom.message, /byte order mark/);
    assert.deepEqual(bom.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.ok(!diagnostics.some((d) => d.code === 'json.syntax'), 'no generic "Unexpected character"');
    assert.ok(diagnostics.some((d) => d.code === 'fargate-network-mode'), 'the rest of the file is checked');
    const action = getCodeActions(text, [bom]).find((a) => a.isPreferred);
    assert.ok(action);
    assert.deepEqual(action.edits[0], { range: bom.range, newText: '' });
    const fixed = fixAll(text);
    assert.equal(fixed.text.charCodeAt(0), '{'.charCodeAt(0));
    assert.equal(JSON.parse(fixed.text).networkMode, 'awsvpc');
  });

  it('text with NUL characters (UTF-16 read as UTF-8, or binary) is an encoding error when checked as ECS', () => {
    const utf16ish = json(fargateTask()).split('').join('\u0000');
    const forced = lint(utf16ish, { kind: 'task-definition' });
    assert.deepEqual(forced.map((d) => d.code), ['json.encoding']);
    assert.deepEqual(lint(utf16ish), [], 'not recognised as ECS: nothing to say in an editor');
  });

  it('a truncated file reports the syntax error only, not rule errors the truncation caused', () => {
    const full = json(fargateTask());
    const truncated = full.slice(0, full.indexOf('"essential"'));
    const diagnostics = lint(truncated);
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.code === 'json.syntax'), diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
    // A syntax error in the middle of a complete document still lets the rules speak.
    const middle = full.replace('"networkMode": "awsvpc",', '"networkMode": "bridge"');
    assert.ok(lint(middle).some((d) => d.code === 'fargate-network-mode'));
  });

  it('huge numbers, empty text and whitespace never throw', () => {
    for (const text of ['', '   ', '\n', '1e999999', '{"family": "x", "containerDefinitions": [{"name": "a", "image": "b", "memory": 1e400}]}', 'null', '[]', '"x"']) {
      assert.doesNotThrow(() => lint(text), text);
      assert.doesNotThrow(() => lint(text, { kind: 'task-definition' }), text);
    }
  });
});

describe('fixes the docs promise', () => {
  it('"essential": "true" becomes true', () => {
    const text = json(fargateTask({}, { essential: 'true' }));
    const d = lint(text).find((x) => x.code === 'schema.type');
    assert.ok(d);
    const action = getCodeActions(text, [d]).find((a) => a.isPreferred);
    assert.ok(action, 'a certain fix');
    assert.match(action.title, /boolean true/);
    assert.equal(JSON.parse(fixAll(text).text).containerDefinitions[0].essential, true);
  });

  it('an unknown key with no "did you mean" can be removed (not certain)', () => {
    const text = json(fargateTask({ madeUpThing: 1 }));
    const d = lint(text).find((x) => x.code === 'schema.unknown-key');
    assert.ok(d);
    const actions = getCodeActions(text, [d]);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].isPreferred, false);
    assert.match(actions[0].title, /Remove the unknown key "madeUpThing"/);
    assert.equal(fixAll(text).text.includes('madeUpThing'), true, 'fix all does not remove it');
  });
});
