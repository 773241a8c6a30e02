/** External instances (ECS Anywhere, requiresCompatibilities EXTERNAL): what they cannot run. */
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { DOCS, EXTERNAL_UNSUPPORTED, isExternal, isWindows } from '../../facts';
import { asArray, containerLabel, containers, entries, explicitNetworkMode, fixTarget, isObj, known, used } from '../helpers';

const BECAUSE = 'requiresCompatibilities includes "EXTERNAL", and ECS validates the task definition for every launch type it lists';

const externalUnsupportedTaskParameter: Rule = {
  id: 'external-unsupported-task-parameter',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'External instances support no awsvpc mode, EFS volumes, SELinux labels or App Mesh proxy',
  docs: DOCS.external,
  check(ctx) {
    const td = ctx.target.value;
    if (!isExternal(td)) return;
    const report = (path: JsonPath, what: string, why: string, target: 'key' | 'value' = 'key'): void => {
      ctx.report({ path, target, message: `${what}: ${why}. ${BECAUSE}, so the task definition cannot run there.` });
    };
    if (explicitNetworkMode(td) === 'awsvpc') report(['networkMode'], 'networkMode "awsvpc"', EXTERNAL_UNSUPPORTED.awsvpc, 'value');
    for (const { e: v, i } of entries(td, 'volumes')) {
      if (isObj(v.efsVolumeConfiguration)) report(['volumes', i, 'efsVolumeConfiguration'], `Volume ${known(v.name) ? `"${known(v.name)}"` : i + 1} is an EFS volume`, EXTERNAL_UNSUPPORTED.efs);
    }
    for (const { c, i, path } of containers(td)) {
      const options = asArray(c.dockerSecurityOptions);
      for (let j = 0; j < options.length; j++) {
        const option = known(options[j]);
        if (option?.startsWith('label:')) report([...path, 'dockerSecurityOptions', j], `${containerLabel(c, i, true)} sets the SELinux label "${option}"`, EXTERNAL_UNSUPPORTED.selinux, 'value');
      }
    }
    if (used(td.proxyConfiguration)) report(['proxyConfiguration'], 'The task has a proxyConfiguration', EXTERNAL_UNSUPPORTED.appMesh);
  },
  fix(ctx) {
    const found = fixTarget(ctx);
    if (!found || found.path[found.path.length - 1] !== 'networkMode') return undefined;
    // The mode external instances use by default; a choice between it, host and none, so only offered.
    if (isWindows(found.target.value)) return [{ title: 'Remove "networkMode" (the Windows default network)', changes: [{ path: found.path, remove: true }], certain: false }];
    return [{ title: 'Set "networkMode" to "bridge"', changes: [{ path: found.path, value: 'bridge' }], certain: false }];
  },
};

const gpuSharingExternal: Rule = {
  id: 'gpu-sharing-external',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Task definitions requiring EXTERNAL compatibility do not support GPU sharing',
  docs: DOCS.resourceRequirement,
  check(ctx) {
    const td = ctx.target.value;
    if (!isExternal(td)) return;
    for (const { c, i, path } of containers(td)) {
      for (const { e: r, i: j } of entries(c, 'resourceRequirements')) {
        if (!used(r.sharingStrategy)) continue;
        ctx.report({
          path: [...path, 'resourceRequirements', j, 'sharingStrategy'],
          target: 'key',
          message: `${containerLabel(c, i, true)} shares a GPU (sharingStrategy), but ${EXTERNAL_UNSUPPORTED.gpuSharing}; ${BECAUSE}, so ECS rejects the task definition. Reserve whole GPUs with "value" instead.`,
        });
      }
    }
  },
};

/** The rules for task definitions that require EXTERNAL compatibility. */
export const externalRules: Rule[] = [externalUnsupportedTaskParameter, gpuSharingExternal];
