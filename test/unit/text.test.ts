/** The line index finds line starts on demand; its answers must not depend on the order of the questions. */
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/document/text';

/** Every line start, computed in one pass (the index's answers must match these). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (ch === 13 || ch === 10) starts.push(i + 1);
  }
  return starts;
}

function reference(text: string): { positionAt(o: number): { line: number; character: number }; offsetAt(p: { line: number; character: number }): number } {
  const starts = lineStarts(text);
  return {
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= clamped) line++;
      return { line, character: clamped - starts[line] };
    },
    offsetAt(p) {
      if (p.line >= starts.length) return text.length;
      if (p.line < 0) return 0;
      const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
      return Math.min(starts[p.line] + Math.max(0, p.character), lineEnd);
    },
  };
}

describe('line index', () => {
  it('answers like a complete index, whatever the order of the questions and the line breaks', () => {
    let seed = 5;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pieces = ['a', 'bc', ' ', '\n', '\r\n', '\r', '{"k": 1}', '\n\n', '\r\r\n'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = round % 10 === 0 ? 5000 + next(15000) : next(200);
      while (text.length < length) text += pieces[next(pieces.length)];
      let lines = new LineIndex(text);
      const expected = reference(text);
      for (let q = 0; q < 60; q++) {
        // Often the first question of a fresh index, which has found no line start yet.
        if (next(3) === 0) lines = new LineIndex(text);
        if (next(2) === 0) {
          const offset = next(text.length + 20) - 10;
          assert.deepEqual(lines.positionAt(offset), expected.positionAt(offset), `${JSON.stringify(text)} at ${offset}`);
        } else {
          const position = { line: next(lineStarts(text).length + 4) - 2, character: next(40) - 2 };
          assert.equal(lines.offsetAt(position), expected.offsetAt(position), `${JSON.stringify(text)} at ${JSON.stringify(position)}`);
        }
      }
    }
  });

  it('bounds every line of a long text by the next line start, asked first on a fresh index', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join(eol);
      const expected = reference(text);
      for (let line = 0; line < 3002; line++) {
        const position = { line, character: 100 };
        assert.equal(new LineIndex(text).offsetAt(position), expected.offsetAt(position), `line ${line}`);
      }
    }
  });
});
