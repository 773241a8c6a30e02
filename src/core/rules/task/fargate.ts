/** What Fargate does not offer: host-level container options, task options, log drivers, volumes, timeouts. */
import { containsPlaceholder } from '../../document/placeholders';
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { DOCS, FARGATE_ADDABLE_CAPABILITIES, FARGATE_CONTAINER_PARAMETERS, FARGATE_LINUX_PARAMETERS, FARGATE_TIMEOUT, isFargate, isNonFargateLogDriver } from '../../facts';
import { asArray, containerLabel, containers, isObj, logDriver, num, removeReported, str, used } from '../helpers';

const CONTAINER_PARAMETERS = Object.entries(FARGATE_CONTAINER_PARAMETERS);
const LINUX_PARAMETERS = Object.entries(FARGATE_LINUX_PARAMETERS);

const fargateUnsupportedContainerParameter: Rule = {
  id: 'fargate-unsupported-container-parameter',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Container members that Fargate does not support',
  docs: DOCS.fargate,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    const report = (path: JsonPath, what: string, why: string, target: 'key' | 'value' = 'key'): void => {
      ctx.report({ path, target, message: `${what} is not supported on Fargate (${why}); requiresCompatibilities includes "FARGATE", so ECS rejects the task definition.` });
    };
    for (const { c, i, path } of containers(td)) {
      for (const [key, why] of CONTAINER_PARAMETERS) {
        if (used(c[key])) report([...path, key], `"${key}" in ${containerLabel(c, i)}`, why);
      }
      const lp = c.linuxParameters;
      if (isObj(lp)) {
        for (const [key, why] of LINUX_PARAMETERS) {
          if (used(lp[key])) report([...path, 'linuxParameters', key], `linuxParameters "${key}" in ${containerLabel(c, i)}`, why);
        }
      }
      const requirements = asArray(c.resourceRequirements);
      for (let j = 0; j < requirements.length; j++) {
        const r = requirements[j];
        if (isObj(r) && r.type === 'GPU') report([...path, 'resourceRequirements', j, 'type'], `A GPU resource requirement in ${containerLabel(c, i)}`, 'Fargate has no GPUs', 'value');
      }
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    if (!Array.isArray(path)) return undefined;
    if (path[path.length - 1] === 'type') {
      return [{ title: 'Remove the GPU requirement', changes: [{ path: path.slice(0, -1), remove: true }], certain: true }];
    }
    return removeReported(ctx);
  },
};

const fargateUnsupportedTaskParameter: Rule = {
  id: 'fargate-unsupported-task-parameter',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Task members that Fargate does not support (ipcMode, pidMode host, placementConstraints)',
  docs: DOCS.fargate,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    if (used(td.ipcMode)) {
      ctx.report({
        path: ['ipcMode'],
        target: 'key',
        message: `"ipcMode" cannot be used with requiresCompatibilities "FARGATE": Fargate does not share IPC namespaces. ECS rejects it: "Tasks using the Fargate launch type do not support ipcMode."`,
      });
    }
    if (td.pidMode === 'host') {
      ctx.report({
        path: ['pidMode'],
        target: 'key',
        message: `"pidMode": "host" is not supported on Fargate (there is no host process namespace to join); only "task" is, on Linux platform version 1.4.0 or later. ECS rejects the task definition.`,
      });
    }
    if (used(td.placementConstraints)) {
      ctx.report({
        path: ['placementConstraints'],
        target: 'key',
        message: '"placementConstraints" are not supported on Fargate: there are no container instances to choose between. ECS rejects the task definition; remove them (a service or RunTask cannot use them on Fargate either).',
      });
    }
  },
  fix(ctx) {
    return removeReported(ctx);
  },
};

const fargateLogDriver: Rule = {
  id: 'fargate-log-driver',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Fargate supports only the awslogs, splunk and awsfirelens log drivers',
  docs: DOCS.logConfiguration,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    for (const { c, i, path } of containers(td)) {
      const driver = logDriver(c);
      if (!driver || !isNonFargateLogDriver(driver)) continue;
      ctx.report({
        path: [...path, 'logConfiguration', 'logDriver'],
        message: `${containerLabel(c, i)} uses the "${driver}" log driver, but Fargate offers only awslogs, splunk and awsfirelens (there is no host to keep ${driver} logs on); ECS rejects the task definition. Use awslogs for CloudWatch Logs, or awsfirelens to route logs elsewhere.`,
      });
    }
  },
};

