/**
 * The knowledge base behind hovers, the Concepts view and `ecs-lens explain`: one entry per concept, written in
 * knowledge/*.md and bundled at build time (src/core/generated/knowledge.json). Entries attach to JSON
 * locations; this module finds the concepts of a key or value.
 */
import data from '../generated/knowledge.json';
import type { JsonPath } from '../types';

export interface Concept {
  id: string;
  title: string;
  theme: ThemeId;
  summary: string;
  related: string[];
  /** `TD:containerDefinitions[].image`, `SVC:launchType`, `TD:networkMode="bridge"`, ... */
  locations: string[];
  docs: string;
  questions: string[];
  corrects: string[];
  top: boolean;
  explanation: string;
  pitfalls: string[];
  misconceptions: string[];
}

export const THEMES = [
  { id: 'fundamentals', title: 'Fundamentals' },
  { id: 'capacity', title: 'Launch types and capacity' },
  { id: 'networking', title: 'Networking' },
  { id: 'security', title: 'Security and IAM' },
  { id: 'logging', title: 'Logging and monitoring' },
  { id: 'scheduling', title: 'Scheduling and scaling' },
  { id: 'deployments', title: 'Deployments' },
  { id: 'storage', title: 'Storage' },
  { id: 'cost', title: 'Cost' },
] as const;

export type ThemeId = (typeof THEMES)[number]['id'];

export const concepts: readonly Concept[] = data as Concept[];

const byId = new Map(concepts.map((c) => [c.id, c]));

export function conceptById(id: string): Concept | undefined {
  return byId.get(id);
}

/** The prefix of a location for an ECS object kind. */
export function locationPrefix(kind: 'task-definition' | 'service'): 'TD' | 'SVC' {
  return kind === 'task-definition' ? 'TD' : 'SVC';
}

/** `['containerDefinitions', 0, 'image']` → `containerDefinitions[].image` (the notation of knowledge locations). */
export function pathPattern(path: JsonPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? '[]' : out ? `.${seg}` : seg;
  return out;
}

const byLocation = new Map<string, Concept[]>();
for (const c of concepts) {
  for (const loc of c.locations) {
    const list = byLocation.get(loc);
    if (list) list.push(c);
    else byLocation.set(loc, [c]);
  }
}
// Several concepts can attach to one key: the one that lists it earliest among its own locations is about it
// most directly (task-execution-role lists executionRoleArn first; ecr-image-pull lists it after the image).
for (const [loc, list] of byLocation) {
  list.sort((a, b) => a.locations.indexOf(loc) - b.locations.indexOf(loc) || a.locations.length - b.locations.length);
}

/** The concepts attached to a key (`value` undefined) or to one value of it. */
export function conceptsAt(kind: 'task-definition' | 'service', path: JsonPath, value?: string | number | boolean): Concept[] {
  const key = `${locationPrefix(kind)}:${pathPattern(path)}`;
  return byLocation.get(value === undefined ? key : `${key}=${JSON.stringify(String(value))}`) ?? [];
}

/** Concepts shown as "See also" on the top-level hovers (family, requiresCompatibilities, serviceName). */
export function topConcepts(): Concept[] {
  return concepts.filter((c) => c.top);
}

/** Every location a concept attaches to, parsed: kind, key path pattern and the value, if one. */
export function parseLocation(location: string): { kind: 'task-definition' | 'service'; pattern: string; value?: string } | undefined {
  const m = /^(TD|SVC):([^=]+?)(?:="(.*)")?$/.exec(location);
  if (!m) return undefined;
  return { kind: m[1] === 'TD' ? 'task-definition' : 'service', pattern: m[2], ...(m[3] !== undefined ? { value: m[3] } : {}) };
}
