/** Service discovery registries and service-level metric settings: the combinations the API accepts. */
import type { Rule } from '../types';
import { linkedTaskDefinition } from './linked';
import { DOCS, SERVICE_METRIC_NAMES, SERVICE_METRIC_RESOLUTIONS } from '../../facts';
import { asArray, entries, known, num, objAt, renameProposals, reportedPath } from '../helpers';

export const registryPort: Rule = {
  id: 'service-registry-port',
  severity: 'error',
  appliesTo: 'service',
  title: 'A service registry gives containerName with containerPort, or port, never both',
  docs: DOCS.serviceRegistry,
  check(ctx) {
    const svc = ctx.target.value;
    for (const { e, i } of entries(svc, 'serviceRegistries')) {
      const at = ['serviceRegistries', i];
      const hasName = e.containerName !== undefined;
      const hasPort = e.containerPort !== undefined;
      if (e.port !== undefined && (hasName || hasPort)) {
        ctx.report({
          path: [...at, 'port'],
          target: 'key',
          message:
            'A registry takes either "port" (the SRV record port of an awsvpc task) or a containerName and containerPort pair from the task definition, not both; ' +
            'ECS rejects the combination. Keep the container pair, or only "port".',
          data: { remove: true },
        });
      } else if (hasName !== hasPort) {
        const given = hasName ? 'containerName' : 'containerPort';
        ctx.report({
          path: [...at, given],
          target: 'key',
          message:
            `"${given}" names half of a pair: a registry gives containerName and containerPort together (the container and port whose address is registered), ` +
            `and ECS rejects one without the other. Add "${hasName ? 'containerPort' : 'containerName'}".`,
        });
      } else if (!hasName && e.port === undefined) {
        const linked = linkedTaskDefinition(ctx);
        const mode = linked && known(linked.td.networkMode);
        if (!linked || (mode !== 'bridge' && mode !== 'host')) continue;
        const anchor = 'registryArn' in e ? 'registryArn' : Object.keys(e)[0];
        if (anchor === undefined) continue;
        ctx.report({
          path: [...at, anchor],
          target: 'key',
          message:
            `Task definition "${linked.reference}" uses networkMode "${mode}", where tasks share the instance's address and are told apart by port: ` +
            'the registry must name the containerName and containerPort to register (an SRV record). ECS rejects the service without them.',
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path || ctx.diagnostic.data?.remove !== true) return undefined;
    return [{ title: 'Remove "port" (keep the container pair)', changes: [{ path, remove: true }], certain: false }];
  },
};

export const monitoringMetric: Rule = {
  id: 'service-monitoring-metric',
  severity: 'error',
  appliesTo: 'service',
  title: 'Service metrics are CPUUtilization or MemoryUtilization, at 20 or 60 seconds',
  docs: DOCS.metricConfiguration,
  check(ctx) {
    const monitoring = objAt(ctx.target.value, 'monitoring');
    if (!monitoring) return;
    for (const { e, i } of entries(monitoring, 'metricConfigurations')) {
      const at = ['monitoring', 'metricConfigurations', i];
      asArray(e.metricNames).forEach((m, j) => {
        const name = known(m);
        if (name === undefined || SERVICE_METRIC_NAMES.includes(name)) return;
        ctx.report({
          path: [...at, 'metricNames', j],
          message:
            `"${name}" is not a service metric whose resolution ECS can set: only ${SERVICE_METRIC_NAMES.map((n) => `"${n}"`).join(' and ')} are, and ECS rejects other names.`,
          data: { wrong: name },
        });
      });
      const resolution = num(e.resolutionSeconds);
      if (resolution === undefined || SERVICE_METRIC_RESOLUTIONS.includes(resolution)) continue;
      const nearest = SERVICE_METRIC_RESOLUTIONS.reduce((best, r) => (Math.abs(r - resolution) < Math.abs(best - resolution) ? r : best));
      ctx.report({
        path: [...at, 'resolutionSeconds'],
        message: `Service metrics are collected every ${SERVICE_METRIC_RESOLUTIONS.join(' or ')} seconds; ${resolution} is neither, and ECS rejects the metric configuration.`,
        data: { nearest },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const { wrong, nearest } = ctx.diagnostic.data ?? {};
    if (!path) return undefined;
    if (typeof wrong === 'string') return renameProposals(path, wrong, [...SERVICE_METRIC_NAMES]);
    if (typeof nearest !== 'number') return undefined;
    return [{ title: `Change to ${nearest}`, changes: [{ path, value: nearest }], certain: false }];
  },
};

export const registryRules: Rule[] = [registryPort, monitoringMetric];
