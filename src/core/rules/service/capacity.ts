/** Where tasks run: launchType versus a capacity provider strategy, and the strategy's own rules. */
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { baseOf, entries, known, nonEmptyArray, num, reportedPath } from '../helpers';

export const launchTypeAndCapacityProviders: Rule = {
  id: 'service-launch-type-capacity-provider',
  severity: 'error',
  appliesTo: 'service',
  title: 'launchType and capacityProviderStrategy exclude each other',
  docs: DOCS.capacityProvider,
  check(ctx) {
    const svc = ctx.target.value;
    if (svc.launchType === undefined || !nonEmptyArray(svc.capacityProviderStrategy)) return;
    ctx.report({
      path: ['launchType'],
      target: 'key',
      message:
        'A service picks its capacity either with launchType or with capacityProviderStrategy, never both. ECS rejects this combination: ' +
        '"Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again."',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    const base = baseOf(ctx);
    return [
      { title: 'Remove "launchType" (keep the capacity provider strategy)', changes: [{ path, remove: true }], certain: false },
      { title: 'Remove "capacityProviderStrategy" (keep the launch type)', changes: [{ path: [...base, 'capacityProviderStrategy'], remove: true }], certain: false },
    ];
  },
};

export const capacityProviderBase: Rule = {
  id: 'service-capacity-provider-base',
  severity: 'error',
  appliesTo: 'service',
  title: 'Only one capacity provider in a strategy may have a base',
  docs: DOCS.capacityProvider,
  check(ctx) {
    const withBase = entries(ctx.target.value, 'capacityProviderStrategy').filter(({ e }) => (num(e.base) ?? 0) > 0);
    const [first, ...rest] = withBase;
    for (const { e, i } of rest) {
      ctx.report({
        path: ['capacityProviderStrategy', i, 'base'],
        message:
          `Only one capacity provider in a strategy can have a base; item ${first.i} ("${String(first.e.capacityProvider)}") already sets base ${String(first.e.base)}, ` +
          `so base ${String(e.base)} here makes ECS reject the strategy. Keep the base on the provider that must always hold that minimum of tasks.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove this "base"', changes: [{ path, remove: true }], certain: false }];
  },
};

export const capacityProviderWeight: Rule = {
  id: 'service-capacity-provider-weight',
  severity: 'error',
  appliesTo: 'service',
  title: 'A strategy with several capacity providers needs a weight above 0',
  docs: DOCS.capacityProvider,
  check(ctx) {
    const items = entries(ctx.target.value, 'capacityProviderStrategy');
    if (items.length < 2) return;
    // A missing weight is 0; a weight that is not a number is the schema's business.
    if (items.some(({ e }) => e.weight !== undefined && num(e.weight) === undefined)) return;
    if (items.some(({ e }) => (num(e.weight) ?? 0) > 0)) return;
    ctx.report({
      path: ['capacityProviderStrategy'],
      target: 'key',
      message:
        `None of the ${items.length} capacity providers has a weight above 0 (a missing weight counts as 0). With several providers at weight 0, ` +
        'CreateService and RunTask fail, because no provider may receive the tasks beyond the base. Give at least one provider a weight, e.g. 1.',
    });
  },
  fix(ctx) {
    const base = baseOf(ctx);
    return [{ title: 'Set "weight": 1 on the first capacity provider', changes: [{ path: [...base, 'capacityProviderStrategy', 0, 'weight'], value: 1 }], certain: false }];
  },
};

export const capacityProviderDuplicate: Rule = {
  id: 'service-capacity-provider-duplicate',
  severity: 'error',
  appliesTo: 'service',
  title: 'Each capacity provider appears once in a strategy',
  docs: DOCS.capacityProvider,
  check(ctx) {
    const seen = new Map<string, number>();
    for (const { e, i } of entries(ctx.target.value, 'capacityProviderStrategy')) {
      const name = known(e.capacityProvider);
      if (name === undefined) continue;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, i);
        continue;
      }
      ctx.report({
        path: ['capacityProviderStrategy', i, 'capacityProvider'],
        message: `Capacity provider "${name}" is already item ${first} of this strategy. ECS rejects a strategy that names a provider twice; merge the two items into one base and weight.`,
        data: { index: i },
      });
    }
  },
  fix(ctx) {
    const index = ctx.diagnostic.data?.index;
    if (typeof index !== 'number') return undefined;
    const path = [...baseOf(ctx), 'capacityProviderStrategy', index];
    return [{ title: 'Remove the repeated capacity provider item', changes: [{ path, remove: true }], certain: false }];
  },
};

export const capacityRules: Rule[] = [launchTypeAndCapacityProviders, capacityProviderBase, capacityProviderWeight, capacityProviderDuplicate];
