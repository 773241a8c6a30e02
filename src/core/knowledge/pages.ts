/**
 * Concept and field pages: the Markdown the Concepts view opens, "Explain This Field" shows and `ecs-lens
 * explain` prints; and the way back from a concept to the keys of a document it applies to.
 */
import type { EcsDocument } from '../document/document';
import { fieldAt, type Field } from '../language/fields';
import { fieldDocs, fieldMarkdown } from '../language/hover';
import { schemaAt, schemaFor } from '../schema/info';
import type { JsonPath } from '../types';
import { conceptById, conceptsAt, parseLocation, THEMES, type Concept } from './index';

/** Makes a link to another concept's page (the extension: a command URI; the CLI: none). */
export type ConceptLink = (id: string) => string | undefined;

function linkTo(id: string, link?: ConceptLink): string {
  const c = conceptById(id);
  const title = c?.title ?? id;
  const href = link?.(id);
  return href ? `[${title}](${href})` : title;
}

/** A location in words: `TD:containerDefinitions[].image` → "task definition: `containerDefinitions[].image`". */
export function locationText(location: string): string {
  const parsed = parseLocation(location);
  if (!parsed) return `\`${location}\``;
  const what = parsed.kind === 'task-definition' ? 'task definition' : 'service';
  return `${what}: \`${parsed.pattern}\`${parsed.value !== undefined ? ` = \`"${parsed.value}"\`` : ''}`;
}

/** The page of a concept: what it is, the pitfalls, what people get wrong, where it applies, related, docs. */
export function conceptPage(c: Concept, link?: ConceptLink): string {
  const theme = THEMES.find((t) => t.id === c.theme)?.title ?? c.theme;
  const lines = [`# ${c.title}`, '', `*${theme}* · concept \`${c.id}\``, '', `> ${c.summary}`, '', c.explanation];
  if (c.pitfalls.length) lines.push('', '## Pitfalls', '', ...c.pitfalls.map((p) => `- ${p}`));
  if (c.misconceptions.length) lines.push('', '## Common misconceptions', '', ...c.misconceptions.map((m) => `- ${m}`));
  if (c.locations.length) lines.push('', '## Where it appears in your files', '', ...c.locations.map((l) => `- ${locationText(l)}`));
  if (c.related.length) lines.push('', '## Related concepts', '', ...c.related.map((r) => `- ${linkTo(r, link)}`));
  lines.push('', `Read more: [AWS documentation](${c.docs})`);
  return lines.join('\n') + '\n';
}

/** The page of a member: the field summary, then every concept attached to it. */
export function fieldPage(field: Field, link?: ConceptLink): string {
  const kind = field.kind === 'task-definition' ? 'Task definition' : 'Service';
  const lines = [`# \`${field.path.map((s) => (typeof s === 'number' ? '[]' : s)).join('.').replace(/\.\[\]/g, '[]')}\``, '', `*${kind} member* · [API reference](${fieldDocs(field)})`, '', fieldMarkdown(field)];
  const concepts = conceptsAt(field.kind, field.path);
  for (const c of concepts) lines.push('', '---', '', `## ${c.title}`, '', `> ${c.summary}`, '', c.explanation, ...(c.pitfalls.length ? ['', '**Pitfalls**', '', ...c.pitfalls.map((p) => `- ${p}`)] : []), '', `Concept page: ${linkTo(c.id, link)} · [AWS documentation](${c.docs})`);
  return lines.join('\n') + '\n';
}

/** A path pattern (`containerDefinitions[].image`) as a path with index 0 for every list. */
export function patternPath(pattern: string): JsonPath {
  const out: JsonPath = [];
  for (const part of pattern.split('.')) {
    const m = /^([^[]*)((?:\[\])*)$/.exec(part);
    if (!m) return out;
    if (m[1]) out.push(m[1]);
    for (let i = 0; i < m[2].length / 2; i++) out.push(0);
  }
  return out;
}

/** The field a pattern names in a kind, if the schema has it. */
export function fieldOfPattern(kind: 'task-definition' | 'service', pattern: string): Field | undefined {
  const path = patternPath(pattern);
  return schemaAt(schemaFor(kind), path) ? fieldAt(kind, path) : undefined;
}

/**
 * Where a concept shows up in a document: the first key (absolute path) matching one of its locations, list
 * indexes tried in order. Undefined when the document has none of them.
 */
export function findConceptInDocument(doc: EcsDocument, c: Concept): JsonPath | undefined {
  for (const location of c.locations) {
    const parsed = parseLocation(location);
    if (!parsed) continue;
    for (const target of doc.targets) {
      if (target.kind !== parsed.kind) continue;
      const found = findPattern(target.value, parsed.pattern.split('.'), parsed.value);
      if (found) return [...target.at, ...found];
    }
  }
  return undefined;
}

function findPattern(value: unknown, parts: string[], wanted: string | undefined): JsonPath | undefined {
  if (parts.length === 0) return wanted === undefined || String(value) === wanted ? [] : undefined;
  const [head, ...rest] = parts;
  const m = /^([^[]*)((?:\[\])*)$/.exec(head);
  if (!m || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (!(m[1] in value)) return undefined;
  const child = (value as Record<string, unknown>)[m[1]];
  const descend = (v: unknown, lists: number): JsonPath | undefined => {
    if (lists === 0) return findPattern(v, rest, wanted);
    if (!Array.isArray(v)) return undefined;
    for (let i = 0; i < v.length; i++) {
      const found = descend(v[i], lists - 1);
      if (found) return [i, ...found];
    }
    return undefined;
  };
  const found = descend(child, m[2].length / 2);
  return found ? [m[1], ...found] : undefined;
}
