import assert from 'node:assert/strict';
import { fargateTask } from '../helpers';
import { windowsFargateTask } from './task-helpers';
import { ec2Service, fargateService, fixedService, none, only, serviceFixes, workspaceOf } from './service-helpers';

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const mounted = { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] };
const atLaunch = fargateTask({ volumes: [{ name: 'data', configuredAtLaunch: true }] }, mounted);
const ws = workspaceOf(atLaunch);
const withVolume = (name: string, ebs: Record<string, unknown> = {}, patch: Record<string, unknown> = {}): Record<string, unknown> =>
  fargateService({ volumeConfigurations: [{ name, managedEBSVolume: { roleArn: ROLE, sizeInGiB: 20, ...ebs } }], ...patch });
const ebsOf = (svc: Record<string, unknown>): Record<string, unknown> => ((svc.volumeConfigurations as Array<Record<string, unknown>>)[0].managedEBSVolume as Record<string, unknown>);

describe('service rules: EBS volumes against the task definition', () => {
  describe('service-td-volume-configuration', () => {
    it('flags a name the task definition has no volume for; the fix proposes its volume configured at launch', () => {
      const d = only(withVolume('date'), 'service-td-volume-configuration', 'error', '"date"', ws);
      assert.match(d.message, /has no volume named "date"/);
      assert.match(d.message, /Its volume configured at launch is "data"/);
      assert.deepEqual(serviceFixes(withVolume('date'), 'service-td-volume-configuration', ws), [{ title: 'Change to "data"', certain: false }]);
      assert.equal((fixedService(withVolume('date'), 'service-td-volume-configuration', ws).volumeConfigurations as Array<Record<string, unknown>>)[0].name, 'data');
    });

    it('flags a volume that is not configured at launch', () => {
      const efs = fargateTask({ volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } }] }, mounted);
      const d = only(withVolume('data'), 'service-td-volume-configuration', 'error', '"data"', workspaceOf(efs));
      assert.match(d.message, /is not configured at launch/);
    });

    it('accepts the matching volume, and stays silent without the task definition or with placeholder names', () => {
      none(withVolume('data'), 'service-td-volume-configuration', ws);
      none(withVolume('date'), 'service-td-volume-configuration');
      none(withVolume('${VOLUME}'), 'service-td-volume-configuration', ws);
      none(withVolume('data'), 'service-td-volume-configuration', workspaceOf(fargateTask({ volumes: [{ name: '{{ .Volume }}', configuredAtLaunch: true }] })));
    });
  });

  describe('service-td-volume-configuration-missing', () => {
    it('warns when the service configures no volume for the one deferred to launch', () => {
      const d = only(fargateService(), 'service-td-volume-configuration-missing', 'warning', '"web:3"', ws);
      assert.match(d.message, /defers volume "data" to launch/);
      only(fargateService({ volumeConfigurations: [] }), 'service-td-volume-configuration-missing', 'warning', '"volumeConfigurations"', ws);
    });

    it('accepts a configured volume, update-service input and task definitions without such a volume', () => {
      none(withVolume('data'), 'service-td-volume-configuration-missing', ws);
      none({ service: 'web', cluster: 'prod', taskDefinition: 'web:3' }, 'service-td-volume-configuration-missing', ws);
      none(fargateService(), 'service-td-volume-configuration-missing', workspaceOf(fargateTask()));
    });
  });

  describe('service-td-ebs-filesystem-type', () => {
    it('warns about NTFS for a Linux task; the fix proposes xfs', () => {
      const d = only(withVolume('data', { filesystemType: 'ntfs' }), 'service-td-ebs-filesystem-type', 'warning', '"ntfs"', ws);
      assert.match(d.message, /runs Linux containers/);
      assert.deepEqual(serviceFixes(withVolume('data', { filesystemType: 'ntfs' }), 'service-td-ebs-filesystem-type', ws), [{ title: 'Change to "xfs"', certain: false }]);
    });

    it('warns about a Linux file system for a Windows task; "ntfs" is the certain fix', () => {
      const windows = workspaceOf(windowsFargateTask({ family: 'web', volumes: [{ name: 'data', configuredAtLaunch: true }] }));
      const svc = ec2Service({ volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 20, filesystemType: 'ext4' } }] });
      assert.match(only(svc, 'service-td-ebs-filesystem-type', 'warning', '"ext4"', windows).message, /NTFS only/);
      assert.equal(ebsOf(fixedService(svc, 'service-td-ebs-filesystem-type', windows)).filesystemType, 'ntfs');
    });

    it('accepts matching file systems and an omitted one', () => {
      for (const fs of ['ext3', 'ext4', 'xfs']) none(withVolume('data', { filesystemType: fs }), 'service-td-ebs-filesystem-type', ws);
      none(withVolume('data'), 'service-td-ebs-filesystem-type', ws);
    });
  });
});
