/** Settings that only make sense on one kind of capacity: ephemeral storage, privileged containers. */
import type { Rule } from '../types';
import { compatibilities, DOCS, isEc2OrExternalOnly, isFargate, isWindows } from '../../facts';
import { containerLabel, containers, isObj, removeReported } from '../helpers';

const ephemeralStorageNotFargate: Rule = {
  id: 'ephemeral-storage-not-fargate',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'ephemeralStorage applies only to Fargate tasks',
  docs: DOCS.ephemeralStorage,
  check(ctx) {
    const td = ctx.target.value;
    if (!isEc2OrExternalOnly(td) || !isObj(td.ephemeralStorage)) return;
    ctx.report({
      path: ['ephemeralStorage'],
      target: 'key',
      message: `"ephemeralStorage" sizes the storage of Fargate tasks only, and requiresCompatibilities allows only ${compatibilities(td).join(' and ')} here: container storage then comes from the instance's Docker volume, so this setting has no effect.`,
    });
  },
  fix(ctx) {
    return removeReported(ctx);
  },
};

const privilegedContainer: Rule = {
  id: 'privileged-container',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Privileged containers get root access to the container instance',
  docs: DOCS.containerDefinition,
  check(ctx) {
    const td = ctx.target.value;
    // Fargate and Windows reject privileged outright; their own rules say so.
    if (isFargate(td) || isWindows(td)) return;
    for (const { c, i, path } of containers(td)) {
      if (c.privileged !== true) continue;
      ctx.report({
        path: [...path, 'privileged'],
        target: 'key',
        message: `${containerLabel(c, i)} runs privileged: it gets root access to the container instance (all devices, all capabilities), so a compromise of this container is a compromise of the host and of every task on it. Prefer adding only the capabilities it needs (linuxParameters.capabilities.add) or mapping only the devices it uses.`,
      });
    }
  },
  fix(ctx) {
    return removeReported(ctx, false, 'Remove "privileged" (check what the container needs first)');
  },
};

export const platformRules: Rule[] = [ephemeralStorageNotFargate, privilegedContainer];
