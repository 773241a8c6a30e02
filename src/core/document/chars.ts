/**
 * Reading strict JSON by character codes: the pieces the scanners of this folder share (locate.ts places
 * diagnostic ranges, tree.ts builds the syntax tree, offset.ts answers "what is at this offset"). The text is
 * known to be valid JSON (JSON.parse accepted it), so nothing here recovers from errors.
 */

export const QUOTE = 34;
export const BACKSLASH = 92;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const COMMA = 44;

/** The offset of the first character at or after `i` that is not a JSON blank. */
export function skipBlanks(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** The offset of the quote that closes the string whose opening quote is at `i` (or the text's length). */
export function closingQuote(text: string, i: number): number {
  for (let q = text.indexOf('"', i + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    // Escaped when an odd number of backslashes precede it.
    if (text.charCodeAt(q - 1) !== BACKSLASH) return q;
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - b) % 2 === 1) return q;
  }
  return text.length;
}

/** The offset after the string whose opening quote is at `i`. */
export function stringEnd(text: string, i: number): number {
  return Math.min(closingQuote(text, i) + 1, text.length);
}

/** The string value of the token `[from, to)`, quotes included. */
export function stringValue(text: string, from: number, to: number): string {
  const raw = text.slice(from + 1, to - 1);
  return raw.indexOf('\\') === -1 ? raw : (JSON.parse(text.slice(from, to)) as string);
}

/** The offset after the object or array whose opening bracket is at `i`. */
export function containerEnd(text: string, i: number): number {
  let depth = 0;
  const n = text.length;
  for (let j = i; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      // indexOf finds the end of a string faster than a loop over its characters.
      j = closingQuote(text, j);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return j + 1;
    }
  }
  return n;
}

/** The offset after a number, true, false or null starting at `i`. */
export function scalarEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 32 || c === 10 || c === 13 || c === 9 || Number.isNaN(c)) return j;
    j++;
  }
}

/** The offset after the value starting at `i`. */
export function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(text, i);
  return scalarEnd(text, i);
}
