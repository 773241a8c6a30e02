/**
 * Checks of a service against the task definition it names. They run only when the caller passed a workspace
 * (editor workspace, CLI file list) that holds that task definition; otherwise they stay silent.
 */
import type { Rule } from '../types';
import { containersByName, hasPlaceholderNames, linkedTaskDefinition } from './linked';
import { DOCS, isNonFargateLogDriver } from '../../facts';
import { asArray, changeReported, entries, fargateSource, isObj, known, listOf, nonEmptyArray, num, type Obj, objAt, reportedPath, str } from '../helpers';


function containerPorts(c: Obj): { ports: number[]; judgeable: boolean } {
  const ports: number[] = [];
  let judgeable = true;
  for (const m of asArray(c.portMappings)) {
    if (!isObj(m)) continue;
    const p = num(m.containerPort);
    if (p === undefined) judgeable = false; // a range or a placeholder: leave it to the task-definition checks
    else ports.push(p);
  }
  return { ports, judgeable };
}

export const lbContainerName: Rule = {
  id: 'service-td-lb-container-name',
  severity: 'error',
  appliesTo: 'service',
  title: 'A load balancer containerName must be a container of the task definition',
  docs: DOCS.loadBalancer,
  check(ctx) {
    const linked = linkedTaskDefinition(ctx);
    if (!linked || hasPlaceholderNames(linked.td)) return;
    const byName = containersByName(linked.td);
    for (const { e, i } of entries(ctx.target.value, 'loadBalancers')) {
      const name = known(e.containerName);
      if (name === undefined || byName.has(name)) continue;
      const withPorts = [...byName].filter(([, c]) => containerPorts(c).ports.length > 0).map(([n]) => n);
      ctx.report({
        path: ['loadBalancers', i, 'containerName'],
        message:
          `Task definition "${linked.reference}" has no container named "${name}"${byName.size > 0 ? ` (it has ${listOf([...byName.keys()])})` : ''}. ` +
          `ECS rejects the service: "The container ${name} does not exist in the task definition." Name the container that listens for the load balancer's traffic.`,
        data: { candidate: withPorts.length === 1 ? withPorts[0] : undefined },
      });
    }
  },
  fix(ctx) {
    return changeReported(ctx, 'candidate', false);
  },
};

