/** Helpers shared by the task-definition rules: launch-type readers, message words, fix plumbing, doc links. */
import type { EcsTarget } from '../../document';
import { containsPlaceholder } from '../../placeholders';
import type { JsonPath } from '../../types';
import type { FixContext, FixProposal } from '../types';
import { asArray, isObj, str, type Obj } from '../util';

const GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide';
const API = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference';

/** Where each rule sends the reader. */
export const DOCS = {
  taskSize: `${GUIDE}/fargate-tasks-services.html#fargate-tasks-size`,
  taskCpu: `${GUIDE}/task_definition_parameters.html#task_size`,
  networkMode: `${GUIDE}/task_definition_parameters.html#network_mode`,
  portMapping: `${API}/API_PortMapping.html`,
  containerDefinition: `${API}/API_ContainerDefinition.html`,
  fargate: `${GUIDE}/fargate-tasks-services.html`,
  windows: `${GUIDE}/windows_task_definitions.html`,
  executionRole: `${GUIDE}/task_execution_IAM_role.html`,
  awslogs: `${GUIDE}/using_awslogs.html`,
  logConfiguration: `${API}/API_LogConfiguration.html`,
  firelens: `${GUIDE}/using_firelens.html`,
  quotas: `${GUIDE}/service-quotas.html`,
  ephemeralStorage: `${API}/API_EphemeralStorage.html`,
  linuxParameters: `${API}/API_LinuxParameters.html`,
  volumes: `${API}/API_Volume.html`,
};

/** The launch types named in `requiresCompatibilities` (strings only). */
export function compatibilities(td: Obj): string[] {
  return asArray(td.requiresCompatibilities).filter((v): v is string => typeof v === 'string');
}

/** requiresCompatibilities is given and names only EC2 and/or EXTERNAL: the task never runs on Fargate. */
export function isEc2OrExternalOnly(td: Obj): boolean {
  const compat = compatibilities(td);
  return compat.length > 0 && compat.every((c) => c === 'EC2' || c === 'EXTERNAL');
}

/** Path of the "FARGATE" entry in requiresCompatibilities: where a Fargate-only requirement comes from. */
export function fargateEntryPath(td: Obj): JsonPath {
  const index = asArray(td.requiresCompatibilities).indexOf('FARGATE');
  return index >= 0 ? ['requiresCompatibilities', index] : ['requiresCompatibilities'];
}

/** `networkMode` when it is a real value (a placeholder or an empty string says nothing yet). */
export function explicitNetworkMode(td: Obj): string | undefined {
  const mode = str(td.networkMode);
  return mode && !containsPlaceholder(mode) ? mode : undefined;
}

/** A container's name for messages: `container "web"`, or `container 2` when it has no usable name. */
export function containerLabel(c: Obj, i: number): string {
  const name = str(c.name);
  return name ? `container "${name}"` : `container ${i + 1}`;
}

/** A list of words for messages: "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[], joiner = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${joiner} ${words[words.length - 1]}`;
}

/** The logConfiguration of a container, when it is an object. */
export function logConfig(c: Obj): Obj | undefined {
  return isObj(c.logConfiguration) ? c.logConfiguration : undefined;
}

/** A container's log driver, when it is a real value. */
export function logDriver(c: Obj): string | undefined {
  const driver = str(logConfig(c)?.logDriver);
  return driver && !containsPlaceholder(driver) ? driver : undefined;
}

/** The ECS object a fix's diagnostic belongs to, with the diagnostic's absolute path. */
export function fixTarget(ctx: FixContext): { target: EcsTarget; path: JsonPath } | undefined {
  const path = ctx.diagnostic.data?.path;
  if (!Array.isArray(path)) return undefined;
  let best: EcsTarget | undefined;
  for (const t of ctx.doc.targets) {
    const prefix = t.at.length <= path.length && t.at.every((seg, i) => path[i] === seg);
    if (prefix && (!best || t.at.length > best.at.length)) best = t;
  }
  return best ? { target: best, path } : undefined;
}

/** The last key of a path, for fix titles. */
export function lastKey(path: JsonPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

/** A fix that removes the member (or list entry) the diagnostic points at. */
export function removeReported(ctx: FixContext, certain = true, title?: string): FixProposal[] | undefined {
  const path = ctx.diagnostic.data?.path;
  if (!Array.isArray(path) || path.length === 0) return undefined;
  return [{ title: title ?? `Remove "${lastKey(path)}"`, changes: [{ path, remove: true }], certain }];
}

/** A fix that sets the value the diagnostic points at to `data.value`. */
export function setReported(ctx: FixContext, certain = true): FixProposal[] | undefined {
  const path = ctx.diagnostic.data?.path;
  const value = ctx.diagnostic.data?.value;
  if (!Array.isArray(path) || value === undefined) return undefined;
  return [{ title: `Set "${lastKey(path)}" to ${JSON.stringify(value)}`, changes: [{ path, value }], certain }];
}
