/**
 * Which members differ between two canonical forms, as short paths for a confirmation ("Register ... ?
 * Changes: containerDefinitions[app].image, tags"). Lists of named items (containers, environment variables,
 * volumes, ...) are compared by name, so a changed container is named rather than numbered.
 */
import { isObj } from '../values';

const MAX_DEPTH = 3;

function nameOf(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  for (const k of ['name', 'key', 'containerName', 'sourceVolume', 'capacityProvider']) if (typeof v[k] === 'string') return v[k] as string;
  return undefined;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function walk(a: unknown, b: unknown, path: string, depth: number, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (depth < MAX_DEPTH && Array.isArray(a) && Array.isArray(b)) {
    const named = [...a, ...b].every((x) => nameOf(x) !== undefined);
    if (named) {
      const names = [...new Set([...a, ...b].map((x) => nameOf(x) as string))];
      for (const n of names) walk(a.find((x) => nameOf(x) === n), b.find((x) => nameOf(x) === n), `${path}[${n}]`, depth + 1, out);
      return;
    }
  }
  if (depth < MAX_DEPTH && isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) walk(a[k], b[k], join(path, k), depth + 1, out);
    return;
  }
  out.push(path || '(everything)');
}

/** The paths of the members that differ from `before` to `after` (canonical forms), in document order. */
export function changedMembers(before: unknown, after: unknown): string[] {
  const out: string[] = [];
  walk(before, after, '', 0, out);
  return out;
}

/** `a, b, c and 4 more`: a short list for a question or a notification. */
export function summarizeChanges(paths: readonly string[], max = 5): string {
  if (paths.length <= max) return paths.join(', ');
  return `${paths.slice(0, max).join(', ')} and ${paths.length - max} more`;
}
