export const MAX_TAGS = 30;
export const MAX_TAG_CHARS = 40;

/**
 * Trims, drops a leading #, folds inner spaces (control characters count as spaces: the unit separator, for
 * one, is how the journal's rows list tags), and removes duplicates whatever their case.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw
      .replace(/^#+/, '')
      .replace(/[\s\p{Cc}]+/gu, ' ')
      .trim()
      .slice(0, MAX_TAG_CHARS)
      .trim();
    const key = tag.toLocaleLowerCase('en-GB');
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}
