/**
 * An analysed document: the parse and the classification, computed once per text. Lint, hover, completion and
 * code actions all take one of these, so one document version is parsed once. Nothing here imports the linter.
 */
import { findNodeAtOffset, getNodeValue, type Node } from 'jsonc-parser';
import type { DocumentKind, EcsTarget, JsonLocation, JsonPath, KindOption } from '../types';
import { isObj } from '../values';
import { classifyValue } from './classify';
import { strictLocationAt } from './offset';
import { ParsedJson } from './parse';

export class EcsDocument {
  readonly json: ParsedJson;
  readonly kind: DocumentKind;
  readonly targets: EcsTarget[];
  /**
   * @internal Where lint keeps what it computed for this version (see lint.ts). A field rather than a WeakMap
   * keyed by the document: weak entries keep their values alive through young-generation collections.
   */
  lintMemo: unknown;

  constructor(readonly text: string, readonly kindOption: KindOption = 'auto') {
    this.json = new ParsedJson(text);
    const value = this.json.value;
    this.kind = kindOption === 'auto' ? classifyValue(value) : kindOption;
    this.targets = findTargets(this.kind, value);
    this.lintMemo = undefined;
  }

  /** True for the kinds that get ECS diagnostics. */
  get isEcs(): boolean {
    return this.kind !== 'none';
  }

  /** The ECS object (task definition or service) that contains `path`, if any: the innermost one. */
  targetAt(path: JsonPath): EcsTarget | undefined {
    let best: EcsTarget | undefined;
    for (const t of this.targets) {
      const prefix = t.at.length <= path.length && t.at.every((seg, i) => path[i] === seg);
      if (prefix && (!best || t.at.length > best.at.length)) best = t;
    }
    return best;
  }

  /** What sits at `offset`: the path of the member or item there, and whether the offset is on its key or value. */
  locationAt(offset: number): JsonLocation {
    try {
      return this.locate(offset);
    } catch (err) {
      // jsonc-parser's tree walks recurse per level: a document nested thousands deep has no useful location.
      if (err instanceof RangeError) return { path: [], on: 'gap' };
      throw err;
    }
  }

  private locate(offset: number): JsonLocation {
    // Read off the text the first time (the same answer as the tree's, see offset.ts).
    if (this.json.takeTextWalk()) {
      const fast = strictLocationAt(this.text, offset);
      if (fast) return fast;
    }
    const tree = this.json.tree;
    if (!tree) return { path: [], on: 'gap' };
    const node = findNodeAtOffset(tree, offset, true);
    if (!node) return { path: [], on: 'gap' };
    const parent = node.parent;
    if (parent?.type === 'property' && parent.children?.[0] === node) {
      const valueNode = parent.children[1];
      return { path: nodePath(parent), on: 'key', span: { offset: node.offset, length: node.length }, ...(valueNode ? { value: getNodeValue(valueNode) } : {}) };
    }
    if (node.type === 'property') return { path: nodePath(node), on: 'gap' };
    // Inside an object or list but on none of its members: between them.
    if ((node.type === 'object' || node.type === 'array') && offset > node.offset && offset < node.offset + node.length) {
      return { path: nodePath(node), on: 'gap' };
    }
    return { path: nodePath(node), on: 'value', span: { offset: node.offset, length: node.length }, value: getNodeValue(node) };
  }
}

/** The JSON path of a node: property keys and list indexes from the root down. */
function nodePath(node: Node): JsonPath {
  const path: JsonPath = [];
  for (let n: Node | undefined = node; n; n = n.parent) {
    if (n.type === 'property') path.unshift(String(n.children?.[0]?.value ?? ''));
    else if (n.parent?.type === 'array') path.unshift(n.parent.children?.indexOf(n) ?? 0);
  }
  return path;
}

function findTargets(kind: DocumentKind, value: unknown): EcsTarget[] {
  if (!isObj(value)) return [];
  switch (kind) {
    case 'task-definition':
      return [{ kind: 'task-definition', value, at: [] }];
    case 'service':
      return [{ kind: 'service', value, at: [] }];
    case 'task-definition-describe':
      return isObj(value.taskDefinition) ? [{ kind: 'task-definition', value: value.taskDefinition, at: ['taskDefinition'] }] : [];
    case 'services-describe':
      if (Array.isArray(value.services)) {
        return value.services.flatMap((s, i) => (isObj(s) ? [{ kind: 'service' as const, value: s, at: ['services', i] }] : []));
      }
      return isObj(value.service) ? [{ kind: 'service', value: value.service, at: ['service'] }] : [];
    case 'none':
      return [];
  }
}

/** A label for status bars and reports. */
export function kindLabel(kind: DocumentKind): string {
  return {
    'task-definition': 'ECS task definition',
    service: 'ECS service',
    'task-definition-describe': 'ECS task definition (describe output)',
    'services-describe': 'ECS services (describe output)',
    none: 'Not ECS',
  }[kind];
}

/** The few texts analysed last: library calls for the same text (lint, then hover, then complete) parse it once. */
const recent: EcsDocument[] = [];
const RECENT = 4;

/**
 * The analysed document for a text: parsed and classified once, then reused while the same text comes back
 * (`lint(text)`, `hover(text, offset)` and `complete(text, offset)` on one version share this parse).
 */
export function analyze(text: string, options: { kind?: KindOption } = {}): EcsDocument {
  const kind = options.kind ?? 'auto';
  for (const doc of recent) if (doc.kindOption === kind && doc.text === text) return doc;
  const doc = new EcsDocument(text, kind);
  recent.unshift(doc);
  if (recent.length > RECENT) recent.pop();
  return doc;
}
