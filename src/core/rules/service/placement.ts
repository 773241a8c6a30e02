/** Task placement: strategy fields, constraint expressions, and none of it on Fargate. */
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { entries, fargateSource, known, nonEmptyArray, reportedPath } from '../helpers';

const BINPACK_FIELDS = new Set(['cpu', 'memory']);

/** Why a spread or binpack `field` is wrong, or undefined when it is fine (or cannot be judged yet). */
function fieldProblem(type: string, field: unknown): string | undefined {
  if (field === undefined) {
    return type === 'binpack'
      ? 'A binpack strategy needs "field": "cpu" or "memory" (the resource to pack tightly); without it ECS cannot apply the strategy and rejects it.'
      : 'A spread strategy needs a "field" to spread over: "instanceId" (or "host"), or an attribute such as "attribute:ecs.availability-zone"; without it ECS rejects the strategy.';
  }
  const value = known(field);
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (type === 'binpack') {
    return BINPACK_FIELDS.has(lower) ? undefined : `binpack packs tasks by a resource, so its field must be "cpu" or "memory"; "${value}" is neither, and ECS rejects the strategy.`;
  }
  if (lower === 'instanceid' || lower === 'host' || (lower.startsWith('attribute:') && lower.length > 'attribute:'.length)) return undefined;
  return `spread distributes tasks over "instanceId" (or "host") or over a container instance attribute written "attribute:<name>", e.g. "attribute:ecs.availability-zone"; "${value}" is none of these, and ECS rejects the strategy.`;
}

export const placementStrategyField: Rule = {
  id: 'service-placement-strategy-field',
  severity: 'error',
  appliesTo: 'service',
  title: 'binpack and spread placement strategies need a valid field',
  docs: DOCS.placementStrategy,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'placementStrategy')) {
      const type = e.type;
      if (type !== 'binpack' && type !== 'spread') continue;
      const problem = fieldProblem(type, e.field);
      if (!problem) continue;
      const missing = e.field === undefined;
      ctx.report({ path: ['placementStrategy', i, missing ? 'type' : 'field'], message: problem });
    }
  },
};

export const randomStrategyField: Rule = {
  id: 'service-placement-random-field',
  severity: 'warning',
  appliesTo: 'service',
  title: 'A random placement strategy takes no field',
  docs: DOCS.placementStrategy,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'placementStrategy')) {
      if (e.type !== 'random' || e.field === undefined) continue;
      ctx.report({
        path: ['placementStrategy', i, 'field'],
        target: 'key',
        message: 'A random placement strategy picks instances at random and does not use "field". ECS ignores or refuses it, and the value hints at a binpack or spread that was meant instead.',
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "field"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const distinctInstanceExpression: Rule = {
  id: 'service-placement-distinct-instance-expression',
  severity: 'error',
  appliesTo: 'service',
  title: 'A distinctInstance constraint has no expression',
  docs: DOCS.placementConstraint,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'placementConstraints')) {
      if (e.type !== 'distinctInstance' || e.expression === undefined) continue;
      ctx.report({
        path: ['placementConstraints', i, 'expression'],
        target: 'key',
        message:
          'distinctInstance simply places each task on a different container instance and takes no expression; ECS rejects one, even an empty string: ' +
          '"distinctInstance expression should not be specified." Use a separate memberOf constraint to filter instances.',
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "expression"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const memberOfExpression: Rule = {
  id: 'service-placement-member-of-expression',
  severity: 'error',
  appliesTo: 'service',
  title: 'A memberOf constraint needs an expression',
  docs: DOCS.placementConstraint,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'placementConstraints')) {
      if (e.type !== 'memberOf') continue;
      if (e.expression !== undefined && (typeof e.expression !== 'string' || e.expression.trim() !== '')) continue;
      const missing = e.expression === undefined;
      ctx.report({
        path: ['placementConstraints', i, missing ? 'type' : 'expression'],
        message:
          'A memberOf constraint limits tasks to the container instances that match its cluster query language expression, e.g. "attribute:ecs.instance-type =~ t3.*"; ' +
          `${missing ? 'without one' : 'with an empty one'} there is nothing to match and ECS rejects the constraint.`,
      });
    }
  },
};

export const placementOnFargate: Rule = {
  id: 'service-placement-fargate',
  severity: 'error',
  appliesTo: 'service',
  title: 'Fargate services take no placement strategy or constraints',
  docs: DOCS.taskPlacement,
  check(ctx) {
    const svc = ctx.target.value;
    const fargate = fargateSource(svc);
    if (!fargate) return;
    for (const key of ['placementStrategy', 'placementConstraints'] as const) {
      if (!nonEmptyArray(svc[key])) continue;
      const what = key === 'placementStrategy' ? 'Placement strategies are' : 'Placement constraints are';
      ctx.report({
        path: [key],
        target: 'key',
        message:
          `This service runs on Fargate (${fargate.label}), where AWS picks the hosts: there are no container instances to place tasks on. ` +
          `ECS rejects it: "${what} not supported with FARGATE launch type." Fargate already spreads tasks across Availability Zones.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: `Remove "${String(path[path.length - 1])}"`, changes: [{ path, remove: true }], certain: true }];
  },
};

export const placementRules: Rule[] = [placementStrategyField, randomStrategyField, distinctInstanceExpression, memberOfExpression, placementOnFargate];
