/**
 * What the CODE_DEPLOY and EXTERNAL deployment controllers require and exclude: they deploy through task sets, so
 * the ECS controller's alarms, percentages and Service Connect do not apply, and CodeDeploy needs a load balancer.
 */
import type { Rule } from '../types';
import { DOCS, NON_ECS_CONTROLLERS, REPLICA_DEFAULT_PERCENTS } from '../../facts';
import { controllerType, entries, isSet, isUpdateServiceInput, num, objAt, reportedPath } from '../helpers';

/** The controller when it is CODE_DEPLOY or EXTERNAL. */
function nonEcsController(svc: Record<string, unknown>): string | undefined {
  const type = controllerType(svc);
  return type !== undefined && NON_ECS_CONTROLLERS.has(type) ? type : undefined;
}

export const alarmsController: Rule = {
  id: 'service-deployment-alarms-controller',
  severity: 'error',
  appliesTo: 'service',
  title: 'Deployment alarms work only with the ECS deployment controller',
  docs: DOCS.alarms,
  check(ctx) {
    const svc = ctx.target.value;
    const type = nonEcsController(svc);
    const alarms = objAt(objAt(svc, 'deploymentConfiguration') ?? {}, 'alarms');
    if (!type || alarms?.enable !== true) return;
    ctx.report({
      path: ['deploymentConfiguration', 'alarms'],
      target: 'key',
      message:
        `CloudWatch alarm-based rollback watches deployments made by the ECS deployment controller; with the ${type} controller the deployments are not ECS's to stop, ` +
        `and ECS rejects an enabled alarms configuration. ${type === 'CODE_DEPLOY' ? 'Configure the alarms on the CodeDeploy deployment group instead' : 'Watch the alarms in your own deployment tooling'}, or remove "alarms".`,
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "alarms"', changes: [{ path, remove: true }], certain: false }];
  },
};

export const codeDeployLoadBalancer: Rule = {
  id: 'service-code-deploy-load-balancer',
  severity: 'error',
  appliesTo: 'service',
  title: 'The CODE_DEPLOY controller needs an Application or Network Load Balancer target group',
  docs: DOCS.deploymentController,
  check(ctx) {
    const svc = ctx.target.value;
    // update-service input that leaves loadBalancers out keeps the service's current ones.
    if (controllerType(svc) !== 'CODE_DEPLOY' || isUpdateServiceInput(svc) || ctx.doc.kind === 'services-describe') return;
    // A list a template fills in later (a string here) cannot be judged.
    if (svc.loadBalancers !== undefined && !Array.isArray(svc.loadBalancers)) return;
    if (entries(svc, 'loadBalancers').some(({ e }) => e.targetGroupArn !== undefined)) return;
    ctx.report({
      path: ['deploymentController', 'type'],
      message:
        'CodeDeploy blue/green deployments move traffic between two target groups of an Application or Network Load Balancer, and this service registers with none ' +
        '(no loadBalancers entry with a targetGroupArn). CreateService rejects a CODE_DEPLOY service without one. Add the production target group, or use the ECS controller.',
    });
  },
};

export const codeDeployServiceConnect: Rule = {
  id: 'service-code-deploy-service-connect',
  severity: 'error',
  appliesTo: 'service',
  title: 'Service Connect is not supported with the CODE_DEPLOY controller',
  docs: DOCS.serviceConnect,
  check(ctx) {
    const svc = ctx.target.value;
    const sc = objAt(svc, 'serviceConnectConfiguration');
    if (controllerType(svc) !== 'CODE_DEPLOY' || !sc || sc.enabled === false || !isSet(sc)) return;
    ctx.report({
      path: ['serviceConnectConfiguration'],
      target: 'key',
      message:
        'Service Connect is not supported for services that CodeDeploy deploys: its proxy configuration is part of the ECS-managed deployment. ECS rejects the service. ' +
        'Use the ECS controller (its BLUE_GREEN strategy works with Service Connect), or remove serviceConnectConfiguration.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "serviceConnectConfiguration"', changes: [{ path, remove: true }], certain: false }];
  },
};

export const controllerMultipleTargetGroups: Rule = {
  id: 'service-controller-multiple-target-groups',
  severity: 'error',
  appliesTo: 'service',
  title: 'CODE_DEPLOY and EXTERNAL services register with one target group only',
  docs: DOCS.loadBalancer,
  check(ctx) {
    const svc = ctx.target.value;
    const type = nonEcsController(svc);
    const lbs = entries(svc, 'loadBalancers');
    if (!type || lbs.length < 2) return;
    const second = lbs[1];
    const anchor = ['targetGroupArn', 'loadBalancerName'].find((k) => k in second.e) ?? Object.keys(second.e)[0];
    ctx.report({
      path: anchor === undefined ? ['loadBalancers'] : ['loadBalancers', second.i, anchor],
      target: 'key',
      message:
        `This service lists ${lbs.length} load balancer target groups, but multiple target groups are supported only with the ECS deployment controller; ` +
        `with ${type} ECS rejects the request. Keep the one target group the ${type === 'CODE_DEPLOY' ? 'CodeDeploy deployment group shifts' : 'task sets register with'}.`,
    });
  },
};

export const percentController: Rule = {
  id: 'service-deployment-percent-controller',
  severity: 'warning',
  appliesTo: 'service',
  title: 'maximumPercent and minimumHealthyPercent have no effect with CODE_DEPLOY or EXTERNAL',
  docs: DOCS.deploymentConfiguration,
  check(ctx) {
    const svc = ctx.target.value;
    const type = nonEcsController(svc);
    const dc = objAt(svc, 'deploymentConfiguration');
    // describe output reports the values ECS keeps for such services; they are not input.
    if (!type || !dc || ctx.doc.kind === 'services-describe') return;
    for (const key of ['maximumPercent', 'minimumHealthyPercent'] as const) {
      const value = num(dc[key]);
      if (value === undefined || value === REPLICA_DEFAULT_PERCENTS[key]) continue;
      ctx.report({
        path: ['deploymentConfiguration', key],
        message:
          `With the ${type} controller, ${key} ${value} does nothing for a deployment: on EC2 ECS does not accept a custom value (it applies the default, ` +
          `${REPLICA_DEFAULT_PERCENTS[key]}, only while instances drain), and on Fargate it is not used at all. ` +
          `The pace of the deployment is set in ${type === 'CODE_DEPLOY' ? 'the CodeDeploy deployment configuration' : 'your own tooling'}.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: `Remove "${String(path[path.length - 1])}"`, changes: [{ path, remove: true }], certain: true }];
  },
};

export const controllerRules: Rule[] = [alarmsController, codeDeployLoadBalancer, codeDeployServiceConnect, controllerMultipleTargetGroups, percentController];
