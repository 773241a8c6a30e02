import assert from 'node:assert/strict';
import { ec2Task, fargateTask, fixed, fixesFor, none, only } from './task-helpers';

const ebs = (name: string): Record<string, unknown> => ({ name, configuredAtLaunch: true });
const volumesOf = (td: Record<string, unknown>): Array<Record<string, unknown>> => td.volumes as Array<Record<string, unknown>>;

describe('task rules: volumes', () => {
  describe('volume-configured-at-launch-count', () => {
    const code = 'volume-configured-at-launch-count';

    it('flags a second volume configured at launch', () => {
      const d = only(fargateTask({ volumes: [ebs('data'), ebs('logs')] }), code, 'error', 'true');
      assert.deepEqual(d.data?.path, ['volumes', 1, 'configuredAtLaunch']);
      assert.match(d.message, /only one volume configured at launch/);
    });

    it('accepts one, and configuredAtLaunch false', () => {
      none(fargateTask({ volumes: [ebs('data'), { name: 'logs', configuredAtLaunch: false }, { name: 'scratch' }] }), code);
    });
  });

  describe('volume-configured-at-launch-type', () => {
    const code = 'volume-configured-at-launch-type';

    it('flags another volume configuration next to configuredAtLaunch, on its key', () => {
      const d = only(ec2Task({ volumes: [{ ...ebs('data'), host: { sourcePath: '/data' } }] }), code, 'error', '"host"');
      assert.match(d.message, /one kind or the other/);
      only(fargateTask({ volumes: [{ ...ebs('data'), efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } }] }), code, 'error', '"efsVolumeConfiguration"');
    });

    it('accepts a plain launch-time volume, and empty members generators write', () => {
      none(fargateTask({ volumes: [ebs('data')] }), code);
      none(fargateTask({ volumes: [{ ...ebs('data'), host: {}, dockerVolumeConfiguration: null }] }), code);
    });
  });

  describe('volume-name-required', () => {
    const code = 'volume-name-required';

    it('flags EFS, S3 Files and launch-time volumes without a name', () => {
      const d = only(fargateTask({ volumes: [{ efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } }] }), code, 'error', '"efsVolumeConfiguration"');
      assert.match(d.message, /has no name/);
      only(fargateTask({ volumes: [{ name: '', s3filesVolumeConfiguration: { fileSystemArn: 'arn:aws:s3files:us-east-1:123456789012:file-system/fs-1' } }] }), code, 'error', '"s3filesVolumeConfiguration"');
      assert.match(only(fargateTask({ volumes: [{ configuredAtLaunch: true }] }), code, 'error', '"configuredAtLaunch"').message, /volumeConfigurations/);
    });

    it('accepts named volumes and unnamed host volumes', () => {
      none(fargateTask({ volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } }, ebs('ebs'), { name: '${VOLUME}', configuredAtLaunch: true }] }), code);
      none(ec2Task({ volumes: [{ host: { sourcePath: '/tmp' } }] }), code);
    });
  });

  describe('docker-volume-autoprovision-scope', () => {
    const code = 'docker-volume-autoprovision-scope';
    const docker = (cfg: Record<string, unknown>): Record<string, unknown> => ec2Task({ volumes: [{ name: 'cache', dockerVolumeConfiguration: { driver: 'local', ...cfg } }] });

    it('flags autoprovision with scope task', () => {
      const d = only(docker({ scope: 'task', autoprovision: true }), code, 'warning', '"autoprovision"');
      assert.match(d.message, /no effect/);
    });

    it('accepts scope shared, autoprovision false, and an omitted scope (not stated by the API)', () => {
      none(docker({ scope: 'shared', autoprovision: true }), code);
      none(docker({ scope: 'task', autoprovision: false }), code);
      none(docker({ autoprovision: true }), code);
    });

    it('fix: offers scope shared or removing the flag', () => {
      assert.deepEqual(fixesFor(docker({ scope: 'task', autoprovision: true }), code).map((f) => f.certain), [false, false]);
      const after = fixed(docker({ scope: 'task', autoprovision: true }), code);
      assert.deepEqual(volumesOf(after)[0].dockerVolumeConfiguration, { driver: 'local', scope: 'shared', autoprovision: true });
    });
  });

  describe('s3files-access-point-root-directory', () => {
    const code = 's3files-access-point-root-directory';
    const s3files = (cfg: Record<string, unknown>): Record<string, unknown> =>
      fargateTask({ volumes: [{ name: 'files', s3filesVolumeConfiguration: { fileSystemArn: 'arn:aws:s3files:us-east-1:123456789012:file-system/fs-1', ...cfg } }] });
    const accessPointArn = 'arn:aws:s3files:us-east-1:123456789012:access-point/ap-1';

    it('flags a rootDirectory other than / with an access point', () => {
      const d = only(s3files({ accessPointArn, rootDirectory: '/reports' }), code, 'error', '"/reports"');
      assert.match(d.message, /access point/);
    });

    it('accepts / or no rootDirectory with an access point, and any rootDirectory without one', () => {
      none(s3files({ accessPointArn, rootDirectory: '/' }), code);
      none(s3files({ accessPointArn }), code);
      none(s3files({ rootDirectory: '/reports' }), code);
    });

    it('fix: removes rootDirectory (certain)', () => {
      const after = fixed(s3files({ accessPointArn, rootDirectory: '/reports' }), code);
      assert.equal('rootDirectory' in (volumesOf(after)[0].s3filesVolumeConfiguration as Record<string, unknown>), false);
    });
  });
});
