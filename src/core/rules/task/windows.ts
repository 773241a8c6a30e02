/** Members that Windows containers do not support (runtimePlatform.operatingSystemFamily WINDOWS_*), and their CPU. */
import type { Rule } from '../types';
import { DOCS, FARGATE_CONTAINER_PARAMETERS, isFargate, isWindows, WINDOWS_CONTAINER_PARAMETERS, WINDOWS_CPU_ARCHITECTURE } from '../../facts';
import { containerLabel, containers, explicitNetworkMode, fixTarget, objAt, removeReported, used } from '../helpers';

const CONTAINER_PARAMETERS = Object.entries(WINDOWS_CONTAINER_PARAMETERS);

const windowsUnsupportedContainerParameter: Rule = {
  id: 'windows-unsupported-container-parameter',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Container members that Windows containers do not support',
  docs: DOCS.windows,
  check(ctx) {
    const td = ctx.target.value;
    if (!isWindows(td)) return;
    const fargate = isFargate(td);
    for (const { c, i, path } of containers(td)) {
      for (const [key, why] of CONTAINER_PARAMETERS) {
        // On Fargate these are reported (as errors) by fargate-unsupported-container-parameter.
        if (fargate && key in FARGATE_CONTAINER_PARAMETERS) continue;
        if (!used(c[key])) continue;
        ctx.report({
          path: [...path, key],
          target: 'key',
          message: `"${key}" in ${containerLabel(c, i)} is not supported for Windows containers (${why}); runtimePlatform makes this a Windows task, so ECS rejects or ignores it. Remove it.`,
        });
      }
    }
  },
  fix(ctx) {
    return removeReported(ctx);
  },
};

const windowsUnsupportedTaskParameter: Rule = {
  id: 'windows-unsupported-task-parameter',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'pidMode and ipcMode are not supported for Windows tasks',
  docs: DOCS.windows,
  check(ctx) {
    const td = ctx.target.value;
    if (!isWindows(td)) return;
    const fargate = isFargate(td);
    for (const key of ['pidMode', 'ipcMode']) {
      if (!used(td[key])) continue;
      // On Fargate, ipcMode and pidMode "host" are reported by fargate-unsupported-task-parameter.
      if (fargate && (key === 'ipcMode' || td[key] === 'host')) continue;
      ctx.report({
        path: [key],
        target: 'key',
        message: `"${key}" shares Linux process or IPC namespaces, which Windows containers do not have; runtimePlatform makes this a Windows task, so ECS rejects or ignores it. Remove it.`,
      });
    }
  },
  fix(ctx) {
    return removeReported(ctx);
  },
};

const windowsContainerUser: Rule = {
  id: 'windows-container-user',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'user is not supported for Windows containers',
  docs: DOCS.container('user'),
  check(ctx) {
    const td = ctx.target.value;
    if (!isWindows(td)) return;
    for (const { c, i, path } of containers(td)) {
      if (!used(c.user)) continue;
      ctx.report({
        path: [...path, 'user'],
        target: 'key',
        message: `"user" in ${containerLabel(c, i)} is not supported for Windows containers (the user is a Linux UID/GID setting); runtimePlatform makes this a Windows task, so ECS rejects or ignores it. Set the user in the image instead and remove it here.`,
      });
    }
  },
  fix(ctx) {
    return removeReported(ctx);
  },
};

const windowsContainerExtraHosts: Rule = {
  id: 'windows-container-extra-hosts',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'extraHosts is not supported for Windows containers',
  docs: DOCS.container('extraHosts'),
  check(ctx) {
    const td = ctx.target.value;
    // On Fargate, and in awsvpc mode, extraHosts is reported as an error by the Fargate and network-mode rules.
    if (!isWindows(td) || isFargate(td) || explicitNetworkMode(td) === 'awsvpc') return;
    for (const { c, i, path } of containers(td)) {
      if (!used(c.extraHosts)) continue;
      ctx.report({
        path: [...path, 'extraHosts'],
        target: 'key',
        message: `"extraHosts" in ${containerLabel(c, i)} is not supported for Windows containers (ECS cannot add entries to a Windows container's hosts file); runtimePlatform makes this a Windows task, so ECS rejects or ignores it. Resolve these names through DNS instead.`,
      });
    }
  },
  fix(ctx) {
    return removeReported(ctx);
  },
};

const windowsCpuArchitecture: Rule = {
  id: 'windows-cpu-architecture',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Windows tasks run on X86_64, not ARM64',
  docs: DOCS.fargateWindows,
  check(ctx) {
    const td = ctx.target.value;
    if (!isWindows(td) || objAt(td, 'runtimePlatform')?.cpuArchitecture !== 'ARM64') return;
    ctx.report({
      path: ['runtimePlatform', 'cpuArchitecture'],
      message: `runtimePlatform names a Windows operating system family with cpuArchitecture "ARM64", but Windows containers run only on ${WINDOWS_CPU_ARCHITECTURE} (Fargate and the ECS-optimized Windows AMIs); ARM64 is for Linux. Fargate rejects the task and no EC2 instance can run it.`,
    });
  },
  fix(ctx) {
    const found = fixTarget(ctx);
    // The operating system family is stated; the architecture that goes with it is not a choice.
    return found ? [{ title: `Set cpuArchitecture to "${WINDOWS_CPU_ARCHITECTURE}"`, changes: [{ path: found.path, value: WINDOWS_CPU_ARCHITECTURE }], certain: true }] : undefined;
  },
};

export const windowsRules: Rule[] = [windowsUnsupportedContainerParameter, windowsUnsupportedTaskParameter, windowsContainerUser, windowsContainerExtraHosts, windowsCpuArchitecture];
