/** deploymentConfiguration: batch sizes, the circuit breaker and alarm-based rollback. */
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { asArray, controllerType, isDaemon, num, objAt, reportedPath } from '../helpers';

/** The percentages as ECS applies them: given values, else the defaults of the scheduling strategy. */
function percents(svc: Record<string, unknown>): { max: number; min: number; maxGiven: boolean; minGiven: boolean } | undefined {
  const dc = objAt(svc, 'deploymentConfiguration');
  if (!dc) return undefined;
  const max = num(dc.maximumPercent);
  const min = num(dc.minimumHealthyPercent);
  const daemon = isDaemon(svc);
  return { max: max ?? (daemon ? 100 : 200), min: min ?? (daemon ? 0 : 100), maxGiven: max !== undefined, minGiven: min !== undefined };
}

export const percentOrder: Rule = {
  id: 'service-deployment-percent-order',
  severity: 'error',
  appliesTo: 'service',
  title: 'maximumPercent must not be below minimumHealthyPercent',
  docs: DOCS.deploymentConfiguration,
  check(ctx) {
    const p = percents(ctx.target.value);
    if (!p || !p.maxGiven || !p.minGiven || p.max >= p.min) return;
    ctx.report({
      path: ['deploymentConfiguration', 'maximumPercent'],
      message:
        `maximumPercent ${p.max} is below minimumHealthyPercent ${p.min}. The upper limit of running tasks during a deployment cannot be lower than the number that must stay healthy; ` +
        'ECS refuses this deployment configuration. Raise maximumPercent (200 is the default) or lower minimumHealthyPercent.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Set "maximumPercent" to 200', changes: [{ path, value: 200 }], certain: false }];
  },
};

export const noDeploymentRoom: Rule = {
  id: 'service-deployment-no-room',
  severity: 'warning',
  appliesTo: 'service',
  title: 'A rolling deployment needs maximumPercent above minimumHealthyPercent',
  docs: DOCS.deploymentConfiguration,
  check(ctx) {
    const svc = ctx.target.value;
    if (isDaemon(svc) || controllerType(svc) !== 'ECS' || svc.desiredCount === 0) return;
    const strategy = objAt(svc, 'deploymentConfiguration')?.strategy;
    if (strategy !== undefined && strategy !== 'ROLLING') return;
    const p = percents(svc);
    if (!p || (!p.maxGiven && !p.minGiven) || p.max > p.min) return;
    if (p.maxGiven && p.minGiven && p.max < p.min) return; // service-deployment-percent-order reports it
    const path = p.maxGiven ? ['deploymentConfiguration', 'maximumPercent'] : ['deploymentConfiguration', 'minimumHealthyPercent'];
    ctx.report({
      path,
      message:
        `With maximumPercent ${p.max}${p.maxGiven ? '' : ' (default)'} and minimumHealthyPercent ${p.min}${p.minGiven ? '' : ' (default)'}, a rolling deployment may neither start a new task ` +
        'before stopping an old one nor stop an old one first, so new task definitions never roll out and the deployment hangs. ' +
        'Leave room: for example maximumPercent 200 with minimumHealthyPercent 100, or maximumPercent 100 with minimumHealthyPercent 0 (brief downtime).',
      data: { maxGiven: p.maxGiven },
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path || ctx.diagnostic.data?.maxGiven !== true) return undefined;
    return [{ title: 'Set "maximumPercent" to 200', changes: [{ path, value: 200 }], certain: false }];
  },
};

export const circuitBreakerController: Rule = {
  id: 'service-circuit-breaker-controller',
  severity: 'warning',
  appliesTo: 'service',
  title: 'The deployment circuit breaker works only with the ECS deployment controller',
  docs: DOCS.circuitBreaker,
  check(ctx) {
    const svc = ctx.target.value;
    const type = controllerType(svc);
    if (type !== 'CODE_DEPLOY' && type !== 'EXTERNAL') return;
    const breaker = objAt(objAt(svc, 'deploymentConfiguration') ?? {}, 'deploymentCircuitBreaker');
    if (breaker?.enable !== true) return;
    ctx.report({
      path: ['deploymentConfiguration', 'deploymentCircuitBreaker'],
      target: 'key',
      message:
        `The deployment circuit breaker only watches rolling deployments made by the ECS deployment controller. With the ${type} controller it does not apply, ` +
        `so a failing deployment is not stopped or rolled back by it; use ${type === 'CODE_DEPLOY' ? "CodeDeploy's own automatic rollback" : 'your controller\'s own failure handling'} instead.`,
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "deploymentCircuitBreaker"', changes: [{ path, remove: true }], certain: false }];
  },
};

export const alarmsWithoutNames: Rule = {
  id: 'service-deployment-alarms-empty',
  severity: 'warning',
  appliesTo: 'service',
  title: 'Deployment alarms are enabled but name no alarm',
  docs: DOCS.alarms,
  check(ctx) {
    const alarms = objAt(objAt(ctx.target.value, 'deploymentConfiguration') ?? {}, 'alarms');
    if (alarms?.enable !== true || !Array.isArray(alarms.alarmNames) || asArray(alarms.alarmNames).length > 0) return;
    ctx.report({
      path: ['deploymentConfiguration', 'alarms', 'alarmNames'],
      message:
        'Alarm-based deployment failure detection is enabled, but "alarmNames" is empty: no CloudWatch alarm is watched, so a bad deployment is never marked failed ' +
        'or rolled back by alarms. Name the alarms to watch, or set "enable" to false.',
    });
  },
};

export const deploymentRules: Rule[] = [percentOrder, noDeploymentRoom, circuitBreakerController, alarmsWithoutNames];
