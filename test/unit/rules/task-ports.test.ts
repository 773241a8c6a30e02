import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, fixesFor, none, only } from './task-helpers';

function ports(td: Record<string, unknown>, i = 0): Array<Record<string, unknown>> {
  return (td.containerDefinitions as Array<Record<string, unknown>>)[i].portMappings as Array<Record<string, unknown>>;
}

const sidecar = (portMappings: unknown[]): Record<string, unknown> => ({ name: 'sidecar', image: 'public.ecr.aws/nginx/nginx:1.27', essential: false, memory: 128, portMappings });

describe('task rules: port mappings', () => {
  describe('port-mapping-host-port', () => {
    const code = 'port-mapping-host-port';

    it('flags a hostPort that differs from containerPort in awsvpc mode, quoting ECS', () => {
      const d = only(fargateTask({}, { portMappings: [{ containerPort: 8080, hostPort: 80 }] }), code, 'error', '80');
      assert.match(d.message, /When networkMode=awsvpc, the host ports and container ports in port mappings must match\./);
    });

    it('flags the same in host mode', () => {
      only(ec2Task({ networkMode: 'host' }, { portMappings: [{ containerPort: 8080, hostPort: 80 }] }), code, 'error', '80');
    });

    it('accepts equal or omitted host ports, hostPort 0, and remapping in bridge mode', () => {
      none(fargateTask({}, { portMappings: [{ containerPort: 8080, hostPort: 8080 }, { containerPort: 9090 }, { containerPort: 9091, hostPort: 0 }] }), code);
      none(ec2Task({}, { portMappings: [{ containerPort: 8080, hostPort: 80 }] }), code);
    });

    it('fix: sets hostPort to containerPort (certain), or removes it', () => {
      const td = fargateTask({}, { portMappings: [{ containerPort: 8080, hostPort: 80 }] });
      assert.deepEqual(fixesFor(td, code).map((f) => f.certain), [true, false]);
      assert.deepEqual(ports(fixed(td, code)), [{ containerPort: 8080, hostPort: 8080 }]);
      assert.deepEqual(ports(fixed(td, code, /Remove/)), [{ containerPort: 8080 }]);
    });
  });

  describe('port-mapping-network-none', () => {
    const code = 'port-mapping-network-none';

    it('flags port mappings in none mode, on the key', () => {
      const d = only(ec2Task({ networkMode: 'none' }), code, 'error', '"portMappings"');
      assert.match(d.message, /"none"/);
    });

    it('accepts none mode without mappings', () => {
      none(ec2Task({ networkMode: 'none' }, { portMappings: [] }), code);
      none(ec2Task(), code);
    });

    it('fix: removes the port mappings', () => {
      assert.equal('portMappings' in container0(fixed(ec2Task({ networkMode: 'none' }), code)), false);
    });
  });

  describe('port-mapping-duplicate', () => {
    const code = 'port-mapping-duplicate';

    it('flags a container port mapped twice with the same protocol', () => {
      const td = ec2Task({}, { portMappings: [{ containerPort: 80, hostPort: 0 }, { containerPort: 80, hostPort: 8080, protocol: 'tcp' }] });
      const d = only(td, code, 'error', '80');
      assert.match(d.message, /maps containerPort 80\/tcp twice/);
    });

    it('flags two containers on one port when they share the network stack (awsvpc, host)', () => {
      const td = fargateTask({ containerDefinitions: [container0(fargateTask()), sidecar([{ containerPort: 80 }])] });
      const d = only(td, code, 'error', '80');
      assert.match(d.message, /container "app" and container "sidecar" both use port 80\/tcp/);
    });

    it('flags a fixed host port used twice in bridge mode', () => {
      const td = ec2Task({ containerDefinitions: [container0(ec2Task({}, { portMappings: [{ containerPort: 80, hostPort: 8080 }] })), sidecar([{ containerPort: 81, hostPort: 8080 }])] });
      const d = only(td, code, 'error', '8080');
      assert.match(d.message, /port is already allocated/);
    });

    it('accepts other protocols, dynamic host ports and separate containers in bridge mode', () => {
      none(fargateTask({}, { portMappings: [{ containerPort: 53, protocol: 'tcp' }, { containerPort: 53, protocol: 'udp' }] }), code);
      none(ec2Task({ containerDefinitions: [container0(ec2Task()), sidecar([{ containerPort: 80, hostPort: 0 }, { containerPort: 81 }])] }), code);
    });

    it('fix: removes an exact repeat; offers nothing when the mappings differ', () => {
      const td = fargateTask({}, { portMappings: [{ containerPort: 80, protocol: 'tcp' }, { containerPort: 80, protocol: 'tcp' }] });
      assert.deepEqual(ports(fixed(td, code)), [{ containerPort: 80, protocol: 'tcp' }]);
      const differ = ec2Task({}, { portMappings: [{ containerPort: 80, hostPort: 0 }, { containerPort: 80, hostPort: 8080 }] });
      assert.deepEqual(fixesFor(differ, code), []);
    });
  });
});
