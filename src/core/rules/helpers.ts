/**
 * The helpers every rule module shares: readers over untrusted task-definition and service values, message
 * wording, and the paths fixes need. ECS facts (sizes, drivers, platforms, links) live in ../facts.
 */
import { valueAt } from '../document/paths';
import { containsPlaceholder } from '../document/placeholders';
import { FARGATE_PROVIDERS } from '../facts/platform';
import { suggest } from '../suggest';
import type { Diagnostic, EcsTarget, JsonPath } from '../types';
import { isObj, type Obj } from '../values';
import type { FixContext, FixProposal } from './types';

export { isObj, type Obj };

// ───────────────────────────── Reading untrusted values ─────────────────────────────

const NONE: readonly unknown[] = Object.freeze([]);

/** `v` when it is a list, else an empty list (the same one every time: do not change it). */
export function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : NONE;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A string value that is set and not a template placeholder (so it can be judged now). */
export function known(v: unknown): string | undefined {
  const s = str(v);
  return s !== undefined && !containsPlaceholder(s) ? s : undefined;
}

export function nonEmptyArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0;
}

export function objAt(o: Obj, key: string): Obj | undefined {
  const v = o[key];
  return isObj(v) ? v : undefined;
}

/** Each object entry of an array member, with its index. */
export function entries(o: Obj, key: string): Array<{ e: Obj; i: number }> {
  const list = o[key];
  const out: Array<{ e: Obj; i: number }> = [];
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length; i++) {
    const e: unknown = list[i];
    if (isObj(e)) out.push({ e, i });
  }
  return out;
}

/**
 * A value that actually sets something: not absent, null, false, an empty string, list or object.
 * Generators (ecspresso, describe output) write such empty values for unset members; ECS treats them as unset.
 */
export function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return Object.keys(v).length > 0;
  return true;
}

