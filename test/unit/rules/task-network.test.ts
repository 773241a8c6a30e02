import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, fixesFor, none, only, windowsEc2Task, without } from './task-helpers';

const db = { name: 'db', image: 'public.ecr.aws/docker/library/postgres:16', essential: true, memory: 512 };

describe('task rules: network mode', () => {
  describe('fargate-network-mode', () => {
    const code = 'fargate-network-mode';

    it('flags a Fargate task with another network mode, quoting ECS', () => {
      const d = only(fargateTask({ networkMode: 'bridge' }), code, 'error', '"bridge"');
      assert.match(d.message, /Fargate only supports network mode 'awsvpc'/);
    });

    it('flags an omitted or empty network mode (bridge by default)', () => {
      const d = only(without(fargateTask(), 'networkMode'), code, 'error', '"FARGATE"');
      assert.match(d.message, /not set, which means bridge/);
      only(fargateTask({ networkMode: '' }), code, 'error', '""');
    });

    it('leaves awsvpc, EC2 tasks, placeholders and misspelt values (schema) alone', () => {
      none(fargateTask(), code);
      none(ec2Task(), code);
      none(fargateTask({ networkMode: '{{networkmode}}' }), code);
      none(fargateTask({ networkMode: 'AWSVPC' }), code);
    });

    it('fix: sets awsvpc, also when the member is missing', () => {
      assert.equal(fixed(fargateTask({ networkMode: 'host' }), code).networkMode, 'awsvpc');
      assert.equal(fixed(without(fargateTask(), 'networkMode'), code).networkMode, 'awsvpc');
      assert.deepEqual(fixesFor(fargateTask({ networkMode: 'host' }), code), [{ title: 'Set "networkMode" to "awsvpc"', certain: true }]);
    });
  });

  describe('windows-network-mode', () => {
    const code = 'windows-network-mode';

    it('flags bridge, host or none for a Windows task on EC2', () => {
      const d = only(windowsEc2Task({ networkMode: 'bridge' }), code, 'error', '"bridge"');
      assert.match(d.message, /Windows/);
      only(windowsEc2Task({ networkMode: 'host' }, { portMappings: [] }), code, 'error', '"host"');
    });

    it('accepts the default (omitted) and awsvpc, and Linux bridge tasks', () => {
      none(windowsEc2Task(), code);
      none(windowsEc2Task({ networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }] }), code);
      none(ec2Task(), code);
    });

    it('fix: offers removing the mode or awsvpc, neither certain', () => {
      const td = windowsEc2Task({ networkMode: 'bridge' });
      assert.deepEqual(fixesFor(td, code).map((f) => f.certain), [false, false]);
      assert.equal('networkMode' in fixed(td, code), false);
      assert.equal(fixed(windowsEc2Task({ networkMode: 'none' }, { portMappings: [] }), code, /awsvpc/).networkMode, 'awsvpc');
    });
  });

  describe('network-mode-container-parameter', () => {
    const code = 'network-mode-container-parameter';

    it('flags links outside bridge mode', () => {
      const td = ec2Task({ networkMode: 'awsvpc', containerDefinitions: [{ ...db }, { ...container0(ec2Task()), portMappings: [{ containerPort: 80 }], links: ['db'] }] });
      const d = only(td, code, 'error', '"links"');
      assert.match(d.message, /only work in bridge mode/);
      only(ec2Task({ networkMode: 'host', containerDefinitions: [{ ...db }, { ...container0(ec2Task()), portMappings: [], links: ['db'] }] }), code, 'error', '"links"');
    });

    it('flags hostname in awsvpc mode (Fargate included), quoting ECS', () => {
      const d = only(fargateTask({}, { hostname: 'web' }), code, 'error', '"hostname"');
      assert.match(d.message, /hostname is not supported on container when networkMode=awsvpc\./);
    });

    it('flags extraHosts in awsvpc mode on EC2 (Fargate has its own rule)', () => {
      const extraHosts = [{ hostname: 'db.local', ipAddress: '10.0.0.5' }];
      only(ec2Task({ networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }], extraHosts }), code, 'error', '"extraHosts"');
      none(fargateTask({}, { extraHosts }), code);
    });

    it('accepts these members in bridge mode, and empty values', () => {
      const td = ec2Task({ containerDefinitions: [{ ...db }, { ...container0(ec2Task()), links: ['db'], hostname: 'web', extraHosts: [{ hostname: 'a', ipAddress: '10.0.0.1' }] }] });
      none(td, code);
      none(without(ec2Task({}, { hostname: 'web' }), 'networkMode'), code);
      none(fargateTask({}, { links: [], hostname: '' }), code);
    });

    it('fix: removes the member', () => {
      const after = fixed(fargateTask({}, { hostname: 'web' }), code);
      assert.equal('hostname' in container0(after), false);
    });
  });

  describe('"networkMode": "default" (schema.enum)', () => {
    it('fix: removes the key with a certain fix, since "default" means leaving it out', () => {
      const td = windowsEc2Task({ networkMode: 'default' });
      assert.deepEqual(fixesFor(td, 'schema.enum'), [{ title: 'Remove "networkMode" ("default" means leaving it out)', certain: true }]);
      assert.equal('networkMode' in fixed(td, 'schema.enum'), false);
      assert.equal('networkMode' in fixed(ec2Task({ networkMode: 'default' }), 'schema.enum'), false);
    });

    it('keeps the suggestion fix for other enum mistakes', () => {
      assert.deepEqual(fixesFor(ec2Task({ networkMode: 'AWSVPC' }), 'schema.enum').map((f) => f.title), ['Change to "awsvpc"']);
    });
  });
});
