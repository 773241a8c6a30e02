/** Linux kernel settings of containers: capability names, tmpfs mount options, swap, and namespaced sysctls. */
import { valueAt } from '../../document/paths';
import { suggest } from '../../suggest';
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { capabilityName, DOCS, isFargate, isWindows, LINUX_CAPABILITIES, NEWER_LINUX_CAPABILITIES, sysctlNamespace, TMPFS_MOUNT_OPTIONS, TMPFS_VALUED_OPTIONS } from '../../facts';
import { asArray, changeReported, containerLabel, containers, entries, explicitNetworkMode, isObj, known, num, type Obj, objAt, perTask, reportedPath, sameIgnoringCase, str, taskMemo } from '../helpers';

const CAPABILITY_NAMES = [...LINUX_CAPABILITIES];

const linuxCapabilityName: Rule = {
  id: 'linux-capability-name',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Capabilities are Linux capability names the API lists',
  docs: DOCS.kernelCapabilities,
  check(ctx) {
    const td = ctx.target.value;
    const fargate = isFargate(td);
    for (const { c, i, path } of containers(td)) {
      const lp = objAt(c, 'linuxParameters');
      const caps = lp && objAt(lp, 'capabilities');
      if (!caps) continue;
      for (const list of ['add', 'drop'] as const) {
        // On Fargate every capability added besides SYS_PTRACE is already an error (fargate-capabilities).
        if (fargate && list === 'add') continue;
        const values = asArray(caps[list]);
        for (let j = 0; j < values.length; j++) {
          const v = values[j];
          const cap = known(v);
          if (cap === undefined || cap === '') continue;
          const name = capabilityName(cap);
          if (LINUX_CAPABILITIES.has(name) || NEWER_LINUX_CAPABILITIES.has(name)) continue;
          const near = suggest(name, CAPABILITY_NAMES);
          ctx.report({
            path: [...path, 'linuxParameters', 'capabilities', list, j],
            message: `${containerLabel(c, i, true)} ${list === 'add' ? 'adds' : 'drops'} "${cap}", which is no Linux capability ECS knows${near ? ` (did you mean "${near}"?)` : ''}; capabilities are names such as NET_ADMIN or SYS_PTRACE, and ECS rejects an unknown one at registration.`,
            data: near ? { value: near } : undefined,
          });
        }
      }
    }
  },
  fix(ctx) {
    return changeReported(ctx, 'value', false);
  },
};

/** Whether Docker can mount a tmpfs with this option: a listed one, or a listed one with a value ("mode=1777"). */
function isTmpfsOption(option: string): boolean {
  const eq = option.indexOf('=');
  return eq < 0 ? TMPFS_MOUNT_OPTIONS.has(option) : TMPFS_VALUED_OPTIONS.has(option.slice(0, eq)) && eq < option.length - 1;
}

const tmpfsMountOption: Rule = {
  id: 'tmpfs-mount-option',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'tmpfs mount options are the ones the API lists',
  docs: DOCS.tmpfs,
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      const lp = objAt(c, 'linuxParameters');
      for (const { e: t, i: k } of lp ? entries(lp, 'tmpfs') : []) {
        const options = asArray(t.mountOptions);
        for (let j = 0; j < options.length; j++) {
          const o = options[j];
          const option = known(o);
          if (option === undefined || isTmpfsOption(option)) continue;
          const fixedCase = sameIgnoringCase(option, TMPFS_MOUNT_OPTIONS) ?? (TMPFS_MOUNT_OPTIONS.has(option.toLowerCase()) ? option.toLowerCase() : undefined);
          ctx.report({
            path: [...path, 'linuxParameters', 'tmpfs', k, 'mountOptions', j],
            message: `The tmpfs mount at ${str(t.containerPath) ? `"${str(t.containerPath)}"` : `tmpfs ${k + 1}`} of ${containerLabel(c, i)} has the mount option "${option}", which is not one ECS lists (defaults, ro, rw, noexec, nosuid, mode, uid, ...); Docker cannot mount the tmpfs with it and the container fails to start.${option.startsWith('size') ? ' Give the size with the tmpfs "size" member instead.' : ''}`,
            data: fixedCase ? { value: fixedCase } : undefined,
          });
        }
      }
    }
  },
  fix(ctx) {
    // Mount options are lower case; the same word in another case has one meaning.
    return changeReported(ctx, 'value', true);
  },
};

