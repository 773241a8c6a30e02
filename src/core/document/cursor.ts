/**
 * jsonc-parser's `getLocation` (the path at a cursor, the token before it, whether a key is expected there) without
 * reading the text from its start on every call. `getLocation` re-parses everything up to the cursor: about
 * 9 µs per KB, so 450 µs near the end of a 50 KB document, per completion request. Here the syntax tree of the
 * version (built once) answers instead, with exactly the same result:
 *
 * - strict JSON: the answer is read off the tree (`strictLocation`);
 * - other text: `getLocation` runs from the innermost object around the cursor, when everything before that
 *   object parsed without an error (so the tree's path to it is the path `getLocation` would have built);
 * - otherwise, or without a tree: `getLocation` on the whole text, as before.
 *
 * A unit test compares all three with `getLocation` at every offset of the corpus files and broken variants.
 */
import { getLocation, type Node } from 'jsonc-parser';
import type { JsonPath } from '../types';
import { innermostObjectAt } from './offset';
import type { ParsedJson } from './parse';

export interface CursorLocation {
  /** The path at the cursor (the member being typed is `''` until its key is there). */
  path: JsonPath;
  /** The key or literal token just before (or around) the cursor, as `getLocation` reports it. */
  previousNode?: Node;
  /** True where a property key is expected or being typed. */
  isAtPropertyKey: boolean;
}

export function cursorLocation(json: ParsedJson, offset: number): CursorLocation {
  if (json.takeTextWalk()) {
    const walked = fromTextWalk(json.text, offset);
    if (walked) return walked;
  }
  const tree = json.tree;
  if (tree) {
    if (json.strict) return strictLocation(json.text, tree, offset);
    const inner = fromInnermostObject(json, tree, offset);
    if (inner) return inner;
  }
  const l = getLocation(json.text, offset);
  return { path: l.path, previousNode: l.previousNode, isAtPropertyKey: l.isAtPropertyKey };
}

// getLocation semantics, as events in text order: a container's opening token applies when the cursor is after
// it, a key or literal when the cursor is at or after its start (and nothing after a key or literal that spans
// the cursor applies), separators and closing tokens when the cursor is after them. Opening an object, and a
// comma in an object, set isAtPropertyKey; the colon after a key clears it; nothing else touches it.

function isContainer(node: Node): boolean {
  return node.type === 'object' || node.type === 'array';
}

/** The token node getLocation reports (its own object, like getLocation's, not a node of the tree). */
function tokenNode(type: Node['type'], value: unknown, offset: number, length: number): Node {
  return { value, offset, length, type, parent: undefined, colonOffset: undefined } as Node;
}

