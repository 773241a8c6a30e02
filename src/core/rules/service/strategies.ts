/**
 * The ECS-native deployment strategies (deploymentConfiguration.strategy): blue/green, linear and canary need the
 * ECS controller, their own settings, a bake time, and something to shift traffic through.
 */
import type { Rule } from '../types';
import { DOCS, NON_ECS_CONTROLLERS, STEPPED_STRATEGIES, STRATEGY_CONFIGURATIONS, TRAFFIC_PERCENT_STEP, TRAFFIC_SHIFTING_STRATEGIES } from '../../facts';
import { baseOf, controllerType, deploymentStrategy, entries, isSet, isUpdateServiceInput, nonEmptyArray, num, objAt, reportedPath } from '../helpers';

const STRATEGY_PATH = ['deploymentConfiguration', 'strategy'];

/** The strategy when it is one that shifts traffic between two service revisions. */
function shiftingStrategy(svc: Record<string, unknown>): string | undefined {
  const strategy = deploymentStrategy(svc);
  return strategy !== undefined && TRAFFIC_SHIFTING_STRATEGIES.has(strategy) ? strategy : undefined;
}

export const strategyController: Rule = {
  id: 'deployment-strategy-controller',
  severity: 'error',
  appliesTo: 'service',
  title: 'BLUE_GREEN, LINEAR and CANARY need the ECS deployment controller',
  docs: DOCS.blueGreenResources,
  check(ctx) {
    const svc = ctx.target.value;
    const strategy = shiftingStrategy(svc);
    const type = controllerType(svc);
    if (!strategy || type === undefined || !NON_ECS_CONTROLLERS.has(type)) return;
    ctx.report({
      path: STRATEGY_PATH,
      message:
        `The ${strategy} strategy is carried out by the ECS deployment controller itself, but this service uses the ${type} controller, ` +
        `${type === 'CODE_DEPLOY' ? 'where CodeDeploy runs its own blue/green deployments' : 'where your own tooling deploys through task sets'}. ECS rejects the deployment configuration. ` +
        'Set deploymentController.type to "ECS" (or leave the controller out) to use ECS-native deployments, or remove "strategy".',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    return [
      { title: 'Set deploymentController.type to "ECS"', changes: [{ path: [...baseOf(ctx), 'deploymentController', 'type'], value: 'ECS' }], certain: false },
      { title: 'Remove "strategy"', changes: [{ path, remove: true }], certain: false },
    ];
  },
};

export const strategyConfiguration: Rule = {
  id: 'deployment-strategy-configuration',
  severity: 'error',
  appliesTo: 'service',
  title: 'linearConfiguration goes with strategy LINEAR, canaryConfiguration with CANARY',
  docs: DOCS.deploymentConfiguration,
  check(ctx) {
    const svc = ctx.target.value;
    const dc = objAt(svc, 'deploymentConfiguration');
    const strategy = deploymentStrategy(svc);
    // describe output may echo settings ECS keeps; only input is judged.
    if (!dc || strategy === undefined || ctx.doc.kind === 'services-describe') return;
    for (const [key, { strategy: wanted }] of Object.entries(STRATEGY_CONFIGURATIONS)) {
      if (!isSet(dc[key]) || strategy === wanted) continue;
      const given = dc.strategy === undefined ? 'no strategy (so ROLLING)' : `strategy "${strategy}"`;
      ctx.report({
        path: ['deploymentConfiguration', key],
        target: 'key',
        message:
          `"${key}" configures ${wanted} deployments only, and this deployment configuration has ${given}. ECS rejects the combination. ` +
          `Set "strategy": "${wanted}" to deploy in ${wanted === 'LINEAR' ? 'equal steps' : 'a canary step'}, or remove "${key}".`,
        data: { wanted },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const wanted = ctx.diagnostic.data?.wanted;
    if (!path || typeof wanted !== 'string') return undefined;
    return [
      { title: `Set "strategy" to "${wanted}"`, changes: [{ path: [...path.slice(0, -1), 'strategy'], value: wanted }], certain: false },
      { title: `Remove "${String(path[path.length - 1])}"`, changes: [{ path, remove: true }], certain: false },
    ];
  },
};

export const percentStep: Rule = {
  id: 'deployment-percent-step',
  severity: 'error',
  appliesTo: 'service',
  title: 'Linear and canary percentages are multiples of 0.1',
  docs: DOCS.linearConfiguration,
  check(ctx) {
    const dc = objAt(ctx.target.value, 'deploymentConfiguration');
    if (!dc) return;
    for (const [key, { percent, minPercent }] of Object.entries(STRATEGY_CONFIGURATIONS)) {
      const value = num(objAt(dc, key)?.[percent]);
      if (value === undefined) continue;
      const tenths = value / TRAFFIC_PERCENT_STEP;
      if (Math.abs(tenths - Math.round(tenths)) < 1e-6) continue;
      const rounded = Math.max(minPercent, Math.round(tenths) / 10);
      ctx.report({
        path: ['deploymentConfiguration', key, percent],
        message:
          `ECS shifts traffic in steps of a tenth of a percent, so "${percent}" must be a multiple of 0.1; ${value} is not, and ECS rejects the deployment configuration. ` +
          `Use ${rounded}, for example.`,
        data: { rounded },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const rounded = ctx.diagnostic.data?.rounded;
    if (!path || typeof rounded !== 'number') return undefined;
    return [{ title: `Round to ${rounded}`, changes: [{ path, value: rounded }], certain: false }];
  },
};

export const blueGreenBakeTime: Rule = {
  id: 'deployment-blue-green-bake-time',
  severity: 'warning',
  appliesTo: 'service',
  title: 'A BLUE_GREEN deployment states bakeTimeInMinutes',
  docs: DOCS.blueGreen,
  check(ctx) {
    const svc = ctx.target.value;
    const dc = objAt(svc, 'deploymentConfiguration');
    if (ctx.doc.kind === 'services-describe' || !dc || deploymentStrategy(svc) !== 'BLUE_GREEN' || dc.bakeTimeInMinutes !== undefined) return;
    ctx.report({
      path: STRATEGY_PATH,
      message:
        'The bake time is how long the blue and green revisions both keep running after production traffic has moved, the window in which a rollback is instant. ' +
        'The API reference (DeploymentConfiguration) says bakeTimeInMinutes must be given with the BLUE_GREEN strategy; without it ECS may refuse the configuration (not confirmed) ' +
        'or pick a bake time you did not choose. State it, e.g. "bakeTimeInMinutes": 10.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    return [{ title: 'Add "bakeTimeInMinutes": 10', changes: [{ path: [...path.slice(0, -1), 'bakeTimeInMinutes'], value: 10 }], certain: false }];
  },
};

export const trafficShiftingTarget: Rule = {
  id: 'deployment-traffic-shifting-target',
  severity: 'warning',
  appliesTo: 'service',
  title: 'LINEAR and CANARY deployments shift traffic through a load balancer or Service Connect',
  docs: DOCS.blueGreenResources,
  check(ctx) {
    const svc = ctx.target.value;
    const strategy = deploymentStrategy(svc);
    // update-service input that leaves loadBalancers out keeps the service's current ones.
    if (strategy === undefined || !STEPPED_STRATEGIES.has(strategy) || isUpdateServiceInput(svc) || ctx.doc.kind === 'services-describe') return;
    const sc = objAt(svc, 'serviceConnectConfiguration');
    if (nonEmptyArray(svc.loadBalancers) || nonEmptyArray(svc.vpcLatticeConfigurations) || (sc && sc.enabled !== false)) return;
    // Lists a template fills in later (strings here) cannot be judged.
    if (['loadBalancers', 'vpcLatticeConfigurations', 'serviceConnectConfiguration'].some((k) => typeof svc[k] === 'string')) return;
    ctx.report({
      path: STRATEGY_PATH,
      message:
        `A ${strategy} deployment moves production traffic to the new revision in ${strategy === 'LINEAR' ? 'equal steps' : 'a canary step and then the rest'}, ` +
        'through the weighted target groups of a load balancer or through Service Connect. This service has neither, so there is no traffic to shift: ' +
        'the steps only delay the deployment (whether ECS rejects it is not confirmed). Add the load balancer or Service Connect configuration, or use ROLLING or BLUE_GREEN.',
    });
  },
};

export const blueGreenTraffic: Rule = {
  id: 'service-blue-green-traffic',
  severity: 'error',
  appliesTo: 'service',
  title: 'With BLUE_GREEN, LINEAR or CANARY, load balancers and VPC Lattice give advancedConfiguration',
  docs: DOCS.blueGreenResources,
  check(ctx) {
    const svc = ctx.target.value;
    const strategy = shiftingStrategy(svc);
    if (!strategy || controllerType(svc) !== 'ECS') return;
    for (const key of ['loadBalancers', 'vpcLatticeConfigurations'] as const) {
      for (const { e, i } of entries(svc, key)) {
        if (e.targetGroupArn === undefined || e.advancedConfiguration !== undefined) continue;
        const lattice = key === 'vpcLatticeConfigurations';
        ctx.report({
          path: [key, i, 'targetGroupArn'],
          target: 'key',
          message:
            `A ${strategy} deployment starts the new revision in a second target group and then moves the ${lattice ? 'VPC Lattice' : 'load balancer'}'s listener rule over to it, ` +
            `so this entry needs "advancedConfiguration" with the alternateTargetGroupArn, the productionListenerRule${lattice ? '' : ' and the roleArn ECS uses to change them'}. ` +
            'Without it ECS cannot shift traffic and rejects the service.',
        });
      }
    }
  },
};

export const earlySuccessCriteria: Rule = {
  id: 'deployment-early-success-criteria',
  severity: 'error',
  appliesTo: 'service',
  title: 'Enabled early success criteria give healthyPercent (at least minimumHealthyPercent) and sourceServiceRevisionCleanup',
  docs: DOCS.earlySuccessCriteria,
  check(ctx) {
    const dc = objAt(ctx.target.value, 'deploymentConfiguration');
    const criteria = dc && objAt(dc, 'earlySuccessCriteria');
    if (!dc || !criteria || criteria.enable !== true) return;
    const base = ['deploymentConfiguration', 'earlySuccessCriteria'];
    const missing = ['healthyPercent', 'sourceServiceRevisionCleanup'].filter((k) => criteria[k] === undefined);
    if (missing.length > 0) {
      ctx.report({
        path: [...base, 'enable'],
        message:
          `Early success criteria that are enabled must also say ${missing.length > 1 ? 'when the deployment counts as successful and what happens to the old tasks' : missing[0] === 'healthyPercent' ? 'when the deployment counts as successful' : 'what happens to the old tasks'}: ` +
          `${missing.map((k) => `"${k}"`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing, and ECS rejects the deployment configuration.`,
      });
    }
    const healthy = num(criteria.healthyPercent);
    // Only an explicit minimum is compared: update-service input keeps the current one, which the file does not show.
    const minimum = num(dc.minimumHealthyPercent);
    if (healthy === undefined || minimum === undefined || healthy >= minimum) return;
    ctx.report({
      path: [...base, 'healthyPercent'],
      message:
        `healthyPercent ${healthy} is below minimumHealthyPercent ${minimum}: the deployment would be declared successful with fewer healthy tasks than the service must always keep. ` +
        'ECS rejects it; healthyPercent must be at least minimumHealthyPercent.',
      data: { minimum },
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const minimum = ctx.diagnostic.data?.minimum;
    if (!path || typeof minimum !== 'number') return undefined;
    return [{ title: `Set "healthyPercent" to ${minimum}`, changes: [{ path, value: minimum }], certain: false }];
  },
};

export const strategyRules: Rule[] = [strategyController, strategyConfiguration, percentStep, blueGreenBakeTime, trafficShiftingTarget, blueGreenTraffic, earlySuccessCriteria];
