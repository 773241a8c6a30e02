import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, fixesFor, none, only } from './task-helpers';

type Obj = Record<string, unknown>;
const awslogs = (options: Obj): Obj => ({ logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web', ...options } } });
const optionsOf = (td: Obj): Obj => (container0(td).logConfiguration as Obj).options as Obj;

/** A task with a FireLens router (first container) and an application that logs through it. */
function firelens(options: Obj | undefined, patch: Obj = {}, base = fargateTask): Obj {
  const router = { name: 'log_router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', essential: true, memory: 128, firelensConfiguration: { type: 'fluentbit', ...(options ? { options } : {}) } };
  const app = { ...container0(base()), logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch_logs', region: 'us-east-1', log_group_name: '/ecs/web', log_stream_prefix: 'web' } } };
  return base({ containerDefinitions: [router, app], ...patch });
}
const routerOptions = (td: Obj): Obj => (container0(td).firelensConfiguration as Obj).options as Obj;

describe('task rules: log options', () => {
  describe('awslogs-option-name', () => {
    const code = 'awslogs-option-name';

    it('flags an option the awslogs driver does not know, on the key, with a suggestion', () => {
      const d = only(fargateTask({}, awslogs({ 'awslogs-stream-prefx': 'web2' })), code, 'warning', '"awslogs-stream-prefx"');
      assert.match(d.message, /did you mean "awslogs-stream-prefix"/);
      assert.match(d.message, /unknown log opt/);
      only(fargateTask({}, awslogs({ 'awslogs-retention-days': '7' })), code, 'warning', '"awslogs-retention-days"');
    });

    it('accepts every documented option, other drivers and placeholders', () => {
      none(fargateTask({}, awslogs({ 'awslogs-create-group': 'true', mode: 'non-blocking', 'max-buffer-size': '25m', 'awslogs-datetime-format': '%Y', 'awslogs-endpoint': 'https://logs.us-east-1.amazonaws.com' })), code);
      none(fargateTask({}, { logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk:8088', 'splunk-token': 't', 'splunk-format': 'json' } } }), code);
      none(fargateTask({}, awslogs({ '${EXTRA}': 'x' })), code);
    });

    it('fix: renames to the option meant (certain only when the case differs)', () => {
      assert.deepEqual(fixesFor(fargateTask({}, awslogs({ 'Awslogs-Create-Group': 'true' })), code), [{ title: 'Rename "Awslogs-Create-Group" to "awslogs-create-group"', certain: true }]);
      assert.equal(optionsOf(fixed(fargateTask({}, awslogs({ 'awslogs-create-grup': 'true' })), code))['awslogs-create-group'], 'true');
      assert.deepEqual(fixesFor(fargateTask({}, awslogs({ 'awslogs-regoin': 'us-east-1' })), code), [{ title: 'Remove "awslogs-regoin" ("awslogs-region" is already set)', certain: false }]);
    });
  });

  describe('firelens-config-file-type', () => {
    const code = 'firelens-config-file-type';

    it('flags config-file-type s3 on Fargate', () => {
      const d = only(firelens({ 'config-file-type': 's3', 'config-file-value': 'arn:aws:s3:::my-bucket/fluent-bit.conf' }), code, 'error', '"s3"');
      assert.match(d.message, /only "file"/);
    });

    it('accepts s3 on EC2 and file on Fargate', () => {
      none(firelens({ 'config-file-type': 's3', 'config-file-value': 'arn:aws:s3:::my-bucket/fluent-bit.conf' }, {}, ec2Task), code);
      none(firelens({ 'config-file-type': 'file', 'config-file-value': '/fluent-bit/etc/extra.conf' }), code);
    });
  });

  describe('firelens-options', () => {
    const code = 'firelens-options';

    it('flags unknown options, wrong values, a type without a value and values of the wrong kind', () => {
      assert.match(only(firelens({ 'enable-ecs-log-metadta': 'true' }), code, 'warning', '"enable-ecs-log-metadta"').message, /did you mean "enable-ecs-log-metadata"/);
      only(firelens({ 'enable-ecs-log-metadata': 'yes' }), code, 'warning', '"yes"');
      assert.match(only(firelens({ 'config-file-type': 'file' }), code, 'warning', '"config-file-type"').message, /needs both/);
      assert.match(only(firelens({ 'config-file-type': 's3', 'config-file-value': '/etc/fluent.conf' }, {}, ec2Task), code, 'warning', '"/etc/fluent.conf"').message, /not an S3 object ARN/);
      assert.match(only(firelens({ 'config-file-type': 'file', 'config-file-value': 'arn:aws:s3:::b/f.conf' }), code, 'warning', '"arn:aws:s3:::b/f.conf"').message, /is an ARN/);
    });

    it('accepts the documented options and routers without options', () => {
      none(firelens({ 'enable-ecs-log-metadata': 'false', 'config-file-type': 'file', 'config-file-value': '/fluent-bit/etc/extra.conf' }), code);
      none(firelens(undefined), code);
    });

    it('fix: corrects the case of a value (certain) and renames a mistyped key', () => {
      assert.equal(routerOptions(fixed(firelens({ 'enable-ecs-log-metadata': 'TRUE' }), code))['enable-ecs-log-metadata'], 'true');
      assert.deepEqual(Object.keys(routerOptions(fixed(firelens({ 'config-file-typ': 'file', 'config-file-value': '/x.conf' }), code))), ['config-file-type', 'config-file-value']);
    });
  });

  describe('log-driver-platform', () => {
    const code = 'log-driver-platform';
    const managed = (driver: string): Obj => ec2Task({ requiresCompatibilities: ['MANAGED_INSTANCES'], networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }], logConfiguration: { logDriver: driver } });

    it('flags a driver Managed Instances do not offer', () => {
      const d = only(managed('syslog'), code, 'error', '"syslog"');
      assert.match(d.message, /awslogs, splunk, awsfirelens and json-file/);
    });

    it('accepts json-file there, and syslog on EC2', () => {
      none(managed('json-file'), code);
      none(ec2Task({}, { logConfiguration: { logDriver: 'syslog' } }), code);
    });
  });
});
