/** loadBalancers entries: what each one must name. The task-definition side lives in cross-file.ts. */
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { entries, listOf, reportedPath } from '../helpers';

export const loadBalancerContainer: Rule = {
  id: 'service-lb-container',
  severity: 'error',
  appliesTo: 'service',
  title: 'A load balancer entry needs containerName and containerPort',
  docs: DOCS.loadBalancer,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'loadBalancers')) {
      const anchor = e.targetGroupArn !== undefined ? 'targetGroupArn' : e.loadBalancerName !== undefined ? 'loadBalancerName' : undefined;
      if (!anchor) continue;
      const missing = ['containerName', 'containerPort'].filter((k) => e[k] === undefined);
      if (missing.length === 0) continue;
      const kind = anchor === 'targetGroupArn' ? 'target group' : 'Classic Load Balancer';
      ctx.report({
        path: ['loadBalancers', i, anchor],
        target: 'key',
        message:
          `This load balancer entry lacks ${listOf(missing)}. ECS must know which container and port to register with the ${kind}, ` +
          'so create-service rejects an entry without them. Name the container from the task definition and one of its portMappings containerPorts.',
      });
    }
  },
};

export const loadBalancerTarget: Rule = {
  id: 'service-lb-target',
  severity: 'error',
  appliesTo: 'service',
  title: 'A load balancer entry names either targetGroupArn or loadBalancerName',
  docs: DOCS.loadBalancer,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'loadBalancers')) {
      const hasTg = e.targetGroupArn !== undefined;
      const hasClb = e.loadBalancerName !== undefined;
      if (hasTg && hasClb) {
        ctx.report({
          path: ['loadBalancers', i, 'loadBalancerName'],
          target: 'key',
          message:
            'An entry is either an ALB/NLB target group (targetGroupArn) or a Classic Load Balancer (loadBalancerName), not both; ECS rejects the pair. ' +
            'For an Application or Network Load Balancer keep targetGroupArn.',
        });
      } else if (!hasTg && !hasClb && Object.keys(e).length > 0) {
        const anchor = e.containerName !== undefined ? 'containerName' : Object.keys(e)[0];
        ctx.report({
          path: ['loadBalancers', i, anchor],
          target: 'key',
          message:
            'This load balancer entry names no load balancer: give "targetGroupArn" (Application or Network Load Balancer) or "loadBalancerName" (Classic Load Balancer). ' +
            'ECS cannot register tasks with it and rejects the service.',
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path || path[path.length - 1] !== 'loadBalancerName') return undefined;
    return [
      { title: 'Remove "loadBalancerName" (keep the target group)', changes: [{ path, remove: true }], certain: false },
      { title: 'Remove "targetGroupArn" (keep the Classic Load Balancer)', changes: [{ path: [...path.slice(0, -1), 'targetGroupArn'], remove: true }], certain: false },
    ];
  },
};

export const loadBalancerRules: Rule[] = [loadBalancerContainer, loadBalancerTarget];
