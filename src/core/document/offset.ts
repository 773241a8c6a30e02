/**
 * What sits at an offset of strict JSON, read straight off the text: the answer `EcsDocument.locationAt` gives
 * from the syntax tree (jsonc-parser's `findNodeAtOffset` with the right bound included), without building the
 * tree. The first hover of a document version needs nothing more, and the tree costs about three times the
 * `JSON.parse` of the text. The walk reads the text up to the offset and stops there; only the value reported
 * is parsed. A unit test compares both answers at every offset of the corpus files.
 */
import type { JsonLocation, JsonPath } from '../types';
import { CLOSE_BRACE, CLOSE_BRACKET, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, scalarEnd, skipBlanks, stringEnd, stringValue, valueEnd } from './chars';

/** As the tree builder's limit: deeper documents are answered from the tree (see tree.ts). */
const MAX_DEPTH = 200;

class TooDeep extends Error {}

/** The location at `offset`, or undefined when the document is nested too deep for this walk. */
export function strictLocationAt(text: string, offset: number): JsonLocation | undefined {
  return seek(new Seeker(text, offset, true));
}

/**
 * The innermost object whose braces are around `offset` (strictly: the offset is after its opening brace and
 * before its closing one): its offset and path. Null when no object is around the offset; undefined when the
 * document is nested too deep for this walk.
 */
export function innermostObjectAt(text: string, offset: number): { offset: number; path: JsonPath } | null | undefined {
  const seeker = new Seeker(text, offset, false);
  const found = seek(seeker);
  if (!found) return undefined;
  const object = seeker.objects[seeker.objects.length - 1];
  return object ? { offset: object.start, path: found.path.slice(0, object.depth) } : null;
}

function seek(seeker: Seeker): JsonLocation | undefined {
  const start = seeker.blanks(0);
  if (start >= seeker.text.length || seeker.offset < start) return { path: [], on: 'gap' };
  try {
    const found = seeker.value(start, 0);
    return typeof found === 'number' ? { path: [], on: 'gap' } : found;
  } catch (err) {
    if (err instanceof TooDeep) return undefined;
    throw err;
  }
}

class Seeker {
  /** The keys and indexes from the root to the member being read. */
  private readonly path: Array<string | number> = [];
  /**
   * The objects being read whose opening brace is before the offset, outermost first, with the length of their
   * path. Once the offset is found, these are the objects around it.
   */
  readonly objects: Array<{ start: number; depth: number }> = [];

  constructor(
    readonly text: string,
    readonly offset: number,
    /** Whether the location needs the value there (a hover does; finding the objects around does not). */
    private readonly withValue: boolean,
  ) {}

  blanks(i: number): number {
    return skipBlanks(this.text, i);
  }

  private here(key?: string): JsonPath {
    return key === undefined ? this.path.slice() : [...this.path, key];
  }

  private valueOf(from: number, to: number): unknown {
    return this.withValue ? (JSON.parse(this.text.slice(from, to)) as unknown) : undefined;
  }

  /**
   * Looks for the offset in the value starting at `start` (at or before the offset): what is there, or, when the
   * value ends before the offset, the offset after the value.
   */
  value(start: number, depth: number): JsonLocation | number {
    const c = this.text.charCodeAt(start);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth >= MAX_DEPTH) throw new TooDeep();
      return c === OPEN_BRACE ? this.object(start, depth) : this.array(start, depth);
    }
    const end = c === QUOTE ? stringEnd(this.text, start) : scalarEnd(this.text, start);
    if (this.offset > end) return end;
    return { path: this.here(), on: 'value', span: { offset: start, length: end - start }, value: this.valueOf(start, end) };
  }

  /** The container at `start`, found at the offset: a gap strictly inside it, its value on its brackets. */
  private container(start: number, end: number): JsonLocation {
    if (this.offset > start && this.offset < end) return { path: this.here(), on: 'gap' };
    return { path: this.here(), on: 'value', span: { offset: start, length: end - start }, value: this.valueOf(start, end) };
  }

  private object(start: number, depth: number): JsonLocation | number {
    const text = this.text;
    const offset = this.offset;
    const around = offset > start;
    if (around) this.objects.push({ start, depth: this.path.length });
    let i = this.blanks(start + 1);
    while (i < text.length && text.charCodeAt(i) !== CLOSE_BRACE) {
      const keyStart = i;
      // A member that starts after the offset: the offset is between members.
      if (keyStart > offset) return this.container(start, valueEnd(text, start));
      const keyEnd = stringEnd(text, keyStart);
      const valueStart = this.blanks(this.blanks(keyEnd) + 1);
      if (offset <= keyEnd) {
        const key = stringValue(text, keyStart, keyEnd);
        return { path: this.here(key), on: 'key', span: { offset: keyStart, length: keyEnd - keyStart }, value: this.valueOf(valueStart, valueEnd(text, valueStart)) };
      }
      // Past the key, before the value (on the colon or the blanks around it).
      if (valueStart > offset) return { path: this.here(stringValue(text, keyStart, keyEnd)), on: 'gap' };
      this.path.push(stringValue(text, keyStart, keyEnd));
      const found = this.value(valueStart, depth + 1);
      this.path.pop();
      if (typeof found !== 'number') return found;
      i = this.blanks(found);
      if (text.charCodeAt(i) === COMMA) i = this.blanks(i + 1);
    }
    const end = i + 1;
    // Not around the offset after all: the offset is on the closing brace, or after it.
    if (around && offset >= end) this.objects.pop();
    return offset <= end ? this.container(start, end) : end;
  }

  private array(start: number, depth: number): JsonLocation | number {
    const text = this.text;
    const offset = this.offset;
    let i = this.blanks(start + 1);
    for (let index = 0; i < text.length && text.charCodeAt(i) !== CLOSE_BRACKET; index++) {
      if (i > offset) return this.container(start, valueEnd(text, start));
      this.path.push(index);
      const found = this.value(i, depth + 1);
      this.path.pop();
      if (typeof found !== 'number') return found;
      i = this.blanks(found);
      if (text.charCodeAt(i) === COMMA) i = this.blanks(i + 1);
    }
    const end = i + 1;
    return offset <= end ? this.container(start, end) : end;
  }
}
