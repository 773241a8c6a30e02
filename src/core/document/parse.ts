/**
 * One parse per document version. Strict JSON goes through `JSON.parse` (fast); anything else through
 * jsonc-parser, which tolerates comments and trailing commas and recovers from syntax errors. The syntax tree
 * with offsets is built lazily: only when a problem needs a range, or a hover, completion or fix needs nodes.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import { locateAll, type Located } from './locate';
import { LineIndex } from './text';
import { strictTree } from './tree';
import type { JsonPath, Position, Range } from '../types';

/** Where a problem should be underlined: the key or the value at a path (see `rangeOf`). */
export interface RangeRequest {
  path: JsonPath;
  target: 'key' | 'value';
}

const PENDING: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Collects diagnostics whose ranges are not known yet, so that one pass over the text places them all
 * (`resolve`). Until then their range is a shared placeholder.
 */
export class DeferredRanges<T extends { range: Range }> {
  private readonly requests: RangeRequest[] = [];
  private readonly items: T[] = [];

  /** Takes ownership of `item` (a fresh object) and gives it its range on `resolve`. */
  add(item: Omit<T, 'range'>, path: JsonPath, target: 'key' | 'value'): T {
    const full = item as T;
    full.range = PENDING;
    this.requests.push({ path, target });
    this.items.push(full);
    return full;
  }

  resolve(json: ParsedJson): void {
    const ranges = json.rangesOf(this.requests);
    for (let i = 0; i < this.items.length; i++) this.items[i].range = ranges[i];
  }
}

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
  /** json.syntax, json.encoding (a byte order mark, UTF-16 or binary content) or json.too-deep. */
  code: 'json.syntax' | 'json.encoding' | 'json.too-deep';
}



export interface DuplicateKey {
  key: string;
  /** Offset and length of the later (ignored-by-nobody, winning) occurrence's key, quotes included. */
  offset: number;
  length: number;
  path: JsonPath;
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true } as const;

export class ParsedJson {
  /** The parsed value; `undefined` when the text holds no JSON value at all. */
  readonly value: unknown;
  /** True when the text is strict JSON (no comments, no trailing commas, no errors). */
  readonly strict: boolean;
  readonly syntaxErrors: SyntaxProblem[];
  private treeCache: Node | undefined | null = null;
  private walked = false;
  private dupCache: DuplicateKey[] | undefined;
  private lines: LineIndex | undefined;

  /**
   * True when the text ends before its JSON value does (a file cut short) or could not be read at all (too deep,
   * not text): its members say nothing reliable, so only the syntax problem is worth reporting.
   */
  readonly truncated: boolean;

  constructor(readonly text: string) {
    let value: unknown;
    let strict = false;
    let truncated = false;
    const errors: SyntaxProblem[] = [];
    const bom = text.charCodeAt(0) === 0xfeff;
    try {
      if (bom) throw new SyntaxError('byte order mark');
      value = JSON.parse(text);
      strict = true;
    } catch {
      const parseErrors: ParseError[] = [];
      try {
        const tree = parseTree(text, parseErrors, PARSE_OPTIONS);
        this.treeCache = tree;
        value = tree ? getNodeValue(tree) : undefined;
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        // jsonc-parser recurses per nesting level: a document thousands of levels deep overflows the stack.
        this.treeCache = undefined;
        value = undefined;
        parseErrors.length = 0;
        truncated = true;
        errors.push(tooDeep());
      }
      const end = text.trimEnd().length;
      for (const e of parseErrors) {
        if (bom && e.offset === 0) continue;
        errors.push({ offset: e.offset, length: e.length, message: syntaxMessage(printParseErrorCode(e.error)), code: 'json.syntax' });
        if (e.offset + e.length >= end) truncated = true;
      }
      if (bom) {
        errors.unshift({
          offset: 0,
          length: 1,
          code: 'json.encoding',
          message: 'The file starts with a UTF-8 byte order mark (BOM). The AWS CLI rejects it ("Invalid JSON: Unexpected UTF-8 BOM"); save the file as UTF-8 without BOM.',
        });
      } else if (errors.length > 0 && text.includes('\u0000')) {
        // Every character pair of UTF-16 text is a syntax error of its own: one message says what is wrong.
        errors.length = 0;
        errors.unshift({
          offset: 0,
          length: Math.min(1, text.length),
          code: 'json.encoding',
          message: 'The text holds NUL characters: it is UTF-16 or binary, not UTF-8 JSON. The AWS CLI reads only UTF-8; convert the file to UTF-8.',
        });
        truncated = true;
      }
    }
    this.value = value;
    this.strict = strict;
    this.truncated = truncated;
    this.syntaxErrors = errors;
  }

