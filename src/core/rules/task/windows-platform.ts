/** Windows tasks and where they run: volume types, FireLens on Fargate, task size on EC2. */
import type { Rule } from '../types';
import { DOCS, isFargate, isWindows, validatedForEc2Only, WINDOWS_DOCKER_VOLUME_DRIVER } from '../../facts';
import { containerLabel, containers, entries, isObj, known, objAt, type Obj, str, used } from '../helpers';

/** runtimePlatform says LINUX in so many words (an omitted runtimePlatform may still be a Windows task on EC2). */
function explicitlyLinux(td: Obj): boolean {
  return objAt(td, 'runtimePlatform')?.operatingSystemFamily === 'LINUX';
}

function volumeLabel(v: Obj, i: number): string {
  return str(v.name) ? `Volume "${str(v.name)}"` : `Volume ${i + 1}`;
}

const windowsVolumeType: Rule = {
  id: 'windows-volume-type',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Volume types Windows containers (and Windows on Fargate) cannot mount',
  docs: DOCS.windows,
  check(ctx) {
    const td = ctx.target.value;
    const windows = isWindows(td);
    const fargate = isFargate(td);
    for (const { e: v, i } of entries(td, 'volumes')) {
      const who = volumeLabel(v, i);
      if (windows && isObj(v.efsVolumeConfiguration)) {
        ctx.report({
          path: ['volumes', i, 'efsVolumeConfiguration'],
          target: 'key',
          message: `${who} is an Amazon EFS volume, which Windows containers do not support (EFS is an NFS file system for Linux); the volume cannot be mounted. Use an FSx for Windows File Server volume on EC2, or a local volume.`,
        });
      }
      const docker = objAt(v, 'dockerVolumeConfiguration');
      const driver = known(docker?.driver);
      // Fargate rejects Docker volumes outright (fargate-volume-type).
      if (windows && !fargate && driver !== undefined && driver !== '' && driver !== WINDOWS_DOCKER_VOLUME_DRIVER) {
        ctx.report({
          path: ['volumes', i, 'dockerVolumeConfiguration', 'driver'],
          message: `${who} uses the Docker volume driver "${driver}", but Windows containers support only the "${WINDOWS_DOCKER_VOLUME_DRIVER}" driver; the volume cannot be created and the task does not start.`,
        });
      }
      if (isObj(v.fsxWindowsFileServerVolumeConfiguration) && ((windows && fargate) || explicitlyLinux(td))) {
        ctx.report({
          path: ['volumes', i, 'fsxWindowsFileServerVolumeConfiguration'],
          target: 'key',
          message: windows
            ? `${who} is an FSx for Windows File Server volume, which Windows containers on Fargate do not support (only on EC2 instances joined to the domain); the volume cannot be mounted.`
            : `${who} is an FSx for Windows File Server volume, but runtimePlatform says this is a Linux task: these volumes are for Windows containers on EC2 only, so the volume cannot be mounted.`,
        });
      }
    }
  },
};

const fargateWindowsFirelens: Rule = {
  id: 'fargate-windows-firelens',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'FireLens is not supported for Windows containers on Fargate',
  docs: DOCS.fargateWindows,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td) || !isWindows(td)) return;
    for (const { c, i, path } of containers(td)) {
      if (!isObj(c.firelensConfiguration)) continue;
      ctx.report({
        path: [...path, 'firelensConfiguration'],
        target: 'key',
        message: `${containerLabel(c, i, true)} is a FireLens log router, but the developer guide lists FireLens as not supported for Windows containers on Fargate, so the log router would not run (not confirmed against the live API). Send logs with the awslogs driver instead.`,
      });
    }
  },
};

const windowsEc2TaskSizeIgnored: Rule = {
  id: 'windows-ec2-task-size-ignored',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Task-level cpu and memory are ignored for Windows containers on EC2',
  docs: DOCS.taskSize,
  check(ctx) {
    const td = ctx.target.value;
    if (!isWindows(td) || !validatedForEc2Only(td)) return;
    for (const key of ['cpu', 'memory']) {
      if (!used(td[key])) continue;
      ctx.report({
        path: [key],
        target: 'key',
        message: `Task-level "${key}" is ignored for Windows containers on EC2: the containers run without the limit this suggests. Set "${key}" on each container definition instead${key === 'memory' ? ' (Windows containers take a hard memory limit only)' : ''}.`,
      });
    }
  },
};

/** The rules about where Windows tasks run and what they mount. */
export const windowsPlatformRules: Rule[] = [windowsVolumeType, fargateWindowsFirelens, windowsEc2TaskSizeIgnored];