const fargateCapabilities: Rule = {
  id: 'fargate-capabilities',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Fargate allows adding only the SYS_PTRACE capability',
  docs: DOCS.linuxParameters,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    for (const { c, i, path } of containers(td)) {
      const lp = isObj(c.linuxParameters) ? c.linuxParameters : undefined;
      const caps = lp && isObj(lp.capabilities) ? lp.capabilities : undefined;
      const added = asArray(caps?.add);
      for (let j = 0; j < added.length; j++) {
        const cap = added[j];
        if (typeof cap !== 'string' || FARGATE_ADDABLE_CAPABILITIES.has(cap) || containsPlaceholder(cap)) continue;
        ctx.report({
          path: [...path, 'linuxParameters', 'capabilities', 'add', j],
          message: `${containerLabel(c, i)} adds the ${cap} capability; on Fargate the only capability a container may add is SYS_PTRACE, so ECS rejects the task definition. (Dropping capabilities is allowed.)`,
        });
      }
    }
  },
  fix(ctx) {
    return removeReported(ctx, true, 'Remove this capability');
  },
};

const fargateVolumeType: Rule = {
  id: 'fargate-volume-type',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Fargate volumes cannot use Docker volume drivers or host paths',
  docs: DOCS.volumes,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    asArray(td.volumes).forEach((v, i) => {
      if (!isObj(v)) return;
      const name = str(v.name) ? `volume "${str(v.name)}"` : `volume ${i + 1}`;
      if (isObj(v.dockerVolumeConfiguration)) {
        ctx.report({
          path: ['volumes', i, 'dockerVolumeConfiguration'],
          target: 'key',
          message: `${name} uses "dockerVolumeConfiguration", which Fargate does not support (there is no Docker daemon with volume drivers); ECS rejects the task definition. Use task storage (a volume with only a name), EFS (efsVolumeConfiguration) or an EBS volume configured at launch.`,
        });
      }
      const host = isObj(v.host) ? v.host : undefined;
      if (host && used(host.sourcePath)) {
        ctx.report({
          path: ['volumes', i, 'host', 'sourcePath'],
          target: 'key',
          message: `${name} mounts the host path "${str(host.sourcePath) ?? ''}", but a Fargate task has no host file system to reach; ECS rejects the task definition. Drop "host" to use task storage, or use EFS for shared data.`,
        });
      }
    });
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    if (!Array.isArray(path)) return undefined;
    // Data would live elsewhere afterwards: offer it, do not apply it blindly.
    const target = path[path.length - 1] === 'sourcePath' ? path.slice(0, -1) : path;
    return [{ title: `Remove "${String(target[target.length - 1])}" (use task storage)`, changes: [{ path: target, remove: true }], certain: false }];
  },
};

const fargateTimeouts: Rule = {
  id: 'fargate-timeouts',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'startTimeout and stopTimeout on Fargate must be 2-120 seconds',
  docs: DOCS.containerDefinition,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    for (const { c, i, path } of containers(td)) {
      for (const key of ['startTimeout', 'stopTimeout']) {
        const v = num(c[key]);
        if (v === undefined || (v >= FARGATE_TIMEOUT.min && v <= FARGATE_TIMEOUT.max)) continue;
        const value = v < FARGATE_TIMEOUT.min ? FARGATE_TIMEOUT.min : FARGATE_TIMEOUT.max;
        ctx.report({
          path: [...path, key],
          message: `${containerLabel(c, i)} has ${key} ${v}, but on Fargate ${key} must be between ${FARGATE_TIMEOUT.min} and ${FARGATE_TIMEOUT.max} seconds${key === 'stopTimeout' ? ' (Fargate kills a container at most 120 seconds after SIGTERM)' : ''}; ECS does not honour a value outside that range, so the task will not wait as long as this says.`,
          data: { value },
        });
      }
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    const value = ctx.diagnostic.data?.value;
    if (!Array.isArray(path) || typeof value !== 'number') return undefined;
    return [{ title: `Set "${String(path[path.length - 1])}" to ${value}`, changes: [{ path, value }], certain: true }];
  },
};

export const fargateRules: Rule[] = [
  fargateUnsupportedContainerParameter,
  fargateUnsupportedTaskParameter,
  fargateLogDriver,
  fargateCapabilities,
  fargateVolumeType,
  fargateTimeouts,
];
