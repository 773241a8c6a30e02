/**
 * What each launch type takes on the service side: platformVersion only for Fargate, a network configuration
 * always for Fargate, Managed Instances only through capacity providers, no load balancers, service discovery or
 * awsvpc on external instances, and no Classic Load Balancer for awsvpc tasks.
 */
import type { Rule } from '../types';
import { linkedTaskDefinition } from './linked';
import { awsvpcReason } from './network';
import { CAPACITY_PROVIDER_ONLY_LAUNCH_TYPE, DOCS, EXTERNAL_UNSUPPORTED_SERVICE_MEMBERS, LAUNCH_TYPES_WITHOUT_PLATFORM_VERSION } from '../../facts';
import { entries, fargateSource, isObj, isUpdateServiceInput, known, nonEmptyArray, reportedPath, used } from '../helpers';

export const platformVersionLaunchType: Rule = {
  id: 'service-platform-version-launch-type',
  severity: 'error',
  appliesTo: 'service',
  title: 'platformVersion is for Fargate only, not the EC2 or EXTERNAL launch type',
  docs: DOCS.fargatePlatformVersions,
  check(ctx) {
    const svc = ctx.target.value;
    const launchType = known(svc.launchType);
    // describe output is what ECS returned, not input to judge.
    if (ctx.doc.kind === 'services-describe' || launchType === undefined || !LAUNCH_TYPES_WITHOUT_PLATFORM_VERSION.has(launchType) || !used(svc.platformVersion)) return;
    ctx.report({
      path: ['platformVersion'],
      target: 'key',
      message:
        `A platform version picks the Fargate runtime environment; tasks with launchType "${launchType}" run on your own instances, which have none. ` +
        `ECS rejects the service${launchType === 'EC2' ? ': "The platform version must be null when specifying an EC2 launch type."' : '.'} Remove platformVersion.`,
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "platformVersion"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const fargateNetworkConfiguration: Rule = {
  id: 'service-fargate-network-configuration',
  severity: 'error',
  appliesTo: 'service',
  title: 'A Fargate service needs networkConfiguration.awsvpcConfiguration',
  docs: DOCS.awsvpc,
  check(ctx) {
    const svc = ctx.target.value;
    const fargate = fargateSource(svc);
    // update-service input keeps the current network configuration; describe output is not input.
    if (!fargate || isUpdateServiceInput(svc) || ctx.doc.kind === 'services-describe') return;
    const nc = svc.networkConfiguration;
    if (nc !== undefined && (!isObj(nc) || nc.awsvpcConfiguration !== undefined)) return;
    // With the task definition at hand, service-td-network-configuration or service-td-fargate-compatibility speaks.
    if (linkedTaskDefinition(ctx)) return;
    const inFile = nc !== undefined;
    ctx.report({
      path: inFile ? ['networkConfiguration'] : fargate.path,
      target: inFile ? 'key' : 'value',
      message:
        `This service runs on Fargate (${fargate.label}), and every Fargate task uses the awsvpc network mode: each task gets its own network interface, ` +
        'so ECS must know its subnets and security groups. CreateService fails with "Network Configuration must be provided when networkMode \'awsvpc\' is specified." ' +
        'Add networkConfiguration.awsvpcConfiguration with subnets (and securityGroups).',
    });
  },
};

export const managedInstancesLaunchType: Rule = {
  id: 'service-managed-instances-launch-type',
  severity: 'error',
  appliesTo: 'service',
  title: 'Managed Instances are chosen with a capacity provider strategy, not launchType',
  docs: DOCS.createService,
  check(ctx) {
    const svc = ctx.target.value;
    if (svc.launchType !== CAPACITY_PROVIDER_ONLY_LAUNCH_TYPE || ctx.doc.kind === 'services-describe') return;
    ctx.report({
      path: ['launchType'],
      message:
        'Amazon ECS Managed Instances run tasks on instances that a Managed Instances capacity provider launches and manages, so a service selects them through ' +
        'capacityProviderStrategy (naming that provider) and leaves launchType out. CreateService rejects launchType "MANAGED_INSTANCES".',
    });
  },
};

export const externalUnsupported: Rule = {
  id: 'service-external-unsupported',
  severity: 'error',
  appliesTo: 'service',
  title: 'Services on external instances have no load balancers, service discovery or awsvpc networking',
  docs: DOCS.ecsAnywhere,
  check(ctx) {
    const svc = ctx.target.value;
    if (svc.launchType !== 'EXTERNAL') return;
    for (const [key, why] of Object.entries(EXTERNAL_UNSUPPORTED_SERVICE_MEMBERS)) {
      const value = svc[key];
      const present = key === 'networkConfiguration' ? isObj(value) && used(value.awsvpcConfiguration) : nonEmptyArray(value);
      if (!present) continue;
      ctx.report({
        path: [key],
        target: 'key',
        message: `This service runs on external instances (launchType "EXTERNAL", ECS Anywhere), and ${why}. CreateService rejects "${key}" for such a service.`,
        data: { remove: true },
      });
    }
    const linked = 'networkConfiguration' in svc ? undefined : linkedTaskDefinition(ctx);
    if (!linked || known(linked.td.networkMode) !== 'awsvpc') return;
    ctx.report({
      path: ['taskDefinition'],
      message:
        `Task definition "${linked.reference}" uses networkMode "awsvpc", which external instances (launchType "EXTERNAL") do not support, ` +
        'so ECS cannot place its tasks there and rejects the service. Use bridge, host or none in the task definition for ECS Anywhere.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path || ctx.diagnostic.data?.remove !== true) return undefined;
    return [{ title: `Remove "${String(path[path.length - 1])}"`, changes: [{ path, remove: true }], certain: false }];
  },
};

export const classicLoadBalancerAwsvpc: Rule = {
  id: 'service-classic-load-balancer-awsvpc',
  severity: 'error',
  appliesTo: 'service',
  title: 'awsvpc (and Fargate) services use Application or Network Load Balancers, not Classic ones',
  docs: DOCS.loadBalancer,
  check(ctx) {
    const svc = ctx.target.value;
    const classic = entries(svc, 'loadBalancers').filter(({ e }) => e.loadBalancerName !== undefined && e.targetGroupArn === undefined);
    const reason = classic.length > 0 ? awsvpcReason(ctx) : undefined;
    if (!reason) return;
    for (const { i } of classic) {
      ctx.report({
        path: ['loadBalancers', i, 'loadBalancerName'],
        target: 'key',
        message:
          `This service's tasks use the awsvpc network mode (${reason}): each task has its own network interface, which only the ip targets of an Application or ` +
          'Network Load Balancer can reach. A Classic Load Balancer registers instances, and ECS rejects it for such services. Use a target group (targetGroupArn) of type ip.',
      });
    }
  },
};

export const launchTypeRules: Rule[] = [platformVersionLaunchType, fargateNetworkConfiguration, managedInstancesLaunchType, externalUnsupported, classicLoadBalancerAwsvpc];
