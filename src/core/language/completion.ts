/**
 * Completion for task definitions and services: the keys valid at the cursor that are not there yet (required
 * first), enum values and booleans, Fargate sizes that fit the other half of the pair, names taken from the
 * document (containers, volumes) or from the task definition a service names, and whole objects with tab stops.
 * Works while the text is being typed (the cursor location is jsonc-parser's getLocation, which reads broken JSON)
 * and in describe output.
 */
import type { Node } from 'jsonc-parser';
import { cursorLocation } from '../document/cursor';
import { analyze, type EcsDocument } from '../document/document';
import { valueAt } from '../document/paths';
import { fargateCpuChoices, FARGATE_SIZES, fargateMemoryChoices, taskCpuUnits, taskMemoryMiB } from '../facts/sizes';
import { isFargate } from '../facts/platform';
import { pathPattern, locationPrefix } from '../knowledge/index';
import { schemaAt, schemaFor, type SchemaNode } from '../schema/info';
import { isObj } from '../values';
import type { JsonPath, KindOption, Range, WorkspaceIndex } from '../types';
import { fieldAt } from './fields';
import { fieldMarkdown } from './hover';
import { TEMPLATES } from './templates';

/** LSP CompletionItemKind values. */
export const CompletionItemKind = { Property: 10, Value: 12, Enum: 13, Keyword: 14, Snippet: 15, Reference: 18, EnumMember: 20, Constant: 21 } as const;

export interface CompletionItem {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { kind: 'markdown'; value: string };
  sortText?: string;
  filterText?: string;
  /** 2: `textEdit.newText` is a snippet with tab stops. */
  insertTextFormat: 1 | 2;
  textEdit: { range: Range; newText: string };
}

export interface CompletionList {
  isIncomplete: boolean;
  items: CompletionItem[];
}

