import assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/fixes';
import { applyFix, json, textAt } from '../helpers';
import { container, fargate, fixesFor, none, one } from './container-fixtures';

function efsTask(efsVolumeConfiguration: Record<string, unknown>): string {
  return json(
    fargate([container('app', { mountPoints: [{ sourceVolume: 'shared', containerPath: '/mnt/shared' }] })], {
      volumes: [{ name: 'shared', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0', ...efsVolumeConfiguration } }],
    }),
  );
}

describe('container rules: EFS volumes', () => {
  describe('efs-access-point-root-directory', () => {
    it('is an error on a rootDirectory next to an access point; removing it is certain', () => {
      const text = efsTask({ rootDirectory: '/data', transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0' } });
      const d = one(text, 'efs-access-point-root-directory');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"/data"');
      assert.match(d.message, /root directory must either be set to/);
      assert.deepEqual(fixesFor(text, d), [{ title: 'Remove rootDirectory (the access point sets the path)', certain: true }]);
      const efs = JSON.parse(applyFix(text, 'efs-access-point-root-directory')).volumes[0].efsVolumeConfiguration;
      assert.equal(efs.rootDirectory, undefined);
    });

    it('accepts "/" or no rootDirectory with an access point, and any rootDirectory without one', () => {
      none(efsTask({ rootDirectory: '/', transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-1' } }), 'efs-access-point-root-directory');
      none(efsTask({ transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-1' } }), 'efs-access-point-root-directory');
      none(efsTask({ rootDirectory: '/data', authorizationConfig: {} }), 'efs-access-point-root-directory');
    });
  });

  describe('efs-transit-encryption-required', () => {
    it('is an error on transitEncryption DISABLED with IAM authorization', () => {
      const text = efsTask({ transitEncryption: 'DISABLED', authorizationConfig: { iam: 'ENABLED' } });
      const d = one(text, 'efs-transit-encryption-required');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"DISABLED"');
      assert.match(d.message, /IAM authorization/);
      const efs = JSON.parse(applyFix(text, 'efs-transit-encryption-required')).volumes[0].efsVolumeConfiguration;
      assert.equal(efs.transitEncryption, 'ENABLED');
    });

    it('points at efsVolumeConfiguration when transitEncryption is missing, and the fix adds it', () => {
      const text = efsTask({ authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0' } });
      const d = one(text, 'efs-transit-encryption-required');
      assert.equal(textAt(text, d), '"efsVolumeConfiguration"');
      assert.match(d.message, /access point "fsap-0123456789abcdef0"/);
      assert.equal(fixesFor(text, d)[0].certain, true);
      assert.equal(JSON.parse(fixAll(text).text).volumes[0].efsVolumeConfiguration.transitEncryption, 'ENABLED');
    });

    it('accepts encrypted IAM mounts and plain mounts', () => {
      none(efsTask({ transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED', accessPointId: 'fsap-1' } }), 'efs-transit-encryption-required');
      none(efsTask({ rootDirectory: '/', transitEncryption: 'DISABLED', authorizationConfig: { iam: 'DISABLED' } }), 'efs-transit-encryption-required');
    });

    it('fixes describe output at the right place', () => {
      const text = json({ taskDefinition: JSON.parse(efsTask({ authorizationConfig: { iam: 'ENABLED' } })) });
      const after = applyFix(text, 'efs-transit-encryption-required');
      assert.equal(JSON.parse(after).taskDefinition.volumes[0].efsVolumeConfiguration.transitEncryption, 'ENABLED');
    });
  });

  describe('efs-transit-encryption-port-unused', () => {
    it('warns on the port key when encryption is off; removing it is certain', () => {
      const text = efsTask({ transitEncryptionPort: 2999 });
      const d = one(text, 'efs-transit-encryption-port-unused');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '"transitEncryptionPort"');
      assert.deepEqual(fixesFor(text, d).map((f) => f.certain), [true, false]);
      assert.equal(JSON.parse(applyFix(text, 'efs-transit-encryption-port-unused')).volumes[0].efsVolumeConfiguration.transitEncryptionPort, undefined);
    });

    it('accepts a port with encryption enabled', () => {
      none(efsTask({ transitEncryption: 'ENABLED', transitEncryptionPort: 2999 }), 'efs-transit-encryption-port-unused');
    });
  });
});
