/**
 * Hovers that teach ECS: on a key, the field summary (type, allowed values, range, default, required, where it
 * applies), then the concept behind it, then where to read more; on a value, what that value means against its
 * alternatives, or what a number, ARN, secret reference or image reference stands for.
 */
import { analyze, type EcsDocument } from '../document/document';
import { conceptsAt, pathPattern, topConcepts, type Concept } from '../knowledge/index';
import type { JsonPath, KindOption, Range } from '../types';
import { appliesText, fieldAt, typeText, type Field } from './fields';
import { explainValue } from './values';

export interface HoverOptions {
  /** Treat the text as this kind instead of recognising it (for `hover(text, ...)`). */
  kind?: KindOption;
  /**
   * A link that opens a concept's page in the host (the extension: a command URI). Without it, hovers link to
   * the AWS documentation only.
   */
  conceptLink?: (id: string) => string;
}

export interface Hover {
  /** Markdown. */
  contents: string;
  /** The key or value the hover is about. */
  range: Range;
}

const API = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference';

/** The API reference anchor of a member. */
export function fieldDocs(field: Field): string {
  const member = String(field.path.filter((s) => typeof s === 'string').pop() ?? '');
  if (field.shape === 'RegisterTaskDefinitionRequest') return `${API}/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-${member}`;
  if (field.shape === 'CreateServiceRequest') return `${API}/API_CreateService.html#ECS-CreateService-request-${member}`;
  if (field.shape) return `${API}/API_${field.shape}.html#ECS-Type-${field.shape}-${member}`;
  return `${API}/Welcome.html`;
}

/** The field summary: name, type, required, description, allowed values, default, where it applies. */
export function fieldMarkdown(field: Field): string {
  const s = field.schema;
  const head = `**\`${field.name}\`** · ${typeText(s)} · ${s.readOnly ? 'not accepted as input' : field.required ? '**required**' : 'optional'}`;
  const lines = [head];
  if (s.description) lines.push('', s.description);
  const facts: string[] = [];
  if (s.enum && s.enum.length <= 12) facts.push(`Allowed: ${s.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (field.default) facts.push(`Default: \`${JSON.stringify(field.default.value)}\`${field.default.when ? ` (${field.default.when})` : ''}`);
  const applies = appliesText(s);
  if (applies) facts.push(`Applies: ${applies}`);
  if (facts.length) lines.push('', facts.join(' · '));
  return lines.join('\n');
}

/** A concept's text in a hover, written once per concept (the knowledge base is fixed at build time). */
const conceptTexts = new Map<Concept, string>();

function conceptMarkdown(c: Concept): string {
  let text = conceptTexts.get(c);
  if (text === undefined) {
    const lines = [`**${c.title}** — ${c.summary}`, '', c.explanation];
    if (c.pitfalls.length) lines.push('', '**Pitfalls**', ...c.pitfalls.map((p) => `- ${p}`));
    if (c.misconceptions.length) lines.push('', '**Common misconceptions**', ...c.misconceptions.map((m) => `- ${m}`));
    conceptTexts.set(c, (text = lines.join('\n')));
  }
  return text;
}

function links(concepts: Concept[], docs: string, options: HoverOptions): string {
  const out: string[] = [];
  if (options.conceptLink && concepts[0]) out.push(`[Open the concept page](${options.conceptLink(concepts[0].id)})`);
  out.push(`[AWS documentation](${concepts[0]?.docs ?? docs})`);
  if (concepts[0] && concepts[0].docs !== docs) out.push(`[API reference](${docs})`);
  return out.join(' · ');
}

function seeAlso(concepts: Concept[], options: HoverOptions): string | undefined {
  if (concepts.length === 0) return undefined;
  const link = (c: Concept): string => (options.conceptLink ? `[${c.title}](${options.conceptLink(c.id)})` : c.title);
  return `See also: ${concepts.map(link).join(' · ')}`;
}

function keyHover(field: Field, options: HoverOptions): string {
  const concepts = dedupe(conceptsAt(field.kind, field.path));
  const parts = [fieldMarkdown(field)];
  if (concepts[0]) parts.push(conceptMarkdown(concepts[0]));
  const top = field.path.length === 1 && ['family', 'requiresCompatibilities', 'serviceName'].includes(String(field.path[0])) ? topConcepts() : [];
  const also = seeAlso(dedupe([...concepts.slice(1), ...top]).filter((c) => c !== concepts[0]), options);
  if (also) parts.push(also);
  parts.push(links(concepts, fieldDocs(field), options));
  return parts.join('\n\n---\n\n');
}