export const lbContainerPort: Rule = {
  id: 'service-td-lb-container-port',
  severity: 'error',
  appliesTo: 'service',
  title: "A load balancer containerPort must be one of the container's port mappings",
  docs: DOCS.loadBalancer,
  check(ctx) {
    const linked = linkedTaskDefinition(ctx);
    if (!linked) return;
    const byName = containersByName(linked.td);
    for (const { e, i } of entries(ctx.target.value, 'loadBalancers')) {
      const name = known(e.containerName);
      const port = num(e.containerPort);
      const c = name === undefined ? undefined : byName.get(name);
      if (!c || port === undefined) continue;
      const { ports, judgeable } = containerPorts(c);
      if (!judgeable || ports.includes(port)) continue;
      ctx.report({
        path: ['loadBalancers', i, 'containerPort'],
        message:
          `Container "${name}" in task definition "${linked.reference}" ${ports.length > 0 ? `maps container port${ports.length > 1 ? 's' : ''} ${listOf(ports)}, not ${port}` : 'has no portMappings'}. ` +
          `ECS rejects the service: "The container ${name} does not have a container port ${port} defined." Use a mapped port, or add ${port} to the container's portMappings.`,
        data: { candidate: ports.length === 1 ? ports[0] : undefined },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const candidate = ctx.diagnostic.data?.candidate;
    if (!path || typeof candidate !== 'number') return undefined;
    return [{ title: `Change to ${candidate}`, changes: [{ path, value: candidate }], certain: false }];
  },
};

export const networkConfiguration: Rule = {
  id: 'service-td-network-configuration',
  severity: 'error',
  appliesTo: 'service',
  title: 'awsvpc task definitions need networkConfiguration; other network modes refuse it',
  docs: DOCS.awsvpc,
  check(ctx) {
    const linked = linkedTaskDefinition(ctx);
    if (!linked) return;
    const svc = ctx.target.value;
    const { td, reference } = linked;
    const hasAwsvpc = objAt(svc, 'networkConfiguration')?.awsvpcConfiguration !== undefined;
    if (td.networkMode !== undefined && known(td.networkMode) === undefined) return;
    const mode = str(td.networkMode);
    if (mode === 'awsvpc') {
      if (hasAwsvpc) return;
      ctx.report({
        path: 'networkConfiguration' in svc ? ['networkConfiguration'] : ['taskDefinition'],
        target: 'networkConfiguration' in svc ? 'key' : 'value',
        message:
          `Task definition "${reference}" uses networkMode "awsvpc", so each task gets its own network interface and ECS must know the subnets (and security groups) for it. ` +
          'ECS rejects the service: "Network Configuration must be provided when networkMode \'awsvpc\' is specified." Add networkConfiguration.awsvpcConfiguration with subnets.',
      });
      return;
    }
    // An omitted networkMode is bridge on Linux EC2 (default on Windows); a Fargate task definition without one is broken on its own.
    if (!hasAwsvpc || (mode === undefined && asArray(td.requiresCompatibilities).includes('FARGATE'))) return;
    const shown = mode === undefined ? 'no networkMode (bridge on Linux)' : `networkMode "${mode}"`;
    ctx.report({
      path: ['networkConfiguration'],
      target: 'key',
      message:
        `Task definition "${reference}" has ${shown}; its tasks share the host's network, so there is no task interface to configure. ` +
        'ECS rejects the service: "Network Configuration is not valid for the given networkMode of this task definition." Remove networkConfiguration, or switch the task definition to awsvpc.',
      data: { remove: true },
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path || ctx.diagnostic.data?.remove !== true) return undefined;
    return [{ title: 'Remove "networkConfiguration"', changes: [{ path, remove: true }], certain: false }];
  },
};

/** Why a task definition cannot run on Fargate, or undefined when it can (or that cannot be judged). */
function notFargateReason(td: Obj): string | undefined {
  const compat = td.compatibilities; // describe output: what ECS itself computed
  if (Array.isArray(compat) && compat.length > 0) {
    return compat.includes('FARGATE') ? undefined : `its compatibilities are ${listOf(compat)}`;
  }
  const required = asArray(td.requiresCompatibilities);
  if (required.some((r) => typeof r === 'string' && known(r) === undefined)) return undefined;
  if (required.length > 0 && !required.includes('FARGATE')) return `its requiresCompatibilities lists ${listOf(required)} but not "FARGATE"`;
  for (const c of asArray(td.containerDefinitions)) {
    if (!isObj(c)) continue;
    const driver = known(objAt(c, 'logConfiguration')?.logDriver);
    if (driver !== undefined && isNonFargateLogDriver(driver)) {
      return `container "${String(c.name)}" logs with "${driver}", and Fargate supports only the awslogs, splunk and awsfirelens log drivers`;
    }
  }
  if (required.length > 0) return undefined;
  if (td.networkMode !== undefined && known(td.networkMode) === undefined) return undefined;
  if (td.networkMode !== 'awsvpc') return `it has ${td.networkMode === undefined ? 'no networkMode' : `networkMode "${String(td.networkMode)}"`}, and Fargate needs "awsvpc"`;
  if (td.cpu === undefined || td.memory === undefined) return 'it has no task-level cpu and memory, which Fargate needs';
  return undefined;
}

export const fargateCompatibility: Rule = {
  id: 'service-td-fargate-compatibility',
  severity: 'error',
  appliesTo: 'service',
  title: 'A Fargate service needs a Fargate-compatible task definition',
  docs: DOCS.fargate,
  check(ctx) {
    const fargate = fargateSource(ctx.target.value);
    const linked = fargate && linkedTaskDefinition(ctx);
    if (!fargate || !linked) return;
    const reason = notFargateReason(linked.td);
    if (!reason) return;
    const quote = fargate.path[0] === 'launchType' ? ': "Task definition does not support launch_type FARGATE."' : '.';
    ctx.report({
      path: fargate.path,
      message: `This service runs on Fargate (${fargate.label}), but task definition "${linked.reference}" cannot: ${reason}. ECS rejects the service${quote}`,
    });
  },
};

export const serviceConnectPortName: Rule = {
  id: 'service-td-service-connect-port-name',
  severity: 'error',
  appliesTo: 'service',
  title: 'Service Connect portName must name a port mapping of the task definition',
  docs: DOCS.serviceConnect,
  check(ctx) {
    const sc = objAt(ctx.target.value, 'serviceConnectConfiguration');
    const linked = sc && sc.enabled !== false ? linkedTaskDefinition(ctx) : undefined;
    if (!sc || !linked) return;
    const names: string[] = [];
    for (const c of asArray(linked.td.containerDefinitions)) {
      for (const m of isObj(c) ? asArray(c.portMappings) : []) {
        if (!isObj(m) || m.name === undefined) continue;
        const n = known(m.name);
        if (n === undefined) return; // a placeholder name may match once rendered
        names.push(n);
      }
    }
    for (const { e, i } of entries(sc, 'services')) {
      const portName = known(e.portName);
      if (portName === undefined || names.includes(portName)) continue;
      ctx.report({
        path: ['serviceConnectConfiguration', 'services', i, 'portName'],
        message:
          `No port mapping in task definition "${linked.reference}" is named "${portName}"${names.length > 0 ? ` (named ports: ${listOf(names)})` : ' (none of its port mappings has a name)'}. ` +
          'Service Connect finds the port to publish by this name, and ECS rejects the service when no portMappings entry carries it.',
        data: { candidate: names.length === 1 ? names[0] : undefined },
      });
    }
  },
  fix(ctx) {
    return changeReported(ctx, 'candidate', false);
  },
};

export const lbHealthCheck: Rule = {
  id: 'service-td-lb-health-check',
  severity: 'information',
  appliesTo: 'service',
  title: 'Essential containers behind a load balancer should have a health check',
  docs: DOCS.healthCheck,
  check(ctx) {
    const svc = ctx.target.value;
    if (!nonEmptyArray(svc.loadBalancers)) return;
    const linked = linkedTaskDefinition(ctx);
    if (!linked) return;
    const unchecked = asArray(linked.td.containerDefinitions).flatMap((c) =>
      isObj(c) && c.essential !== false && c.healthCheck === undefined && typeof c.name === 'string' ? [c.name] : [],
    );
    if (unchecked.length === 0) return;
    ctx.report({
      path: ['loadBalancers'],
      target: 'key',
      message:
        `Essential container${unchecked.length > 1 ? 's' : ''} ${listOf(unchecked)} of task definition "${linked.reference}" ${unchecked.length > 1 ? 'have' : 'has'} no healthCheck. ` +
        'The load balancer probes only the port it sends traffic to; a container health check lets ECS replace a task whose process hangs, ' +
        'and lets deployments and the circuit breaker wait for tasks that are really ready.',
    });
  },
};

export const gracePeriodUnused: Rule = {
  id: 'service-td-grace-period-unused',
  severity: 'information',
  appliesTo: 'service',
  title: 'healthCheckGracePeriodSeconds without any health check to delay',
  docs: DOCS.serviceParams,
  check(ctx) {
    const svc = ctx.target.value;
    const grace = num(svc.healthCheckGracePeriodSeconds);
    if (grace === undefined || grace === 0 || nonEmptyArray(svc.loadBalancers) || nonEmptyArray(svc.vpcLatticeConfigurations)) return;
    const linked = linkedTaskDefinition(ctx);
    if (!linked) return;
    if (asArray(linked.td.containerDefinitions).some((c) => isObj(c) && c.healthCheck !== undefined)) return;
    ctx.report({
      path: ['healthCheckGracePeriodSeconds'],
      target: 'key',
      message:
        `The grace period of ${grace} seconds delays load balancer and container health checks after a task starts, but this service has no load balancer ` +
        `and no container of task definition "${linked.reference}" has a healthCheck, so it has nothing to delay.`,
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "healthCheckGracePeriodSeconds"', changes: [{ path, remove: true }], certain: false }];
  },
};

export const crossFileRules: Rule[] = [
  lbContainerName,
  lbContainerPort,
  networkConfiguration,
  fargateCompatibility,
  serviceConnectPortName,
  lbHealthCheck,
  gracePeriodUnused,
];
