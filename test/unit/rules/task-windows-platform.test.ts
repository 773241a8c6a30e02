import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, fixesFor, none, only, windowsEc2Task, windowsFargateTask } from './task-helpers';

const fsx = { name: 'share', fsxWindowsFileServerVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0', rootDirectory: 'share', authorizationConfig: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:fsx', domain: 'corp.example.com' } } };
const efs = { name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } };
const router = { name: 'log_router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', essential: true, firelensConfiguration: { type: 'fluentbit' } };

describe('task rules: Windows containers and platforms', () => {
  describe('windows-container-user', () => {
    const code = 'windows-container-user';

    it('flags user on a Windows container, on the key', () => {
      const d = only(windowsEc2Task({}, { user: 'ContainerAdministrator' }), code, 'warning', '"user"');
      assert.match(d.message, /not supported for Windows containers/);
      only(windowsFargateTask({}, { user: 'ContainerUser' }), code, 'warning', '"user"');
    });

    it('accepts user on Linux, and an empty user', () => {
      none(ec2Task({}, { user: '1000' }), code);
      none(windowsEc2Task({}, { user: '' }), code);
    });

    it('fix: removes it', () => {
      assert.equal('user' in container0(fixed(windowsEc2Task({}, { user: 'ContainerUser' }), code)), false);
    });
  });

  describe('windows-container-extra-hosts', () => {
    const code = 'windows-container-extra-hosts';
    const extraHosts = [{ hostname: 'db.local', ipAddress: '10.0.0.5' }];

    it('flags extraHosts on a Windows container on EC2', () => {
      const d = only(windowsEc2Task({}, { extraHosts }), code, 'warning', '"extraHosts"');
      assert.match(d.message, /hosts file/);
    });

    it('leaves Linux, Fargate and awsvpc mode to their own rules', () => {
      none(ec2Task({}, { extraHosts }), code);
      none(windowsFargateTask({}, { extraHosts }), code);
      none(windowsEc2Task({ networkMode: 'awsvpc' }, { extraHosts, portMappings: [{ containerPort: 80 }] }), code);
    });

    it('fix: removes it', () => {
      assert.equal('extraHosts' in container0(fixed(windowsEc2Task({}, { extraHosts }), code)), false);
    });
  });

  describe('windows-cpu-architecture', () => {
    const code = 'windows-cpu-architecture';

    it('flags ARM64 for a Windows task', () => {
      const d = only(windowsFargateTask({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'ARM64' } }), code, 'error', '"ARM64"');
      assert.match(d.message, /X86_64/);
    });

    it('accepts ARM64 on Linux and X86_64 on Windows', () => {
      none(fargateTask({ runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' } }), code);
      none(windowsFargateTask(), code);
    });

    it('fix: sets X86_64 (certain)', () => {
      const td = windowsEc2Task({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL', cpuArchitecture: 'ARM64' } });
      assert.deepEqual(fixesFor(td, code), [{ title: 'Set cpuArchitecture to "X86_64"', certain: true }]);
      assert.deepEqual(fixed(td, code).runtimePlatform, { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL', cpuArchitecture: 'X86_64' });
    });
  });

  describe('windows-volume-type', () => {
    const code = 'windows-volume-type';

    it('flags EFS on Windows, FSx on Windows Fargate and on explicit Linux, other Docker drivers on Windows EC2', () => {
      assert.match(only(windowsEc2Task({ volumes: [efs] }), code, 'warning', '"efsVolumeConfiguration"').message, /EFS volume/);
      assert.match(only(windowsFargateTask({ volumes: [fsx] }), code, 'warning', '"fsxWindowsFileServerVolumeConfiguration"').message, /on Fargate/);
      assert.match(only(ec2Task({ runtimePlatform: { operatingSystemFamily: 'LINUX' }, volumes: [fsx] }), code, 'warning', '"fsxWindowsFileServerVolumeConfiguration"').message, /Linux task/);
      only(windowsEc2Task({ volumes: [{ name: 'v', dockerVolumeConfiguration: { driver: 'rexray/ebs', scope: 'shared' } }] }), code, 'warning', '"rexray/ebs"');
    });

    it('accepts FSx on Windows EC2 (and where the platform is not stated), local Docker volumes and EFS on Linux', () => {
      none(windowsEc2Task({ volumes: [fsx, { name: 'v', dockerVolumeConfiguration: { driver: 'local', scope: 'task' } }] }), code);
      none(ec2Task({ volumes: [fsx] }), code);
      none(fargateTask({ volumes: [efs] }), code);
    });
  });

  describe('fargate-windows-firelens', () => {
    const code = 'fargate-windows-firelens';

    it('flags a FireLens router in a Windows task on Fargate', () => {
      const td = windowsFargateTask({ containerDefinitions: [router, { ...container0(windowsFargateTask()), logConfiguration: { logDriver: 'awsfirelens' } }] });
      const d = only(td, code, 'warning', '"firelensConfiguration"');
      assert.match(d.message, /not confirmed/);
    });

    it('accepts FireLens on Linux Fargate and on Windows EC2', () => {
      none(fargateTask({ containerDefinitions: [router, { ...container0(fargateTask()), logConfiguration: { logDriver: 'awsfirelens' } }] }), code);
      none(windowsEc2Task({ containerDefinitions: [{ ...router, memory: 256 }, { ...container0(windowsEc2Task()), logConfiguration: { logDriver: 'awsfirelens' } }] }), code);
    });
  });

  describe('windows-ec2-task-size-ignored', () => {
    const code = 'windows-ec2-task-size-ignored';

    it('flags task-level cpu and memory of a Windows task on EC2, on the keys', () => {
      const d = only(windowsEc2Task({ memory: '2048' }), code, 'warning', '"memory"');
      assert.match(d.message, /ignored for Windows containers on EC2/);
      only(windowsEc2Task({ cpu: '1024' }), code, 'warning', '"cpu"');
    });

    it('accepts them on Fargate and for Linux', () => {
      none(windowsFargateTask(), code);
      none(ec2Task({ cpu: '1024', memory: '2048' }), code);
    });
  });
});