function valueHover(field: Field, value: unknown, target: Record<string, unknown>, options: HoverOptions): string | undefined {
  const s = field.schema;
  const parts: string[] = [];
  let valueConcepts: Concept[] = [];
  if (s.enum && typeof value === 'string' && s.enum.includes(value)) {
    const i = s.enum.indexOf(value);
    const others = s.enum.filter((v) => v !== value);
    const lines = [`**\`${value}\`** — a value of \`${field.name}\``];
    const text = s.markdownEnumDescriptions?.[i];
    if (text) lines.push('', text);
    if (others.length) lines.push('', `Other values: ${others.map((v) => `\`${v}\``).join(', ')}`);
    parts.push(lines.join('\n'));
    valueConcepts = dedupe(conceptsAt(field.kind, field.path, value));
  } else if (typeof value === 'boolean' && s.type === 'boolean') {
    parts.push(`**\`${value}\`** for \`${field.name}\`${s.description ? `\n\n${s.description}` : ''}`);
  } else {
    const explained = explainValue(field.kind, field.path, value, target);
    if (!explained) return undefined;
    parts.push(`**${JSON.stringify(value).slice(0, 80)}** — \`${field.name}\`\n\n${explained}`);
    valueConcepts = dedupe(conceptsAt(field.kind, field.path, typeof value === 'number' || typeof value === 'string' ? value : undefined));
  }
  if (valueConcepts[0]) parts.push(conceptMarkdown(valueConcepts[0]));
  const keyConcepts = dedupe(conceptsAt(field.kind, field.path)).filter((c) => !valueConcepts.includes(c));
  const also = seeAlso([...valueConcepts.slice(1), ...keyConcepts], options);
  if (also) parts.push(also);
  parts.push(links(valueConcepts, fieldDocs(field), options));
  return parts.join('\n\n---\n\n');
}

function dedupe(list: Concept[]): Concept[] {
  return [...new Set(list)];
}

/** The field under a location of a document, with its target (undefined outside any ECS object). */
export function fieldOfPath(doc: EcsDocument, path: JsonPath): { field: Field; target: Record<string, unknown> } | undefined {
  const target = doc.targetAt(path);
  if (!target) return undefined;
  const rel = path.slice(target.at.length);
  const field = fieldAt(target.kind, rel);
  return field ? { field, target: target.value } : undefined;
}

/**
 * Hovers that depend only on where they are (the field, and for an enum or boolean the value) and on how concept
 * pages are linked: written once per link style, then reused. Their number is bounded by the schema.
 */
const written = new WeakMap<object, Map<string, string | undefined>>();
const NO_LINK = {};

function remembered(options: HoverOptions, key: string, write: () => string | undefined): string | undefined {
  const style = options.conceptLink ?? NO_LINK;
  let texts = written.get(style);
  if (!texts) written.set(style, (texts = new Map()));
  if (texts.has(key)) return texts.get(key);
  const text = write();
  texts.set(key, text);
  return text;
}

/** Whether the value hover of `field` for `value` is the same wherever it appears (no reading of the document). */
function isFixedValue(field: Field, value: unknown): value is string | boolean {
  const s = field.schema;
  return (typeof value === 'string' && s.enum !== undefined && s.enum.includes(value)) || (typeof value === 'boolean' && s.type === 'boolean');
}

/** The hover at `offset`, or null where ECS Lens has nothing to say (not ECS, not a known key or value). */
export function hover(input: string | EcsDocument, offset: number, options: HoverOptions = {}): Hover | null {
  const doc = typeof input === 'string' ? analyze(input, { kind: options.kind }) : input;
  if (!doc.isEcs) return null;
  const loc = doc.locationAt(offset);
  if (loc.on === 'gap' || !loc.span) return null;
  const found = fieldOfPath(doc, loc.path);
  if (!found) return null;
  const range = doc.json.rangeAt(loc.span.offset, loc.span.length);
  const { field, target } = found;
  const where = `${field.kind}:${pathPattern(field.path)}`;
  const keyText = (): string => remembered(options, where, () => keyHover(field, options)) ?? '';
  if (loc.on === 'key') return { contents: keyText(), range };
  const value = loc.value;
  const isScalar = value === null || typeof value !== 'object';
  const valueText = !isScalar
    ? undefined
    : isFixedValue(field, value)
      ? remembered(options, `${where}=${JSON.stringify(value)}`, () => valueHover(field, value, target, options))
      : valueHover(field, value, target, options);
  return { contents: valueText || keyText(), range };
}
