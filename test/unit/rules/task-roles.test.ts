import { fixAll } from '../../../src/core/fixes';
import assert from 'node:assert/strict';
import { EXECUTION_ROLE_PLACEHOLDER } from '../../../src/core/rules/task/roles';
import { ec2Task, fargateTask, fixed, fixesFor, none, only, without } from './task-helpers';

const code = 'execution-role-required';
const secrets = [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' }];
const privateImage = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2';

describe('task rules: execution role', () => {
  describe('execution-role-required', () => {
    it('flags secrets without an execution role, quoting ECS', () => {
      const d = only(ec2Task({}, { secrets }), code, 'error', '"secrets"');
      assert.match(d.message, /When you are specifying container secrets, you must also specify a value for 'executionRoleArn'\./);
      assert.match(d.message, /taskRoleArn does not help/);
    });

    it('flags awslogs on Fargate, on the driver, quoting ECS', () => {
      const d = only(without(fargateTask(), 'executionRoleArn'), code, 'error', '"awslogs"');
      assert.match(d.message, /Fargate requires task definition to have execution role ARN to support log driver awslogs\./);
    });

    it('flags private ECR images on Fargate, repository credentials and log secretOptions', () => {
      only(without(fargateTask({}, { image: privateImage, logConfiguration: undefined }), 'executionRoleArn'), code, 'error', `"${privateImage}"`);
      only(ec2Task({}, { repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hub-AbCdEf' } }), code, 'error', '"repositoryCredentials"');
      const splunk = { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com:8088' }, secretOptions: [{ name: 'splunk-token', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/splunk' }] };
      only(ec2Task({}, { logConfiguration: splunk }), code, 'error', '"secretOptions"');
    });

    it('treats an empty executionRoleArn as missing, and lists every reason', () => {
      const d = only(fargateTask({ executionRoleArn: '' }, { secrets }), code, 'error', '"secrets"');
      assert.match(d.message, /empty executionRoleArn/);
      assert.match(d.message, /reads secrets.*awslogs on Fargate/);
      only(fargateTask({ executionRoleArn: null }), code, 'error', '"awslogs"');
    });

    it('accepts a role (placeholders too), and EC2 tasks using awslogs or ECR', () => {
      none(fargateTask({}, { secrets }), code);
      none(fargateTask({ executionRoleArn: '{{ must_env `EXECUTION_ROLE` }}' }), code);
      none(ec2Task({}, { image: privateImage, logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/worker', 'awslogs-region': 'us-east-1' } } }), code);
      none(without(fargateTask({}, { logConfiguration: undefined }), 'executionRoleArn'), code);
    });

    it('fix: offers a placeholder role ARN, which fix-all does not apply', () => {
      assert.deepEqual(fixesFor(ec2Task({}, { secrets }), code).map((f) => f.certain), [false]);
      assert.ok(!fixAll(JSON.stringify(ec2Task({}, { secrets }))).text.includes('executionRoleArn'));
      assert.equal(fixed(ec2Task({}, { secrets }), code).executionRoleArn, EXECUTION_ROLE_PLACEHOLDER);
      assert.equal(fixed(fargateTask({ executionRoleArn: '' }), code).executionRoleArn, EXECUTION_ROLE_PLACEHOLDER);
    });
  });
});