  /** The syntax tree with offsets, built on first use (for strict JSON without jsonc-parser's scanner). */
  get tree(): Node | undefined {
    if (this.treeCache === null) {
      try {
        const parse = (): Node | undefined => parseTree(this.text, [], PARSE_OPTIONS);
        this.treeCache = this.syntaxErrors.some((e) => e.code === 'json.too-deep') ? undefined : this.strict ? strictTree(this.text, parse) : parse();
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        this.treeCache = undefined;
      }
    }
    return this.treeCache;
  }

  /** Whether the syntax tree has been built (or found impossible) for this text. */
  get hasTree(): boolean {
    return this.treeCache !== null;
  }

  /**
   * Whether to answer a question about an offset by reading the text instead of building the tree: yes once
   * per version, for strict JSON whose tree is not built. A hover or completion right after an edit then builds
   * no tree (which costs about three times the `JSON.parse` of the text); the next question builds it, and the
   * tree answers any offset without reading the text again (a pointer moving over the document asks many).
   */
  takeTextWalk(): boolean {
    if (!this.strict || this.treeCache !== null || this.walked) return false;
    this.walked = true;
    return true;
  }

  get lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
  }

  positionAt(offset: number): Position {
    return this.lineIndex.positionAt(offset);
  }

  rangeAt(offset: number, length: number): Range {
    return this.lineIndex.rangeAt(offset, length);
  }

  nodeAt(path: JsonPath): Node | undefined {
    const tree = this.tree;
    return tree ? findNodeAtLocation(tree, path) : undefined;
  }

  /** The node of a property's key (`"name"`), or undefined when the path does not end in an object member. */
  keyNodeAt(path: JsonPath): Node | undefined {
    const node = this.nodeAt(path);
    const parent = node?.parent;
    return parent?.type === 'property' ? parent.children?.[0] : undefined;
  }

  /**
   * The range a problem at `path` should cover: the key for `target: 'key'`, otherwise the value. Falls back to
   * the nearest existing ancestor, so every range lies inside the document.
   */
  rangeOf(path: JsonPath, target: 'key' | 'value' = 'value'): Range {
    return this.rangesOf([{ path, target }])[0];
  }

  /**
   * Ranges for many paths at once. Strict JSON without a tree is scanned once for all of them; otherwise the
   * tree answers.
   */
  rangesOf(requests: RangeRequest[]): Range[] {
    if (requests.length === 0) return [];
    if (this.strict && this.treeCache === null) {
      const located = locateAll(this.text, requests.map((r) => r.path));
      return requests.map((r, i) => this.rangeFromLocated(located[i], r.target));
    }
    return requests.map((r) => this.rangeByTree(r.path, r.target));
  }

  /** rangeOf for strict JSON without a tree: a scanner pass that stops at the path. */
  rangeByScan(path: JsonPath, target: 'key' | 'value'): Range {
    return this.rangeFromLocated(locateAll(this.text, [path])[0], target);
  }

  private rangeFromLocated(at: Located, target: 'key' | 'value'): Range {
    const key = at.keyOffset !== undefined && at.keyLength !== undefined ? this.rangeAt(at.keyOffset, at.keyLength) : undefined;
    if (key && (target === 'key' || at.container)) return key;
    return this.rangeAt(at.valueOffset, at.container ? 1 : at.valueLength);
  }

  rangeByTree(path: JsonPath, target: 'key' | 'value'): Range {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = target === 'key' ? this.keyNodeAt(p) ?? this.nodeAt(p) : this.nodeAt(p);
      if (node) {
        // Objects and arrays are large: point at their key, or their first character.
        if (node.type === 'object' || node.type === 'array') {
          const key = this.keyNodeAt(p);
          return key ? this.rangeAt(key.offset, key.length) : this.rangeAt(node.offset, 1);
        }
        return this.rangeAt(node.offset, node.length);
      }
      if (p.length === 0) return this.rangeAt(0, Math.min(1, this.text.length));
    }
  }

  /** Keys that occur twice in one object. JSON.parse keeps the last silently, and so does the AWS CLI. */
  get duplicateKeys(): DuplicateKey[] {
    if (this.dupCache) return this.dupCache;
    if (this.strict) {
      const keys = countKeys(this.value);
      if (countColonsAfterQuote(this.text) === keys || countKeyTokens(this.text) === keys) return (this.dupCache = []);
    }
    const found: DuplicateKey[] = [];
    if (this.value === undefined) return (this.dupCache = found);
    const stack: Array<Set<string>> = [];
    try {
      visitKeys(this.text, stack, found);
    } catch (err) {
      // jsonc-parser's visitor recurses per level; a document that deep is reported by other means.
      if (!(err instanceof RangeError)) throw err;
    }
    return (this.dupCache = found);
  }
}

