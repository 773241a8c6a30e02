/**
 * Deployment lifecycle hooks (deploymentConfiguration.lifecycleHooks): a Lambda function or a pause at chosen
 * stages of a blue/green, linear or canary deployment.
 */
import type { Rule } from '../types';
import { DEFAULT_HOOK_TARGET_TYPE, DOCS, LAMBDA_ONLY_HOOK_STAGES } from '../../facts';
import { asArray, entries, known, type Obj, objAt, reportedPath } from '../helpers';
import type { JsonPath } from '../../types';

interface Hook {
  hook: Obj;
  path: JsonPath;
  /** AWS_LAMBDA when not given; undefined when it is a placeholder. */
  type: string | undefined;
}

function hooks(svc: Obj): Hook[] {
  const dc = objAt(svc, 'deploymentConfiguration');
  if (!dc) return [];
  return entries(dc, 'lifecycleHooks').map(({ e, i }) => ({
    hook: e,
    path: ['deploymentConfiguration', 'lifecycleHooks', i],
    type: e.targetType === undefined ? DEFAULT_HOOK_TARGET_TYPE : known(e.targetType),
  }));
}

/** Where to point at a hook as a whole: its first member's key, or the hook itself when it is empty. */
function hookAnchor(h: Hook): { path: JsonPath; target: 'key' | 'value' } {
  const first = ['targetType', 'hookTargetArn', 'lifecycleStages'].find((k) => k in h.hook) ?? Object.keys(h.hook)[0];
  return first === undefined ? { path: h.path, target: 'value' } : { path: [...h.path, first], target: 'key' };
}

export const lifecycleHook: Rule = {
  id: 'deployment-lifecycle-hook',
  severity: 'error',
  appliesTo: 'service',
  title: 'A lifecycle hook lists its stages; a Lambda hook names its function; PAUSE hooks avoid the traffic-shift stages',
  docs: DOCS.lifecycleHook,
  check(ctx) {
    for (const h of hooks(ctx.target.value)) {
      const stages = h.hook.lifecycleStages;
      if (stages === undefined || (Array.isArray(stages) && stages.length === 0)) {
        const where = stages === undefined ? hookAnchor(h) : { path: [...h.path, 'lifecycleStages'], target: 'key' as const };
        ctx.report({
          ...where,
          message:
            'This lifecycle hook names no lifecycleStages, so ECS does not know at which point of the deployment to run it. ' +
            'ECS requires at least one stage, such as "POST_SCALE_UP" or "POST_TEST_TRAFFIC_SHIFT", and rejects the deployment configuration without it.',
        });
      }
      if (h.type === 'AWS_LAMBDA' && h.hook.hookTargetArn === undefined) {
        const where = h.hook.targetType !== undefined ? { path: [...h.path, 'targetType'], target: 'value' as const } : hookAnchor(h);
        ctx.report({
          ...where,
          message:
            `A Lambda lifecycle hook${h.hook.targetType === undefined ? ' (AWS_LAMBDA is the default targetType)' : ''} needs "hookTargetArn", the ARN of the function ECS invokes; ` +
            'ECS rejects the hook without it. Add the function ARN, or use "targetType": "PAUSE" to stop the deployment until you continue it.',
        });
      }
      if (h.type !== 'PAUSE') continue;
      asArray(stages).forEach((stage, j) => {
        if (typeof stage !== 'string' || !LAMBDA_ONLY_HOOK_STAGES.has(stage)) return;
        ctx.report({
          path: [...h.path, 'lifecycleStages', j],
          message:
            `A PAUSE hook cannot run at ${stage}: during a traffic shift only a Lambda hook can decide, a pause would hold the traffic half moved. ` +
            'ECS rejects the hook. Pause before or after the shift instead (for example PRE_PRODUCTION_TRAFFIC_SHIFT or POST_TEST_TRAFFIC_SHIFT).',
        });
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path || typeof path[path.length - 1] !== 'number' || path[path.length - 2] !== 'lifecycleStages') return undefined;
    return [{ title: 'Remove this stage', changes: [{ path, remove: true }], certain: false }];
  },
};

export const lifecycleHookTarget: Rule = {
  id: 'deployment-lifecycle-hook-target',
  severity: 'warning',
  appliesTo: 'service',
  title: 'A Lambda lifecycle hook gives the role that invokes it; a PAUSE hook has no target',
  docs: DOCS.lifecycleHook,
  check(ctx) {
    for (const h of hooks(ctx.target.value)) {
      if (h.type === 'AWS_LAMBDA' && h.hook.hookTargetArn !== undefined && h.hook.roleArn === undefined) {
        ctx.report({
          path: [...h.path, 'hookTargetArn'],
          target: 'key',
          message:
            'ECS invokes a hook\'s Lambda function with the IAM role named in "roleArn" (it needs lambda:InvokeFunction); this hook gives none, so ECS cannot call the function ' +
            'and the deployment fails or rolls back at this stage (whether ECS rejects the hook up front is not confirmed). Add the role ARN.',
        });
      }
      if (h.type === 'PAUSE' && h.hook.hookTargetArn !== undefined) {
        ctx.report({
          path: [...h.path, 'hookTargetArn'],
          target: 'key',
          message:
            'A PAUSE hook stops the deployment until you call ContinueServiceDeployment; it invokes nothing, so "hookTargetArn" does not apply to it ' +
            '(ECS ignores or refuses it). Remove it, or use "targetType": "AWS_LAMBDA" if the function should run.',
          data: { remove: true },
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path || ctx.diagnostic.data?.remove !== true) return undefined;
    return [{ title: 'Remove "hookTargetArn"', changes: [{ path, remove: true }], certain: false }];
  },
};

export const lifecycleHookRules: Rule[] = [lifecycleHook, lifecycleHookTarget];
