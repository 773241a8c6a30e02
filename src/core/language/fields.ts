/**
 * What the schema knows about one member: its type in words, allowed values, range, default, whether it is
 * required and where it applies. Hovers, completion documentation and `ecs-lens explain` share this summary.
 */
import { API_DEFAULTS } from '../facts/defaults';
import { schemaAt, schemaFor, type SchemaNode } from '../schema/info';
import type { JsonPath } from '../types';

export interface Field {
  kind: 'task-definition' | 'service';
  /** The member's path relative to the task definition or service. */
  path: JsonPath;
  /** The key name (for list items, the list's key with `[]`). */
  name: string;
  schema: SchemaNode;
  /** The API shape that owns the member (`PortMapping`, `RegisterTaskDefinitionRequest`, ...). */
  shape: string;
  required: boolean;
  /** What ECS assumes when the member is left out, and under which condition. */
  default?: { value: unknown; when?: string };
}

const ROOT_SHAPE = { 'task-definition': 'RegisterTaskDefinitionRequest', service: 'CreateServiceRequest' } as const;

/** The member at `path`, when the schema describes it (a key of a map, such as a docker label, counts). */
export function fieldAt(kind: 'task-definition' | 'service', path: JsonPath): Field | undefined {
  const root = schemaFor(kind);
  const schema = schemaAt(root, path);
  if (!schema || path.length === 0) return undefined;
  let end = path.length - 1;
  while (end > 0 && typeof path[end] === 'number') end--;
  const key = path[end];
  const parent = schemaAt(root, path.slice(0, end));
  const isMember = typeof key === 'string' && parent?.properties !== undefined && Object.prototype.hasOwnProperty.call(parent.properties, key);
  const shape = end === 0 ? ROOT_SHAPE[kind] : (parent?.title ?? '');
  const name = `${String(key)}${end < path.length - 1 ? '[]'.repeat(path.length - 1 - end) : ''}`;
  const member = `${shape}.${String(key)}`;
  const def = isMember ? API_DEFAULTS[member] ?? (kind === 'service' && end === 0 ? API_DEFAULTS[`UpdateServiceRequest.${String(key)}`] : undefined) : undefined;
  return {
    kind,
    path,
    name,
    schema,
    shape,
    required: isMember && end === path.length - 1 && (parent?.required ?? []).includes(String(key)),
    ...(def ? { default: def } : {}),
  };
}

/** The JSON type in words: "integer, 0 to 65535", "list of PortMapping objects", "one of 7 values". */
export function typeText(s: SchemaNode): string {
  if (s.enum) return `one of ${s.enum.length} values`;
  if (s.type === 'array') {
    const item = s.items;
    const what = item?.title ? `${item.title} objects` : item?.enum ? 'values' : `${item?.type ?? 'value'}s`;
    const count = s.minItems !== undefined && s.maxItems !== undefined ? `, ${s.minItems} to ${s.maxItems}` : s.maxItems !== undefined ? `, at most ${s.maxItems}` : s.minItems ? `, at least ${s.minItems}` : '';
    return `list of ${what}${count}`;
  }
  if (s.type === 'object') {
    if (s.title) return `${s.title} object`;
    const value = typeof s.additionalProperties === 'object' ? s.additionalProperties.type : undefined;
    return value ? `map of string to ${value}` : 'object';
  }
  if (s.type === 'integer' || s.type === 'number') {
    const kind = s.type === 'integer' ? 'integer' : 'number';
    if (s.minimum !== undefined && s.maximum !== undefined) return `${kind}, ${s.minimum} to ${s.maximum}`;
    if (s.minimum !== undefined) return `${kind}, at least ${s.minimum}`;
    if (s.maximum !== undefined) return `${kind}, at most ${s.maximum}`;
    return kind;
  }
  if (s.type === 'string') {
    if (s.patternName) return `string: ${s.patternName}`;
    if (s.maxLength !== undefined) return `string, at most ${s.maxLength} characters`;
    return 'string';
  }
  if (s.readOnly) return 'read-only (describe output)';
  return s.type ?? 'any JSON value';
}

const PLATFORM_WORDS: Record<string, string> = {
  FARGATE: 'Fargate',
  EC2: 'EC2',
  EXTERNAL: 'external instances (ECS Anywhere)',
  MANAGED_INSTANCES: 'Managed Instances',
  WINDOWS: 'Windows',
  LINUX: 'Linux',
};

/** "Not on Fargate or Windows; bridge network mode only", or undefined when the member applies everywhere. */
export function appliesText(s: SchemaNode): string | undefined {
  const p = s['x-platforms'];
  if (!p) return undefined;
  const words = (list: string[]): string => list.map((x) => PLATFORM_WORDS[x] ?? x).join(list.length === 2 ? ' or ' : ', ');
  const parts: string[] = [];
  if (p.only?.length) parts.push(`only on ${words(p.only)}`);
  if (p.not?.length) parts.push(`not on ${words(p.not)}`);
  if (p.note) parts.push(p.note.replace(/\.$/, ''));
  return parts.length ? parts.join('; ') : undefined;
}
