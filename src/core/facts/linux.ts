/**
 * Linux kernel settings a container definition names: capabilities, tmpfs mount options and namespaced sysctls,
 * as the ECS API reference lists them (KernelCapabilities, Tmpfs, SystemControl).
 */

/** The capability names the ECS API lists for linuxParameters.capabilities add and drop. */
export const LINUX_CAPABILITIES: ReadonlySet<string> = new Set([
  'ALL', 'AUDIT_CONTROL', 'AUDIT_WRITE', 'BLOCK_SUSPEND', 'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID',
  'IPC_LOCK', 'IPC_OWNER', 'KILL', 'LEASE', 'LINUX_IMMUTABLE', 'MAC_ADMIN', 'MAC_OVERRIDE', 'MKNOD', 'NET_ADMIN',
  'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_ADMIN', 'SYS_BOOT',
  'SYS_CHROOT', 'SYS_MODULE', 'SYS_NICE', 'SYS_PACCT', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_RESOURCE', 'SYS_TIME',
  'SYS_TTY_CONFIG', 'SYSLOG', 'WAKE_ALARM',
]);

/**
 * Capabilities of newer kernels (5.8 and later) that the ECS list predates. Docker knows them; whether ECS refuses
 * them at registration is not confirmed, so they are not reported.
 */
export const NEWER_LINUX_CAPABILITIES: ReadonlySet<string> = new Set(['AUDIT_READ', 'BPF', 'CHECKPOINT_RESTORE', 'PERFMON']);

/**
 * A capability name as Docker reads it: in any case, with or without the CAP_ prefix. The API lists bare upper-case
 * names, but the developer guide itself writes CAP_SYS_PTRACE, so both spellings are accepted.
 */
export function capabilityName(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** The tmpfs mount options the ECS API lists (Tmpfs.mountOptions). */
export const TMPFS_MOUNT_OPTIONS: ReadonlySet<string> = new Set([
  'defaults', 'ro', 'rw', 'suid', 'nosuid', 'dev', 'nodev', 'exec', 'noexec', 'sync', 'async', 'dirsync', 'remount',
  'mand', 'nomand', 'atime', 'noatime', 'diratime', 'nodiratime', 'bind', 'rbind', 'unbindable', 'runbindable',
  'private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave', 'relatime', 'norelatime', 'strictatime',
  'nostrictatime', 'mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol',
]);

/** The listed tmpfs options that take a value, written "mode=1777" or "uid=1000" as mount(8) reads them. */
export const TMPFS_VALUED_OPTIONS: ReadonlySet<string> = new Set(['mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol']);

/** The IPC sysctls Docker namespaces per container (besides every fs.mqueue.* name). */
export const IPC_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced',
]);

/** The kernel namespace a sysctl lives in, or undefined when Docker cannot set it per container (not namespaced). */
export function sysctlNamespace(name: string): 'ipc' | 'network' | undefined {
  if (IPC_SYSCTLS.has(name) || name.startsWith('fs.mqueue.')) return 'ipc';
  if (name.startsWith('net.')) return 'network';
  return undefined;
}