const swappinessWithoutMaxSwap: Rule = {
  id: 'swappiness-without-max-swap',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'swappiness has an effect only with maxSwap',
  docs: DOCS.linuxParameters,
  check(ctx) {
    const td = ctx.target.value;
    // Fargate supports neither (fargate-unsupported-container-parameter).
    if (isFargate(td)) return;
    for (const { c, i, path } of containers(td)) {
      const lp = objAt(c, 'linuxParameters');
      if (!lp || num(lp.swappiness) === undefined || (lp.maxSwap !== undefined && lp.maxSwap !== null)) continue;
      ctx.report({
        path: [...path, 'linuxParameters', 'swappiness'],
        target: 'key',
        message: `${containerLabel(c, i, true)} sets swappiness but not maxSwap; ECS ignores swappiness unless maxSwap is set, so the container runs with the instance's default swap behaviour. Set maxSwap (0 turns swap off), or remove swappiness.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path ? [{ title: 'Remove "swappiness" (it has no effect)', changes: [{ path, remove: true }], certain: false }] : undefined;
  },
};

type Sysctl = { c: Obj; i: number; path: JsonPath; name: string; value?: string; ns?: 'ipc' | 'network' };
const sysctlMemo = taskMemo<readonly Sysctl[]>('systemControls');

/** Each sysctl a container sets, with the namespace it belongs to; built once per task definition (do not change it). */
function sysctls(td: Obj): readonly Sysctl[] {
  return perTask(sysctlMemo, td, () => {
    const out: Sysctl[] = [];
    for (const { c, i, path } of containers(td)) {
      const list = c.systemControls;
      if (!Array.isArray(list)) continue;
      for (let j = 0; j < list.length; j++) {
        const e: unknown = list[j];
        if (!isObj(e)) continue;
        const name = known(e.namespace);
        if (name !== undefined && name !== '') out.push({ c, i, path: [...path, 'systemControls', j], name, value: known(e.value), ns: sysctlNamespace(name) });
      }
    }
    return out;
  });
}

const systemControlNamespace: Rule = {
  id: 'system-control-namespace',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'systemControls set only namespaced sysctls (IPC and net.*)',
  docs: DOCS.systemControl,
  check(ctx) {
    const td = ctx.target.value;
    // Windows rejects systemControls altogether (windows-unsupported-container-parameter).
    if (isWindows(td)) return;
    for (const s of sysctls(td)) {
      if (s.ns !== undefined) continue;
      ctx.report({
        path: [...s.path, 'namespace'],
        message: `${containerLabel(s.c, s.i, true)} sets the sysctl "${s.name}", which the kernel does not namespace per container: Docker sets only IPC sysctls (kernel.msgmax, kernel.msgmnb, kernel.msgmni, kernel.sem, kernel.shmall, kernel.shmmax, kernel.shmmni, kernel.shm_rmid_forced, fs.mqueue.*) and net.*, and the container fails to start with any other. Set host-wide sysctls on the instance instead.`,
      });
    }
  },
};

const systemControlHostNamespace: Rule = {
  id: 'system-control-host-namespace',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'No net.* sysctls in host network mode, no IPC sysctls with ipcMode host',
  docs: DOCS.systemControls,
  check(ctx) {
    const td = ctx.target.value;
    const hostNetwork = explicitNetworkMode(td) === 'host';
    const hostIpc = td.ipcMode === 'host';
    if (!hostNetwork && !hostIpc) return;
    for (const s of sysctls(td)) {
      const clash = (s.ns === 'network' && hostNetwork) || (s.ns === 'ipc' && hostIpc);
      if (!clash) continue;
      const what = s.ns === 'network' ? 'networkMode "host"' : 'ipcMode "host"';
      ctx.report({
        path: [...s.path, 'namespace'],
        message: `${containerLabel(s.c, s.i, true)} sets the ${s.ns === 'network' ? 'network' : 'IPC'} sysctl "${s.name}", but with ${what} the container shares the instance's ${s.ns === 'network' ? 'network' : 'IPC'} namespace, so the setting would change the instance itself; Docker refuses to start the container. Set it on the instance, or leave host mode.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path ? [{ title: 'Remove this system control', changes: [{ path: path.slice(0, -1), remove: true }], certain: false }] : undefined;
  },
};

const systemControlConflict: Rule = {
  id: 'system-control-conflict',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Containers that share a namespace set a sysctl to the same value',
  docs: DOCS.systemControls,
  check(ctx) {
    const td = ctx.target.value;
    const list = sysctls(td);
    // A conflict takes two containers' sysctls.
    if (list.length < 2) return;
    const sharedNetwork = (explicitNetworkMode(td) ?? (isFargate(td) ? 'awsvpc' : undefined)) === 'awsvpc';
    const sharedIpc = td.ipcMode === 'task';
    const first = new Map<string, { c: Obj; i: number; value: string }>();
    for (const s of list) {
      if (s.value === undefined || !((s.ns === 'network' && sharedNetwork) || (s.ns === 'ipc' && sharedIpc))) continue;
      const earlier = first.get(s.name);
      if (!earlier) {
        first.set(s.name, { c: s.c, i: s.i, value: s.value });
        continue;
      }
      if (earlier.i === s.i || earlier.value === s.value) continue;
      ctx.report({
        path: [...s.path, 'value'],
        message: `${containerLabel(s.c, s.i, true)} sets "${s.name}" to "${s.value}", but ${containerLabel(earlier.c, earlier.i)} sets it to "${earlier.value}"; ${s.ns === 'network' ? 'in awsvpc mode the containers share one network namespace' : 'with ipcMode "task" the containers share one IPC namespace'}, so the sysctl applies to the whole task and the last container to start wins. Use one value.`,
        data: { value: earlier.value },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const value = ctx.diagnostic.data?.value;
    if (!path || typeof value !== 'string' || typeof valueAt(ctx.doc.json.value, path) !== 'string') return undefined;
    return [{ title: `Use "${value}" like the other container`, changes: [{ path, value }], certain: false }];
  },
};

/** The rules about Linux kernel settings of containers. */
export const kernelRules: Rule[] = [linuxCapabilityName, tmpfsMountOption, swappinessWithoutMaxSwap, systemControlNamespace, systemControlHostNamespace, systemControlConflict];
