/** References between containers and volumes: mountPoints, volumesFrom and links name things that exist. */
import { valueAt } from '../../document/paths';
import { containsPlaceholder } from '../../document/placeholders';
import type { FixProposal, Rule } from '../types';
import { DOCS, isWindows } from '../../facts';
import { asArray, changeTo, containerLabel, containerNameIndex, containers, isObj, type Obj, renameProposals, reportedPath, reportedReference, str } from '../helpers';

/** Names of the task's volumes, and whether any is still a template placeholder. */
function volumeNames(td: Obj): { names: string[]; templated: boolean } {
  const names = asArray(td.volumes).flatMap((v) => (isObj(v) && typeof v.name === 'string' ? [v.name] : []));
  return { names, templated: names.some(containsPlaceholder) };
}

function quoted(names: string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => `"${n}"`).join(', ');
}

export const mountPointVolume: Rule = {
  id: 'mount-point-unknown-volume',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'mountPoints name a volume of the task',
  docs: DOCS.mountPoint,
  check(ctx) {
    const td = ctx.target.value;
    const { names, templated } = volumeNames(td);
    if (templated) return;
    for (const { c, i, path } of containers(td)) {
      const mounts = asArray(c.mountPoints);
      for (let j = 0; j < mounts.length; j++) {
        const m = mounts[j];
        const source = isObj(m) ? str(m.sourceVolume) : undefined;
        if (source === undefined || source === '' || names.includes(source) || containsPlaceholder(source)) continue;
        ctx.report({
          path: [...path, 'mountPoints', j, 'sourceVolume'],
          message:
            `${containerLabel(c, i, true)} mounts volume "${source}", but the task's "volumes" list has no volume ` +
            `of that name (it has ${quoted(names)}). A mount point must name a volume declared at task level; ECS rejects ` +
            `this task definition.`,
          data: { names },
        });
      }
    }
  },
  fix(ctx) {
    const ref = reportedReference(ctx);
    if (!ref) return undefined;
    const { path, wrong, names } = ref;
    // path: [...at, 'containerDefinitions', i, 'mountPoints', j, 'sourceVolume']
    const at = path.slice(0, -6);
    const volumes = valueAt(ctx.doc.json.value, [...at, 'volumes']);
    const renames = renameProposals(path, wrong, names);
    // A volume can be added only to a list (or where there is none yet).
    if (volumes !== undefined && !Array.isArray(volumes)) return renames;
    const add = volumes === undefined ? { path: [...at, 'volumes'], value: [{ name: wrong }] } : { path: [...at, 'volumes', -1], value: { name: wrong } };
    return [...renames, { title: `Add a volume named "${wrong}" to the task`, changes: [add], certain: false }];
  },
};

/** Absolute in Linux (`/data`) or Windows (`C:\data`, `\\.\pipe\x`) terms. */
function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

export const mountPointPath: Rule = {
  id: 'mount-point-relative-path',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'mountPoints use an absolute containerPath',
  docs: DOCS.mountPoint,
  check(ctx) {
    const td = ctx.target.value;
    for (const { c, i, path } of containers(td)) {
      const mounts = asArray(c.mountPoints);
      for (let j = 0; j < mounts.length; j++) {
        const m = mounts[j];
        const target = isObj(m) ? str(m.containerPath) : undefined;
        if (target === undefined || isAbsolute(target) || containsPlaceholder(target)) continue;
        ctx.report({
          path: [...path, 'mountPoints', j, 'containerPath'],
          message:
            `containerPath "${target}" of ${containerLabel(c, i)} is not an absolute path. Docker only mounts ` +
            `volumes at absolute paths ("mount path must be absolute"), so the container would fail to start.`,
          data: { windows: isWindows(td) },
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const value = path ? valueAt(ctx.doc.json.value, path) : undefined;
    if (!path || typeof value !== 'string' || ctx.diagnostic.data?.windows === true) return undefined;
    const fixed = `/${value.replace(/^\.?\/*/, '')}`;
    return [changeTo(path, fixed, false)];
  },
};

export const volumesFromContainer: Rule = {
  id: 'volumes-from-unknown-container',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'volumesFrom names another container of the task',
  docs: DOCS.volumeFrom,
  check(ctx) {
    const td = ctx.target.value;
    const { names, templated } = containerNameIndex(td);
    for (const { c, i, path } of containers(td)) {
      const sources = asArray(c.volumesFrom);
      for (let j = 0; j < sources.length; j++) {
        const v = sources[j];
        const source = isObj(v) ? str(v.sourceContainer) : undefined;
        if (source === undefined || source === '' || containsPlaceholder(source)) continue;
        const own = source === c.name;
        if (!own && (names.has(source) || templated)) continue;
        ctx.report({
          path: [...path, 'volumesFrom', j, 'sourceContainer'],
          message: own
            ? `Container "${source}" lists itself in volumesFrom. volumesFrom mounts the volumes of another container of ` +
              `the task; a container cannot take them from itself. Remove the entry.`
            : `${containerLabel(c, i, true)} takes volumes from "${source}", but the task has no container of that name ` +
              `(it has ${quoted([...names.keys()])}). volumesFrom can only name a container of the same task definition.`,
          data: { names: [...names.keys()], own },
        });
      }
    }
  },
  fix(ctx) {
    const ref = reportedReference(ctx);
    if (!ref) return undefined;
    const { path, wrong, names } = ref;
    const remove: FixProposal = { title: 'Remove this volumesFrom entry', changes: [{ path: path.slice(0, -1), remove: true }], certain: ctx.diagnostic.data?.own === true };
    if (ctx.diagnostic.data?.own === true) return [remove];
    return [...renameProposals(path, wrong, names), remove];
  },
};

export const linkContainer: Rule = {
  id: 'link-unknown-container',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'links name containers of the task',
  docs: DOCS.container('links'),
  check(ctx) {
    const td = ctx.target.value;
    const { names, templated } = containerNameIndex(td);
    if (templated) return;
    for (const { c, i, path } of containers(td)) {
      const links = asArray(c.links);
      for (let j = 0; j < links.length; j++) {
        const link = links[j];
        if (typeof link !== 'string' || link === '' || containsPlaceholder(link)) continue;
        const target = link.split(':')[0];
        if (names.has(target)) continue;
        ctx.report({
          path: [...path, 'links', j],
          message:
            `${containerLabel(c, i, true)} links to "${target}", but the task has no container of that name ` +
            `(it has ${quoted([...names.keys()])}). A link ("name" or "name:alias") must name a container of the same task ` +
            `definition; Docker cannot create the link, so the container would not start.`,
          data: { names: [...names.keys()] },
        });
      }
    }
  },
  fix(ctx) {
    const ref = reportedReference(ctx);
    if (!ref) return undefined;
    const { path, wrong: link, names } = ref;
    const [target, ...alias] = link.split(':');
    const suffix = alias.length > 0 ? `:${alias.join(':')}` : '';
    return renameProposals(path, target, names, (n) => `${n}${suffix}`);
  },
};

export const storageRules: Rule[] = [mountPointVolume, mountPointPath, volumesFromContainer, linkContainer];
