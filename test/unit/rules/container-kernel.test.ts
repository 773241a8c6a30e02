import assert from 'node:assert/strict';
import { all, container0, ec2Task, fargateTask, fixed, fixesFor, none, only, windowsEc2Task } from './task-helpers';

type Obj = Record<string, unknown>;
const caps = (capabilities: Obj): Obj => ({ linuxParameters: { capabilities } });
const tmpfs = (mountOptions: unknown[]): Obj => ({ linuxParameters: { tmpfs: [{ containerPath: '/run', size: 64, mountOptions }] } });
const sysctl = (namespace: string, value = '1'): Obj => ({ namespace, value });
const named = (name: string, extra: Obj = {}): Obj => ({ name, image: 'public.ecr.aws/docker/library/busybox:1.36', essential: false, memory: 64, ...extra });

describe('container rules: kernel settings', () => {
  describe('linux-capability-name', () => {
    const code = 'linux-capability-name';

    it('flags a name that is no capability, with the nearest one', () => {
      const d = only(ec2Task({}, caps({ add: ['NET_ADMN'] })), code, 'error', '"NET_ADMN"');
      assert.match(d.message, /did you mean "NET_ADMIN"/);
      only(fargateTask({}, caps({ drop: ['EVERYTHING'] })), code, 'error', '"EVERYTHING"');
    });

    it('accepts listed names in any case and with CAP_, newer kernel capabilities, and placeholders', () => {
      none(ec2Task({}, caps({ add: ['SYS_PTRACE', 'CAP_NET_ADMIN', 'net_raw', 'BPF'], drop: ['ALL'] })), code);
      none(ec2Task({}, caps({ add: ['${CAP}'] })), code);
    });

    it('leaves capabilities added on Fargate to fargate-capabilities', () => {
      none(fargateTask({}, caps({ add: ['NET_ADMN'] })), code);
    });

    it('fix: offers the nearest name', () => {
      assert.deepEqual(fixesFor(ec2Task({}, caps({ add: ['SYS_PTRAC'] })), code), [{ title: 'Change to "SYS_PTRACE"', certain: false }]);
    });
  });

  describe('tmpfs-mount-option', () => {
    const code = 'tmpfs-mount-option';

    it('flags an option ECS does not list', () => {
      const d = only(ec2Task({}, tmpfs(['noexec', 'nosetuid'])), code, 'warning', '"nosetuid"');
      assert.match(d.message, /"\/run"/);
      assert.match(only(ec2Task({}, tmpfs(['size=64m'])), code, 'warning', '"size=64m"').message, /"size" member/);
    });

    it('accepts listed options, and mode/uid/gid with a value', () => {
      none(ec2Task({}, tmpfs(['rw', 'noexec', 'nosuid', 'mode=1777', 'uid=1000'])), code);
    });

    it('fix: lower-cases a listed option (certain)', () => {
      const after = fixed(ec2Task({}, tmpfs(['NoExec'])), code);
      assert.deepEqual(((container0(after).linuxParameters as Obj).tmpfs as Obj[])[0].mountOptions, ['noexec']);
    });
  });

  describe('swappiness-without-max-swap', () => {
    const code = 'swappiness-without-max-swap';

    it('flags swappiness without maxSwap, on the key', () => {
      const d = only(ec2Task({}, { linuxParameters: { swappiness: 10 } }), code, 'warning', '"swappiness"');
      assert.match(d.message, /ignores swappiness unless maxSwap is set/);
    });

    it('accepts both together (maxSwap 0 too), and leaves Fargate to its own rule', () => {
      none(ec2Task({}, { linuxParameters: { swappiness: 10, maxSwap: 0 } }), code);
      none(fargateTask({}, { linuxParameters: { swappiness: 10 } }), code);
    });

    it('fix: offers to remove swappiness', () => {
      const after = fixed(ec2Task({}, { linuxParameters: { swappiness: 10 } }), code);
      assert.deepEqual(container0(after).linuxParameters, {});
    });
  });

  describe('system-control-namespace', () => {
    const code = 'system-control-namespace';

    it('flags a sysctl that is not namespaced', () => {
      const d = only(ec2Task({}, { systemControls: [sysctl('vm.max_map_count', '262144')] }), code, 'warning', '"vm.max_map_count"');
      assert.match(d.message, /fails to start/);
    });

    it('accepts IPC and net.* sysctls, and leaves Windows to its own rule', () => {
      none(fargateTask({}, { systemControls: [sysctl('net.core.somaxconn', '1024'), sysctl('kernel.shmmax'), sysctl('fs.mqueue.msg_max')] }), code);
      none(windowsEc2Task({}, { systemControls: [sysctl('vm.swappiness')] }), code);
    });
  });

  describe('system-control-host-namespace', () => {
    const code = 'system-control-host-namespace';

    it('flags net.* in host network mode and IPC sysctls with ipcMode host', () => {
      assert.match(only(ec2Task({ networkMode: 'host' }, { systemControls: [sysctl('net.core.somaxconn')] }), code, 'warning', '"net.core.somaxconn"').message, /change the instance itself/);
      only(ec2Task({ ipcMode: 'host' }, { systemControls: [sysctl('kernel.shmmax'), sysctl('net.core.somaxconn')] }), code, 'warning', '"kernel.shmmax"');
    });

    it('accepts them in the other modes', () => {
      none(ec2Task({ networkMode: 'host', ipcMode: 'task' }, { systemControls: [sysctl('kernel.shmmax')] }), code);
      none(ec2Task({}, { systemControls: [sysctl('net.core.somaxconn')] }), code);
    });

    it('fix: offers to remove the system control', () => {
      assert.deepEqual(container0(fixed(ec2Task({ networkMode: 'host' }, { systemControls: [sysctl('net.core.somaxconn')] }), code)).systemControls, []);
    });
  });

  describe('system-control-conflict', () => {
    const code = 'system-control-conflict';

    it('flags two containers setting a shared sysctl to different values', () => {
      const td = fargateTask({ containerDefinitions: [container0(fargateTask({}, { systemControls: [sysctl('net.core.somaxconn', '1024')] })), named('sidecar', { systemControls: [sysctl('net.core.somaxconn', '4096')] })] });
      const d = only(td, code, 'warning', '"4096"');
      assert.match(d.message, /last container to start wins/);
      const ipc = ec2Task({ ipcMode: 'task', containerDefinitions: [container0(ec2Task({}, { systemControls: [sysctl('kernel.shmmax', '1')] })), named('b', { systemControls: [sysctl('kernel.shmmax', '2')] })] });
      assert.equal(all(ipc, code).length, 1);
    });

    it('accepts equal values, and different values where each container has its own namespace', () => {
      const same = fargateTask({ containerDefinitions: [container0(fargateTask({}, { systemControls: [sysctl('net.core.somaxconn', '1024')] })), named('sidecar', { systemControls: [sysctl('net.core.somaxconn', '1024')] })] });
      none(same, code);
      const bridge = ec2Task({ containerDefinitions: [container0(ec2Task({}, { systemControls: [sysctl('net.core.somaxconn', '1024')] })), named('b', { systemControls: [sysctl('net.core.somaxconn', '4096')] })] });
      none(bridge, code);
    });

    it('fix: offers the other container\'s value', () => {
      const td = fargateTask({ containerDefinitions: [container0(fargateTask({}, { systemControls: [sysctl('net.core.somaxconn', '1024')] })), named('sidecar', { systemControls: [sysctl('net.core.somaxconn', '4096')] })] });
      const after = fixed(td, code);
      assert.deepEqual((after.containerDefinitions as Obj[])[1].systemControls, [sysctl('net.core.somaxconn', '1024')]);
    });
  });
});
