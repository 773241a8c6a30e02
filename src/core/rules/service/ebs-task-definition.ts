/**
 * A service's EBS volumes against the task definition it names: each volume configuration fills a volume that the
 * task definition defers to launch (configuredAtLaunch), and the file system suits the task's operating system.
 * Silent unless the caller's workspace holds that task definition.
 */
import type { Rule } from '../types';
import { managedVolumes } from './ebs';
import { linkedTaskDefinition } from './linked';
import { DOCS, EBS_DEFAULT_LINUX_FILESYSTEM, EBS_FILESYSTEMS, isWindows } from '../../facts';
import { containsPlaceholder } from '../../document/placeholders';
import { changeReported, entries, isUpdateServiceInput, known, listOf, type Obj, renameProposals, reportedPath, str } from '../helpers';

/** The task definition's volumes by name, or undefined when a name is still a template placeholder. */
function volumesByName(td: Obj): Map<string, Obj> | undefined {
  const out = new Map<string, Obj>();
  for (const { e } of entries(td, 'volumes')) {
    const name = str(e.name);
    if (name === undefined) continue;
    if (containsPlaceholder(name)) return undefined;
    if (!out.has(name)) out.set(name, e);
  }
  return out;
}

function atLaunchNames(volumes: Map<string, Obj>): string[] {
  return [...volumes].filter(([, v]) => v.configuredAtLaunch === true).map(([n]) => n);
}

export const volumeConfigurationName: Rule = {
  id: 'service-td-volume-configuration',
  severity: 'error',
  appliesTo: 'service',
  title: "A volume configuration names a volume the task definition configures at launch",
  docs: DOCS.serviceVolumeConfiguration,
  check(ctx) {
    const svc = ctx.target.value;
    const linked = entries(svc, 'volumeConfigurations').length > 0 ? linkedTaskDefinition(ctx) : undefined;
    const volumes = linked && volumesByName(linked.td);
    if (!linked || !volumes) return;
    const atLaunch = atLaunchNames(volumes);
    for (const { e, i } of entries(svc, 'volumeConfigurations')) {
      const name = known(e.name);
      if (name === undefined) continue;
      const volume = volumes.get(name);
      // A string here is a placeholder (or the schema's type error): nothing to judge yet.
      if (volume?.configuredAtLaunch === true || typeof volume?.configuredAtLaunch === 'string') continue;
      const offer = atLaunch.length > 0 ? ` Its volume configured at launch is ${listOf(atLaunch, 'or')}.` : ' It has no volume with "configuredAtLaunch": true.';
      ctx.report({
        path: ['volumeConfigurations', i, 'name'],
        message: volume
          ? `Volume "${name}" of task definition "${linked.reference}" is not configured at launch ("configuredAtLaunch" is not true), so its storage is fixed by the task definition ` +
            'and the service cannot attach an EBS volume to it; ECS rejects the service. Set "configuredAtLaunch": true on that volume (and nothing else but its name), or name another volume.' + offer
          : `Task definition "${linked.reference}" has no volume named "${name}": the EBS volume ECS creates for each task must fill a volume the task definition declares with ` +
            '"configuredAtLaunch": true, and mounts through its mountPoints. ECS rejects the service.' + offer,
        data: { wrong: name, names: atLaunch },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const { wrong, names } = ctx.diagnostic.data ?? {};
    if (!path || typeof wrong !== 'string' || !Array.isArray(names)) return undefined;
    const candidates = names.filter((n): n is string => typeof n === 'string');
    const proposals = renameProposals(path, wrong, candidates);
    if (proposals.length > 0 || candidates.length !== 1) return proposals;
    return [{ title: `Change to "${candidates[0]}"`, changes: [{ path, value: candidates[0] }], certain: false }];
  },
};

export const volumeConfigurationMissing: Rule = {
  id: 'service-td-volume-configuration-missing',
  severity: 'warning',
  appliesTo: 'service',
  title: 'A volume the task definition configures at launch gets a volume configuration from the service',
  docs: DOCS.ebsVolumes,
  check(ctx) {
    const svc = ctx.target.value;
    // update-service input that leaves volumeConfigurations out keeps the service's current ones.
    if (ctx.doc.kind === 'services-describe' || isUpdateServiceInput(svc)) return;
    const linked = linkedTaskDefinition(ctx);
    const volumes = linked && volumesByName(linked.td);
    if (!linked || !volumes) return;
    const configured = entries(svc, 'volumeConfigurations').map(({ e }) => e.name);
    if (configured.some((n) => typeof n === 'string' && containsPlaceholder(n))) return;
    const missing = atLaunchNames(volumes).filter((n) => !configured.includes(n));
    if (missing.length === 0) return;
    const inFile = 'volumeConfigurations' in svc;
    ctx.report({
      path: inFile ? ['volumeConfigurations'] : ['taskDefinition'],
      target: inFile ? 'key' : 'value',
      message:
        `Task definition "${linked.reference}" defers volume ${listOf(missing)} to launch ("configuredAtLaunch": true), but this service gives no volume configuration for it. ` +
        'Such a volume gets its storage only from the service that runs the task, so ECS cannot start the tasks as defined. ' +
        `Add a volumeConfigurations entry named ${listOf(missing, 'or')} with its managedEBSVolume settings.`,
    });
  },
};

export const ebsFilesystemType: Rule = {
  id: 'service-td-ebs-filesystem-type',
  severity: 'warning',
  appliesTo: 'service',
  title: "An EBS volume's file system suits the task's operating system",
  docs: DOCS.serviceManagedEbs,
  check(ctx) {
    const svc = ctx.target.value;
    const volumes = managedVolumes(svc).filter(({ v }) => known(v.filesystemType) !== undefined);
    const linked = volumes.length > 0 ? linkedTaskDefinition(ctx) : undefined;
    if (!linked) return;
    const windows = isWindows(linked.td);
    const fitting: readonly string[] = windows ? EBS_FILESYSTEMS.windows : EBS_FILESYSTEMS.linux;
    for (const { v, path } of volumes) {
      const fs = known(v.filesystemType) as string;
      if (fitting.includes(fs)) continue;
      ctx.report({
        path: [...path, 'filesystemType'],
        message: windows
          ? `Task definition "${linked.reference}" runs Windows containers, which mount EBS volumes formatted as NTFS only; a "${fs}" volume cannot be mounted and the tasks fail to start. Use "ntfs".`
          : `Task definition "${linked.reference}" runs Linux containers, which mount EBS volumes as ext3, ext4 or xfs; an "${fs}" volume cannot be mounted and the tasks fail to start. ` +
            'Use "xfs" (the default) or the file system of the snapshot the volume comes from.',
        data: { candidate: windows ? 'ntfs' : EBS_DEFAULT_LINUX_FILESYSTEM, certain: windows },
      });
    }
  },
  fix(ctx) {
    return changeReported(ctx, 'candidate', ctx.diagnostic.data?.certain === true);
  },
};

export const ebsTaskDefinitionRules: Rule[] = [volumeConfigurationName, volumeConfigurationMissing, ebsFilesystemType];
