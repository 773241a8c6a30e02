/**
 * JSON changes → minimal text edits that keep the user's formatting and comments. A value that is set takes the
 * layout of the value it replaces (a one-line list or object stays on one line, spaced as it was), and a member
 * added to a one-line object or list stays on that line; jsonc-parser's `modify` (which lays out what it touches
 * over several lines) is only the fallback for shapes these edits do not cover.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type FormattingOptions, type Node } from 'jsonc-parser';
import type { ParsedJson } from '../document/parse';
import type { JsonChange } from '../rules/types';
import type { JsonPath, Range } from '../types';

/** An LSP text edit. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Indentation as the document already uses it, so inserted text looks like the rest. */
export function detectFormatting(text: string): FormattingOptions {
  const m = /\n([ \t]+)["}\]]/.exec(text);
  const indent = m?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: Math.min(Math.max(indent.length, 1), 8), eol };
}

/** Offset edits for a list of changes, each computed against the text as changed by the ones before it. */
export function changesToText(json: ParsedJson, changes: JsonChange[]): string {
  let text = json.text;
  const formattingOptions = detectFormatting(text);
  for (const change of changes) {
    let edits: Edit[];
    if ('text' in change) {
      edits = [change.text];
    } else if ('rename' in change) {
      const property = nodeAt(text, change.path)?.parent;
      const key = property?.type === 'property' ? property.children?.[0] : undefined;
      if (!key) continue;
      edits = [{ offset: key.offset, length: key.length, content: JSON.stringify(change.rename) }];
    } else if ('remove' in change) {
      edits = removalEdits(text, change.path);
    } else {
      edits = setEdits(text, change.path, change.value, formattingOptions) ?? modify(text, change.path, change.value, { formattingOptions });
    }
    text = applyEdits(text, edits);
  }
  return text;
}

/** The node at `path` in `text` (as changed by earlier changes of the same fix). */
function nodeAt(text: string, path: JsonPath): Node | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return tree ? findNodeAtLocation(tree, path) : undefined;
}

/**
 * Removes a member or list item as a plain deletion, so the lines around it keep their layout (jsonc-parser's
 * `modify` would re-format the enclosing object). The separator goes with it: the one after the item, or for
 * the last item the one before it.
 */
function removalEdits(text: string, path: JsonPath): Edit[] {
  const node = path.length > 0 ? nodeAt(text, path) : undefined;
  if (!node?.parent) return [];
  const item = node.parent.type === 'property' ? node.parent : node;
  const siblings = item.parent?.children ?? [item];
  const i = siblings.indexOf(item);
  if (i < siblings.length - 1) return [{ offset: item.offset, length: siblings[i + 1].offset - item.offset, content: '' }];
  if (i > 0) return [{ offset: end(siblings[i - 1]), length: end(item) - end(siblings[i - 1]), content: '' }];
  return [{ offset: item.offset, length: item.length, content: '' }];
}

/** How one-line lists and objects are written: spaces inside the brackets, after commas, around colons. */
interface InlineStyle {
  pad: string;
  comma: string;
}
interface Style {
  array: InlineStyle;
  object: InlineStyle;
  /** Between a key and its value, colon included (": " by default). */
  colon: string;
}
type PartialStyle = { array: Partial<InlineStyle>; object: Partial<InlineStyle>; colon?: string };

const DEFAULT_STYLE: Style = { array: { pad: '', comma: ' ' }, object: { pad: ' ', comma: ' ' }, colon: ': ' };

const end = (n: Node): number => n.offset + n.length;
const isContainer = (n: Node | undefined): boolean => n?.type === 'object' || n?.type === 'array';
const isCompound = (v: unknown): v is object => v !== null && typeof v === 'object';

/** Everything needed to write values the way the document writes them. */
class Writer {
  private docStyle: PartialStyle | undefined;
  readonly eol: string;
  readonly unit: string;

  constructor(
    readonly text: string,
    private readonly tree: Node,
    formatting: FormattingOptions,
  ) {
    this.eol = formatting.eol ?? '\n';
    this.unit = formatting.insertSpaces === false ? '\t' : ' '.repeat(formatting.tabSize ?? 2);
  }

  oneLine(n: Node): boolean {
    for (let i = n.offset; i < end(n); i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }

  /** The whitespace a line starts with, for the line holding `offset`. */
  indentAt(offset: number): string {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.text.slice(start, offset))![0];
  }

  /** True when only whitespace stands before `offset` on its line. */
  startsLine(offset: number): boolean {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*$/.test(this.text.slice(start, offset));
  }

