/**
 * `ecs-lens explain TERM`: what a term names — a concept (id or title), a member (a path such as
 * `containerDefinitions.portMappings.hostPort`, or a bare key such as `executionRoleArn`), or an enum value
 * (`binpack`) — and its page in Markdown. Unknown terms get the nearest known ones.
 */
import { fieldAt, type Field } from '../language/fields';
import { schemaFor, type SchemaNode } from '../schema/info';
import { suggest } from '../suggest';
import type { JsonPath } from '../types';
import { conceptById, concepts, conceptsAt, pathPattern, type Concept } from './index';
import { conceptPage, fieldPage, type ConceptLink } from './pages';

type Kind = 'task-definition' | 'service';

export type Match =
  | { type: 'concept'; concept: Concept }
  | { type: 'field'; field: Field }
  | { type: 'value'; kind: Kind; path: JsonPath; value: string; schema: SchemaNode };

interface Member {
  kind: Kind;
  path: JsonPath;
  pattern: string;
  key: string;
  schema: SchemaNode;
}

let membersCache: Member[] | undefined;

/** Every member of both schemas, at every depth (list items as index 0). */
function members(): Member[] {
  if (membersCache) return membersCache;
  const out: Member[] = [];
  const walk = (kind: Kind, node: SchemaNode, prefix: JsonPath): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (child.readOnly) continue;
      const path = [...prefix, key];
      out.push({ kind, path, pattern: pathPattern(path), key, schema: child });
      let inner: SchemaNode | undefined = child;
      let innerPath = path;
      while (inner?.type === 'array' && inner.items) {
        innerPath = [...innerPath, 0];
        inner = inner.items;
      }
      if (inner?.properties) walk(kind, inner, innerPath);
      if (inner && typeof inner.additionalProperties === 'object' && inner.additionalProperties.properties) walk(kind, inner.additionalProperties, [...innerPath, '*']);
    }
  };
  walk('task-definition', schemaFor('task-definition'), []);
  walk('service', schemaFor('service'), []);
  return (membersCache = out);
}

function normalisePath(term: string): { kind?: Kind; pattern: string } {
  const m = /^(TD|SVC|task-definition|service):(.*)$/i.exec(term);
  const kind = m ? (/^(TD|task-definition)$/i.test(m[1]) ? 'task-definition' : 'service') : undefined;
  const pattern = (m ? m[2] : term).replace(/\[\d*\]/g, '').replace(/\s+/g, '');
  return { kind, pattern };
}

/** What a term names; several matches when a bare key exists in several places. */
export function resolveTerm(term: string): Match[] {
  const t = term.trim();
  if (!t) return [];
  const byId = conceptById(t) ?? concepts.find((c) => c.title.toLowerCase() === t.toLowerCase());
  if (byId) return [{ type: 'concept', concept: byId }];

  const { kind, pattern } = normalisePath(t);
  const all = members().filter((m) => !kind || m.kind === kind);
  const strip = (p: string): string => p.replace(/\[\]/g, '');
  const fieldMatch = (m: Member): Match[] => {
    const field = fieldAt(m.kind, m.path);
    return field ? [{ type: 'field', field }] : [];
  };
  const exactPath = all.filter((m) => strip(m.pattern) === pattern);
  if (exactPath.length) return exactPath.flatMap(fieldMatch);
  const byKey = all.filter((m) => m.key === pattern);
  const byKeyLoose = byKey.length ? byKey : all.filter((m) => m.key.toLowerCase() === pattern.toLowerCase());
  if (byKeyLoose.length) return byKeyLoose.flatMap(fieldMatch);

  const values: Match[] = [];
  for (const exact of [true, false]) {
    for (const m of all) {
      const s = m.schema.type === 'array' && m.schema.items?.enum ? m.schema.items : m.schema;
      const hit = s.enum?.find((v) => (exact ? v === t : v.toLowerCase() === t.toLowerCase()));
      if (hit !== undefined) values.push({ type: 'value', kind: m.kind, path: s === m.schema ? m.path : [...m.path, 0], value: hit, schema: s });
    }
    if (values.length) return values;
  }
  return [];
}

/** Known terms near an unknown one: concept ids, member keys and enum values. */
export function nearestTerms(term: string, count = 3): string[] {
  const pool = new Set<string>([...concepts.map((c) => c.id), ...members().map((m) => m.key), ...members().flatMap((m) => m.schema.enum ?? m.schema.items?.enum ?? [])]);
  const out: string[] = [];
  const candidates = [...pool];
  for (let i = 0; i < count; i++) {
    const best = suggest(term, candidates.filter((c) => !out.includes(c)));
    if (!best) break;
    out.push(best);
  }
  const lower = term.toLowerCase();
  for (const c of candidates) if (out.length < count && c.toLowerCase().includes(lower) && !out.includes(c)) out.push(c);
  return out;
}

/** The page of a value: what it means against the other values, then its concept. */
export function valuePage(match: Extract<Match, { type: 'value' }>, link?: ConceptLink): string {
  const i = match.schema.enum?.indexOf(match.value) ?? -1;
  const key = pathPattern(match.path);
  const lines = [`# \`${match.value}\``, '', `*A value of \`${key}\` in a ${match.kind === 'task-definition' ? 'task definition' : 'service'}*`];
  const text = i >= 0 ? match.schema.markdownEnumDescriptions?.[i] : undefined;
  if (text) lines.push('', text);
  const others = (match.schema.enum ?? []).filter((v) => v !== match.value);
  if (others.length) lines.push('', `Other values: ${others.map((v) => `\`${v}\``).join(', ')}`);
  const concept = conceptsAt(match.kind, match.path, match.value)[0] ?? conceptsAt(match.kind, match.path)[0];
  if (concept) lines.push('', '---', '', conceptPage(concept, link).trimEnd());
  return lines.join('\n') + '\n';
}

export function matchPage(match: Match, link?: ConceptLink): string {
  switch (match.type) {
    case 'concept':
      return conceptPage(match.concept, link);
    case 'field':
      return fieldPage(match.field, link);
    case 'value':
      return valuePage(match, link);
  }
}

/** A one-line name for a match, for lists. */
export function matchLabel(match: Match): string {
  switch (match.type) {
    case 'concept':
      return `${match.concept.id} (concept: ${match.concept.title})`;
    case 'field':
      return `${match.field.kind === 'task-definition' ? 'TD' : 'SVC'}:${pathPattern(match.field.path)}`;
    case 'value':
      return `${match.kind === 'task-definition' ? 'TD' : 'SVC'}:${pathPattern(match.path)}="${match.value}"`;
  }
}

