import assert from 'node:assert/strict';
import { fargateService, fixedService, none, only, serviceFixes } from './service-helpers';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef';
const advanced = {
  alternateTargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210',
  productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee',
  roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
};
const lb = (extra: Record<string, unknown> = { advancedConfiguration: advanced }): Array<Record<string, unknown>> => [{ targetGroupArn: TG, containerName: 'app', containerPort: 80, ...extra }];
const withDc = (dc: Record<string, unknown>, patch: Record<string, unknown> = {}): Record<string, unknown> => fargateService({ loadBalancers: lb(), deploymentConfiguration: dc, ...patch });
const dcOf = (svc: Record<string, unknown>): Record<string, unknown> => svc.deploymentConfiguration as Record<string, unknown>;

describe('service rules: blue/green, linear and canary deployments', () => {
  describe('deployment-strategy-controller', () => {
    it('flags an ECS-native strategy with the CODE_DEPLOY or EXTERNAL controller', () => {
      const svc = withDc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 }, { deploymentController: { type: 'CODE_DEPLOY' } });
      const d = only(svc, 'deployment-strategy-controller', 'error', '"BLUE_GREEN"');
      assert.match(d.message, /CodeDeploy runs its own blue\/green deployments/);
      only(withDc({ strategy: 'CANARY' }, { deploymentController: { type: 'EXTERNAL' } }), 'deployment-strategy-controller', 'error', '"CANARY"');
    });

    it('accepts them with the ECS controller (given or default) and ROLLING with any controller', () => {
      none(withDc({ strategy: 'LINEAR' }), 'deployment-strategy-controller');
      none(withDc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 }, { deploymentController: { type: 'ECS' } }), 'deployment-strategy-controller');
      none(withDc({ strategy: 'ROLLING' }, { deploymentController: { type: 'CODE_DEPLOY' } }), 'deployment-strategy-controller');
    });

    it('fix (proposals): the ECS controller, or no strategy', () => {
      const svc = withDc({ strategy: 'LINEAR' }, { deploymentController: { type: 'EXTERNAL' } });
      assert.deepEqual(serviceFixes(svc, 'deployment-strategy-controller').map((f) => f.certain), [false, false]);
      assert.deepEqual(fixedService(svc, 'deployment-strategy-controller').deploymentController, { type: 'ECS' });
    });
  });

  describe('deployment-strategy-configuration', () => {
    it('flags settings of another strategy', () => {
      const d = only(withDc({ strategy: 'CANARY', linearConfiguration: { stepPercent: 10 } }), 'deployment-strategy-configuration', 'error', '"linearConfiguration"');
      assert.match(d.message, /configures LINEAR deployments only/);
      const rolling = only(withDc({ canaryConfiguration: { canaryPercent: 5 } }), 'deployment-strategy-configuration', 'error', '"canaryConfiguration"');
      assert.match(rolling.message, /no strategy \(so ROLLING\)/);
    });

    it('accepts each with its strategy', () => {
      none(withDc({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 5 } }), 'deployment-strategy-configuration');
      none(withDc({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 } }), 'deployment-strategy-configuration');
      none(withDc({ strategy: '${STRATEGY}', canaryConfiguration: { canaryPercent: 5 } }), 'deployment-strategy-configuration');
    });

    it('fix (a proposal): sets the strategy the settings belong to', () => {
      assert.equal(dcOf(fixedService(withDc({ canaryConfiguration: { canaryPercent: 5 } }), 'deployment-strategy-configuration')).strategy, 'CANARY');
    });
  });

  describe('deployment-percent-step', () => {
    it('flags percentages finer than a tenth', () => {
      const d = only(withDc({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5.25 } }), 'deployment-percent-step', 'error', '5.25');
      assert.match(d.message, /must be a multiple of 0\.1/);
      only(withDc({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 12.345 } }), 'deployment-percent-step', 'error', '12.345');
    });

    it('accepts whole numbers and tenths (despite binary floating point)', () => {
      for (const canaryPercent of [5, 0.1, 0.3, 2.7, 33.3, 100]) none(withDc({ strategy: 'CANARY', canaryConfiguration: { canaryPercent } }), 'deployment-percent-step');
    });

    it('fix (a proposal): rounds to a tenth, never below the minimum', () => {
      const after = fixedService(withDc({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5.25 } }), 'deployment-percent-step');
      assert.equal((dcOf(after).canaryConfiguration as Record<string, unknown>).canaryPercent, 5.3);
    });
  });

  describe('deployment-blue-green-bake-time', () => {
    it('warns about BLUE_GREEN without bakeTimeInMinutes', () => {
      const d = only(withDc({ strategy: 'BLUE_GREEN' }), 'deployment-blue-green-bake-time', 'warning', '"BLUE_GREEN"');
      assert.match(d.message, /bakeTimeInMinutes must be given/);
      assert.equal(dcOf(fixedService(withDc({ strategy: 'BLUE_GREEN' }), 'deployment-blue-green-bake-time')).bakeTimeInMinutes, 10);
    });

    it('accepts a bake time (even 0) and other strategies', () => {
      none(withDc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 }), 'deployment-blue-green-bake-time');
      none(withDc({ strategy: 'ROLLING' }), 'deployment-blue-green-bake-time');
      none(withDc({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 10 } }), 'deployment-blue-green-bake-time');
    });
  });

  describe('deployment-traffic-shifting-target', () => {
    it('warns about LINEAR or CANARY with nothing to shift traffic through', () => {
      const d = only(fargateService({ deploymentConfiguration: { strategy: 'LINEAR' } }), 'deployment-traffic-shifting-target', 'warning', '"LINEAR"');
      assert.match(d.message, /no traffic to shift/);
    });

    it('accepts a load balancer, Service Connect, BLUE_GREEN without either, and update-service input', () => {
      none(withDc({ strategy: 'CANARY' }), 'deployment-traffic-shifting-target');
      const sc = { enabled: true, namespace: 'internal', services: [{ portName: 'http', clientAliases: [{ port: 80 }] }] };
      none(fargateService({ deploymentConfiguration: { strategy: 'CANARY' }, serviceConnectConfiguration: sc }), 'deployment-traffic-shifting-target');
      none(fargateService({ deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 } }), 'deployment-traffic-shifting-target');
      none({ service: 'web', deploymentConfiguration: { strategy: 'LINEAR' } }, 'deployment-traffic-shifting-target');
    });
  });

  describe('service-blue-green-traffic', () => {
    it('flags a load balancer without advancedConfiguration under BLUE_GREEN, LINEAR or CANARY', () => {
      const d = only(fargateService({ loadBalancers: lb({}), deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 } }), 'service-blue-green-traffic', 'error', '"targetGroupArn"');
      assert.match(d.message, /needs "advancedConfiguration"/);
      only(fargateService({ loadBalancers: lb({}), deploymentConfiguration: { strategy: 'LINEAR' } }), 'service-blue-green-traffic', 'error', '"targetGroupArn"');
    });

    it('flags a VPC Lattice configuration without advancedConfiguration', () => {
      const lattice = [{ roleArn: advanced.roleArn, targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef0', portName: 'http' }];
      const d = only(fargateService({ vpcLatticeConfigurations: lattice, deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 } }), 'service-blue-green-traffic', 'error', '"targetGroupArn"');
      assert.match(d.message, /VPC Lattice/);
    });

    it('accepts advancedConfiguration, and rolling deployments without it', () => {
      none(withDc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 }), 'service-blue-green-traffic');
      none(fargateService({ loadBalancers: lb({}) }), 'service-blue-green-traffic');
      none(fargateService({ loadBalancers: lb({}), deploymentConfiguration: { strategy: 'ROLLING' } }), 'service-blue-green-traffic');
    });
  });

  describe('deployment-early-success-criteria', () => {
    it('flags enabled criteria without healthyPercent or sourceServiceRevisionCleanup', () => {
      const d = only(withDc({ earlySuccessCriteria: { enable: true, healthyPercent: 100 } }), 'deployment-early-success-criteria', 'error', 'true');
      assert.match(d.message, /"sourceServiceRevisionCleanup" is missing/);
      assert.match(only(withDc({ earlySuccessCriteria: { enable: true } }), 'deployment-early-success-criteria', 'error', 'true').message, /are missing/);
    });

    it('flags healthyPercent below an explicit minimumHealthyPercent; the fix raises it', () => {
      const svc = withDc({ minimumHealthyPercent: 100, earlySuccessCriteria: { enable: true, healthyPercent: 80, sourceServiceRevisionCleanup: 'DEFERRED' } });
      assert.match(only(svc, 'deployment-early-success-criteria', 'error', '80').message, /healthyPercent 80 is below minimumHealthyPercent 100/);
      assert.equal((dcOf(fixedService(svc, 'deployment-early-success-criteria')).earlySuccessCriteria as Record<string, unknown>).healthyPercent, 100);
    });

    it('accepts complete criteria, disabled ones, and an unstated minimum', () => {
      none(withDc({ minimumHealthyPercent: 50, earlySuccessCriteria: { enable: true, healthyPercent: 80, sourceServiceRevisionCleanup: 'BLOCKING' } }), 'deployment-early-success-criteria');
      none(withDc({ earlySuccessCriteria: { enable: false } }), 'deployment-early-success-criteria');
      none(withDc({ earlySuccessCriteria: { enable: true, healthyPercent: 80, sourceServiceRevisionCleanup: 'BLOCKING' } }), 'deployment-early-success-criteria');
    });
  });
});
