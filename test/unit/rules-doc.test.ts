import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../src/core/rules/index';
import { rulesMarkdown } from '../../tools/gen-rules-doc';

describe('rule table', () => {
  it('docs/rules.md is generated from the current rule table (run npm run gen:rules-doc)', () => {
    assert.equal(readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8'), rulesMarkdown());
  });

  it('every rule has a unique id, a title, a documentation link and a valid default severity', () => {
    const ids = new Set<string>();
    for (const r of rules) {
      assert.ok(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.id), r.id);
      assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
      ids.add(r.id);
      assert.ok(r.title.length > 10, r.id);
      assert.match(r.docs, /^https:\/\/docs\.aws\.amazon\.com\//, r.id);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(r.severity), r.id);
    }
    assert.ok(rules.length >= 40, `only ${rules.length} rules`);
  });
});
