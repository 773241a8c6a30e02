import assert from 'node:assert/strict';
import { applyFix, json } from '../helpers';
import { ec2Service, fargateService, none, only } from './service-helpers';

const strategy = (...items: Array<Record<string, unknown>>): Record<string, unknown> => ec2Service({ placementStrategy: items });
const constraints = (...items: Array<Record<string, unknown>>): Record<string, unknown> => ec2Service({ placementConstraints: items });

describe('service rules: placement', () => {
  describe('service-placement-strategy-field', () => {
    it('flags a binpack field that is not cpu or memory', () => {
      const d = only(strategy({ type: 'binpack', field: 'instanceId' }), 'service-placement-strategy-field', 'error', '"instanceId"');
      assert.match(d.message, /must be "cpu" or "memory"/);
    });

    it('flags binpack and spread without a field, on the type', () => {
      only(strategy({ type: 'binpack' }), 'service-placement-strategy-field', 'error', '"binpack"');
      only(strategy({ type: 'spread' }), 'service-placement-strategy-field', 'error', '"spread"');
    });

    it('flags a spread field that is no instance id, host or attribute', () => {
      only(strategy({ type: 'spread', field: 'memory' }), 'service-placement-strategy-field', 'error', '"memory"');
      only(strategy({ type: 'spread', field: 'attribute:' }), 'service-placement-strategy-field', 'error', '"attribute:"');
    });

    it('accepts the documented fields in any case, and placeholders', () => {
      none(
        strategy(
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'spread', field: 'instanceId' },
          { type: 'spread', field: 'host' },
          { type: 'binpack', field: 'MEMORY' },
          { type: 'binpack', field: '${BINPACK_FIELD}' },
        ),
        'service-placement-strategy-field',
      );
    });
  });

  describe('service-placement-random-field', () => {
    it('warns about a field on a random strategy', () => {
      only(strategy({ type: 'random', field: 'cpu' }), 'service-placement-random-field', 'warning', '"field"');
    });

    it('accepts random without a field', () => {
      none(strategy({ type: 'random' }), 'service-placement-random-field');
    });

    it('fix: removes the field', () => {
      const after = JSON.parse(applyFix(json(strategy({ type: 'random', field: 'cpu' })), 'service-placement-random-field'));
      assert.deepEqual(after.placementStrategy, [{ type: 'random' }]);
    });
  });

  describe('service-placement-distinct-instance-expression', () => {
    it('flags an expression on distinctInstance, even an empty one', () => {
      const d = only(constraints({ type: 'distinctInstance', expression: '' }), 'service-placement-distinct-instance-expression', 'error', '"expression"');
      assert.match(d.message, /distinctInstance expression should not be specified/);
    });

    it('accepts distinctInstance alone', () => {
      none(constraints({ type: 'distinctInstance' }), 'service-placement-distinct-instance-expression');
    });

    it('fix: removes the expression', () => {
      const after = JSON.parse(applyFix(json(constraints({ type: 'distinctInstance', expression: 'attribute:x == y' })), 'service-placement-distinct-instance-expression'));
      assert.deepEqual(after.placementConstraints, [{ type: 'distinctInstance' }]);
    });
  });

  describe('service-placement-member-of-expression', () => {
    it('flags memberOf without an expression, or with a blank one', () => {
      only(constraints({ type: 'memberOf' }), 'service-placement-member-of-expression', 'error', '"memberOf"');
      only(constraints({ type: 'memberOf', expression: ' ' }), 'service-placement-member-of-expression', 'error', '" "');
    });

    it('accepts memberOf with an expression (placeholders included)', () => {
      none(constraints({ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }, { type: 'memberOf', expression: '{{ must_env `EXPR` }}' }), 'service-placement-member-of-expression');
    });
  });

  describe('service-placement-fargate', () => {
    const memberOf = [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone in [us-east-1a]' }];

    it('flags placement constraints and strategies on Fargate', () => {
      const d = only(fargateService({ placementConstraints: memberOf }), 'service-placement-fargate', 'error', '"placementConstraints"');
      assert.match(d.message, /Placement constraints are not supported with FARGATE launch type/);
      const s = only(
        fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], placementStrategy: [{ type: 'random' }] }),
        'service-placement-fargate',
        'error',
        '"placementStrategy"',
      );
      assert.match(s.message, /Placement strategies are not supported/);
    });

    it('accepts the empty lists ecspresso writes, and placement on EC2', () => {
      none(fargateService({ placementConstraints: [], placementStrategy: [] }), 'service-placement-fargate');
      none(ec2Service({ placementConstraints: memberOf }), 'service-placement-fargate');
    });

    it('fix: removes the list', () => {
      const after = JSON.parse(applyFix(json(fargateService({ placementConstraints: memberOf })), 'service-placement-fargate'));
      assert.deepEqual(after, fargateService());
    });
  });
});