/** The index of the last child that starts at or before `p`, or -1. Children are in text order. */
function lastAtOrBefore(children: Node[], p: number): number {
  let low = 0;
  let high = children.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (children[mid].offset <= p) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The offset of the comma after child `i` of a container of strict JSON; Infinity after the last child. */
function commaAfter(text: string, children: Node[], i: number): number {
  if (i + 1 >= children.length) return Infinity;
  const child = children[i];
  return text.indexOf(',', child.offset + child.length);
}

/** getLocation for strict JSON, read off the tree: the containers around the cursor, then the tokens next to it. */
export function strictLocation(text: string, root: Node, p: number): CursorLocation {
  const path: JsonPath = [];
  let previousNode: Node | undefined;
  if (!isContainer(root)) {
    return { path, previousNode: p >= root.offset ? tokenNode(root.type, root.value, root.offset, root.length) : undefined, isAtPropertyKey: false };
  }
  let node = root;
  // Only a container whose opening token is before the cursor and whose closing token is not is on the path.
  if (p > node.offset && p < node.offset + node.length) {
    for (;;) {
      const children = node.children ?? [];
      const i = lastAtOrBefore(children, p);
      if (i < 0) {
        path.push(node.type === 'object' ? '' : 0);
        break;
      }
      if (commaAfter(text, children, i) < p) {
        path.push(node.type === 'object' ? '' : i + 1);
        break;
      }
      let value: Node | undefined;
      if (node.type === 'object') {
        const key = children[i].children![0];
        value = children[i].children![1];
        path.push(key.value as string);
        // On the key, or between it and its colon.
        if (p <= (children[i].colonOffset ?? Infinity)) {
          previousNode = tokenNode('property', key.value, key.offset, key.length);
          break;
        }
      } else {
        path.push(i);
        value = children[i];
      }
      if (!value || p < value.offset) break;
      if (!isContainer(value)) {
        previousNode = tokenNode(value.type, value.value, value.offset, value.length);
        break;
      }
      if (p > value.offset && p < value.offset + value.length) {
        node = value;
        continue;
      }
      break;
    }
  }
  return { path, previousNode, isAtPropertyKey: lastSetter(text, root, p) ?? false };
}

/** The value isAtPropertyKey was last set to by the tokens of `node` before `p`; undefined if none set it. */
function lastSetter(text: string, node: Node, p: number): boolean | undefined {
  if (p <= node.offset) return undefined;
  const children = node.children ?? [];
  if (node.type === 'object') {
    const i = lastAtOrBefore(children, p);
    // The opening brace, or the comma before child i.
    if (i < 0) return true;
    let state = true;
    const property = children[i];
    if (property.colonOffset !== undefined && property.colonOffset < p) state = false;
    const value = property.children?.[1];
    const inner = value ? lastSetter(text, value, p) : undefined;
    if (inner !== undefined) state = inner;
    if (commaAfter(text, children, i) < p) state = true;
    return state;
  }
  if (node.type === 'array') {
    for (let i = lastAtOrBefore(children, p); i >= 0; i--) {
      const inner = lastSetter(text, children[i], p);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/**
 * getLocation from the innermost object around the cursor: opening an object resets everything getLocation
 * tracks but the path, and the path to that object is the tree's when no syntax error comes before its brace.
 */
function fromInnermostObject(json: ParsedJson, root: Node, p: number): CursorLocation | undefined {
  let object: Node | undefined;
  for (let node: Node | undefined = root; node; ) {
    // A container whose length is unknown (-1) or that ends before the cursor is not around it.
    if (!(p > node.offset && p < node.offset + node.length)) break;
    if (node.type === 'object') object = node;
    const children: Node[] = node.children ?? [];
    const i = lastAtOrBefore(children, p);
    let child: Node | undefined = i < 0 ? undefined : children[i];
    if (child?.type === 'property') {
      if (!(p > child.offset && p < child.offset + child.length)) break;
      child = child.children?.[1];
    }
    node = child && isContainer(child) ? child : undefined;
  }
  if (!object) return undefined;
  for (const e of json.syntaxErrors) if (e.offset <= object.offset) return undefined;
  return fromObject(json.text, object.offset, pathOf(object), p);
}

/** getLocation run from the opening brace of an object at `offset` whose path is `path`, in the whole text's terms. */
function fromObject(text: string, offset: number, path: JsonPath, p: number): CursorLocation {
  const l = getLocation(text.slice(offset), p - offset);
  const previous = l.previousNode;
  return {
    path: [...path, ...l.path],
    previousNode: previous ? tokenNode(previous.type, previous.value, previous.offset + offset, previous.length) : undefined,
    isAtPropertyKey: l.isAtPropertyKey,
  };
}

/**
 * getLocation for strict JSON without the tree: the innermost object around the cursor found by reading the
 * text (offset.ts), then getLocation from that object's brace, as fromInnermostObject does. Undefined when no
 * object is around the cursor or the document is too deep for the walk.
 */
function fromTextWalk(text: string, p: number): CursorLocation | undefined {
  const object = innermostObjectAt(text, p);
  return object ? fromObject(text, object.offset, object.path, p) : undefined;
}

/** The path of a value node: property keys and list indexes from the root down. */
function pathOf(node: Node): JsonPath {
  const path: JsonPath = [];
  for (let n = node; n.parent; n = n.parent) {
    const parent = n.parent;
    if (parent.type === 'property') path.push(parent.children![0].value as string);
    else if (parent.type === 'array') path.push(lastAtOrBefore(parent.children!, n.offset));
  }
  return path.reverse();
}
