/**
 * Finds where paths sit in strict JSON without building a syntax tree: one pass over the characters that
 * descends only into members on the way to a requested path, jumps over everything else, and stops when every
 * path is placed. `parseTree` on a large document costs more than the rest of lint together.
 *
 * Only for text that JSON.parse accepted: it trusts the structure (whitespace is space, tab, CR and LF; every
 * string is closed; separators are where the grammar puts them), so it reads character codes directly instead
 * of going through a general scanner.
 */
import type { JsonPath } from '../types';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, containerEnd, OPEN_BRACE, OPEN_BRACKET, QUOTE, skipBlanks, valueEnd } from './chars';

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
  /** The path segment that leads here from the parent. */
  seg: string | number;
  children: Map<string | number, TrieNode>;
  /** Indexes of the requests that end at this node. */
  ends: number[];
}

function trieOf(paths: JsonPath[]): TrieNode {
  const root: TrieNode = { seg: '', children: new Map(), ends: [] };
  paths.forEach((path, index) => {
    let node = root;
    for (const seg of path) {
      let child = node.children.get(seg);
      if (!child) node.children.set(seg, (child = { seg, children: new Map(), ends: [] }));
      node = child;
    }
    node.ends.push(index);
  });
  return root;
}

/**
 * Places every path (the deepest existing node along each). Only for text that JSON.parse accepted: it trusts
 * the structure.
 */
export function locateAll(text: string, paths: JsonPath[]): Located[] {
  const out: Located[] = new Array(paths.length);
  const start = skipBlanks(text, 0);
  if (start >= text.length) {
    const none: Located = { depth: 0, valueOffset: 0, valueLength: Math.min(1, text.length), container: false };
    return paths.map(() => none);
  }
  const state: Walk = { text, out, remaining: paths.length };
  visitValue(state, trieOf(paths), start, 0, undefined, undefined);
  return out;
}

interface Walk {
  text: string;
  out: Located[];
  remaining: number;
}

/** Settles the requests at and below `node` at `at` (paths that continue below a missing node end there). */
function settle(w: Walk, node: TrieNode, at: Located): void {
  for (const i of node.ends) w.out[i] = at;
  w.remaining -= node.ends.length;
  for (const child of node.children.values()) settle(w, child, at);
}

/** Whether the key whose quotes are at `from` and `to - 1` is `key`. */
function keyIs(text: string, from: number, to: number, escaped: boolean, key: string): boolean {
  if (!escaped) return to - from - 2 === key.length && text.startsWith(key, from + 1);
  return JSON.parse(text.slice(from, to)) === key;
}

/**
 * Settles the requests at `node`, whose value starts at `i`, and descends into the members that lead to other
 * requests. Returns the offset after the value, or -1 once every request is placed.
 */
function visitValue(w: Walk, node: TrieNode, i: number, depth: number, keyOffset: number | undefined, keyLength: number | undefined): number {
  const text = w.text;
  const c = text.charCodeAt(i);
  const isObject = c === OPEN_BRACE;
  const container = isObject || c === OPEN_BRACKET;
  const end = container ? -1 : valueEnd(text, i);
  const at: Located = { depth, keyOffset, keyLength, valueOffset: i, valueLength: container ? 1 : end - i, container };
  for (const index of node.ends) w.out[index] = at;
  w.remaining -= node.ends.length;
  if (!container) {
    for (const child of node.children.values()) settle(w, child, at);
    return w.remaining === 0 ? -1 : end;
  }
  if (node.children.size === 0) return w.remaining === 0 ? -1 : containerEnd(text, i);
  const pending: TrieNode[] = [...node.children.values()];
  let j = skipBlanks(text, i + 1);
  let index = 0;
  while (j < text.length && text.charCodeAt(j) !== (isObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
    let child: TrieNode | undefined;
    let memberKeyOffset: number | undefined;
    let memberKeyLength: number | undefined;
    if (isObject) {
      // The key: find its closing quote, noting escapes (then it is compared by value).
      let k = j + 1;
      let escaped = false;
      for (; k < text.length; k++) {
        const d = text.charCodeAt(k);
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          escaped = true;
          k++;
        }
      }
      const keyEnd = k + 1;
      for (let p = 0; p < pending.length; p++) {
        const seg = pending[p].seg;
        if (typeof seg === 'string' && keyIs(text, j, keyEnd, escaped, seg)) {
          child = pending[p];
          break;
        }
      }
      memberKeyOffset = j;
      memberKeyLength = keyEnd - j;
      j = skipBlanks(text, skipBlanks(text, keyEnd) + 1); // over the colon
    } else {
      for (let p = 0; p < pending.length; p++) {
        if (pending[p].seg === index) {
          child = pending[p];
          break;
        }
      }
    }
    if (child) {
      // The first of duplicate keys is the one placed, as the syntax tree's lookup does.
      pending.splice(pending.indexOf(child), 1);
      j = visitValue(w, child, j, depth + 1, memberKeyOffset, memberKeyLength);
      if (j < 0) return -1;
    } else {
      j = valueEnd(text, j);
    }
    j = skipBlanks(text, j);
    if (text.charCodeAt(j) === COMMA) j = skipBlanks(text, j + 1);
    index++;
  }
  // Members that were asked for but are not there: those paths end at this container.
  for (const child of pending) settle(w, child, at);
  return w.remaining === 0 ? -1 : j + 1;
}
