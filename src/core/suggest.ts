/** "Did you mean": the nearest candidate to a mistyped key or name, if it is near enough to be what was meant. */
import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate the user probably meant: one equal ignoring case, else the closest by edit distance when at most
 * a third of the letters (and at least two) differ.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const sameLetters = candidates.find((c) => c.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  const limit = Math.max(2, Math.floor(word.length / 3));
  // The edit distance is at least the difference in length: only nearby lengths can be near enough.
  const near = candidates.filter((c) => Math.abs(c.length - word.length) <= limit);
  if (near.length === 0) return undefined;
  const best = closest(lower, near.map((c) => c.toLowerCase()));
  return distance(lower, best) <= limit ? near.find((c) => c.toLowerCase() === best) : undefined;
}
