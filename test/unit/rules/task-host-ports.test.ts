import assert from 'node:assert/strict';
import { all, container0, ec2Task, fargateTask, fixed, fixesFor, none, only, windowsEc2Task } from './task-helpers';

const mapped = (...portMappings: unknown[]): Record<string, unknown> => ({ portMappings });

describe('task rules: host ports', () => {
  describe('host-port-reserved', () => {
    const code = 'host-port-reserved';

    it('flags a reserved host port in bridge mode, naming what reserves it', () => {
      const d = only(ec2Task({}, mapped({ containerPort: 8080, hostPort: 51678 })), code, 'warning', '51678');
      assert.match(d.message, /ECS container agent/);
      assert.match(d.message, /RESOURCE:PORTS/);
    });

    it('flags the container port in host mode, and Windows NAT mode', () => {
      const d = only(ec2Task({ networkMode: 'host' }, mapped({ containerPort: 22 })), code, 'warning', '22');
      assert.match(d.message, /container port is the host port/);
      only(windowsEc2Task({}, mapped({ containerPort: 80, hostPort: 2375 })), code, 'warning', '2375');
    });

    it('accepts other ports, dynamic ports and awsvpc (the task has its own interface)', () => {
      none(ec2Task({}, mapped({ containerPort: 22, hostPort: 0 }, { containerPort: 80, hostPort: 8080 })), code);
      none(fargateTask({}, mapped({ containerPort: 22 })), code);
      none(ec2Task({ networkMode: 'awsvpc' }, mapped({ containerPort: 2375 })), code);
    });

    it('fix: in bridge mode, offers a dynamic host port; in host mode, nothing', () => {
      assert.deepEqual(fixesFor(ec2Task({}, mapped({ containerPort: 80, hostPort: 22 })), code), [{ title: 'Remove "hostPort" (let ECS pick a free host port)', certain: false }]);
      assert.deepEqual(container0(fixed(ec2Task({}, mapped({ containerPort: 80, hostPort: 22 })), code)).portMappings, [{ containerPort: 80 }]);
      assert.deepEqual(fixesFor(ec2Task({ networkMode: 'host' }, mapped({ containerPort: 22 })), code), []);
    });
  });

  describe('host-port-ephemeral-range', () => {
    const code = 'host-port-ephemeral-range';

    it('flags a fixed host port of 32768 and up on Linux, 49152 and up on Windows', () => {
      const d = only(ec2Task({}, mapped({ containerPort: 80, hostPort: 40000 })), code, 'warning', '40000');
      assert.match(d.message, /port is already allocated/);
      only(windowsEc2Task({}, mapped({ containerPort: 80, hostPort: 50000 })), code, 'warning', '50000');
      none(windowsEc2Task({}, mapped({ containerPort: 80, hostPort: 40000 })), code);
    });

    it('leaves reserved ports, host and awsvpc modes and lower ports alone', () => {
      none(ec2Task({}, mapped({ containerPort: 80, hostPort: 51679 })), code);
      none(ec2Task({ networkMode: 'host' }, mapped({ containerPort: 40000 })), code);
      none(fargateTask({}, mapped({ containerPort: 40000 })), code);
      none(ec2Task({}, mapped({ containerPort: 80, hostPort: 32767 })), code);
    });

    it('fix: offers a dynamic host port', () => {
      assert.deepEqual(container0(fixed(ec2Task({}, mapped({ containerPort: 80, hostPort: 40000 })), code)).portMappings, [{ containerPort: 80 }]);
    });
  });

  describe('host-network-multiple-tasks', () => {
    const code = 'host-network-multiple-tasks';

    it('warns once, on networkMode, that one task fits per instance', () => {
      const d = only(ec2Task({ networkMode: 'host' }, mapped({ containerPort: 80 }, { containerPort: 443 })), code, 'warning', '"host"');
      assert.match(d.message, /only one task of this definition fits on each container instance/);
      assert.match(d.message, /80, 443/);
    });

    it('accepts host mode without port mappings, and other modes', () => {
      none(ec2Task({ networkMode: 'host' }, { portMappings: [] }), code);
      none(ec2Task({}, mapped({ containerPort: 80, hostPort: 80 })), code);
    });
  });

  describe('host-network-root-user', () => {
    const code = 'host-network-root-user';

    it('flags root or UID 0 in host mode, on the user value', () => {
      const d = only(ec2Task({ networkMode: 'host' }, { user: 'root' }), code, 'warning', '"root"');
      assert.match(d.message, /instance's own network configuration/);
      assert.equal(all(ec2Task({ networkMode: 'host' }, { user: '0:0' }), code).length, 1);
    });

    it('accepts other users, other modes and placeholders', () => {
      none(ec2Task({ networkMode: 'host' }, { user: '1000:1000' }), code);
      none(ec2Task({ networkMode: 'host' }, { user: 'nginx' }), code);
      none(ec2Task({}, { user: 'root' }), code);
      none(ec2Task({ networkMode: 'host' }, { user: '${USER}' }), code);
    });
  });
});
