import type { Position, Range } from '../types';

/**
 * Converts offsets to positions. Line starts are found on demand, only as far into the text as a request needs:
 * lint places its few ranges near the problems, which in a large file are often in its first part.
 */
export class LineIndex {
  /** Line starts found so far: every one whose line break lies before `scanned`. */
  private readonly starts: number[] = [0];
  private scanned = 0;
  private complete = false;
  private hasCarriageReturn: boolean | undefined;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    this.scanTo(clamped);
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  offsetAt(position: Position): number {
    // The start of the line after it bounds the line.
    while (!this.complete && this.starts.length <= position.line + 1) this.scanTo(this.scanned + 4096);
    const starts = this.starts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd);
  }

  rangeAt(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }

  /** Records every line break that starts before `limit` (a CR LF pair is one break). */
  private scanTo(limit: number): void {
    if (this.complete || this.scanned >= limit) return;
    const text = this.text;
    const starts = this.starts;
    this.hasCarriageReturn ??= text.indexOf('\r') !== -1;
    if (!this.hasCarriageReturn) {
      // The common case, \n only: let indexOf do the scanning.
      let i = text.indexOf('\n', this.scanned);
      for (; i !== -1 && i < limit; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      if (i === -1) {
        this.complete = true;
        this.scanned = text.length;
      } else {
        this.scanned = i;
      }
      return;
    }
    const end = Math.min(limit, text.length);
    let i = this.scanned;
    for (; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.scanned = i;
    if (i >= text.length) this.complete = true;
  }
}
