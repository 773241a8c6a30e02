import assert from 'node:assert/strict';
import { fargateService } from './service-helpers';
import { all, fargateTask, fixed, fixesFor, none, only } from './task-helpers';

const tagged = (...tags: unknown[]): Record<string, unknown> => fargateTask({ tags });

describe('task and service rules: tags', () => {
  describe('tag-reserved-prefix', () => {
    const code = 'tag-reserved-prefix';

    it('flags keys and values starting with aws: in any case, on task definitions and services', () => {
      const d = only(tagged({ key: 'aws:team', value: 'web' }), code, 'error', '"aws:team"');
      assert.match(d.message, /reserved for AWS/);
      assert.match(d.message, /task definition/);
      only(tagged({ key: 'team', value: 'AWS:web' }), code, 'error', '"AWS:web"');
      const s = only(fargateService({ tags: [{ key: 'Aws:Owner', value: 'me' }] }), code, 'error', '"Aws:Owner"');
      assert.match(s.message, /the service/);
    });

    it('accepts aws inside a key, other prefixes and placeholders', () => {
      none(tagged({ key: 'team:aws', value: 'awsome' }, { key: 'awsx:thing', value: '' }), code);
      none(tagged({ key: '${PREFIX}:team', value: 'x' }), code);
      none(fargateService({ tags: [{ key: 'team', value: 'web' }] }), code);
    });

    it('fix: offers to remove the tag', () => {
      assert.deepEqual(fixesFor(tagged({ key: 'aws:team', value: 'web' }, { key: 'team', value: 'web' }), code), [{ title: 'Remove this tag', certain: false }]);
      assert.deepEqual(fixed(tagged({ key: 'aws:team', value: 'web' }, { key: 'team', value: 'web' }), code).tags, [{ key: 'team', value: 'web' }]);
    });
  });

  describe('tag-key-duplicate', () => {
    const code = 'tag-key-duplicate';

    it('flags a key that appears again, on the later key', () => {
      const td = tagged({ key: 'team', value: 'web' }, { key: 'env', value: 'prod' }, { key: 'team', value: 'api' });
      const d = only(td, code, 'error', '"team"');
      assert.equal(d.data?.path?.[1], 2);
      assert.match(d.message, /appears again \(first as tag 1\)/);
      only(fargateService({ tags: [{ key: 'a', value: '1' }, { key: 'a', value: '1' }] }), code, 'error', '"a"');
    });

    it('accepts keys that differ (case counts)', () => {
      none(tagged({ key: 'team', value: 'web' }, { key: 'Team', value: 'web' }), code);
    });

    it('fix: drops an exact repeat (certain); a repeat with another value only on request', () => {
      assert.deepEqual(fixed(tagged({ key: 'team', value: 'web' }, { key: 'team', value: 'web' }), code).tags, [{ key: 'team', value: 'web' }]);
      assert.deepEqual(fixesFor(tagged({ key: 'team', value: 'web' }, { key: 'team', value: 'api' }), code).map((f) => f.certain), [false]);
    });
  });

  describe('tag-characters', () => {
    const code = 'tag-characters';

    it('flags characters outside the allowed set, naming the first one', () => {
      const d = only(tagged({ key: 'cost-center', value: 'R&D' }), code, 'warning', '"R&D"');
      assert.match(d.message, /contains "&"/);
      assert.equal(all(fargateService({ tags: [{ key: 'owner#1', value: 'x' }] }), code).length, 1);
    });

    it('accepts letters of any script, digits, spaces and + - = . _ : / @, and placeholders', () => {
      none(tagged({ key: 'Équipe / team', value: 'Müller + 東京 = ok @ a.b_c:d-e' }, { key: 'empty', value: '' }), code);
      none(tagged({ key: 'Env', value: '{{ must_env `ENV_NAME` }}' }), code);
    });
  });
});
