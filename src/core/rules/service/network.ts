/** Network configuration and the legacy service role. */
import type { Rule, RuleContext } from '../types';
import { linkedTaskDefinition } from './linked';
import { DOCS } from '../../facts';
import { fargateSource, known, nonEmptyArray, objAt, reportedPath } from '../helpers';

export const assignPublicIp: Rule = {
  id: 'service-assign-public-ip',
  severity: 'error',
  appliesTo: 'service',
  title: 'assignPublicIp ENABLED works only for Fargate tasks',
  docs: DOCS.awsvpc,
  check(ctx) {
    const svc = ctx.target.value;
    const launchType = svc.launchType;
    if (launchType !== 'EC2' && launchType !== 'EXTERNAL') return;
    const awsvpc = objAt(objAt(svc, 'networkConfiguration') ?? {}, 'awsvpcConfiguration');
    if (awsvpc?.assignPublicIp !== 'ENABLED') return;
    ctx.report({
      path: ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'],
      message:
        `Only Fargate tasks can get a public IP on their network interface; with launchType "${launchType}" ECS rejects the service: ` +
        '"Assign public IP is not supported for this launch type." Use "DISABLED" and reach the internet through a NAT gateway (or give the instances public addresses).',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Set "assignPublicIp" to "DISABLED"', changes: [{ path, value: 'DISABLED' }], certain: true }];
  },
};

export const roleWithoutLoadBalancer: Rule = {
  id: 'service-role-without-load-balancer',
  severity: 'warning',
  appliesTo: 'service',
  title: 'The service role is only for services with a load balancer',
  docs: DOCS.serviceLinkedRole,
  check(ctx) {
    const svc = ctx.target.value;
    if (svc.role === undefined || nonEmptyArray(svc.loadBalancers)) return;
    ctx.report({
      path: ['role'],
      target: 'key',
      message:
        '"role" is the IAM role ECS uses to register tasks with a load balancer, and this service has no loadBalancers. ' +
        'The CreateService reference allows role only together with a load balancer; leave it out and ECS uses its service-linked role.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "role"', changes: [{ path, remove: true }], certain: true }];
  },
};

/** Why the service's tasks use awsvpc, when that is certain. */
export function awsvpcReason(ctx: RuleContext): string | undefined {
  const svc = ctx.target.value;
  const fargate = fargateSource(svc);
  if (fargate) return `the service runs on Fargate (${fargate.label}), which always uses awsvpc`;
  // The task definition decides; when it is known and not awsvpc, service-td-network-configuration speaks instead.
  const linked = linkedTaskDefinition(ctx);
  if (linked) return known(linked.td.networkMode) === 'awsvpc' ? `task definition "${linked.reference}" uses networkMode "awsvpc"` : undefined;
  if (objAt(svc, 'networkConfiguration')?.awsvpcConfiguration !== undefined) return 'it has an awsvpcConfiguration, which only awsvpc task definitions accept';
  return undefined;
}

export const roleWithAwsvpc: Rule = {
  id: 'service-role-awsvpc',
  severity: 'error',
  appliesTo: 'service',
  title: 'No service role for awsvpc services',
  docs: DOCS.serviceLinkedRole,
  check(ctx) {
    const svc = ctx.target.value;
    if (svc.role === undefined || !nonEmptyArray(svc.loadBalancers)) return;
    const reason = awsvpcReason(ctx);
    if (!reason) return;
    ctx.report({
      path: ['role'],
      target: 'key',
      message:
        `This service's tasks use the awsvpc network mode (${reason}). Such services must use the ECS service-linked role, ` +
        'and ECS rejects an explicit one: "You cannot specify an IAM role for services that require a service linked role." Remove "role".',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "role"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const networkRules: Rule[] = [assignPublicIp, roleWithoutLoadBalancer, roleWithAwsvpc];
