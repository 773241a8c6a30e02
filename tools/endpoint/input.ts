/**
 * Request members, validated the way ECS validates them, and paging. The SDK does not check required members
 * or list sizes on the client, so everything here is what a caller would otherwise only learn from AWS.
 */
import { EcsError, invalidParameter, missing } from './errors';
import { lastSegment } from './arns';
import type { Failure, Json } from './model';

/** A required string member. */
export function requiredString(input: Json, member: string): string {
  const v = input[member];
  if (typeof v !== 'string' || v.trim() === '') throw missing(member);
  return v;
}

/** An optional string member. */
export function optionalString(input: Json, member: string): string | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParameter(`${member} must be a string.`);
  return v;
}

/** An optional integer member within [min, max]. */
export function optionalInt(input: Json, member: string, min: number, max: number): number | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalidParameter(`${member} must be an integer between ${min} and ${max}.`);
  }
  return v;
}

/** An optional member restricted to a set of values. */
export function optionalEnum<T extends string>(input: Json, member: string, values: readonly T[]): T | undefined {
  const v = optionalString(input, member);
  if (v !== undefined && !values.includes(v as T)) throw invalidParameter(`${member} must be one of ${values.join(', ')}.`);
  return v as T | undefined;
}

/**
 * A list of identifiers with ECS's batch limit. ECS names the list in its messages ("service names can have at
 * most 10 items.", "taskIds can have at most 100 items."), so the caller passes that label.
 */
export function idList(input: Json, member: string, max: number, label: string, required = true): string[] {
  const v = input[member];
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
    if (required) throw invalidParameter(`${member[0].toUpperCase()}${member.slice(1)} cannot be empty.`);
    return [];
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) throw invalidParameter(`${member} must be a list of strings.`);
  if (v.length > max) throw invalidParameter(`${label} can have at most ${max} items.`);
  return v as string[];
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of `items`, which are sorted by `keyOf` (ascending, or descending with `descending`), so that a
 * resource created or deleted between two pages neither repeats nor hides the others. The token carries the
 * last key and a fingerprint of the query: ECS rejects a token used with other filters, and so does this.
 */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, input: Json, defaultSize: number, query: unknown, descending = false): Page<T> {
  const size = optionalInt(input, 'maxResults', 1, 100) ?? defaultSize;
  const fingerprint = JSON.stringify(query);
  let start = 0;
  const token = optionalString(input, 'nextToken');
  if (token !== undefined) {
    let decoded: { after?: unknown; query?: unknown };
    try {
      decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof decoded;
    } catch {
      throw invalidParameter('Invalid nextToken.');
    }
    if (typeof decoded.after !== 'string' || decoded.query !== fingerprint) throw invalidParameter('Invalid nextToken.');
    const after = decoded.after;
    const i = items.findIndex((item) => keyOf(item) === after);
    // The last item of the previous page is gone: continue after the first key that sorts after it.
    start = i >= 0 ? i + 1 : items.findIndex((item) => (descending ? keyOf(item) < after : keyOf(item) > after));
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + size);
  const more = start + size < items.length;
  return {
    items: page,
    nextToken: more ? Buffer.from(JSON.stringify({ after: keyOf(page[page.length - 1]), query: fingerprint })).toString('base64url') : undefined,
  };
}

/** Reads a JSON request body; a body that is not a JSON object is ECS's SerializationException. */
export function parseBody(raw: string): Json {
  if (raw.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw new EcsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new EcsError('SerializationException', 'Start of structure or map found where not expected.');
  return v as Json;
}

/**
 * What every Describe action does with its list: each id (name, id or ARN) found is rendered, each one missing
 * becomes a `failures[]` entry with reason MISSING and the ARN the id stands for. `find` gets the name or id
 * (the ARN's last segment) and the id as given.
 */
export function describeEach<T>(ids: readonly string[], find: (key: string, id: string) => T | undefined, render: (item: T) => unknown, arnOf: (id: string) => string): { items: Json[]; failures: Failure[] } {
  const items: Json[] = [];
  const failures: Failure[] = [];
  for (const id of ids) {
    const found = find(lastSegment(id), id);
    if (found) items.push(render(found) as Json);
    else failures.push({ arn: id.startsWith('arn:') ? id : arnOf(id), reason: 'MISSING' });
  }
  return { items, failures };
}
