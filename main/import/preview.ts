/** What an import's preview says of when its entries were written and what they were tagged: the same for every source. */
import type { ImportPreview } from '../../common/import/types';

/**
 * The first and last of `days` (calendar days, in any order), and the twelve tags most used: most used
 * first, alphabetically among equals. `tags` names a tag once for each entry that has it.
 */
export function daysAndTags(
  days: string[],
  tags: Iterable<string>,
): Pick<ImportPreview, 'firstDay' | 'lastDay' | 'tags'> {
  const sorted = [...days].sort();
  const counts = new Map<string, number>();
  for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return {
    firstDay: sorted[0] ?? null,
    lastDay: sorted.at(-1) ?? null,
    tags: [...counts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
      .slice(0, 12),
  };
}
