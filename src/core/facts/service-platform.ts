/**
 * Where a service's tasks run, from the service's side: what each launch type takes, what Fargate Spot runs, and
 * which Fargate platform version a task definition needs. Values are untrusted JSON.
 */
import type { JsonPath } from '../types';
import { isObj } from '../values';
import { taskCpuUnits } from './sizes';

type Obj = Record<string, unknown>;

/** Launch types whose tasks have no Fargate platform version, so a service using them takes no platformVersion. */
export const LAUNCH_TYPES_WITHOUT_PLATFORM_VERSION: ReadonlySet<string> = new Set(['EC2', 'EXTERNAL']);

/** The launch type that can only be reached through a capacity provider strategy. */
export const CAPACITY_PROVIDER_ONLY_LAUNCH_TYPE = 'MANAGED_INSTANCES';

/** Service members that services on external instances (ECS Anywhere) cannot use, and why. */
export const EXTERNAL_UNSUPPORTED_SERVICE_MEMBERS: Readonly<Record<string, string>> = {
  loadBalancers: 'external instances cannot be registered with Elastic Load Balancing',
  serviceRegistries: 'service discovery (Cloud Map registries) is not supported for tasks on external instances',
  networkConfiguration: 'external instances do not support the awsvpc network mode, so there is no task network interface to configure',
};

/** Fargate Spot runs Linux tasks on X86_64 only: no Windows, no ARM64 (Graviton). */
export const FARGATE_SPOT_PLATFORM = { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' } as const;

/** The Fargate Linux platform versions a service can pin, oldest first (LATEST is 1.4.0). */
export const FARGATE_LINUX_PLATFORM_VERSIONS: readonly string[] = ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0'];

/**
 * The Fargate Linux platform versions AWS has retired: no new task or service can use them. 1.3.0 was the last,
 * on 16 March 2026 (15 June 2026 in the China Regions). Windows has its own 1.0.0, which is current.
 */
export const RETIRED_FARGATE_LINUX_PLATFORM_VERSIONS: readonly string[] = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];

/** Something a task definition uses that an older Fargate Linux platform version lacks. */
export interface PlatformVersionNeed {
  /** The oldest platform version that supports it. */
  version: string;
  /** What it is, for messages: `ephemeralStorage`, `container "app" dependsOn`. */
  what: string;
  /** Where it is in the task definition. */
  path: JsonPath;
}

function containerName(c: Obj, i: number): string {
  return typeof c.name === 'string' ? `container "${c.name}"` : `container ${i + 1}`;
}

/**
 * What a Linux task definition uses that needs a Fargate platform version newer than 1.0.0: 1.4.0 for ephemeral
 * storage, EFS volumes, pidMode task, added capabilities (SYS_PTRACE) and the 8 and 16 vCPU sizes; 1.3.0 for
 * container dependencies and start and stop timeouts (Fargate platform version release notes).
 */
export function fargatePlatformVersionNeeds(td: Obj): PlatformVersionNeed[] {
  const needs: PlatformVersionNeed[] = [];
  if (td.ephemeralStorage !== undefined) needs.push({ version: '1.4.0', what: 'ephemeralStorage', path: ['ephemeralStorage'] });
  if (td.pidMode === 'task') needs.push({ version: '1.4.0', what: 'pidMode "task"', path: ['pidMode'] });
  const cpu = taskCpuUnits(td.cpu);
  if (cpu !== undefined && cpu >= 8192) needs.push({ version: '1.4.0', what: `cpu ${cpu / 1024} vCPU`, path: ['cpu'] });
  const volumes = Array.isArray(td.volumes) ? td.volumes : [];
  volumes.forEach((v, i) => {
    if (isObj(v) && isObj(v.efsVolumeConfiguration)) needs.push({ version: '1.4.0', what: `EFS volume${typeof v.name === 'string' ? ` "${v.name}"` : ''}`, path: ['volumes', i, 'efsVolumeConfiguration'] });
  });
  const containers = Array.isArray(td.containerDefinitions) ? td.containerDefinitions : [];
  containers.forEach((c, i) => {
    if (!isObj(c)) return;
    const at: JsonPath = ['containerDefinitions', i];
    const capabilities = isObj(c.linuxParameters) && isObj(c.linuxParameters.capabilities) ? c.linuxParameters.capabilities : undefined;
    if (Array.isArray(capabilities?.add) && capabilities.add.length > 0) {
      needs.push({ version: '1.4.0', what: `${containerName(c, i)} linuxParameters.capabilities.add`, path: [...at, 'linuxParameters', 'capabilities', 'add'] });
    }
    if (Array.isArray(c.dependsOn) && c.dependsOn.length > 0) needs.push({ version: '1.3.0', what: `${containerName(c, i)} dependsOn`, path: [...at, 'dependsOn'] });
    for (const key of ['startTimeout', 'stopTimeout'] as const) {
      if (typeof c[key] === 'number') needs.push({ version: '1.3.0', what: `${containerName(c, i)} ${key}`, path: [...at, key] });
    }
  });
  return needs;
}

/** Compares two `x.y.z` versions: negative when `a` is older. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
