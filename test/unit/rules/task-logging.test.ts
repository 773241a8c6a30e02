import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, fixesFor, none, only } from './task-helpers';

const awslogs = (options?: Record<string, string>): Record<string, unknown> => ({ logDriver: 'awslogs', ...(options ? { options } : {}) });
const full = { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web' };
const options0 = (td: Record<string, unknown>): Record<string, unknown> => (container0(td).logConfiguration as { options: Record<string, unknown> }).options;
const sidecar = (logConfiguration: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'sidecar',
  image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
  essential: false,
  logConfiguration,
  ...extra,
});

describe('task rules: logging', () => {
  describe('awslogs-required-options', () => {
    const code = 'awslogs-required-options';

    it('flags a missing awslogs-group or awslogs-region on Fargate, on the options key', () => {
      const d = only(fargateTask({}, { logConfiguration: awslogs({ 'awslogs-stream-prefix': 'web' }) }), code, 'error', '"options"');
      assert.match(d.message, /without "awslogs-group" or "awslogs-region"/);
    });

    it('on EC2 needs only the group (Docker takes the region from the instance)', () => {
      none(ec2Task({}, { logConfiguration: awslogs({ 'awslogs-group': '/ecs/worker' }) }), code);
      only(ec2Task({}, { logConfiguration: awslogs() }), code, 'error', '"logConfiguration"');
      only(ec2Task({ requiresCompatibilities: ['EXTERNAL'] }, { logConfiguration: awslogs({ 'awslogs-group': '/ecs/worker' }) }), code, 'error', '"options"');
    });

    it('accepts complete options and template values', () => {
      none(fargateTask(), code);
      none(fargateTask({}, { logConfiguration: awslogs({ 'awslogs-group': '${LOG_GROUP}', 'awslogs-region': '${AWS_REGION}', 'awslogs-stream-prefix': 'x' }) }), code);
    });

    it('fix: copies group and region from another container (certain)', () => {
      const td = fargateTask({ containerDefinitions: [container0(fargateTask({}, { logConfiguration: awslogs(full) })), sidecar(awslogs({ 'awslogs-stream-prefix': 'sidecar' }))] });
      assert.deepEqual(fixesFor(td, code).map((f) => f.certain), [true]);
      const after = fixed(td, code);
      const sidecarOptions = ((after.containerDefinitions as Array<Record<string, unknown>>)[1].logConfiguration as { options: Record<string, string> }).options;
      assert.deepEqual(sidecarOptions, { 'awslogs-stream-prefix': 'sidecar', 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1' });
    });

    it('fix: otherwise inserts placeholders (not certain), which leave no error behind', () => {
      const td = fargateTask({}, { logConfiguration: awslogs({ 'awslogs-stream-prefix': 'web' }) });
      assert.deepEqual(fixesFor(td, code).map((f) => f.certain), [false]);
      assert.deepEqual(options0(fixed(td, code)), { 'awslogs-stream-prefix': 'web', 'awslogs-group': '/ecs/web', 'awslogs-region': '<REGION>' });
      const bare = fixed(ec2Task({}, { logConfiguration: awslogs() }), code);
      assert.deepEqual(options0(bare), { 'awslogs-group': '/ecs/worker' });
    });
  });

  describe('fargate-awslogs-stream-prefix', () => {
    const code = 'fargate-awslogs-stream-prefix';
    const noPrefix = { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' };

    it('warns about awslogs on Fargate without a stream prefix, quoting ECS', () => {
      const d = only(fargateTask({}, { logConfiguration: awslogs(noPrefix) }), code, 'warning', '"options"');
      assert.match(d.message, /Fargate requires log configuration options to include awslogs-stream-prefix/);
    });

    it('accepts a prefix, and EC2 tasks without one', () => {
      none(fargateTask(), code);
      none(ec2Task({}, { logConfiguration: awslogs({ 'awslogs-group': '/ecs/worker' }) }), code);
    });

    it('fix: adds the container name as prefix (certain)', () => {
      const td = fargateTask({}, { logConfiguration: awslogs(noPrefix) });
      assert.deepEqual(fixesFor(td, code), [{ title: 'Add "awslogs-stream-prefix": "app"', certain: true }]);
      assert.equal(options0(fixed(td, code))['awslogs-stream-prefix'], 'app');
    });

    it('fix: creates the options object when there is none', () => {
      const d = only(fargateTask({}, { logConfiguration: awslogs() }), code, 'warning', '"logConfiguration"');
      assert.match(d.message, /container "app"/);
      assert.deepEqual(options0(fixed(fargateTask({}, { logConfiguration: awslogs() }), code)), { 'awslogs-stream-prefix': 'app' });
    });
  });

  describe('awslogs-exclusive-options', () => {
    const code = 'awslogs-exclusive-options';
    const both = { ...full, 'awslogs-datetime-format': '%Y-%m-%d', 'awslogs-multiline-pattern': '^\\[' };

    it('flags awslogs-datetime-format together with awslogs-multiline-pattern', () => {
      only(fargateTask({}, { logConfiguration: awslogs(both) }), code, 'error', '"awslogs-multiline-pattern"');
    });

    it('accepts either one alone', () => {
      none(fargateTask({}, { logConfiguration: awslogs({ ...full, 'awslogs-datetime-format': '%Y-%m-%d' }) }), code);
      none(fargateTask({}, { logConfiguration: awslogs({ ...full, 'awslogs-multiline-pattern': '^\\[' }) }), code);
    });

    it('fix: offers removing either, neither certain', () => {
      const td = fargateTask({}, { logConfiguration: awslogs(both) });
      assert.deepEqual(fixesFor(td, code).map((f) => f.certain), [false, false]);
      assert.equal('awslogs-multiline-pattern' in options0(fixed(td, code)), false);
      assert.equal('awslogs-datetime-format' in options0(fixed(td, code, /datetime/)), false);
    });
  });

  describe('log-mode-value', () => {
    const code = 'log-mode-value';

    it('flags a mode other than blocking or non-blocking', () => {
      const d = only(fargateTask({}, { logConfiguration: awslogs({ ...full, mode: 'async' }) }), code, 'error', '"async"');
      assert.match(d.message, /"blocking".*"non-blocking"/);
      assert.deepEqual(fixesFor(fargateTask({}, { logConfiguration: awslogs({ ...full, mode: 'async' }) }), code), []);
    });

    it('accepts both modes and placeholders, with any driver', () => {
      none(fargateTask({}, { logConfiguration: awslogs({ ...full, mode: 'non-blocking', 'max-buffer-size': '25m' }) }), code);
      none(ec2Task({}, { logConfiguration: { logDriver: 'json-file', options: { mode: 'blocking' } } }), code);
      none(fargateTask({}, { logConfiguration: awslogs({ ...full, mode: '${LOG_MODE}' }) }), code);
    });

    it('fix: normalises spelling and case (certain)', () => {
      assert.equal(options0(fixed(fargateTask({}, { logConfiguration: awslogs({ ...full, mode: 'Non-Blocking' }) }), code)).mode, 'non-blocking');
      assert.equal(options0(fixed(fargateTask({}, { logConfiguration: awslogs({ ...full, mode: 'nonblocking' }) }), code)).mode, 'non-blocking');
    });
  });

  describe('splunk-required-options', () => {
    const code = 'splunk-required-options';

    it('flags splunk without url or token', () => {
      const d = only(fargateTask({}, { logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com:8088' } } }), code, 'error', '"options"');
      assert.match(d.message, /without "splunk-token"/);
      only(ec2Task({}, { logConfiguration: { logDriver: 'splunk' } }), code, 'error', '"logConfiguration"');
    });

    it('counts a token given through secretOptions', () => {
      const lc = { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com:8088' }, secretOptions: [{ name: 'splunk-token', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/splunk' }] };
      none(fargateTask({}, { logConfiguration: lc }), code);
    });
  });

  describe('FireLens pairing', () => {
    const router = sidecar(awslogs(full), { firelensConfiguration: { type: 'fluentbit' } });
    const app = (logDriver: string): Record<string, unknown> => container0(fargateTask({}, { logConfiguration: { logDriver, options: { Name: 'cloudwatch' } } }));

    it('firelens-without-awsfirelens-driver: flags a router nobody uses', () => {
      const d = only(fargateTask({ containerDefinitions: [container0(fargateTask()), router] }), 'firelens-without-awsfirelens-driver', 'error', '"firelensConfiguration"');
      assert.match(d.message, /container "sidecar" is a FireLens log router/);
    });

    it('awsfirelens-without-router: flags the awsfirelens driver without a router', () => {
      only(fargateTask({ containerDefinitions: [app('awsfirelens')] }), 'awsfirelens-without-router', 'error', '"awsfirelens"');
    });

    it('accepts a router with its users', () => {
      const td = fargateTask({ containerDefinitions: [app('awsfirelens'), router] });
      none(td, 'firelens-without-awsfirelens-driver');
      none(td, 'awsfirelens-without-router');
      none(fargateTask({ containerDefinitions: [app('{{ log_driver }}'), router] }), 'firelens-without-awsfirelens-driver');
    });
  });
});
