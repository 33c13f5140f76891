/**
 * The person's lists of names and places, as main keeps them and the window shows them: spaces run
 * together and trimmed, no blanks, and repeats are the same ignoring case.
 */
export const MAX_TERM_LENGTH = 200;
export const MAX_TERMS = 2000;

export const tidyTerm = (item: string): string => item.replace(/\s+/g, ' ').trim();
export const termKey = (item: string): string => tidyTerm(item).toLocaleLowerCase('en-GB');

/** A list as kept: tidied, no blanks, the first of any repeats, in the order given. */
export function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const tidy = tidyTerm(item);
    if (!tidy || seen.has(termKey(tidy))) continue;
    seen.add(termKey(tidy));
    out.push(tidy);
  }
  return out;
}
