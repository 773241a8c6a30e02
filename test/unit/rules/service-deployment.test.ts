import assert from 'node:assert/strict';
import { applyFix, json } from '../helpers';
import { daemonService, fargateService, none, only } from './service-helpers';

const withDc = (dc: Record<string, unknown>, patch: Record<string, unknown> = {}): Record<string, unknown> => fargateService({ deploymentConfiguration: dc, ...patch });

describe('service rules: deployment configuration', () => {
  describe('service-deployment-percent-order', () => {
    it('flags maximumPercent below minimumHealthyPercent', () => {
      const d = only(withDc({ maximumPercent: 50, minimumHealthyPercent: 100 }), 'service-deployment-percent-order', 'error', '50');
      assert.match(d.message, /maximumPercent 50 is below minimumHealthyPercent 100/);
    });

    it('accepts the usual settings, and leaves defaults to the warning', () => {
      none(withDc({ maximumPercent: 200, minimumHealthyPercent: 100 }), 'service-deployment-percent-order');
      none(withDc({ maximumPercent: 100, minimumHealthyPercent: 0 }), 'service-deployment-percent-order');
      none(withDc({ maximumPercent: 50 }), 'service-deployment-percent-order');
    });

    it('fix (a proposal): sets maximumPercent to 200', () => {
      const after = JSON.parse(applyFix(json(withDc({ maximumPercent: 50, minimumHealthyPercent: 100 })), 'service-deployment-percent-order'));
      assert.deepEqual(after.deploymentConfiguration, { maximumPercent: 200, minimumHealthyPercent: 100 });
    });
  });

  describe('service-deployment-no-room', () => {
    it('warns when maximumPercent equals minimumHealthyPercent', () => {
      const d = only(withDc({ maximumPercent: 100, minimumHealthyPercent: 100 }), 'service-deployment-no-room', 'warning', '100');
      assert.deepEqual(d.data?.path, ['deploymentConfiguration', 'maximumPercent']);
    });

    it('counts the REPLICA default minimumHealthyPercent of 100', () => {
      const d = only(withDc({ maximumPercent: 100 }), 'service-deployment-no-room', 'warning', '100');
      assert.match(d.message, /minimumHealthyPercent 100 \(default\)/);
      only(withDc({ minimumHealthyPercent: 100, maximumPercent: 80 }), 'service-deployment-percent-order', 'error', '80');
      none(withDc({ minimumHealthyPercent: 100, maximumPercent: 80 }), 'service-deployment-no-room');
    });

    it('accepts room to move, DAEMON services, other controllers and blue/green', () => {
      none(withDc({ maximumPercent: 100, minimumHealthyPercent: 0 }), 'service-deployment-no-room');
      none(withDc({ minimumHealthyPercent: 50 }), 'service-deployment-no-room');
      none(daemonService({ deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 100 } }), 'service-deployment-no-room');
      none(withDc({ maximumPercent: 100, minimumHealthyPercent: 100 }, { deploymentController: { type: 'CODE_DEPLOY' } }), 'service-deployment-no-room');
      none(withDc({ maximumPercent: 100, minimumHealthyPercent: 100, strategy: 'BLUE_GREEN' }), 'service-deployment-no-room');
    });

    it('fix (a proposal): raises maximumPercent to 200', () => {
      const after = JSON.parse(applyFix(json(withDc({ maximumPercent: 100, minimumHealthyPercent: 100 })), 'service-deployment-no-room'));
      assert.equal(after.deploymentConfiguration.maximumPercent, 200);
    });
  });

  describe('service-circuit-breaker-controller', () => {
    const breaker = { deploymentCircuitBreaker: { enable: true, rollback: true } };

    it('warns about an enabled circuit breaker with the CODE_DEPLOY controller', () => {
      const d = only(withDc(breaker, { deploymentController: { type: 'CODE_DEPLOY' } }), 'service-circuit-breaker-controller', 'warning', '"deploymentCircuitBreaker"');
      assert.match(d.message, /CodeDeploy's own automatic rollback/);
    });

    it('accepts it with the ECS controller (given or default), and a disabled one anywhere', () => {
      none(withDc(breaker), 'service-circuit-breaker-controller');
      none(withDc(breaker, { deploymentController: { type: 'ECS' } }), 'service-circuit-breaker-controller');
      none(withDc({ deploymentCircuitBreaker: { enable: false, rollback: false } }, { deploymentController: { type: 'EXTERNAL' } }), 'service-circuit-breaker-controller');
    });

    it('fix (a proposal): removes the circuit breaker', () => {
      const after = JSON.parse(applyFix(json(withDc({ ...breaker, maximumPercent: 200 }, { deploymentController: { type: 'CODE_DEPLOY' } })), 'service-circuit-breaker-controller'));
      assert.deepEqual(after.deploymentConfiguration, { maximumPercent: 200 });
    });
  });

  describe('service-deployment-alarms-empty', () => {
    it('warns about enabled alarms with no alarm names', () => {
      only(withDc({ alarms: { alarmNames: [], enable: true, rollback: true } }), 'service-deployment-alarms-empty', 'warning', '"alarmNames"');
    });

    it('accepts named alarms and disabled alarms', () => {
      none(withDc({ alarms: { alarmNames: ['HighLatency'], enable: true, rollback: true } }), 'service-deployment-alarms-empty');
      none(withDc({ alarms: { alarmNames: [], enable: false, rollback: false } }), 'service-deployment-alarms-empty');
    });
  });
});
