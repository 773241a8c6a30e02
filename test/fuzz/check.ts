import { isDeepStrictEqual } from 'node:util';
import { analyze, EcsDocument } from '../../src/core/document/document';
import { complete } from '../../src/core/language/completion';
import { hover } from '../../src/core/language/hover';
import { lint } from '../../src/core/lint';
import { applyChanges, fixAll, getCodeActions, proposalsFor } from '../../src/core/fixes';
import { LineIndex } from '../../src/core/document/text';
import type { Position } from '../../src/core/types';
import { mutate } from './mutate';

/** Lints one mutated document; throws with the case number when an invariant breaks. */
export function checkCase(seed: number, source: string, withFixes: boolean): void {
  const text = mutate(seed, source);
  const lines = new LineIndex(text);
  const end = lines.positionAt(text.length);
  const inside = (p: Position) => p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character));
  let diags;
  try {
    diags = lint(text);
  } catch (err) {
    throw new Error(`case ${seed}: lint threw ${(err as Error).stack}`, { cause: err });
  }
  for (const d of diags) {
    if (!inside(d.range.start) || !inside(d.range.end)) throw new Error(`case ${seed}: range ${JSON.stringify(d.range)} outside the document (${d.code})`);
    if (lines.offsetAt(d.range.start) > lines.offsetAt(d.range.end)) throw new Error(`case ${seed}: inverted range (${d.code})`);
  }
  // Hover and completion at a few offsets: nothing throws, ranges stay inside, and the first question of a
  // version (read off the text) gets the same answer as the next one (from the syntax tree).
  try {
    for (const offset of [seed % (text.length + 1), (seed * 7919) % (text.length + 1), text.length]) {
      const doc = new EcsDocument(text);
      const first = hover(doc, offset);
      const again = hover(doc, offset);
      if (!isDeepStrictEqual(first, again)) throw new Error(`hover at ${offset}: the text walk and the tree disagree`);
      if (first && (!inside(first.range.start) || !inside(first.range.end))) throw new Error(`hover range ${JSON.stringify(first.range)} outside the document`);
      const fresh = new EcsDocument(text);
      const items = complete(fresh, offset);
      const itemsAgain = complete(fresh, offset);
      if (!isDeepStrictEqual(items, itemsAgain)) throw new Error(`completion at ${offset}: the text walk and the tree disagree`);
    }
  } catch (err) {
    throw new Error(`case ${seed}: hover or completion ${(err as Error).stack}`, { cause: err });
  }
  if (withFixes) {
    try {
      getCodeActions(text, diags);
      // Every proposal must fit the document: the editor drops one that does not, so only this finds it.
      const doc = analyze(text);
      for (const d of diags) {
        for (const p of proposalsFor(doc, d)) {
          const after = applyChanges(doc, p.changes);
          if (doc.json.syntaxErrors.length === 0 && analyze(after).json.syntaxErrors.length > 0) throw new Error(`"${p.title}" (${d.code}) produced invalid JSON`);
        }
      }
      const fixed = fixAll(text);
      if (fixed.applied > 0 && analyze(fixed.text).json.syntaxErrors.length > 0) throw new Error('fix-all produced invalid JSON');
    } catch (err) {
      throw new Error(`case ${seed}: fixes threw ${(err as Error).stack}`, { cause: err });
    }
  }
}
