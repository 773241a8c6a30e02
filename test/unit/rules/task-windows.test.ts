import assert from 'node:assert/strict';
import { all, container0, ec2Task, fixed, none, only, windowsEc2Task, windowsFargateTask } from './task-helpers';

describe('task rules: Windows restrictions', () => {
  describe('windows-unsupported-container-parameter', () => {
    const code = 'windows-unsupported-container-parameter';

    it('warns about Linux-only container members on Windows, naming them', () => {
      const d = only(windowsEc2Task({}, { ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }] }), code, 'warning', '"ulimits"');
      assert.match(d.message, /"ulimits" in container "app" is not supported for Windows containers/);
      const td = windowsEc2Task({}, { privileged: true, readonlyRootFilesystem: true, linuxParameters: { initProcessEnabled: true }, systemControls: [{ namespace: 'net.core.somaxconn', value: '1024' }] });
      assert.deepEqual(all(td, code).map((x) => x.covers).sort(), ['"linuxParameters"', '"privileged"', '"readonlyRootFilesystem"', '"systemControls"']);
    });

    it('leaves members Fargate already rejects to the Fargate rule', () => {
      const td = windowsFargateTask({}, { privileged: true, ulimits: [{ name: 'nofile', softLimit: 1, hardLimit: 1 }] });
      assert.deepEqual(all(td, code).map((x) => x.covers), ['"ulimits"']);
      only(td, 'fargate-unsupported-container-parameter', 'error', '"privileged"');
    });

    it('accepts unset values, the user member, and Linux tasks', () => {
      none(windowsEc2Task({}, { privileged: false, readonlyRootFilesystem: false, user: 'ContainerUser' }), code);
      none(ec2Task({}, { ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }] }), code);
    });

    it('fix: removes the member', () => {
      assert.equal('ulimits' in container0(fixed(windowsEc2Task({}, { ulimits: [{ name: 'nofile', softLimit: 1, hardLimit: 1 }] }), code)), false);
    });
  });

  describe('windows-unsupported-task-parameter', () => {
    const code = 'windows-unsupported-task-parameter';

    it('warns about pidMode and ipcMode on Windows', () => {
      only(windowsEc2Task({ pidMode: 'task' }), code, 'warning', '"pidMode"');
      only(windowsEc2Task({ ipcMode: 'none' }), code, 'warning', '"ipcMode"');
    });

    it('leaves Fargate ipcMode to the Fargate rule, and Linux tasks alone', () => {
      none(windowsFargateTask({ ipcMode: 'host' }), code);
      none(ec2Task({ pidMode: 'host' }), code);
    });

    it('fix: removes the member', () => {
      assert.equal('pidMode' in fixed(windowsEc2Task({ pidMode: 'task' }), code), false);
    });
  });
});
