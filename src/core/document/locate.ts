/**
 * Finds where paths sit in strict JSON without building a syntax tree: one pass of jsonc-parser's scanner
 * that descends only into members on the way to a requested path, jumps over everything else, and stops when
 * every path is placed. `parseTree` on a large document costs more than the rest of lint together.
 */
import { createScanner, SyntaxKind, type JSONScanner } from 'jsonc-parser';
import type { JsonPath } from '../types';

export interface Located {
  /** How many segments of the path exist (the whole path when equal to its length). */
  depth: number;
  /** The key of the deepest existing node, when it is an object member. */
  keyOffset?: number;
  keyLength?: number;
  valueOffset: number;
  /** The value's length; for objects and arrays only their first character is measured. */
  valueLength: number;
  container: boolean;
}

interface TrieNode {
  children: Map<string | number, TrieNode>;
  /** Indexes of the requests that end at this node. */
  ends: number[];
  /** Requests ending at or below this node. */
  total: number;
}

function trieOf(paths: JsonPath[]): TrieNode {
  const root: TrieNode = { children: new Map(), ends: [], total: 0 };
  paths.forEach((path, index) => {
    let node = root;
    node.total++;
    for (const seg of path) {
      let child = node.children.get(seg);
      if (!child) node.children.set(seg, (child = { children: new Map(), ends: [], total: 0 }));
      child.total++;
      node = child;
    }
    node.ends.push(index);
  });
  return root;
}

/** Strings and brackets: enough to find where a container of valid JSON ends. */
// The string pattern is the "unrolled loop" form: the same matches, far fewer backtracking steps.
const STRING_OR_BRACKET = /"[^"\\]*(?:\\.[^"\\]*)*"|[{}[\]]/g;

/** The offset after the container whose opening bracket ends just before `from`. Trusts the structure. */
function containerEnd(text: string, from: number): number {
  let depth = 1;
  STRING_OR_BRACKET.lastIndex = from;
  for (let m = STRING_OR_BRACKET.exec(text); m; m = STRING_OR_BRACKET.exec(text)) {
    const ch = m[0];
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      if (--depth === 0) return m.index + 1;
    }
  }
  return text.length;
}

function isValueStart(k: SyntaxKind): boolean {
  return (
    k === SyntaxKind.OpenBraceToken ||
    k === SyntaxKind.OpenBracketToken ||
    k === SyntaxKind.StringLiteral ||
    k === SyntaxKind.NumericLiteral ||
    k === SyntaxKind.TrueKeyword ||
    k === SyntaxKind.FalseKeyword ||
    k === SyntaxKind.NullKeyword
  );
}

/**
 * Places every path (the deepest existing node along each). Only for text that JSON.parse accepted: it trusts
 * the structure.
 */
export function locateAll(text: string, paths: JsonPath[]): Located[] {
  const out: Located[] = new Array(paths.length);
  const s = createScanner(text, true);
  const k = s.scan();
  if (!isValueStart(k)) {
    const none: Located = { depth: 0, valueOffset: 0, valueLength: Math.min(1, text.length), container: false };
    return paths.map(() => none);
  }
  let remaining = paths.length;
  const settle = (node: TrieNode, at: Located): void => {
    for (const i of node.ends) out[i] = at;
    remaining -= node.ends.length;
    // Paths that continue below a node that does not exist end at this node.
    for (const child of node.children.values()) settle(child, at);
  };
  visitValue(s, text, trieOf(paths), 0, undefined, undefined, settle, () => remaining === 0);
  return out;
}

/**
 * Called with the scanner on the first token of a value. Settles the requests at `node`, descends into the
 * members that lead to other requests, and leaves the scanner on the value's last token.
 */
function visitValue(
  s: JSONScanner,
  text: string,
  node: TrieNode,
  depth: number,
  keyOffset: number | undefined,
  keyLength: number | undefined,
  settle: (node: TrieNode, at: Located) => void,
  done: () => boolean,
): void {
  const k = s.getToken();
  const container = k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken;
  const at: Located = { depth, keyOffset, keyLength, valueOffset: s.getTokenOffset(), valueLength: container ? 1 : s.getTokenLength(), container };
  for (const i of node.ends) settleOne(i, at, settle);
  if (!container) {
    for (const child of node.children.values()) settle(child, at);
    return;
  }
  if (node.children.size === 0) {
    s.setPosition(containerEnd(text, s.getTokenOffset() + 1));
    return;
  }
  const isObject = k === SyntaxKind.OpenBraceToken;
  const pending = new Set(node.children.values());
  let index = 0;
  let t = s.scan();
  while (t !== SyntaxKind.EOF && t !== SyntaxKind.CloseBraceToken && t !== SyntaxKind.CloseBracketToken) {
    let child: TrieNode | undefined;
    let memberKeyOffset: number | undefined;
    let memberKeyLength: number | undefined;
    if (isObject) {
      if (t !== SyntaxKind.StringLiteral) break;
      child = node.children.get(s.getTokenValue());
      memberKeyOffset = s.getTokenOffset();
      memberKeyLength = s.getTokenLength();
      if (s.scan() !== SyntaxKind.ColonToken) break;
      t = s.scan();
    } else {
      child = node.children.get(index);
    }
    if (!isValueStart(t)) break;
    if (child && pending.has(child)) {
      pending.delete(child);
      visitValue(s, text, child, depth + 1, memberKeyOffset, memberKeyLength, settle, done);
      if (done()) return;
    } else if (t === SyntaxKind.OpenBraceToken || t === SyntaxKind.OpenBracketToken) {
      s.setPosition(containerEnd(text, s.getTokenOffset() + 1));
    }
    t = s.scan(); // a comma or the end of the container
    if (t === SyntaxKind.CommaToken) t = s.scan();
    index++;
  }
  // Members that were asked for but are not there: those paths end at this container.
  for (const child of pending) settle(child, at);
}

/** Settles one request that ends exactly at a node (its descendants are handled separately). */
function settleOne(index: number, at: Located, settle: (node: TrieNode, at: Located) => void): void {
  settle({ children: new Map(), ends: [index], total: 1 }, at);
}