/** A member counts as used when it sets something real: not empty, not a template placeholder. */
export function used(v: unknown): boolean {
  return isSet(v) && !containsPlaceholder(v);
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** Bytes of `s` in UTF-8, counted by code point (the engine has no TextEncoder or Buffer to lean on). */
export function utf8Length(s: string): number {
  if (ASCII.test(s)) return s.length;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// ───────────────────────────── Task definitions and containers ─────────────────────────────

/** A list a rule module keeps per parsed task definition (see perTask). */
export interface TaskMemo<T> {
  readonly name: string;
  /** Where the value sits in the task definition's slots. */
  readonly slot: number;
  /** Only for type inference. */
  readonly type?: T;
}

let slotCount = 0;

export function taskMemo<T>(name: string): TaskMemo<T> {
  return { name, slot: slotCount++ };
}

/**
 * The values built from one task definition, one slot per memo: that of the task definition asked about last.
 * A lint asks about one task definition some hundred times in a row, so one is enough. Not a WeakMap keyed by
 * task definition: a weak entry keeps the lists of every document linted since the last full collection alive
 * through each young-generation collection (some 3 MB copied per collection while linting a 5 KB document in a
 * loop, two thirds of lint's garbage-collection time).
 */
let currentTd: Obj | undefined;
let currentSlots: unknown[] = [];

/**
 * `build(td)` computed once per parsed task definition while the rules look at it: for lists several rules walk.
 * Callers must not change the result.
 */
export function perTask<T>(memo: TaskMemo<T>, td: Obj, build: (td: Obj) => T): T {
  if (td !== currentTd) {
    currentTd = td;
    currentSlots = [];
  }
  const slots = currentSlots;
  let value = slots[memo.slot] as T | undefined;
  if (value === undefined) slots[memo.slot] = value = build(td);
  return value;
}

/** Drops the values perTask keeps (lint calls it when its rules are done), so that they die with the document. */
export function releaseTaskMemos(): void {
  currentTd = undefined;
  currentSlots = [];
}

type ContainerEntry = { c: Obj; i: number; path: JsonPath };
const containerMemo = taskMemo<readonly ContainerEntry[]>('containers');

/**
 * Each container definition with its index and path (relative to the task definition). Most rules walk the
 * containers, so the list is built once per parsed task definition; callers must not change it.
 */
export function containers(td: Obj): readonly ContainerEntry[] {
  return perTask(containerMemo, td, () => {
    const built: ContainerEntry[] = [];
    const defs = asArray(td.containerDefinitions);
    for (let i = 0; i < defs.length; i++) {
      const c = defs[i];
      if (isObj(c)) built.push({ c, i, path: ['containerDefinitions', i] });
    }
    return built;
  });
}

/** `networkMode` when it is a real value (a placeholder or an empty string says nothing yet). */
export function explicitNetworkMode(td: Obj): string | undefined {
  const mode = str(td.networkMode);
  return mode && !containsPlaceholder(mode) ? mode : undefined;
}

/** Path of the "FARGATE" entry in requiresCompatibilities: where a Fargate-only requirement comes from. */
export function fargateEntryPath(td: Obj): JsonPath {
  const index = asArray(td.requiresCompatibilities).indexOf('FARGATE');
  return index >= 0 ? ['requiresCompatibilities', index] : ['requiresCompatibilities'];
}

/** The logConfiguration of a container, when it is an object. */
export function logConfig(c: Obj): Obj | undefined {
  return isObj(c.logConfiguration) ? c.logConfiguration : undefined;
}

/** A container's log driver, when it is a real value. */
export function logDriver(c: Obj): string | undefined {
  return known(logConfig(c)?.logDriver);
}

type NameIndex = { names: ReadonlyMap<string, number>; templated: boolean };
const nameIndexMemo = taskMemo<NameIndex>('containerNames');

/**
 * The container names of a task (first index of each), and whether any name is still a template placeholder.
 * Built once per parsed task definition; callers must not change it.
 */
export function containerNameIndex(td: Obj): NameIndex {
  return perTask(nameIndexMemo, td, () => {
    const names = new Map<string, number>();
    let templated = false;
    for (const { c, i } of containers(td)) {
      const name = str(c.name);
      if (name === undefined) continue;
      if (!names.has(name)) names.set(name, i);
      if (containsPlaceholder(name)) templated = true;
    }
    return { names, templated };
  });
}

// ───────────────────────────── Services ─────────────────────────────

export function isDaemon(svc: Obj): boolean {
  return svc.schedulingStrategy === 'DAEMON';
}

/** The deployment controller type; ECS when not given. */
export function controllerType(svc: Obj): string | undefined {
  const dc = objAt(svc, 'deploymentController');
  if (!dc) return 'ECS';
  return dc.type === undefined ? 'ECS' : known(dc.type);
}

/**
 * True for update-service input, which names the service as `service`: members it leaves out keep their current
 * values, so "missing" cannot be judged from the file.
 */
export function isUpdateServiceInput(svc: Obj): boolean {
  return 'service' in svc && !('serviceName' in svc);
}

/** The deployment strategy; ROLLING when not given, undefined when it is a placeholder or not a string. */
export function deploymentStrategy(svc: Obj): string | undefined {
  const strategy = objAt(svc, 'deploymentConfiguration')?.strategy;
  return strategy === undefined ? 'ROLLING' : known(strategy);
}

/** True when the file is clearly create-service input (not update-service, not an ecspresso service file). */
export function isCreateServiceInput(svc: Obj): boolean {
  return typeof svc.serviceName === 'string' && typeof svc.taskDefinition === 'string' && !('service' in svc);
}

// ───────────────────────────── Message wording ─────────────────────────────

/**
 * How a message names a container: `container "web"`, or `container 3` when it has no usable name. With
 * `capital`, for the start of a sentence: `Container "web"`.
 */
export function containerLabel(c: Obj, i: number, capital = false): string {
  return `${capital ? 'Container' : 'container'} ${containerName(c, i)}`;
}

/** A container's name in quotes, or its position (`3`) when it has none: for lists of containers. */
export function containerName(c: Obj, i: number): string {
  const name = str(c.name);
  return name ? `"${name}"` : String(i + 1);
}

/** Where to report a problem about a container as a whole: its `name` value, else the container object. */
export function containerAnchor(c: Obj, path: JsonPath): JsonPath {
  return typeof c.name === 'string' ? [...path, 'name'] : path;
}

/** A list of words for messages: "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[], joiner = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${joiner} ${words[words.length - 1]}`;
}

/** `"a", "b" and "c"`: strings quoted, other values as they are. */
export function listOf(items: readonly unknown[], joiner = 'and'): string {
  return listWords(items.map((x) => (typeof x === 'string' ? `"${x}"` : String(x))), joiner);
}

/** The one candidate that equals `name` ignoring case (a likely typo), if exactly one does. */
export function sameIgnoringCase(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const hits = [...candidates].filter((c) => c !== name && c.toLowerCase() === lower);
  return hits.length === 1 ? hits[0] : undefined;
}

// ───────────────────────────── Fixes ─────────────────────────────

/** The absolute path the diagnostic was reported at (lint puts it into `data.path`). */
export function reportedPath(d: Diagnostic | FixContext): JsonPath | undefined {
  const diagnostic = 'diagnostic' in d ? d.diagnostic : d;
  const path = diagnostic.data?.path;
  return Array.isArray(path) ? path : undefined;
}

/** The ECS object a fix's diagnostic belongs to, with the diagnostic's absolute path. */
export function fixTarget(ctx: FixContext): { target: EcsTarget; path: JsonPath } | undefined {
  const path = reportedPath(ctx);
  const target = path && ctx.doc.targetAt(path);
  return path && target ? { target, path } : undefined;
}

/** The absolute path of the checked object a fix's diagnostic belongs to ([] for a plain file). */
export function baseOf(ctx: FixContext): JsonPath {
  return fixTarget(ctx)?.target.at ?? [];
}

/** The last key of a path, for fix titles. */
export function lastKey(path: JsonPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

/** A fix that removes the member (or list entry) the diagnostic points at. */
export function removeReported(ctx: FixContext, certain = true, title?: string): FixProposal[] | undefined {
  const path = reportedPath(ctx);
  if (!path || path.length === 0) return undefined;
  return [{ title: title ?? `Remove "${lastKey(path)}"`, changes: [{ path, remove: true }], certain }];
}

/**
 * A reference the diagnostic reported (a container or volume name, as a string at its path) and the names it
 * could mean, which the rule put into `data.names`. Undefined when the document no longer has it.
 */
export function reportedReference(ctx: FixContext): { path: JsonPath; wrong: string; names: string[] } | undefined {
  const path = reportedPath(ctx);
  const names = ctx.diagnostic.data?.names;
  const wrong = path ? valueAt(ctx.doc.json.value, path) : undefined;
  if (!path || typeof wrong !== 'string' || !Array.isArray(names)) return undefined;
  return { path, wrong, names: names.filter((n): n is string => typeof n === 'string') };
}

/** A fix that sets the member at `path` to `value`, titled with the value. */
export function changeTo(path: JsonPath, value: string, certain: boolean): FixProposal {
  return { title: `Change to "${value}"`, changes: [{ path, value }], certain };
}

/** The fix a rule prepared: set the reported member to the string it put in `data[key]`. */
export function changeReported(ctx: FixContext, key: string, certain: boolean): FixProposal[] | undefined {
  const path = reportedPath(ctx);
  const value = ctx.diagnostic.data?.[key];
  return path && typeof value === 'string' ? [changeTo(path, value, certain)] : undefined;
}

/** Proposals that point a reference (container or volume name) at the one the user probably meant. */
export function renameProposals(path: JsonPath, wrong: string, names: string[], makeValue: (name: string) => string = (n) => n): FixProposal[] {
  const caseOnly = sameIgnoringCase(wrong, names);
  if (caseOnly) return [changeTo(path, makeValue(caseOnly), true)];
  const near = suggest(wrong, names);
  if (near === undefined || near === wrong) return [];
  return [changeTo(path, makeValue(near), false)];
}

/**
 * How the service says it runs on Fargate: through `launchType`, or a FARGATE / FARGATE_SPOT capacity provider
 * (a strategy cannot mix Fargate and Auto Scaling group providers). Undefined when it does not say so.
 */
export function fargateSource(svc: Obj): { path: JsonPath; label: string } | undefined {
  if (svc.launchType === 'FARGATE') return { path: ['launchType'], label: 'launchType "FARGATE"' };
  for (const { e, i } of entries(svc, 'capacityProviderStrategy')) {
    const name = known(e.capacityProvider);
    if (name !== undefined && FARGATE_PROVIDERS.has(name)) {
      return { path: ['capacityProviderStrategy', i, 'capacityProvider'], label: `capacity provider "${name}"` };
    }
  }
  return undefined;
}
