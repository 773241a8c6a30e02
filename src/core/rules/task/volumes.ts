/** Task volumes: volumes configured at launch (EBS), names, Docker volume scope, S3 Files access points. */
import type { Rule } from '../types';
import { AUTOPROVISION_SCOPE, DOCS, MAX_VOLUMES_CONFIGURED_AT_LAUNCH, NAMED_VOLUME_CONFIGURATIONS, VOLUME_CONFIGURATIONS } from '../../facts';
import { entries, isObj, known, objAt, type Obj, reportedPath, str, used } from '../helpers';

function volumeLabel(v: Obj, i: number): string {
  const name = known(v.name);
  return name ? `volume "${name}"` : `volume ${i + 1}`;
}

function atLaunch(td: Obj): Array<{ e: Obj; i: number }> {
  if (!Array.isArray(td.volumes) || td.volumes.length === 0) return [];
  return entries(td, 'volumes').filter(({ e }) => e.configuredAtLaunch === true);
}

const volumeConfiguredAtLaunchCount: Rule = {
  id: 'volume-configured-at-launch-count',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'At most one volume is configured at launch',
  docs: DOCS.volumes,
  check(ctx) {
    const list = atLaunch(ctx.target.value);
    if (list.length <= MAX_VOLUMES_CONFIGURED_AT_LAUNCH) return;
    const first = list[0];
    for (const { e, i } of list.slice(MAX_VOLUMES_CONFIGURED_AT_LAUNCH)) {
      ctx.report({
        path: ['volumes', i, 'configuredAtLaunch'],
        message: `${volumeLabel(e, i)} is configured at launch, and so is ${volumeLabel(first.e, first.i)}; a task definition revision may have only one volume configured at launch (the service or RunTask attaches one EBS volume), so ECS rejects it.`,
      });
    }
  },
};

const volumeConfiguredAtLaunchType: Rule = {
  id: 'volume-configured-at-launch-type',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A volume configured at launch sets no other volume configuration',
  docs: DOCS.volumes,
  check(ctx) {
    for (const { e, i } of atLaunch(ctx.target.value)) {
      for (const key of VOLUME_CONFIGURATIONS) {
        if (!used(e[key])) continue;
        ctx.report({
          path: ['volumes', i, key],
          target: 'key',
          message: `${volumeLabel(e, i)} is configured at launch, so the service or RunTask supplies it (an EBS volume), yet it also sets "${key}"; a volume is one kind or the other, and ECS rejects the task definition. Remove "${key}", or drop configuredAtLaunch.`,
        });
      }
    }
  },
};

const volumeNameRequired: Rule = {
  id: 'volume-name-required',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'EFS, S3 Files and launch-time volumes have a name',
  docs: DOCS.volumes,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'volumes')) {
      if (e.name !== undefined && e.name !== '' && e.name !== null) continue;
      const kind = NAMED_VOLUME_CONFIGURATIONS.find((k) => isObj(e[k])) ?? (e.configuredAtLaunch === true ? 'configuredAtLaunch' : undefined);
      if (!kind) continue;
      ctx.report({
        path: ['volumes', i, kind],
        target: 'key',
        message: `Volume ${i + 1} has no name, but ${kind === 'configuredAtLaunch' ? 'a volume configured at launch is matched by name with the volumeConfigurations of the service or RunTask' : `a volume with "${kind}" needs one`}; containers mount it by that name (mountPoints sourceVolume), and ECS rejects the volume without it.`,
      });
    }
  },
};

const dockerVolumeAutoprovisionScope: Rule = {
  id: 'docker-volume-autoprovision-scope',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'autoprovision is used only with scope shared',
  docs: DOCS.dockerVolume,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'volumes')) {
      const docker = objAt(e, 'dockerVolumeConfiguration');
      // The API reference does not say which scope applies when it is left out: only an explicit "task" is judged.
      if (docker?.autoprovision !== true || docker.scope !== 'task') continue;
      ctx.report({
        path: ['volumes', i, 'dockerVolumeConfiguration', 'autoprovision'],
        target: 'key',
        message: `${volumeLabel(e, i)} sets autoprovision with scope "task"; autoprovision is used only for scope "${AUTOPROVISION_SCOPE}" volumes (a task-scoped volume is always created when the task starts and removed when it stops), so it has no effect here.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    // Either a volume that outlives the task was meant, or the flag is noise: the user decides.
    return [
      { title: `Set scope to "${AUTOPROVISION_SCOPE}" (the volume outlives the task)`, changes: [{ path: [...path.slice(0, -1), 'scope'], value: AUTOPROVISION_SCOPE }], certain: false },
      { title: 'Remove "autoprovision"', changes: [{ path, remove: true }], certain: false },
    ];
  },
};

const s3filesAccessPointRootDirectory: Rule = {
  id: 's3files-access-point-root-directory',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'With an S3 Files access point, rootDirectory is omitted or "/"',
  docs: DOCS.s3filesVolume,
  check(ctx) {
    for (const { e, i } of entries(ctx.target.value, 'volumes')) {
      const s3 = objAt(e, 's3filesVolumeConfiguration');
      const accessPoint = known(s3?.accessPointArn);
      const root = known(s3?.rootDirectory);
      if (!accessPoint || root === undefined || root === '' || root === '/') continue;
      ctx.report({
        path: ['volumes', i, 's3filesVolumeConfiguration', 'rootDirectory'],
        message: `${volumeLabel(e, i)} mounts S3 Files through an access point, which sets the directory the task sees, so rootDirectory "${str(s3?.rootDirectory)}" cannot apply; ECS rejects it. Set the path on the access point and remove rootDirectory.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path ? [{ title: 'Remove rootDirectory (the access point sets the path)', changes: [{ path, remove: true }], certain: true }] : undefined;
  },
};

/** The task-volume rules. */
export const volumeRules: Rule[] = [volumeConfiguredAtLaunchCount, volumeConfiguredAtLaunchType, volumeNameRequired, dockerVolumeAutoprovisionScope, s3filesAccessPointRootDirectory];
