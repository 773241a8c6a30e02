/** Launch types and operating systems as a task definition or service states them. Values are untrusted JSON. */
import { isObj } from '../values';

type Obj = Record<string, unknown>;

/** The launch types named in `requiresCompatibilities` (strings only); empty when the member is omitted. */
export function compatibilities(td: Obj): string[] {
  return Array.isArray(td.requiresCompatibilities) ? td.requiresCompatibilities.filter((v): v is string => typeof v === 'string') : [];
}

function requires(td: Obj, launchType: string): boolean {
  // Asked by most rules for every document: no list is built for it.
  return Array.isArray(td.requiresCompatibilities) && td.requiresCompatibilities.includes(launchType);
}

/** The task must be able to run on Fargate (FARGATE is in requiresCompatibilities, alone or with others). */
export function isFargate(td: Obj): boolean {
  return requires(td, 'FARGATE');
}

/** The task must be able to run on external instances (ECS Anywhere): EXTERNAL is in requiresCompatibilities. */
export function isExternal(td: Obj): boolean {
  return requires(td, 'EXTERNAL');
}

/** The task must be able to run on Amazon ECS Managed Instances: MANAGED_INSTANCES is in requiresCompatibilities. */
export function isManagedInstances(td: Obj): boolean {
  return requires(td, 'MANAGED_INSTANCES');
}

/**
 * requiresCompatibilities is given and names only EC2 and/or EXTERNAL: the task never runs on Fargate or Managed
 * Instances. An omitted list says nothing yet (RunTask may still place a Fargate-compatible definition on
 * Fargate), so it does not count.
 */
export function isEc2OrExternalOnly(td: Obj): boolean {
  const compat = compatibilities(td);
  return compat.length > 0 && compat.every((c) => c === 'EC2' || c === 'EXTERNAL');
}

/**
 * ECS validates a task definition against EC2 unless requiresCompatibilities says otherwise: true when the list
 * is omitted or names only EC2 and/or EXTERNAL.
 */
export function validatedForEc2Only(td: Obj): boolean {
  return compatibilities(td).length === 0 || isEc2OrExternalOnly(td);
}

/** runtimePlatform.operatingSystemFamily is one of the WINDOWS_SERVER_* values. */
export function isWindows(td: Obj): boolean {
  const family = isObj(td.runtimePlatform) ? td.runtimePlatform.operatingSystemFamily : undefined;
  return typeof family === 'string' && family.startsWith('WINDOWS');
}

/** The capacity providers that run tasks on Fargate. */
export const FARGATE_PROVIDERS: ReadonlySet<string> = new Set(['FARGATE', 'FARGATE_SPOT']);
