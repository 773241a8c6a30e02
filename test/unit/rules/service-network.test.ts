import assert from 'node:assert/strict';
import { createWorkspaceIndex } from '../../../src/core/workspace';
import { applyFix, fargateTask, json } from '../helpers';
import { ec2Service, fargateService, none, only } from './service-helpers';

const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const lb = [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }];

function withPublicIp(launchType: string, assignPublicIp: string): Record<string, unknown> {
  return fargateService({ launchType, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'], assignPublicIp } } });
}

describe('service rules: network', () => {
  describe('service-assign-public-ip', () => {
    it('flags assignPublicIp ENABLED with launchType EC2 or EXTERNAL', () => {
      const d = only(withPublicIp('EC2', 'ENABLED'), 'service-assign-public-ip', 'error', '"ENABLED"');
      assert.match(d.message, /Assign public IP is not supported for this launch type/);
      only(withPublicIp('EXTERNAL', 'ENABLED'), 'service-assign-public-ip', 'error', '"ENABLED"');
    });

    it('accepts ENABLED on Fargate and DISABLED on EC2', () => {
      none(withPublicIp('FARGATE', 'ENABLED'), 'service-assign-public-ip');
      none(withPublicIp('EC2', 'DISABLED'), 'service-assign-public-ip');
    });

    it('fix: sets DISABLED', () => {
      const after = JSON.parse(applyFix(json(withPublicIp('EC2', 'ENABLED')), 'service-assign-public-ip'));
      assert.equal(after.networkConfiguration.awsvpcConfiguration.assignPublicIp, 'DISABLED');
    });
  });

  describe('service-role-without-load-balancer', () => {
    it('warns about a role on a service without load balancers', () => {
      only(ec2Service({ role: 'ecsServiceRole' }), 'service-role-without-load-balancer', 'warning', '"role"');
      only(ec2Service({ role: 'ecsServiceRole', loadBalancers: [] }), 'service-role-without-load-balancer', 'warning', '"role"');
    });

    it('accepts a role with a load balancer on a bridge-mode EC2 service', () => {
      none(ec2Service({ role: 'ecsServiceRole', loadBalancers: lb }), 'service-role-without-load-balancer');
    });

    it('fix: removes role', () => {
      const after = JSON.parse(applyFix(json(ec2Service({ role: 'ecsServiceRole' })), 'service-role-without-load-balancer'));
      assert.deepEqual(after, ec2Service());
    });
  });

  describe('service-role-awsvpc', () => {
    it('flags a role on a Fargate service with a load balancer', () => {
      const d = only(fargateService({ role: 'ecsServiceRole', loadBalancers: lb }), 'service-role-awsvpc', 'error', '"role"');
      assert.match(d.message, /You cannot specify an IAM role for services that require a service linked role/);
    });

    it('flags a role when the awsvpc configuration or the task definition shows awsvpc', () => {
      only(ec2Service({ role: 'r', loadBalancers: lb, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }), 'service-role-awsvpc', 'error', '"role"');
      const workspace = createWorkspaceIndex([{ uri: 'td.json', text: json(fargateTask({ requiresCompatibilities: ['EC2'] })) }]);
      const d = only(ec2Service({ role: 'r', loadBalancers: lb }), 'service-role-awsvpc', 'error', '"role"', { workspace });
      assert.match(d.message, /task definition "web:3" uses networkMode "awsvpc"/);
    });

    it('accepts a role on an EC2 service when nothing says awsvpc', () => {
      none(ec2Service({ role: 'ecsServiceRole', loadBalancers: lb }), 'service-role-awsvpc');
      const workspace = createWorkspaceIndex([{ text: json(fargateTask({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' })) }]);
      none(ec2Service({ role: 'ecsServiceRole', loadBalancers: lb }), 'service-role-awsvpc', { workspace });
      // The task definition decides over the service's own hints; the contradiction is service-td-network-configuration's.
      const withVpc = ec2Service({ role: 'r', loadBalancers: lb, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } });
      none(withVpc, 'service-role-awsvpc', { workspace });
      only(withVpc, 'service-td-network-configuration', 'error', '"networkConfiguration"', { workspace });
    });

    it('fix: removes role', () => {
      const after = JSON.parse(applyFix(json(fargateService({ role: 'ecsServiceRole', loadBalancers: lb })), 'service-role-awsvpc'));
      assert.deepEqual(after, fargateService({ loadBalancers: lb }));
    });
  });
});
