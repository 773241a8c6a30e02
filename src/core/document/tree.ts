/**
 * jsonc-parser's syntax tree for strict JSON, built by reading character codes directly: the same nodes (types,
 * offsets, lengths, colon offsets, values, parent links) as `parseTree`, in a fraction of its time. `parseTree`
 * drives a general scanner and a visitor with callbacks per token; here the text is known to be valid JSON
 * (JSON.parse accepted it), so there is nothing to recover from.
 *
 * A document nested deeper than ECS ever is falls back to `parseTree`, so that it fails or succeeds exactly as
 * before. A unit test compares both trees over every corpus file.
 */
import { parseTree, type Node } from 'jsonc-parser';
import { CLOSE_BRACE, CLOSE_BRACKET, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, scalarEnd, skipBlanks, stringEnd, stringValue } from './chars';

/** Far deeper than any task definition or service (about ten levels); deeper documents use parseTree. */
const MAX_DEPTH = 200;

class TooDeep extends Error {}

/** A node while it is built (jsonc-parser's Node type is read-only). */
interface Building {
  type: Node['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: Building;
  children?: Building[];
}

export function strictTree(text: string, parse: () => Node | undefined = () => parseTree(text)): Node | undefined {
  const reader = new Reader(text);
  let root: Building;
  try {
    root = reader.value(undefined, 0);
  } catch (err) {
    if (err instanceof TooDeep) return parse();
    throw err;
  }
  // parseTree leaves the root without a parent member.
  delete root.parent;
  return root as unknown as Node;
}

class Reader {
  private i = 0;

  constructor(private readonly text: string) {
    this.blanks();
  }

  private blanks(): void {
    this.i = skipBlanks(this.text, this.i);
  }

  /** Reads the value at the current offset (blanks skipped), and the blanks after it. */
  value(parent: Building | undefined, depth: number): Building {
    const text = this.text;
    const start = this.i;
    const c = text.charCodeAt(start);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth >= MAX_DEPTH) throw new TooDeep();
      return c === OPEN_BRACE ? this.object(parent, depth) : this.array(parent, depth);
    }
    let node: Building;
    if (c === QUOTE) {
      const end = stringEnd(text, start);
      node = { type: 'string', offset: start, length: end - start, parent, value: stringValue(text, start, end) };
      this.i = end;
    } else {
      const end = scalarEnd(text, start);
      const token = text.slice(start, end);
      const value = token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token);
      node = { type: value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : 'number', offset: start, length: end - start, parent, value };
      this.i = end;
    }
    this.blanks();
    return node;
  }

  private object(parent: Building | undefined, depth: number): Building {
    const text = this.text;
    const children: Building[] = [];
    const node: Building = { type: 'object', offset: this.i, length: -1, parent, children };
    this.i++;
    this.blanks();
    while (text.charCodeAt(this.i) !== CLOSE_BRACE && this.i < text.length) {
      const keyStart = this.i;
      const keyEnd = stringEnd(text, keyStart);
      const members: Building[] = [];
      const property: Building = { type: 'property', offset: keyStart, length: -1, parent: node, children: members };
      members.push({ type: 'string', value: stringValue(text, keyStart, keyEnd), offset: keyStart, length: keyEnd - keyStart, parent: property });
      children.push(property);
      this.i = keyEnd;
      this.blanks();
      property.colonOffset = this.i; // the colon
      this.i++;
      this.blanks();
      const value = this.value(property, depth + 1);
      members.push(value);
      property.length = value.offset + value.length - keyStart;
      if (text.charCodeAt(this.i) === COMMA) {
        this.i++;
        this.blanks();
      }
    }
    this.i++;
    node.length = this.i - node.offset;
    this.blanks();
    return node;
  }

  private array(parent: Building | undefined, depth: number): Building {
    const text = this.text;
    const children: Building[] = [];
    const node: Building = { type: 'array', offset: this.i, length: -1, parent, children };
    this.i++;
    this.blanks();
    while (text.charCodeAt(this.i) !== CLOSE_BRACKET && this.i < text.length) {
      children.push(this.value(node, depth + 1));
      if (text.charCodeAt(this.i) === COMMA) {
        this.i++;
        this.blanks();
      }
    }
    this.i++;
    node.length = this.i - node.offset;
    this.blanks();
    return node;
  }
}