  /** The style of `near` (and what it contains), completed from the rest of the document, then the defaults. */
  styleNear(near: Node | undefined): Style {
    const found: PartialStyle = { array: {}, object: {} };
    if (near) collectStyle(this.text, near, found, 200);
    if (!complete(found)) {
      this.docStyle ??= collectStyle(this.text, this.tree, { array: {}, object: {} }, 5000);
      merge(found, this.docStyle);
    }
    // What is still unknown follows the other kind of container, then the colon: `"a":1` is written compactly.
    const compact = found.colon !== undefined && !/[ \t]$/.test(found.colon);
    const comma = (mine: string | undefined, other: string | undefined, fallback: string): string => mine ?? other ?? (compact ? '' : fallback);
    return {
      array: { pad: found.array.pad ?? (compact ? '' : DEFAULT_STYLE.array.pad), comma: comma(found.array.comma, found.object.comma, DEFAULT_STYLE.array.comma) },
      object: { pad: found.object.pad ?? (compact ? '' : DEFAULT_STYLE.object.pad), comma: comma(found.object.comma, found.array.comma, DEFAULT_STYLE.object.comma) },
      colon: found.colon ?? DEFAULT_STYLE.colon,
    };
  }

  /** A value on one line. */
  inline(value: unknown, style: Style): string {
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const { pad, comma } = style.array;
      return `[${pad}${value.map((v) => this.inline(v, style)).join(`,${comma}`)}${pad}]`;
    }
    if (isCompound(value)) {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (entries.length === 0) return '{}';
      const { pad, comma } = style.object;
      return `{${pad}${entries.map(([k, v]) => `${JSON.stringify(k)}${style.colon}${this.inline(v, style)}`).join(`,${comma}`)}${pad}}`;
    }
    return JSON.stringify(value) ?? 'null';
  }

  /**
   * A value laid out like `template` (the node it replaces, or a sibling): on one line when that is a one-line
   * list or object, otherwise over several lines, each member following the template's member of the same key
   * or index. `indent` is the indentation of the line the value starts on.
   */
  value(value: unknown, template: Node | undefined, indent: string): string {
    if (!isCompound(value)) return JSON.stringify(value) ?? 'null';
    const container = template && isContainer(template) ? template : undefined;
    if (container && this.oneLine(container)) return this.inline(value, this.styleNear(container));
    const style = this.styleNear(container);
    const children = container?.children ?? [];
    const first = children.find((c) => this.startsLine(c.offset));
    const inner = first ? this.indentAt(first.offset) : indent + this.unit;
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const items = template?.type === 'array' ? children : [];
      const lines = value.map((v, i) => inner + this.value(v, items[i] ?? items[items.length - 1], inner));
      return `[${this.eol}${lines.join(`,${this.eol}`)}${this.eol}${indent}]`;
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const members = template?.type === 'object' ? children : [];
    const lines = entries.map(([k, v]) => {
      const old = members.find((p) => p.children?.[0]?.value === k)?.children?.[1];
      return `${inner}${JSON.stringify(k)}${style.colon}${this.value(v, old, inner)}`;
    });
    return `{${this.eol}${lines.join(`,${this.eol}`)}${this.eol}${indent}}`;
  }
}

/** Gathers the inline style and colon of the containers under `root` (breadth first, at most `limit` nodes). */
function collectStyle(text: string, root: Node, found: PartialStyle, limit: number): PartialStyle {
  const queue: Node[] = [root];
  for (let i = 0; i < queue.length && i < limit && !complete(found); i++) {
    const n = queue[i];
    if (n.type === 'property') {
      const [key, value] = n.children ?? [];
      if (key && value) {
        const between = text.slice(end(key), value.offset);
        if (found.colon === undefined && /^[ \t]*:[ \t]*$/.test(between)) found.colon = between;
        queue.push(value);
      }
      continue;
    }
    if (!isContainer(n) || !n.children?.length) continue;
    queue.push(...n.children);
    const own = n.type === 'array' ? found.array : found.object;
    const body = text.slice(n.offset, end(n));
    if (/[\r\n]/.test(body)) continue;
    const pad = text.slice(n.offset + 1, n.children[0].offset);
    if (own.pad === undefined && /^[ \t]*$/.test(pad)) own.pad = pad;
    for (let c = 1; c < n.children.length && own.comma === undefined; c++) {
      const m = /^[ \t]*,([ \t]*)$/.exec(text.slice(end(n.children[c - 1]), n.children[c].offset));
      if (m) own.comma = m[1];
    }
  }
  return found;
}

function complete(s: PartialStyle): boolean {
  return s.colon !== undefined && s.array.pad !== undefined && s.array.comma !== undefined && s.object.pad !== undefined && s.object.comma !== undefined;
}

