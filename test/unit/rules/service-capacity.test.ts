import assert from 'node:assert/strict';
import { getCodeActions } from '../../../src/core/fixes';
import { lint } from '../../../src/core/lint';
import { applyFix, json, withCode } from '../helpers';
import { fargateService, none, only } from './service-helpers';

const spot = { capacityProvider: 'FARGATE_SPOT', weight: 1 };

describe('service rules: capacity', () => {
  describe('service-launch-type-capacity-provider', () => {
    const both = fargateService({ capacityProviderStrategy: [spot] });

    it('flags launchType together with a capacity provider strategy', () => {
      const d = only(both, 'service-launch-type-capacity-provider', 'error', '"launchType"');
      assert.match(d.message, /Specifying both a launch type and capacity provider strategy is not supported/);
    });

    it('accepts either one alone, and an empty strategy list', () => {
      none(fargateService({ launchType: undefined, capacityProviderStrategy: [spot] }), 'service-launch-type-capacity-provider');
      none(fargateService({ capacityProviderStrategy: [] }), 'service-launch-type-capacity-provider');
    });

    it('offers two proposals, neither applied by fix-all', () => {
      const text = json(both);
      const actions = getCodeActions(text, withCode(lint(text), 'service-launch-type-capacity-provider'));
      assert.deepEqual(actions.map((a) => a.isPreferred), [false, false]);
    });

    it('fix: removes launchType, or the strategy', () => {
      const a = JSON.parse(applyFix(json(both), 'service-launch-type-capacity-provider', {}, /Remove "launchType"/));
      assert.equal(a.launchType, undefined);
      assert.deepEqual(a.capacityProviderStrategy, [spot]);
      const b = JSON.parse(applyFix(json(both), 'service-launch-type-capacity-provider', {}, /Remove "capacityProviderStrategy"/));
      assert.deepEqual(b, fargateService());
    });
  });

  describe('service-capacity-provider-base', () => {
    const strategy = [
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 2, weight: 3 },
    ];
    const doc = fargateService({ launchType: undefined, capacityProviderStrategy: strategy });

    it('flags a second provider with a base', () => {
      const d = only(doc, 'service-capacity-provider-base', 'error', '2');
      assert.match(d.message, /item 0 \("FARGATE"\) already sets base 1/);
    });

    it('accepts base 0 on several providers (as Terraform writes it)', () => {
      none(fargateService({ launchType: undefined, capacityProviderStrategy: [{ ...strategy[0], base: 0 }, { ...strategy[1], base: 0 }] }), 'service-capacity-provider-base');
      none(fargateService({ launchType: undefined, capacityProviderStrategy: [strategy[0], { capacityProvider: 'FARGATE_SPOT', weight: 3 }] }), 'service-capacity-provider-base');
    });

    it('fix (a proposal): removes the second base', () => {
      const after = JSON.parse(applyFix(json(doc), 'service-capacity-provider-base'));
      assert.deepEqual(after.capacityProviderStrategy[1], { capacityProvider: 'FARGATE_SPOT', weight: 3 });
    });
  });

  describe('service-capacity-provider-weight', () => {
    const doc = fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 0 }] });

    it('flags several providers that all have weight 0', () => {
      const d = only(doc, 'service-capacity-provider-weight', 'error', '"capacityProviderStrategy"');
      assert.match(d.message, /None of the 2 capacity providers has a weight above 0/);
    });

    it('accepts one provider without a weight, and a mix with a positive weight', () => {
      none(fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] }), 'service-capacity-provider-weight');
      none(fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 0 }, spot] }), 'service-capacity-provider-weight');
    });

    it('fix (a proposal): gives the first provider weight 1', () => {
      const after = JSON.parse(applyFix(json(doc), 'service-capacity-provider-weight'));
      assert.deepEqual(after.capacityProviderStrategy[0], { capacityProvider: 'FARGATE', base: 1, weight: 1 });
    });
  });

  describe('service-capacity-provider-duplicate', () => {
    const doc = fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE', weight: 2 }] });

    it('flags the second mention of a provider', () => {
      const d = only(doc, 'service-capacity-provider-duplicate', 'error', '"FARGATE"');
      assert.deepEqual(d.data?.path, ['capacityProviderStrategy', 1, 'capacityProvider']);
    });

    it('accepts distinct providers and placeholders', () => {
      none(fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }, spot] }), 'service-capacity-provider-duplicate');
      none(fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: '${CP}', weight: 1 }, { capacityProvider: '${CP}', weight: 1 }] }), 'service-capacity-provider-duplicate');
    });

    it('fix (a proposal): removes the repeated item', () => {
      const after = JSON.parse(applyFix(json(doc), 'service-capacity-provider-duplicate'));
      assert.deepEqual(after.capacityProviderStrategy, [{ capacityProvider: 'FARGATE', weight: 1 }]);
    });
  });
});
