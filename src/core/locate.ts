/**
 * Finds where a path sits in strict JSON with jsonc-parser's scanner, without building a tree, and stops as
 * soon as it knows. Used to place the few ranges a lint run needs; `parseTree` costs more than the whole rest of
 * lint on a large document.
 */
import { createScanner, SyntaxKind, type JSONScanner } from 'jsonc-parser';
import type { JsonPath } from './types';

export interface Located {
  /** How many segments of the path exist (the whole path when equal to its length). */
  depth: number;
  /** The key of the deepest existing node, when it is an object member. */
  keyOffset?: number;
  keyLength?: number;
  valueOffset: number;
  valueLength: number;
  container: boolean;
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

/** Skips the rest of a container whose opening token was just read; returns the offset after its end. */
function skipContainer(s: JSONScanner): number {
  let depth = 1;
  for (let k = s.scan(); k !== SyntaxKind.EOF; k = s.scan()) {
    if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) depth++;
    else if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) {
      if (--depth === 0) return s.getTokenOffset() + s.getTokenLength();
    }
  }
  return s.getPosition();
}

/**
 * The deepest node along `path`. Only for text that JSON.parse accepted: it trusts the structure.
 */
export function locate(text: string, path: JsonPath): Located {
  const s = createScanner(text, true);
  let k = s.scan();
  if (!isValueStart(k)) return { depth: 0, valueOffset: 0, valueLength: Math.min(1, text.length), container: false };
  let best: Located;
  let keyOffset: number | undefined;
  let keyLength: number | undefined;
  // Invariant: the token just read starts the value at path[0..depth).
  for (let depth = 0; ; depth++) {
    const container = k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken;
    const valueOffset = s.getTokenOffset();
    best = { depth, keyOffset, keyLength, valueOffset, valueLength: s.getTokenLength(), container };
    if (!container) return best;
    if (depth === path.length) {
      best.valueLength = skipContainer(s) - valueOffset;
      return best;
    }
    const want = path[depth];
    const isObject = k === SyntaxKind.OpenBraceToken;
    let index = 0;
    let found = false;
    k = s.scan();
    while (k !== SyntaxKind.EOF && k !== SyntaxKind.CloseBraceToken && k !== SyntaxKind.CloseBracketToken) {
      let match: boolean;
      if (isObject) {
        if (k !== SyntaxKind.StringLiteral) return best;
        match = s.getTokenValue() === want;
        keyOffset = s.getTokenOffset();
        keyLength = s.getTokenLength();
        if (s.scan() !== SyntaxKind.ColonToken) return best;
        k = s.scan();
      } else {
        match = index === want;
        keyOffset = undefined;
        keyLength = undefined;
      }
      if (!isValueStart(k)) return best;
      if (match) {
        found = true;
        break;
      }
      if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) skipContainer(s);
      k = s.scan(); // comma or the end of the container
      if (k === SyntaxKind.CommaToken) k = s.scan();
      index++;
    }
    if (!found) return best;
  }
}
