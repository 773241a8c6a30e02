import assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/fixes';
import { applyFix, json, textAt } from '../helpers';
import { container, ec2Task, fixesFor, none, one } from './container-fixtures';

describe('container rules: names', () => {
  describe('container-no-essential', () => {
    it('is an error on the first "essential": false when every container sets it', () => {
      const text = json(ec2Task([container('app', { essential: false }), container('log', { essential: false })]));
      const d = one(text, 'container-no-essential');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), 'false');
      assert.deepEqual(d.data?.path, ['containerDefinitions', 0, 'essential']);
      assert.match(d.message, /Task definition doesn't have any essential container/);
    });

    it('accepts containers that leave "essential" out (it defaults to true)', () => {
      none(json(ec2Task([container('app'), container('log', { essential: false })])), 'container-no-essential');
      none(json(ec2Task([container('app')])), 'container-no-essential');
    });

    it('offers to mark each container essential, none of them certain when there are several', () => {
      const text = json(ec2Task([container('app', { essential: false }), container('log', { essential: false })]));
      const fixes = fixesFor(text, one(text, 'container-no-essential'));
      assert.deepEqual(fixes, [
        { title: 'Mark "app" as essential', certain: false },
        { title: 'Mark "log" as essential', certain: false },
      ]);
      const after = applyFix(text, 'container-no-essential');
      assert.equal(JSON.parse(after).containerDefinitions[0].essential, true);
      assert.equal(JSON.parse(after).containerDefinitions[1].essential, false);
    });

    it('fixes a single non-essential container with certainty', () => {
      const text = json(ec2Task([container('app', { essential: false })]));
      assert.deepEqual(fixesFor(text, one(text, 'container-no-essential')), [{ title: 'Mark "app" as essential', certain: true }]);
      assert.equal(JSON.parse(fixAll(text).text).containerDefinitions[0].essential, true);
    });

    it('works inside describe-task-definition output', () => {
      const text = json({ taskDefinition: ec2Task([container('app', { essential: false })]) });
      const after = applyFix(text, 'container-no-essential');
      assert.equal(JSON.parse(after).taskDefinition.containerDefinitions[0].essential, true);
    });
  });

  describe('container-name-duplicate', () => {
    it('is an error on the later duplicate name', () => {
      const text = json(ec2Task([container('app'), container('sidecar'), container('app')]));
      const d = one(text, 'container-name-duplicate');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"app"');
      assert.deepEqual(d.data?.path, ['containerDefinitions', 2, 'name']);
      assert.match(d.message, /containerDefinitions\[0\] is already named "app"/);
    });

    it('accepts distinct names and leaves template names alone', () => {
      none(json(ec2Task([container('app'), container('App')])), 'container-name-duplicate');
      none(json(ec2Task([container('${NAME}'), container('${NAME}')])), 'container-name-duplicate');
    });
  });
});
