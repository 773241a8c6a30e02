import type { JsonPath } from '../types';

/** `containerDefinitions[0].cpu`: how botocore (and so the AWS CLI's messages) names a parameter. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || 'input';
}

/** Turns ajv's JSON pointer into a path, using the data to tell array indexes from keys. */
export function pointerToPath(pointer: string, data: unknown): JsonPath {
  if (!pointer) return [];
  const path: JsonPath = [];
  let current: unknown = data;
  // Segment by segment with indexOf: no list of parts to allocate (lint converts every schema error's pointer).
  for (let from = 1; from <= pointer.length; ) {
    let to = pointer.indexOf('/', from);
    if (to < 0) to = pointer.length;
    const raw = pointer.slice(from, to);
    from = to + 1;
    const seg = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    if (Array.isArray(current)) {
      const index = Number(seg);
      path.push(index);
      current = current[index];
    } else {
      path.push(seg);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

export function valueAt(data: unknown, path: JsonPath): unknown {
  let current = data;
  for (const seg of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[seg];
  }
  return current;
}
