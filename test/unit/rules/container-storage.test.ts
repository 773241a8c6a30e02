import assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/fixes';
import { applyFix, json, textAt } from '../helpers';
import { container, ec2Task, fargate, fixesFor, none, one } from './container-fixtures';

describe('container rules: volumes, volumesFrom and links', () => {
  describe('mount-point-unknown-volume', () => {
    it('is an error on a sourceVolume the task does not declare', () => {
      const text = json(fargate([container('app', { mountPoints: [{ sourceVolume: 'cache', containerPath: '/cache' }] })], { volumes: [{ name: 'data' }] }));
      const d = one(text, 'mount-point-unknown-volume');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"cache"');
      assert.match(d.message, /it has "data"/);
    });

    it('fixes a case-only difference with certainty', () => {
      const text = json(fargate([container('app', { mountPoints: [{ sourceVolume: 'Data', containerPath: '/data' }] })], { volumes: [{ name: 'data' }] }));
      assert.equal(fixesFor(text, one(text, 'mount-point-unknown-volume'))[0].certain, true);
      assert.equal(JSON.parse(fixAll(text).text).containerDefinitions[0].mountPoints[0].sourceVolume, 'data');
    });

    it('proposes declaring the volume when there is none', () => {
      const text = json(fargate([container('app', { mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch' }] })]));
      assert.deepEqual(fixesFor(text, one(text, 'mount-point-unknown-volume')), [{ title: 'Add a volume named "scratch" to the task', certain: false }]);
      assert.deepEqual(JSON.parse(applyFix(text, 'mount-point-unknown-volume')).volumes, [{ name: 'scratch' }]);
    });

    it('accepts declared volumes and template names', () => {
      none(json(fargate([container('app', { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] })], { volumes: [{ name: 'data' }] })), 'mount-point-unknown-volume');
      none(json(fargate([container('app', { mountPoints: [{ sourceVolume: '${VOL}', containerPath: '/data' }] })])), 'mount-point-unknown-volume');
    });
  });

  describe('mount-point-relative-path', () => {
    it('warns on a relative containerPath and proposes the absolute one', () => {
      const text = json(fargate([container('app', { mountPoints: [{ sourceVolume: 'data', containerPath: 'data' }] })], { volumes: [{ name: 'data' }] }));
      const d = one(text, 'mount-point-relative-path');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '"data"');
      assert.deepEqual(fixesFor(text, d), [{ title: 'Change to "/data"', certain: false }]);
      assert.equal(JSON.parse(applyFix(text, 'mount-point-relative-path')).containerDefinitions[0].mountPoints[0].containerPath, '/data');
    });

    it('accepts Linux and Windows absolute paths', () => {
      none(json(ec2Task([container('app', { mountPoints: [{ sourceVolume: 'd', containerPath: '/var/lib/data' }] })], { volumes: [{ name: 'd' }] })), 'mount-point-relative-path');
      none(json(ec2Task([container('app', { mountPoints: [{ sourceVolume: 'd', containerPath: 'C:\\data' }] })], { volumes: [{ name: 'd' }] })), 'mount-point-relative-path');
      none(json(ec2Task([container('app', { mountPoints: [{ sourceVolume: 'd', containerPath: '\\\\.\\pipe\\docker_engine' }] })], { volumes: [{ name: 'd' }] })), 'mount-point-relative-path');
    });
  });

  describe('volumes-from-unknown-container', () => {
    it('is an error on an unknown sourceContainer', () => {
      const text = json(ec2Task([container('app', { volumesFrom: [{ sourceContainer: 'data' }] }), container('web')]));
      const d = one(text, 'volumes-from-unknown-container');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"data"');
    });

    it('is an error on a container taking volumes from itself; removing it is certain', () => {
      const text = json(ec2Task([container('app', { volumesFrom: [{ sourceContainer: 'app' }] })]));
      const d = one(text, 'volumes-from-unknown-container');
      assert.match(d.message, /lists itself/);
      assert.deepEqual(fixesFor(text, d), [{ title: 'Remove this volumesFrom entry', certain: true }]);
      assert.deepEqual(JSON.parse(applyFix(text, 'volumes-from-unknown-container')).containerDefinitions[0].volumesFrom, []);
    });

    it('accepts another container of the task', () => {
      none(json(ec2Task([container('app', { volumesFrom: [{ sourceContainer: 'data', readOnly: true }] }), container('data')])), 'volumes-from-unknown-container');
    });
  });

  describe('link-unknown-container', () => {
    it('is an error on a link to a container the task does not have', () => {
      const text = json(ec2Task([container('app', { links: ['db:database'] })]));
      const d = one(text, 'link-unknown-container');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"db:database"');
      assert.match(d.message, /links to "db"/);
      assert.deepEqual(fixesFor(text, d), []);
    });

    it('fixes the container part of a link, keeping the alias', () => {
      const text = json(ec2Task([container('app', { links: ['DB:database'] }), container('db')]));
      assert.equal(JSON.parse(applyFix(text, 'link-unknown-container')).containerDefinitions[0].links[0], 'db:database');
    });

    it('accepts links with and without alias', () => {
      none(json(ec2Task([container('app', { links: ['db', 'cache:redis'] }), container('db'), container('cache')])), 'link-unknown-container');
    });
  });
});

describe('mount-point-unknown-volume fix with odd "volumes"', () => {
  it('offers to create the volumes list when there is none, and no volume to add when volumes is not a list', () => {
    const mount = { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] };
    const none = json(ec2Task([container('app', mount)]));
    const created = JSON.parse(applyFix(none, 'mount-point-unknown-volume', {}, /Add a volume/));
    assert.deepEqual(created.volumes, [{ name: 'data' }]);
    const odd = json({ ...JSON.parse(none), volumes: 3 });
    const titles = fixesFor(odd, one(odd, 'mount-point-unknown-volume')).map((f: { title: string }) => f.title);
    assert.ok(!titles.some((t: string) => t.startsWith('Add a volume')), titles.join(', '));
  });
});
