import { distance } from 'fastest-levenshtein';

/**
 * Closest candidates to `input` by edit distance, for "did you mean" hints.
 * Only candidates within a distance proportional to the input length are returned.
 */
export function suggest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.ceil(needle.length * 0.4));
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const hay = c.toLowerCase();
    let d = distance(needle, hay);
    if (hay.startsWith(needle) || needle.startsWith(hay)) d = Math.min(d, 1);
    if (d <= limit) scored.push([c, d]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return scored.slice(0, max).map(([c]) => c);
}

/** `" (did you mean 'x' or 'y'?)"` or the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const s = suggest(input, candidates);
  if (s.length === 0) return '';
  return ` (did you mean ${s.map((x) => `'${x}'`).join(' or ')}?)`;
}
