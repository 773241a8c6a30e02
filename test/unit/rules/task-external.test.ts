import assert from 'node:assert/strict';
import { all, ec2Task, fixed, fixesFor, none, only, windowsEc2Task } from './task-helpers';

/** A task for external instances (ECS Anywhere), in bridge mode. */
function externalTask(patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  return ec2Task({ family: 'edge', requiresCompatibilities: ['EXTERNAL'], ...patch }, container);
}

const efs = { name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } };
const proxyConfiguration = { type: 'APPMESH', containerName: 'envoy', properties: [{ name: 'AppPorts', value: '8080' }] };
const mps = { type: 'GPU', sharingStrategy: { nvidiaMps: { memory: 2048 } } };

describe('task rules: external instances', () => {
  describe('external-unsupported-task-parameter', () => {
    const code = 'external-unsupported-task-parameter';

    it('flags awsvpc, EFS volumes, SELinux labels and App Mesh proxies for EXTERNAL', () => {
      const d = only(externalTask({ networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }] }), code, 'error', '"awsvpc"');
      assert.match(d.message, /elastic network interfaces/);
      assert.match(d.message, /EXTERNAL/);
      only(externalTask({ volumes: [efs] }), code, 'error', '"efsVolumeConfiguration"');
      only(externalTask({}, { dockerSecurityOptions: ['no-new-privileges', 'label:type:container_t'] }), code, 'error', '"label:type:container_t"');
      only(externalTask({ proxyConfiguration }), code, 'error', '"proxyConfiguration"');
    });

    it('applies when EXTERNAL is one of several launch types', () => {
      assert.equal(all(externalTask({ requiresCompatibilities: ['EC2', 'EXTERNAL'], volumes: [efs] }), code).length, 1);
    });

    it('accepts the same on EC2, and bridge, host or none on EXTERNAL', () => {
      none(ec2Task({ networkMode: 'awsvpc', volumes: [efs], proxyConfiguration }, { portMappings: [{ containerPort: 80 }] }), code);
      none(externalTask({}, { dockerSecurityOptions: ['no-new-privileges', 'apparmor:docker-default'] }), code);
      none(externalTask({ networkMode: 'host' }, { portMappings: [{ containerPort: 80 }] }), code);
      none(externalTask({ networkMode: '${MODE}' }), code);
    });

    it('fix: offers bridge (Linux) or the default network (Windows) for awsvpc; nothing for the others', () => {
      const linux = externalTask({ networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }] });
      assert.deepEqual(fixesFor(linux, code), [{ title: 'Set "networkMode" to "bridge"', certain: false }]);
      assert.equal(fixed(linux, code).networkMode, 'bridge');
      const windows = windowsEc2Task({ requiresCompatibilities: ['EXTERNAL'], networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }] });
      assert.equal('networkMode' in fixed(windows, code), false);
      assert.deepEqual(fixesFor(externalTask({ proxyConfiguration }), code), []);
    });
  });

  describe('gpu-sharing-external', () => {
    const code = 'gpu-sharing-external';

    it('flags a GPU sharing strategy for EXTERNAL', () => {
      const d = only(externalTask({}, { resourceRequirements: [mps] }), code, 'error', '"sharingStrategy"');
      assert.match(d.message, /GPU sharing is not supported on external instances/);
    });

    it('accepts whole GPUs on EXTERNAL and sharing on EC2', () => {
      none(externalTask({}, { resourceRequirements: [{ type: 'GPU', value: '1' }] }), code);
      none(ec2Task({}, { resourceRequirements: [mps] }), code);
    });
  });
});