function visitKeys(text: string, stack: Array<Set<string>>, found: DuplicateKey[]): void {
  visit(
    text,
    {
      onObjectBegin: () => {
        stack.push(new Set());
      },
      onObjectEnd: () => {
        stack.pop();
      },
      onObjectProperty: (key, offset, length, _line, _char, pathSupplier) => {
        const keys = stack[stack.length - 1];
        if (!keys) return;
        if (keys.has(key)) found.push({ key, offset, length, path: [...pathSupplier(), key] });
        else keys.add(key);
      },
    },
    PARSE_OPTIONS,
  );
}

/**
 * In strict JSON every `"` outside a string starts a string, so scanning string tokens in order finds every
 * key (a string followed by a colon). Fewer keys in the parsed value than in the text means a duplicate.
 */
const STRING_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"\s*(:)?/g;

function countKeyTokens(text: string): number {
  let n = 0;
  STRING_TOKEN.lastIndex = 0;
  for (let m = STRING_TOKEN.exec(text); m; m = STRING_TOKEN.exec(text)) if (m[1]) n++;
  return n;
}

/**
 * An upper bound of the keys in strict JSON, cheaper than `countKeyTokens`: colons whose previous non-blank
 * character is a quote. Every key is counted; a string holding `\":` adds a false one. When the bound equals
 * the parsed value's key count, there can be no duplicate.
 */
function countColonsAfterQuote(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    let ch = text.charCodeAt(j);
    while (ch === 32 || ch === 10 || ch === 13 || ch === 9) ch = text.charCodeAt(--j);
    if (ch === 34 /* " */) n++;
  }
  return n;
}

/** Keys in a parsed value, counted without recursion (a value can be nested as deep as JSON.parse allows). */
function countKeys(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
    } else {
      for (const k in v) {
        n++;
        const child = (v as Record<string, unknown>)[k];
        if (child !== null && typeof child === 'object') stack.push(child);
      }
    }
  }
  return n;
}

function tooDeep(): SyntaxProblem {
  return {
    offset: 0,
    length: 1,
    code: 'json.too-deep',
    message: 'The document nests thousands of levels deep, far deeper than any ECS task definition or service (about ten levels), so ECS Lens does not read it. Check how it was generated.',
  };
}

function syntaxMessage(code: string): string {
  const readable: Record<string, string> = {
    InvalidSymbol: 'Unexpected character.',
    InvalidNumberFormat: 'Invalid number.',
    PropertyNameExpected: 'Expected a property name in double quotes.',
    ValueExpected: 'Expected a value.',
    ColonExpected: 'Expected a colon after the property name.',
    CommaExpected: 'Expected a comma.',
    CloseBraceExpected: 'Expected a closing brace "}".',
    CloseBracketExpected: 'Expected a closing bracket "]".',
    EndOfFileExpected: 'Expected the end of the file after the JSON value.',
    InvalidCommentToken: 'Invalid comment.',
    UnexpectedEndOfComment: 'Unterminated comment.',
    UnexpectedEndOfString: 'Unterminated string.',
    UnexpectedEndOfNumber: 'Incomplete number.',
    InvalidUnicode: 'Invalid Unicode escape.',
    InvalidEscapeCharacter: 'Invalid escape character.',
    InvalidCharacter: 'Invalid character in a string.',
  };
  return `${readable[code] ?? code} The AWS CLI cannot read a file with syntax errors ("Error parsing parameter 'cli-input-json': Invalid JSON").`;
}
