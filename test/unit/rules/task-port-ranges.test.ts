import assert from 'node:assert/strict';
import { all, container0, ec2Task, fargateTask, fixed, fixesFor, none, only, windowsEc2Task } from './task-helpers';

function ports(td: Record<string, unknown>): Array<Record<string, unknown>> {
  return container0(td).portMappings as Array<Record<string, unknown>>;
}

const ranged = (...portMappings: unknown[]): Record<string, unknown> => ({ portMappings });

describe('task rules: port ranges', () => {
  describe('port-range-network-mode', () => {
    const code = 'port-range-network-mode';

    it('flags a range in host or none mode, on the key', () => {
      const d = only(ec2Task({ networkMode: 'host' }, ranged({ containerPortRange: '8000-8100' })), code, 'error', '"containerPortRange"');
      assert.match(d.message, /bridge and awsvpc/);
      only(ec2Task({ networkMode: 'none' }, ranged({ containerPortRange: '8000-8100' })), code, 'error', '"containerPortRange"');
    });

    it('accepts bridge, awsvpc, Fargate, an omitted mode and placeholders', () => {
      none(ec2Task({}, ranged({ containerPortRange: '8000-8100' })), code);
      none(fargateTask({}, ranged({ containerPortRange: '8000-8100' })), code);
      none(windowsEc2Task({}, ranged({ containerPortRange: '8000-8100' })), code);
      none(ec2Task({ networkMode: '${MODE}' }, ranged({ containerPortRange: '8000-8100' })), code);
      none(ec2Task({ networkMode: 'host' }, ranged({ containerPortRange: '${RANGE}' })), code);
    });
  });

  describe('port-range-count', () => {
    const code = 'port-range-count';
    const many = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ containerPortRange: `${10000 + i * 10}-${10000 + i * 10 + 5}` }));

    it('flags the 101st range of a container', () => {
      const d = only(fargateTask({}, { portMappings: many(101) }), code, 'error', '"containerPortRange"');
      assert.match(d.message, /at most 100/);
      assert.deepEqual(d.data?.path, ['containerDefinitions', 0, 'portMappings', 100, 'containerPortRange']);
    });

    it('accepts 100 ranges and any number of single ports', () => {
      none(fargateTask({}, { portMappings: many(100) }), code);
      none(fargateTask({}, { portMappings: Array.from({ length: 150 }, (_, i) => ({ containerPort: 1000 + i })) }), code);
    });
  });

  describe('port-range-order', () => {
    const code = 'port-range-order';

    it('flags a range that runs backwards, has equal ends or leaves 1-65535', () => {
      const d = only(fargateTask({}, ranged({ containerPortRange: '9000-8000' })), code, 'error', '"9000-8000"');
      assert.match(d.message, /first port must be below the last/);
      assert.match(only(fargateTask({}, ranged({ containerPortRange: '8000-8000' })), code, 'error', '"8000-8000"').message, /containerPort instead/);
      assert.match(only(fargateTask({}, ranged({ containerPortRange: '0-70000' })), code, 'error', '"0-70000"').message, /0 and 70000 are not ports/);
    });

    it('accepts ranges in order, and leaves malformed text to the schema', () => {
      none(fargateTask({}, ranged({ containerPortRange: '8000-8100' }, { containerPortRange: ' 1 - 65535 ' })), code);
      none(fargateTask({}, ranged({ containerPortRange: '8000' })), code);
    });

    it('fix: a backwards range is put in order (certain); others get no fix', () => {
      assert.deepEqual(fixesFor(fargateTask({}, ranged({ containerPortRange: '9000-8000' })), code), [{ title: 'Change to "8000-9000"', certain: true }]);
      assert.deepEqual(ports(fixed(fargateTask({}, ranged({ containerPortRange: '9000-8000' })), code)), [{ containerPortRange: '8000-9000' }]);
      assert.deepEqual(fixesFor(fargateTask({}, ranged({ containerPortRange: '8000-8000' })), code), []);
    });
  });

  describe('port-range-overlap', () => {
    const code = 'port-range-overlap';

    it('flags overlapping ranges and a single port inside a range, on the later mapping', () => {
      const d = only(fargateTask({}, ranged({ containerPortRange: '8000-8100' }, { containerPortRange: '8050-8200' })), code, 'error', '"8050-8200"');
      assert.match(d.message, /overlaps the range "8000-8100"/);
      const single = only(fargateTask({}, ranged({ containerPortRange: '8000-8100' }, { containerPort: 8080 })), code, 'error', '8080');
      assert.match(single.message, /port 8080\/tcp, which overlaps the range "8000-8100"/);
      only(fargateTask({}, ranged({ containerPort: 8080 }, { containerPortRange: '8000-8100' })), code, 'error', '"8000-8100"');
    });

    it('accepts adjacent ranges, other protocols, other containers and two single ports', () => {
      none(fargateTask({}, ranged({ containerPortRange: '8000-8100' }, { containerPortRange: '8101-8200' })), code);
      none(fargateTask({}, ranged({ containerPortRange: '8000-8100' }, { containerPortRange: '8000-8100', protocol: 'udp' })), code);
      const sidecar = { name: 'sidecar', image: 'public.ecr.aws/nginx/nginx:1.27', essential: false, portMappings: [{ containerPortRange: '8000-8100' }] };
      none(ec2Task({ containerDefinitions: [{ ...container0(ec2Task({}, ranged({ containerPortRange: '8000-8100' }))) }, { ...sidecar, memory: 128 }] }), code);
      none(fargateTask({}, ranged({ containerPort: 80 }, { containerPort: 80 })), code);
    });
  });

  describe('port-range-single-port', () => {
    const code = 'port-range-single-port';

    it('flags containerPort and hostPort next to a range, on the keys', () => {
      const d = only(fargateTask({}, ranged({ containerPortRange: '8000-8100', containerPort: 8000 })), code, 'error', '"containerPort"');
      assert.match(d.message, /either one port or a range/);
      const host = all(ec2Task({}, ranged({ containerPortRange: '8000-8100', hostPort: 9000 })), code);
      assert.deepEqual(host.map((h) => h.covers), ['"hostPort"']);
      assert.match(host[0].d.message, /ECS chooses the host ports itself/);
    });

    it('accepts a range alone, and hostPort 0 (unset)', () => {
      none(ec2Task({}, ranged({ containerPortRange: '8000-8100' }, { containerPortRange: '9000-9100', hostPort: 0 })), code);
    });

    it('fix: removes hostPort, or a containerPort inside the range (certain); one outside only on request', () => {
      assert.deepEqual(ports(fixed(ec2Task({}, ranged({ containerPortRange: '8000-8100', hostPort: 9000 })), code)), [{ containerPortRange: '8000-8100' }]);
      assert.deepEqual(ports(fixed(fargateTask({}, ranged({ containerPortRange: '8000-8100', containerPort: 8000 })), code)), [{ containerPortRange: '8000-8100' }]);
      assert.deepEqual(fixesFor(fargateTask({}, ranged({ containerPortRange: '8000-8100', containerPort: 9000 })), code).map((f) => f.certain), [false]);
    });
  });
});
