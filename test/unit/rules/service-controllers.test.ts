import assert from 'node:assert/strict';
import { ec2Service, fargateService, fixedService, none, only, serviceFixes } from './service-helpers';

const tg = (name: string): Record<string, unknown> => ({ targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/0123456789abcdef`, containerName: 'app', containerPort: 80 });
const codeDeploy = (patch: Record<string, unknown> = {}): Record<string, unknown> => fargateService({ deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers: [tg('blue')], ...patch });
const external = (patch: Record<string, unknown> = {}): Record<string, unknown> => fargateService({ deploymentController: { type: 'EXTERNAL' }, ...patch });
const alarms = { alarmNames: ['web-5xx'], enable: true, rollback: true };

describe('service rules: deployment controllers', () => {
  describe('service-deployment-alarms-controller', () => {
    it('flags enabled deployment alarms with CODE_DEPLOY or EXTERNAL', () => {
      const d = only(codeDeploy({ deploymentConfiguration: { alarms } }), 'service-deployment-alarms-controller', 'error', '"alarms"');
      assert.match(d.message, /Configure the alarms on the CodeDeploy deployment group/);
      only(external({ deploymentConfiguration: { alarms } }), 'service-deployment-alarms-controller', 'error', '"alarms"');
      assert.deepEqual(serviceFixes(external({ deploymentConfiguration: { alarms } }), 'service-deployment-alarms-controller'), [{ title: 'Remove "alarms"', certain: false }]);
      assert.deepEqual(fixedService(external({ deploymentConfiguration: { alarms } }), 'service-deployment-alarms-controller').deploymentConfiguration, {});
    });

    it('accepts alarms with the ECS controller and disabled alarms elsewhere', () => {
      none(fargateService({ deploymentConfiguration: { alarms } }), 'service-deployment-alarms-controller');
      none(codeDeploy({ deploymentConfiguration: { alarms: { ...alarms, enable: false } } }), 'service-deployment-alarms-controller');
    });
  });

  describe('service-code-deploy-load-balancer', () => {
    it('flags a CODE_DEPLOY service without a target group', () => {
      const d = only(codeDeploy({ loadBalancers: undefined }), 'service-code-deploy-load-balancer', 'error', '"CODE_DEPLOY"');
      assert.match(d.message, /CreateService rejects a CODE_DEPLOY service without one/);
      only(codeDeploy({ loadBalancers: [{ loadBalancerName: 'classic', containerName: 'app', containerPort: 80 }] }), 'service-code-deploy-load-balancer', 'error', '"CODE_DEPLOY"');
    });

    it('accepts a target group, other controllers and update-service input', () => {
      none(codeDeploy(), 'service-code-deploy-load-balancer');
      none(external(), 'service-code-deploy-load-balancer');
      none({ service: 'web', deploymentController: { type: 'CODE_DEPLOY' } }, 'service-code-deploy-load-balancer');
    });
  });

  describe('service-code-deploy-service-connect', () => {
    const sc = { enabled: true, namespace: 'internal' };

    it('flags Service Connect with CODE_DEPLOY', () => {
      assert.match(only(codeDeploy({ serviceConnectConfiguration: sc }), 'service-code-deploy-service-connect', 'error', '"serviceConnectConfiguration"').message, /not supported for services that CodeDeploy deploys/);
      assert.equal(fixedService(codeDeploy({ serviceConnectConfiguration: sc }), 'service-code-deploy-service-connect').serviceConnectConfiguration, undefined);
    });

    it('accepts it disabled, or with the ECS controller', () => {
      none(codeDeploy({ serviceConnectConfiguration: { enabled: false } }), 'service-code-deploy-service-connect');
      none(fargateService({ serviceConnectConfiguration: sc }), 'service-code-deploy-service-connect');
    });
  });

  describe('service-controller-multiple-target-groups', () => {
    it('flags a second target group with CODE_DEPLOY or EXTERNAL', () => {
      const d = only(codeDeploy({ loadBalancers: [tg('blue'), tg('admin')] }), 'service-controller-multiple-target-groups', 'error', '"targetGroupArn"');
      assert.match(d.message, /lists 2 load balancer target groups/);
      assert.deepEqual(d.data?.path, ['loadBalancers', 1, 'targetGroupArn']);
    });

    it('accepts several target groups with the ECS controller', () => {
      none(fargateService({ loadBalancers: [tg('blue'), tg('admin')] }), 'service-controller-multiple-target-groups');
      none(codeDeploy(), 'service-controller-multiple-target-groups');
    });
  });

  describe('service-deployment-percent-controller', () => {
    it('warns about custom percentages with CODE_DEPLOY or EXTERNAL; the fix removes them', () => {
      const svc = codeDeploy({ deploymentConfiguration: { maximumPercent: 150, minimumHealthyPercent: 50 } });
      const d = only({ ...svc, deploymentConfiguration: { maximumPercent: 150 } }, 'service-deployment-percent-controller', 'warning', '150');
      assert.match(d.message, /does nothing for a deployment/);
      assert.deepEqual(fixedService(external({ deploymentConfiguration: { minimumHealthyPercent: 50 } }), 'service-deployment-percent-controller').deploymentConfiguration, {});
    });

    it('accepts the defaults spelled out, and the ECS controller', () => {
      none(codeDeploy({ deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } }), 'service-deployment-percent-controller');
      none(ec2Service({ deploymentConfiguration: { maximumPercent: 150, minimumHealthyPercent: 50 } }), 'service-deployment-percent-controller');
    });
  });
});
