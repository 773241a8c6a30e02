import assert from 'node:assert/strict';
import { fargateTask } from '../helpers';
import { ec2Task, windowsFargateTask } from './task-helpers';
import { ec2Service, fargateService, fixedService, none, only, serviceFixes, workspaceOf } from './service-helpers';

const spotOnly = (patch: Record<string, unknown> = {}): Record<string, unknown> => fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], ...patch });
const mixed = fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }] });
const windows = workspaceOf(windowsFargateTask());
const arm = workspaceOf(fargateTask({ runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' } }));

describe('service rules: platforms against the task definition', () => {
  describe('fargate-spot-platform', () => {
    it('warns when Fargate Spot would have to run a Windows or ARM64 task', () => {
      const d = only(mixed, 'fargate-spot-platform', 'warning', '"FARGATE_SPOT"', windows);
      assert.match(d.message, /runs Windows containers \(WINDOWS_SERVER_2019_CORE\)/);
      assert.match(only(spotOnly(), 'fargate-spot-platform', 'warning', '"FARGATE_SPOT"', arm).message, /runs on ARM64/);
    });

    it('fix (a proposal): drops the Spot item, or changes a lone one to FARGATE', () => {
      const after = fixedService(mixed, 'fargate-spot-platform', windows);
      assert.deepEqual(after.capacityProviderStrategy, [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }]);
      assert.deepEqual(serviceFixes(spotOnly(), 'fargate-spot-platform', arm), [{ title: 'Change to "FARGATE"', certain: false }]);
    });

    it('accepts Linux X86_64 task definitions (given or by default), and stays silent without one', () => {
      none(mixed, 'fargate-spot-platform', workspaceOf(fargateTask()));
      none(mixed, 'fargate-spot-platform', workspaceOf(fargateTask({ runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' } })));
      none(mixed, 'fargate-spot-platform');
    });
  });

  describe('service-fargate-platform-version', () => {
    const efs = fargateTask({ volumes: [{ name: 'shared', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } }] });

    it('warns about a pinned version older than the task definition needs', () => {
      const d = only(fargateService({ platformVersion: '1.3.0' }), 'service-fargate-platform-version', 'warning', '"1.3.0"', workspaceOf(efs));
      assert.match(d.message, /EFS volume "shared" \(1\.4\.0\)/);
      const deps = fargateTask({}, { dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }], stopTimeout: 60 });
      assert.match(only(fargateService({ platformVersion: '1.2.0' }), 'service-fargate-platform-version', 'warning', '"1.2.0"', workspaceOf(deps)).message, /dependsOn \(1\.3\.0\) and container "app" stopTimeout \(1\.3\.0\)/);
      const big = fargateTask({ cpu: '8 vCPU', memory: '16 GB', ephemeralStorage: { sizeInGiB: 50 } });
      only(fargateService({ platformVersion: '1.3.0' }), 'service-fargate-platform-version', 'warning', '"1.3.0"', workspaceOf(big));
    });

    it('fix (proposals): LATEST, or the version needed', () => {
      assert.deepEqual(serviceFixes(fargateService({ platformVersion: '1.3.0' }), 'service-fargate-platform-version', workspaceOf(efs)).map((f) => f.title), ['Change to "LATEST"', 'Change to "1.4.0"']);
      assert.equal(fixedService(fargateService({ platformVersion: '1.3.0' }), 'service-fargate-platform-version', workspaceOf(efs)).platformVersion, 'LATEST');
    });

    it('accepts LATEST, a new enough version, plain task definitions and Windows', () => {
      none(fargateService({ platformVersion: 'LATEST' }), 'service-fargate-platform-version', workspaceOf(efs));
      none(fargateService({ platformVersion: '1.4.0' }), 'service-fargate-platform-version', workspaceOf(efs));
      none(fargateService({ platformVersion: '1.1.0' }), 'service-fargate-platform-version', workspaceOf(fargateTask()));
      none(fargateService({ platformVersion: '1.0.0' }), 'service-fargate-platform-version', workspaceOf(windowsFargateTask({ family: 'web' }, { dependsOn: [{ containerName: 'init', condition: 'START' }] })));
    });
  });

  describe('service-fargate-platform-retired', () => {
    const code = 'service-fargate-platform-retired';

    it('warns about a retired Linux version, with or without the task definition', () => {
      const d = only(fargateService({ platformVersion: '1.3.0' }), code, 'warning', '"1.3.0"', workspaceOf(fargateTask()));
      assert.match(d.message, /version 1\.3\.0 is retired/);
      assert.match(d.message, /Use "LATEST", which is 1\.4\.0/);
      only(fargateService({ platformVersion: '1.1.0' }), code, 'warning', '"1.1.0"');
      only(fargateService({ platformVersion: '1.0.0' }), code, 'warning', '"1.0.0"', workspaceOf(fargateTask()));
      only(spotOnly({ platformVersion: '1.2.0' }), code, 'warning', '"1.2.0"');
    });

    it('fix (proposals): LATEST or 1.4.0, never automatic', () => {
      assert.deepEqual(serviceFixes(fargateService({ platformVersion: '1.3.0' }), code), [
        { title: 'Change to "LATEST"', certain: false },
        { title: 'Change to "1.4.0"', certain: false },
      ]);
      assert.equal(fixedService(fargateService({ platformVersion: '1.3.0' }), code).platformVersion, 'LATEST');
    });

    it('accepts current versions, Windows 1.0.0, a 1.0.0 whose platform is unknown, EC2 and describe output', () => {
      none(fargateService({ platformVersion: 'LATEST' }), code);
      none(fargateService({ platformVersion: '1.4.0' }), code);
      none(fargateService({ platformVersion: '1.0.0' }), code, windows);
      none(fargateService({ platformVersion: '1.0.0' }), code);
      none(ec2Service({ platformVersion: '1.3.0' }), code);
      none({ services: [{ ...fargateService({ platformVersion: '1.3.0' }), serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web', status: 'ACTIVE' }] }, code);
    });
  });

  describe('service-td-launch-type-compatibility', () => {
    const described = (compatibilities: string[]): Record<string, unknown> => ({ taskDefinition: { ...fargateTask(), revision: 3, compatibilities } });

    it('flags a launch type ECS did not register the task definition for', () => {
      const d = only(ec2Service({ launchType: 'EXTERNAL' }), 'service-td-launch-type-compatibility', 'error', '"EXTERNAL"', workspaceOf(described(['EC2', 'FARGATE'])));
      assert.match(d.message, /compatible with "EC2" and "FARGATE" only/);
    });

    it('accepts a listed launch type', () => {
      none(ec2Service(), 'service-td-launch-type-compatibility', workspaceOf(described(['EC2', 'FARGATE'])));
      none(ec2Service(), 'service-td-launch-type-compatibility', workspaceOf(fargateTask()));
    });
  });

  describe('service-td-requires-compatibilities', () => {
    it('informs when an EC2 service runs a task definition written for Fargate only (ECS accepts it)', () => {
      const d = only(ec2Service({ networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } } }), 'service-td-requires-compatibilities', 'information', '"EC2"', workspaceOf(fargateTask()));
      assert.match(d.message, /requires "FARGATE" only/);
      assert.match(d.message, /ECS accepts this when the definition also validates for EC2/);
    });

    it('accepts a listed launch type, an unmarked definition, and describe output', () => {
      none(ec2Service(), 'service-td-requires-compatibilities', workspaceOf(ec2Task({ family: 'web' })));
      none(ec2Service(), 'service-td-requires-compatibilities', workspaceOf(ec2Task({ family: 'web', requiresCompatibilities: undefined })));
      none(ec2Service(), 'service-td-requires-compatibilities', workspaceOf({ taskDefinition: { ...fargateTask(), revision: 3, compatibilities: ['EC2', 'FARGATE'] } }));
    });
  });
});
