import assert from 'node:assert/strict';
import { all, container0, ec2Task, fargateTask, fixed, fixesFor, none, only } from './task-helpers';

describe('task rules: Fargate restrictions', () => {
  describe('fargate-unsupported-container-parameter', () => {
    const code = 'fargate-unsupported-container-parameter';

    it('flags each unsupported member on its key, naming it', () => {
      const d = only(fargateTask({}, { privileged: true }), code, 'error', '"privileged"');
      assert.match(d.message, /"privileged" in container "app" is not supported on Fargate/);
      only(fargateTask({}, { dnsServers: ['10.0.0.2'] }), code, 'error', '"dnsServers"');
      only(fargateTask({}, { dockerSecurityOptions: ['no-new-privileges'] }), code, 'error', '"dockerSecurityOptions"');
      only(fargateTask({}, { disableNetworking: true }), code, 'error', '"disableNetworking"');
      only(fargateTask({}, { extraHosts: [{ hostname: 'db', ipAddress: '10.0.0.5' }] }), code, 'error', '"extraHosts"');
    });

    it('flags the Linux parameters Fargate lacks', () => {
      const td = fargateTask({}, { linuxParameters: { initProcessEnabled: true, sharedMemorySize: 256, tmpfs: [{ containerPath: '/tmp', size: 64 }], devices: [{ hostPath: '/dev/fuse' }], maxSwap: 0, swappiness: 10 } });
      assert.deepEqual(all(td, code).map((x) => x.covers), ['"sharedMemorySize"', '"tmpfs"', '"devices"', '"maxSwap"', '"swappiness"']);
    });

    it('flags a GPU requirement on its type', () => {
      const d = only(fargateTask({}, { resourceRequirements: [{ type: 'GPU', value: '1' }] }), code, 'error', '"GPU"');
      assert.match(d.message, /GPU/);
    });

    it('accepts unset values, supported Linux parameters and EC2 tasks', () => {
      none(fargateTask({}, { privileged: false, disableNetworking: false, links: [], dnsServers: [], linuxParameters: { initProcessEnabled: true } }), code);
      none(ec2Task({}, { privileged: true, dnsServers: ['10.0.0.2'] }), code);
    });

    it('fix: removes the member or the GPU requirement', () => {
      assert.equal('privileged' in container0(fixed(fargateTask({}, { privileged: true }), code)), false);
      const gpu = container0(fixed(fargateTask({}, { resourceRequirements: [{ type: 'GPU', value: '1' }] }), code));
      assert.deepEqual(gpu.resourceRequirements, []);
    });
  });

  describe('fargate-unsupported-task-parameter', () => {
    const code = 'fargate-unsupported-task-parameter';

    it('flags ipcMode, quoting ECS', () => {
      const d = only(fargateTask({ ipcMode: 'host' }), code, 'error', '"ipcMode"');
      assert.match(d.message, /Tasks using the Fargate launch type do not support ipcMode\./);
    });

    it('flags pidMode host and placement constraints', () => {
      only(fargateTask({ pidMode: 'host' }), code, 'error', '"pidMode"');
      only(fargateTask({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }] }), code, 'error', '"placementConstraints"');
    });

    it('accepts pidMode task, empty values and EC2 tasks', () => {
      none(fargateTask({ pidMode: 'task', ipcMode: '', placementConstraints: [] }), code);
      none(ec2Task({ ipcMode: 'host', pidMode: 'host' }), code);
    });

    it('fix: removes the member', () => {
      assert.equal('ipcMode' in fixed(fargateTask({ ipcMode: 'task' }), code), false);
    });
  });

  describe('fargate-log-driver', () => {
    const code = 'fargate-log-driver';

    it('flags a log driver Fargate does not offer', () => {
      const d = only(fargateTask({}, { logConfiguration: { logDriver: 'json-file' } }), code, 'error', '"json-file"');
      assert.match(d.message, /awslogs, splunk and awsfirelens/);
    });

    it('accepts the Fargate drivers, EC2 tasks, and leaves unknown drivers to the schema', () => {
      none(fargateTask(), code);
      none(fargateTask({}, { logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk:8088', 'splunk-token': 't' } } }), code);
      none(ec2Task({}, { logConfiguration: { logDriver: 'json-file' } }), code);
      none(fargateTask({}, { logConfiguration: { logDriver: 'awslog' } }), code);
    });
  });

  describe('fargate-capabilities', () => {
    const code = 'fargate-capabilities';
    const caps = (add: string[]): Record<string, unknown> => fargateTask({}, { linuxParameters: { capabilities: { add, drop: ['ALL'] } } });

    it('flags capabilities other than SYS_PTRACE', () => {
      const d = only(caps(['SYS_PTRACE', 'NET_ADMIN']), code, 'error', '"NET_ADMIN"');
      assert.match(d.message, /only capability a container may add is SYS_PTRACE/);
    });

    it('accepts SYS_PTRACE, dropping capabilities, and EC2 tasks', () => {
      none(caps(['SYS_PTRACE']), code);
      none(ec2Task({}, { linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } }), code);
    });

    it('fix: removes the capability', () => {
      const lp = container0(fixed(caps(['SYS_PTRACE', 'NET_ADMIN']), code)).linuxParameters as { capabilities: { add: string[] } };
      assert.deepEqual(lp.capabilities.add, ['SYS_PTRACE']);
    });
  });

  describe('fargate-volume-type', () => {
    const code = 'fargate-volume-type';

    it('flags Docker volume configurations and host source paths', () => {
      const d = only(fargateTask({ volumes: [{ name: 'data', dockerVolumeConfiguration: { scope: 'task', driver: 'local' } }] }), code, 'error', '"dockerVolumeConfiguration"');
      assert.match(d.message, /volume "data"/);
      only(fargateTask({ volumes: [{ name: 'logs', host: { sourcePath: '/var/log' } }] }), code, 'error', '"sourcePath"');
    });

    it('accepts task storage, EFS and EC2 tasks', () => {
      none(fargateTask({ volumes: [{ name: 'scratch' }, { name: 'empty', host: {} }, { name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-12345678' } }] }), code);
      none(ec2Task({ volumes: [{ name: 'logs', host: { sourcePath: '/var/log' } }] }), code);
    });

    it('fix: offers removing the host or Docker configuration (not certain)', () => {
      const td = fargateTask({ volumes: [{ name: 'logs', host: { sourcePath: '/var/log' } }] });
      assert.deepEqual(fixesFor(td, code), [{ title: 'Remove "host" (use task storage)', certain: false }]);
      assert.deepEqual(fixed(td, code).volumes, [{ name: 'logs' }]);
    });
  });

  describe('fargate-timeouts', () => {
    const code = 'fargate-timeouts';

    it('warns about start and stop timeouts outside 2-120 seconds', () => {
      only(fargateTask({}, { stopTimeout: 150 }), code, 'warning', '150');
      const d = only(fargateTask({}, { startTimeout: 1 }), code, 'warning', '1');
      assert.match(d.message, /between 2 and 120 seconds/);
    });

    it('accepts values in range and EC2 tasks', () => {
      none(fargateTask({}, { startTimeout: 2, stopTimeout: 120 }), code);
      none(ec2Task({}, { stopTimeout: 300 }), code);
    });

    it('fix: clamps to the range', () => {
      assert.equal(container0(fixed(fargateTask({}, { stopTimeout: 150 }), code)).stopTimeout, 120);
      assert.equal(container0(fixed(fargateTask({}, { startTimeout: 0 }), code)).startTimeout, 2);
    });
  });
});
