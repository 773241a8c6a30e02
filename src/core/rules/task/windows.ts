/** Members that Windows containers do not support (runtimePlatform.operatingSystemFamily WINDOWS_*). */
import type { Rule } from '../types';
import { DOCS, FARGATE_CONTAINER_PARAMETERS, isFargate, isWindows, WINDOWS_CONTAINER_PARAMETERS } from '../../facts';
import { containerLabel, containers, removeReported, used } from '../helpers';

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

export const windowsRules: Rule[] = [windowsUnsupportedContainerParameter, windowsUnsupportedTaskParameter];
