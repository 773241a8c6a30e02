/** "Did you mean": the nearest candidate to a mistyped key or name, if it is near enough to be what was meant. */
import { distance } from 'fastest-levenshtein';

/** A list of candidates with their lowercase forms: prepare it once when the same list is asked about often. */
export interface Candidates {
  readonly list: readonly string[];
  readonly lower: readonly string[];
}

export function prepareCandidates(list: readonly string[]): Candidates {
  return { list, lower: list.map((c) => c.toLowerCase()) };
}

/**
 * The candidate the user probably meant: one equal ignoring case, else the closest by edit distance when at most
 * a third of the letters (and at least two) differ. Among equally close candidates, the first.
 */
export function suggest(word: string, candidates: readonly string[] | Candidates): string | undefined {
  const { list, lower: lowered } = 'lower' in candidates ? candidates : prepareCandidates(candidates);
  if (list.length === 0) return undefined;
  const lower = word.toLowerCase();
  const sameLetters = lowered.indexOf(lower);
  if (sameLetters !== -1) return list[sameLetters];
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < list.length; i++) {
    // The edit distance is at least the difference in length: only nearby lengths can be near enough.
    if (Math.abs(list[i].length - word.length) > limit) continue;
    const d = distance(lower, lowered[i]);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best !== -1 && bestDistance <= limit ? list[best] : undefined;
}
