/** Small readers over a task definition or service value, shared by rules. Values are untrusted JSON. */
import type { JsonPath } from '../types';

import { isObj, type Obj } from '../values';

export { isObj, type Obj };

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

type ContainerEntry = { c: Obj; i: number; path: JsonPath };
const containerCache = new WeakMap<Obj, readonly ContainerEntry[]>();

/**
 * Each container definition with its index and path (relative to the task definition). Most rules walk the
 * containers, so the list is built once per parsed task definition; callers must not change it.
 */
export function containers(td: Obj): readonly ContainerEntry[] {
  let list = containerCache.get(td);
  if (!list) {
    list = asArray(td.containerDefinitions).flatMap((c, i) => (isObj(c) ? [{ c, i, path: ['containerDefinitions', i] }] : []));
    containerCache.set(td, list);
  }
  return list;
}

export function requires(td: Obj, launchType: string): boolean {
  return asArray(td.requiresCompatibilities).includes(launchType);
}

/** The task must be able to run on Fargate (FARGATE is in requiresCompatibilities, alone or with EC2). */
export function isFargate(td: Obj): boolean {
  return requires(td, 'FARGATE');
}

/** `networkMode` as ECS applies it: omitted means bridge on Linux EC2 (and "default" on Windows). */
export function networkMode(td: Obj): string | undefined {
  return str(td.networkMode);
}

export function isWindows(td: Obj): boolean {
  const family = isObj(td.runtimePlatform) ? str(td.runtimePlatform.operatingSystemFamily) : undefined;
  return family !== undefined && family.startsWith('WINDOWS');
}

/** Task-level cpu in CPU units: "1024" → 1024, "1 vCPU" → 1024, ".25 vcpu" → 256. */
export function taskCpuUnits(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d*\.?\d+)\s*(vcpu)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * 1024) : n;
}

/** Task-level memory in MiB: "2048" → 2048, "2 GB" → 2048. */
export function taskMemoryMiB(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d*\.?\d+)\s*(gb)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * 1024) : n;
}

// ───────────────────────── Container rules (src/core/rules/container/) ─────────────────────────

/** How a message names a container: `"web"`, or `containerDefinitions[2]` when it has no name. */
export function containerLabel(c: Obj, i: number): string {
  const name = str(c.name);
  return name ? `"${name}"` : `containerDefinitions[${i}]`;
}

/** Where to report a problem about a container as a whole: its `name` value, else the container object. */
export function containerAnchor(c: Obj, path: JsonPath): JsonPath {
  return typeof c.name === 'string' ? [...path, 'name'] : path;
}

/** The one candidate that equals `name` ignoring case (a likely typo), if exactly one does. */
export function sameIgnoringCase(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const hits = [...candidates].filter((c) => c !== name && c.toLowerCase() === lower);
  return hits.length === 1 ? hits[0] : undefined;
}

// ───────────────────────────── Task-definition rules (src/core/rules/task) ─────────────────────────────

/** Valid Fargate task sizes: for each task cpu (units), the memory values (MiB) it allows. 74 pairs in all. */
export const FARGATE_SIZES: ReadonlyArray<{ cpu: number; memory: readonly number[] }> = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: steps(1024, 4096, 1024) },
  { cpu: 1024, memory: steps(2048, 8192, 1024) },
  { cpu: 2048, memory: steps(4096, 16384, 1024) },
  { cpu: 4096, memory: steps(8192, 30720, 1024) },
  { cpu: 8192, memory: steps(16384, 61440, 4096) },
  { cpu: 16384, memory: steps(32768, 122880, 8192) },
];

function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** The memory values (MiB) Fargate allows with `cpu` units, or undefined when `cpu` is not a Fargate size. */
export function fargateMemoryChoices(cpu: number): readonly number[] | undefined {
  return FARGATE_SIZES.find((s) => s.cpu === cpu)?.memory;
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
