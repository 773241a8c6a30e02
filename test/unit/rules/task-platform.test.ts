import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, fixesFor, none, only, without } from './task-helpers';

describe('task rules: platform', () => {
  describe('ephemeral-storage-not-fargate', () => {
    const code = 'ephemeral-storage-not-fargate';

    it('warns about ephemeralStorage on an EC2-only task', () => {
      const d = only(ec2Task({ ephemeralStorage: { sizeInGiB: 50 } }), code, 'warning', '"ephemeralStorage"');
      assert.match(d.message, /Fargate tasks only/);
    });

    it('accepts it on Fargate, and says nothing when the launch type is not given', () => {
      none(fargateTask({ ephemeralStorage: { sizeInGiB: 50 } }), code);
      none(without(ec2Task({ ephemeralStorage: { sizeInGiB: 50 } }), 'requiresCompatibilities'), code);
    });

    it('fix: removes it', () => {
      assert.equal('ephemeralStorage' in fixed(ec2Task({ ephemeralStorage: { sizeInGiB: 50 } }), code), false);
    });
  });

  describe('privileged-container', () => {
    const code = 'privileged-container';

    it('warns about privileged containers on EC2', () => {
      const d = only(ec2Task({}, { privileged: true }), code, 'warning', '"privileged"');
      assert.match(d.message, /root access to the container instance/);
      only(without(ec2Task({}, { privileged: true }), 'requiresCompatibilities'), code, 'warning', '"privileged"');
    });

    it('accepts privileged false, and leaves Fargate to its own rule', () => {
      none(ec2Task({}, { privileged: false }), code);
      none(fargateTask({}, { privileged: true }), code);
    });

    it('fix: offers removing it, not certain', () => {
      assert.deepEqual(fixesFor(ec2Task({}, { privileged: true }), code).map((f) => f.certain), [false]);
      assert.equal('privileged' in container0(fixed(ec2Task({}, { privileged: true }), code)), false);
    });
  });
});