export interface CompletionOptions {
  kind?: KindOption;
  /** Task definitions of other files: a service completes container names and ports from the one it names. */
  workspace?: WorkspaceIndex;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Escapes text for a snippet body (outside placeholders). */
function snippetText(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

function choice(values: readonly string[]): string {
  return `\${1|${values.map((v) => v.replace(/[|,\\]/g, '\\$&')).join(',')}|}`;
}

/** The value part of `"key": …` for a member of this schema, as a snippet (`item`: a template for each item). */
function valueSnippet(s: SchemaNode, template?: string, item?: string): string {
  if (template) return template;
  if (s.enum?.length) return `"${choice(s.enum)}"`;
  switch (s.type) {
    case 'string': {
      const example = typeof s.examples?.[0] === 'string' ? (s.examples[0] as string) : '';
      return example ? `"\${1:${snippetText(example)}}"` : '"$1"';
    }
    case 'integer':
    case 'number':
      return `\${1:${typeof s.examples?.[0] === 'number' ? s.examples[0] : (s.minimum ?? 0)}}`;
    case 'boolean':
      return '${1|true,false|}';
    case 'array':
      if (item) return `[\n\t${item.replace(/\n/g, '\n\t')}\n]`;
      if (s.items?.enum?.length) return `["${choice(s.items.enum)}"]`;
      return s.items?.type === 'object' ? '[\n\t{\n\t\t$1\n\t}\n]' : s.items?.type === 'string' ? '["$1"]' : '[$1]';
    case 'object':
      return '{\n\t$1\n}';
    default:
      return '$1';
  }
}

interface Position {
  doc: EcsDocument;
  offset: number;
  /** The range the completion replaces: the token under the cursor, or an empty range at it. */
  range: Range;
  /** The token under the cursor (a key being typed, or a value). */
  node?: Node;
}

function replaceRange(doc: EcsDocument, offset: number, node: Node | undefined): Range {
  if (node && offset >= node.offset && offset <= node.offset + node.length) return doc.json.rangeAt(node.offset, node.length);
  return doc.json.rangeAt(offset, 0);
}

function nextChar(text: string, from: number): string {
  const m = /\S/.exec(text.slice(from, from + 200));
  return m ? m[0] : '';
}

/** Completions at `offset`: empty outside ECS documents and where nothing fits. */
export function complete(input: string | EcsDocument, offset: number, options: CompletionOptions = {}): CompletionList {
  const doc = typeof input === 'string' ? analyze(input, { kind: options.kind }) : input;
  if (!doc.isEcs) return EMPTY;
  const location = cursorLocation(doc.json, offset);
  const node = location.previousNode;
  const pos: Position = { doc, offset, range: replaceRange(doc, offset, node), node };
  // Inside a comment or after the end: nothing to complete.
  if (location.path.length === 0 && !location.isAtPropertyKey) return EMPTY;
  const items = location.isAtPropertyKey ? keyItems(pos, location.path.slice(0, -1), options) : valueItems(pos, location.path, options);
  return { isIncomplete: false, items };
}

function keyItems(pos: Position, objectPath: JsonPath, options: CompletionOptions): CompletionItem[] {
  const { doc } = pos;
  const target = doc.targetAt(objectPath);
  if (!target) return [];
  const rel = objectPath.slice(target.at.length);
  const schema = schemaAt(schemaFor(target.kind), rel);
  if (!schema?.properties) return [];
  const current = valueAt(doc.json.value, objectPath);
  const typed = pos.node?.type === 'string' ? String(pos.node.value) : undefined;
  const present = new Set(isObj(current) ? Object.keys(current).filter((k) => k !== typed) : []);
  const end = pos.node && pos.offset <= pos.node.offset + pos.node.length ? pos.node.offset + pos.node.length : pos.offset;
  const after = nextChar(doc.text, end);
  const keyOnly = after === ':';
  const comma = !keyOnly && after === '"' ? ',' : '';
  const items: CompletionItem[] = [];
  for (const c of keyChoices(target.kind, rel, schema)) {
    if (present.has(c.key)) continue;
    items.push({
      label: c.key,
      kind: CompletionItemKind.Property,
      detail: c.detail,
      ...(c.documentation !== undefined ? { documentation: { kind: 'markdown' as const, value: c.documentation } } : {}),
      sortText: c.sortText,
      filterText: c.filterText,
      insertTextFormat: 2,
      textEdit: { range: pos.range, newText: keyOnly ? c.filterText : `${c.member}${comma}` },
    });
  }
  void options;
  return items;
}

/** What a key's completion item holds whatever the document says: the same for every object of one shape. */
interface KeyChoice {
  key: string;
  detail: string;
  documentation?: string;
  sortText: string;
  /** The key in quotes (also what is inserted where the colon is already there). */
  filterText: string;
  /** `"key": value snippet`. */
  member: string;
}

/**
 * Key choices by object schema, then by kind and path pattern (what templates are found by): computing one
 * field summary per key on every keystroke was most of a key completion's time.
 */
const keyChoiceCache = new WeakMap<SchemaNode, Map<string, KeyChoice[]>>();

function keyChoices(kind: 'task-definition' | 'service', rel: JsonPath, schema: SchemaNode): KeyChoice[] {
  let byPattern = keyChoiceCache.get(schema);
  if (!byPattern) keyChoiceCache.set(schema, (byPattern = new Map()));
  const pattern = `${locationPrefix(kind)}:${pathPattern(rel)}`;
  let list = byPattern.get(pattern);
  if (list) return list;
  list = [];
  const required = new Set(schema.required ?? []);
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    if (s.readOnly) continue;
    const field = fieldAt(kind, [...rel, key]);
    const template = templateFor(kind, [...rel, key]);
    const item = templateFor(kind, [...rel, key, 0]);
    list.push({
      key,
      detail: `${required.has(key) ? 'required · ' : ''}${field ? fieldDetail(s) : ''}`,
      ...(field ? { documentation: fieldMarkdown(field) } : {}),
      sortText: `${required.has(key) ? '0' : '1'}${key}`,
      filterText: JSON.stringify(key),
      member: `${JSON.stringify(key)}: ${valueSnippet(s, template?.body, item?.body)}`,
    });
  }
  // Objects reached through a map's keys give one pattern per key: keep the cache bounded.
  if (byPattern.size >= 64) byPattern.clear();
  byPattern.set(pattern, list);
  return list;
}

function fieldDetail(s: SchemaNode): string {
  if (s.enum) return s.enum.slice(0, 4).join(' | ') + (s.enum.length > 4 ? ' | …' : '');
  if (s.type === 'array') return s.items?.title ? `${s.items.title}[]` : `${s.items?.type ?? 'value'}[]`;
  return s.title ?? s.type ?? '';
}

function templateFor(kind: 'task-definition' | 'service', rel: JsonPath): (typeof TEMPLATES)[number] | undefined {
  const at = `${locationPrefix(kind)}:${pathPattern(rel)}`;
  return TEMPLATES.find((t) => t.at === at);
}

function valueItems(pos: Position, path: JsonPath, options: CompletionOptions): CompletionItem[] {
  const { doc } = pos;
  const target = doc.targetAt(path);
  if (!target || path.length <= target.at.length) return [];
  const rel = path.slice(target.at.length);
  const schema = schemaAt(schemaFor(target.kind), rel);
  if (!schema) return [];
  const items: CompletionItem[] = [];
  const td = target.value;
  const value = (label: string, json: unknown, detail: string, documentation?: string, sort = '1'): void => {
    items.push({
      label,
      kind: typeof json === 'string' ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
      detail,
      ...(documentation ? { documentation: { kind: 'markdown' as const, value: documentation } } : {}),
      sortText: `${sort}${label}`,
      filterText: JSON.stringify(json),
      insertTextFormat: 1,
      textEdit: { range: pos.range, newText: JSON.stringify(json) },
    });
  };

  // Whole objects where an item or member of that shape belongs.
  const pattern = `${locationPrefix(target.kind)}:${pathPattern(rel)}`;
  for (const t of TEMPLATES) {
    if (t.at !== pattern || pos.node) continue;
    items.push({ label: t.label, kind: CompletionItemKind.Snippet, detail: t.detail, sortText: `0${t.label}`, insertTextFormat: 2, textEdit: { range: pos.range, newText: t.body } });
  }

  if (schema.enum) {
    schema.enum.forEach((v, i) => value(v, v, `value of ${String(rel.filter((s) => typeof s === 'string').pop())}`, schema.markdownEnumDescriptions?.[i]));
  } else if (schema.type === 'boolean') {
    value('true', true, 'boolean');
    value('false', false, 'boolean');
  }

  const key = rel[rel.length - 1];
  const parentKey = rel[rel.length - 2];
  if (target.kind === 'task-definition' && rel.length === 1 && (key === 'cpu' || key === 'memory')) {
    for (const item of sizeValues(td, key)) value(item.label, item.value, item.detail, undefined, item.sort);
  }
  const names = (list: string[], detail: string): void => list.forEach((n) => value(n, n, detail, undefined, '0'));
  if (target.kind === 'task-definition') {
    const ownName = rel[0] === 'containerDefinitions' && typeof rel[1] === 'number' ? containerNames(td)[rel[1]] : undefined;
    const others = containerNames(td).filter((n): n is string => typeof n === 'string' && n !== ownName);
    if ((key === 'containerName' && rel.includes('dependsOn')) || (key === 'sourceContainer' && rel.includes('volumesFrom'))) names(others, 'container of this task');
    if (parentKey === 'links' || (typeof key === 'number' && rel[rel.length - 2] === 'links')) names(others, 'container of this task');
    if (key === 'sourceVolume') names(volumeNames(td), 'volume of this task');
  } else {
    const taskDefinition = typeof td.taskDefinition === 'string' ? options.workspace?.findTaskDefinition(td.taskDefinition) : undefined;
    if (taskDefinition && rel[0] === 'loadBalancers') {
      const lb = valueAt(td, rel.slice(0, -1));
      if (key === 'containerName') names(containerNames(taskDefinition).filter((n): n is string => typeof n === 'string'), `container of ${String(td.taskDefinition)}`);
      if (key === 'containerPort') {
        for (const port of containerPorts(taskDefinition, isObj(lb) ? lb.containerName : undefined)) value(String(port), port, `port of ${String(td.taskDefinition)}`, undefined, '0');
      }
    }
    if (taskDefinition && key === 'portName') names(portNames(taskDefinition), `port name in ${String(td.taskDefinition)}`);
  }
  return items;
}

function containerNames(td: Record<string, unknown>): Array<string | undefined> {
  const list = Array.isArray(td.containerDefinitions) ? td.containerDefinitions : [];
  return list.map((c) => (isObj(c) && typeof c.name === 'string' ? c.name : undefined));
}

function volumeNames(td: Record<string, unknown>): string[] {
  const list = Array.isArray(td.volumes) ? td.volumes : [];
  return list.flatMap((v) => (isObj(v) && typeof v.name === 'string' ? [v.name] : []));
}

function portMappings(td: Record<string, unknown>, container?: unknown): Array<Record<string, unknown>> {
  const list = Array.isArray(td.containerDefinitions) ? td.containerDefinitions : [];
  return list.flatMap((c) => (isObj(c) && (container === undefined || c.name === container) && Array.isArray(c.portMappings) ? c.portMappings.filter(isObj) : []));
}

function containerPorts(td: Record<string, unknown>, container: unknown): number[] {
  return [...new Set(portMappings(td, typeof container === 'string' ? container : undefined).flatMap((m) => (typeof m.containerPort === 'number' ? [m.containerPort] : [])))];
}

function portNames(td: Record<string, unknown>): string[] {
  return [...new Set(portMappings(td).flatMap((m) => (typeof m.name === 'string' ? [m.name] : [])))];
}

/** Task cpu or memory values: on Fargate, the sizes that fit the other member of the pair. */
function sizeValues(td: Record<string, unknown>, key: 'cpu' | 'memory'): Array<{ label: string; value: string; detail: string; sort: string }> {
  const vcpu = (units: number): string => `${units / 1024} vCPU`;
  if (key === 'memory') {
    const cpu = taskCpuUnits(td.cpu);
    const fits = cpu !== undefined ? fargateMemoryChoices(cpu) : undefined;
    if (fits) return fits.map((m, i) => ({ label: String(m), value: String(m), detail: `${m / 1024} GiB · Fargate size with cpu "${String(td.cpu)}"`, sort: `0${String(i).padStart(3, '0')}` }));
    if (!isFargate(td)) return [];
    const all = [...new Set(FARGATE_SIZES.flatMap((s) => s.memory))].sort((a, b) => a - b);
    return all.map((m, i) => ({ label: String(m), value: String(m), detail: `${m / 1024} GiB · Fargate with cpu ${fargateCpuChoices(m).map((c) => `"${c}"`).join(' or ')}`, sort: `1${String(i).padStart(3, '0')}` }));
  }
  const memory = taskMemoryMiB(td.memory);
  const cpus = memory !== undefined ? fargateCpuChoices(memory) : [];
  const list = cpus.length > 0 ? cpus : isFargate(td) || td.memory === undefined ? FARGATE_SIZES.map((s) => s.cpu) : [];
  return list.map((c, i) => ({
    label: String(c),
    value: String(c),
    detail: `${vcpu(c)}${cpus.length ? ` · Fargate size with memory "${String(td.memory)}"` : ' · a Fargate size'}`,
    sort: `0${String(i).padStart(3, '0')}`,
  }));
}
