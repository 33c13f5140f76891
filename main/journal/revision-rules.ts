/** When a save keeps the previous text as a revision. */

/** A revision of the previous text is kept at most this often while writing... */
export const REVISION_INTERVAL_MS = 10 * 60 * 1000;
/** ...or straight away when this many characters appear or disappear at once, */
export const LARGE_CHANGE_CHARS = 1000;
/** ...or when at least half of what was there (and this much) has been removed or replaced. */
export const REPLACED_MIN_CHARS = 20;

/** How many characters of `before` are gone from `after`: what lies outside their common start and end. */
export function removedChars(before: string, after: string): number {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return before.length - start - end;
}
