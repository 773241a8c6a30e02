import assert from 'node:assert/strict';
import { fargateService, fixedService, none, only, serviceFixes } from './service-helpers';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:validate';
const ROLE = 'arn:aws:iam::123456789012:role/ecsLambdaInvokeRole';
const withHooks = (...lifecycleHooks: Array<Record<string, unknown>>): Record<string, unknown> =>
  fargateService({ deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks } });
const hooksOf = (svc: Record<string, unknown>): Array<Record<string, unknown>> => (svc.deploymentConfiguration as Record<string, unknown>).lifecycleHooks as Array<Record<string, unknown>>;

describe('service rules: deployment lifecycle hooks', () => {
  describe('deployment-lifecycle-hook', () => {
    it('flags a hook without stages', () => {
      const d = only(withHooks({ hookTargetArn: FN, roleArn: ROLE }), 'deployment-lifecycle-hook', 'error', '"hookTargetArn"');
      assert.match(d.message, /names no lifecycleStages/);
      only(withHooks({ hookTargetArn: FN, roleArn: ROLE, lifecycleStages: [] }), 'deployment-lifecycle-hook', 'error', '"lifecycleStages"');
    });

    it('flags a Lambda hook (given or by default) without its function', () => {
      const d = only(withHooks({ roleArn: ROLE, lifecycleStages: ['POST_SCALE_UP'] }), 'deployment-lifecycle-hook', 'error', '"lifecycleStages"');
      assert.match(d.message, /AWS_LAMBDA is the default targetType/);
      only(withHooks({ targetType: 'AWS_LAMBDA', lifecycleStages: ['POST_SCALE_UP'] }), 'deployment-lifecycle-hook', 'error', '"AWS_LAMBDA"');
    });

    it('flags a PAUSE hook at a traffic-shift stage; the fix (a proposal) removes that stage', () => {
      const svc = withHooks({ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP', 'PRODUCTION_TRAFFIC_SHIFT'] });
      assert.match(only(svc, 'deployment-lifecycle-hook', 'error', '"PRODUCTION_TRAFFIC_SHIFT"').message, /A PAUSE hook cannot run at PRODUCTION_TRAFFIC_SHIFT/);
      assert.deepEqual(serviceFixes(svc, 'deployment-lifecycle-hook'), [{ title: 'Remove this stage', certain: false }]);
      assert.deepEqual(hooksOf(fixedService(svc, 'deployment-lifecycle-hook'))[0].lifecycleStages, ['POST_SCALE_UP']);
    });

    it('accepts complete Lambda and PAUSE hooks, and a placeholder target type', () => {
      none(withHooks({ hookTargetArn: FN, roleArn: ROLE, lifecycleStages: ['TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT'] }), 'deployment-lifecycle-hook');
      none(withHooks({ targetType: 'PAUSE', lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'] }), 'deployment-lifecycle-hook');
      none(withHooks({ targetType: '{{ .HookType }}', lifecycleStages: ['TEST_TRAFFIC_SHIFT'] }), 'deployment-lifecycle-hook');
    });
  });

  describe('deployment-lifecycle-hook-target', () => {
    it('warns about a Lambda hook without the role that invokes it', () => {
      const d = only(withHooks({ hookTargetArn: FN, lifecycleStages: ['POST_SCALE_UP'] }), 'deployment-lifecycle-hook-target', 'warning', '"hookTargetArn"');
      assert.match(d.message, /gives none/);
    });

    it('warns about a target on a PAUSE hook; the fix (a proposal) removes it', () => {
      const svc = withHooks({ targetType: 'PAUSE', hookTargetArn: FN, lifecycleStages: ['POST_SCALE_UP'] });
      assert.match(only(svc, 'deployment-lifecycle-hook-target', 'warning', '"hookTargetArn"').message, /does not apply/);
      assert.equal(hooksOf(fixedService(svc, 'deployment-lifecycle-hook-target'))[0].hookTargetArn, undefined);
    });

    it('accepts a Lambda hook with its role and a PAUSE hook without a target', () => {
      none(withHooks({ hookTargetArn: FN, roleArn: ROLE, lifecycleStages: ['POST_SCALE_UP'] }), 'deployment-lifecycle-hook-target');
      none(withHooks({ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }), 'deployment-lifecycle-hook-target');
    });
  });
});