function merge(into: PartialStyle, from: PartialStyle): void {
  into.colon ??= from.colon;
  into.array = { ...from.array, ...into.array };
  into.object = { ...from.object, ...into.object };
}

/** `value` wrapped in the lists and objects that `path` names below the existing node. */
function nest(path: JsonPath, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, segment) => (typeof segment === 'number' ? [inner] : { [segment]: inner }), value);
}

/**
 * Edits that set the value at `path`: the node there is replaced in its own layout, or the member is added to the
 * nearest existing object or list (with any missing parents). Undefined for what these edits do not cover (a
 * parent of the wrong type, a document that is not JSON): the caller falls back to jsonc-parser's `modify`.
 */
function setEdits(text: string, path: JsonPath, value: unknown, formatting: FormattingOptions): Edit[] | undefined {
  if (value === undefined) return removalEdits(text, path);
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!tree) return undefined;
  const w = new Writer(text, tree, formatting);
  const node = path.length === 0 ? tree : findNodeAtLocation(tree, path);
  if (node) {
    // A scalar stands on one line: a list or object that replaces it stays there, spaced like its surroundings.
    const near = isContainer(node) ? node : node.parent?.type === 'property' ? node.parent.parent : node.parent;
    const content = w.oneLine(node) ? w.inline(value, w.styleNear(near)) : w.value(value, node, w.indentAt(node.offset));
    return [{ offset: node.offset, length: node.length, content }];
  }
  let k = path.length - 1;
  let container: Node | undefined;
  for (; k >= 0 && !container; k--) container = k === 0 ? tree : findNodeAtLocation(tree, path.slice(0, k));
  k++;
  const segment = path[k];
  if (!container || (typeof segment === 'string' ? container.type !== 'object' : container.type !== 'array')) return undefined;
  return insertEdits(w, container, typeof segment === 'string' ? segment : undefined, nest(path.slice(k + 1), value));
}

/** Adds a member (`key` set) or a list item at the end of `container`, in the container's layout. */
function insertEdits(w: Writer, container: Node, key: string | undefined, value: unknown): Edit[] | undefined {
  const { text, eol } = w;
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const style = w.styleNear(container);
  const own = container.type === 'array' ? style.array : style.object;
  const member = (valueText: string): string => (key === undefined ? valueText : `${JSON.stringify(key)}${style.colon}${valueText}`);

  if (w.oneLine(container)) {
    const content = member(w.inline(value, style));
    if (last) return [{ offset: end(last), length: 0, content: `,${own.comma}${content}` }];
    const inside = text.slice(container.offset + 1, end(container) - 1);
    if (!/^[ \t]*$/.test(inside)) return undefined;
    return [{ offset: container.offset + 1, length: inside.length, content: `${own.pad}${content}${own.pad}` }];
  }

  if (!last) {
    const indent = w.indentAt(container.offset) + w.unit;
    return [{ offset: container.offset + 1, length: 0, content: `${eol}${indent}${member(w.value(value, undefined, indent))}` }];
  }
  // A list item is laid out like the item before it; a new member of an object like a value with no template.
  const template = key === undefined ? last : undefined;
  if (!w.startsLine(last.offset)) {
    // Several items share a line (`[1, 2,\n 3]`): continue that line.
    return [{ offset: end(last), length: 0, content: `,${own.comma}${member(w.value(value, template, w.indentAt(last.offset)))}` }];
  }
  const indent = w.indentAt(last.offset);
  const content = member(w.value(value, template, indent));
  const lineEnd = text.slice(end(last)).search(/\r?\n|$/) + end(last);
  const rest = text.slice(end(last), lineEnd);
  const m = /^([ \t]*,)?[ \t]*(\/\/.*|\/\*.*?\*\/[ \t]*)?$/.exec(rest);
  const afterLine = end(last) + rest.replace(/[ \t]+$/, '').length;
  // A trailing comma (JSONC) stays the style: the new last member gets one too, after any comment on the line.
  if (m?.[1]) return [{ offset: afterLine, length: 0, content: `${eol}${indent}${content},` }];
  // A comment after the last member stays on its line; the new member goes below it.
  if (m?.[2]) return [{ offset: end(last), length: 0, content: ',' }, { offset: afterLine, length: 0, content: `${eol}${indent}${content}` }];
  return [{ offset: end(last), length: 0, content: `,${eol}${indent}${content}` }];
}

/**
 * One edit that turns `before` into `after`, trimmed to the part that differs, so an editor moves nothing
 * outside the change.
 */
export function minimalEdit(json: ParsedJson, after: string): TextEdit | undefined {
  const before = json.text;
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { range: json.rangeAt(start, endBefore - start), newText: after.slice(start, endAfter) };
}
