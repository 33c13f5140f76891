import type { SectionKind } from './types';

/** Anything Holding counts as items: an export's sections, or the items of a share made from them. */
export interface Countable {
  kind: SectionKind | 'agenda-item';
  /** For an agenda: what is on it (an export section's parts, or how many there are). */
  parts?: { readonly length: number } | undefined;
}

/**
 * How many items, said the same wherever Holding says "N items": on the Export page and in its note of each
 * export, in the record of a share, and in the supervisor's view of it. An item is one thing the supervisor
 * reads, and can comment on, by itself: an entry, a session record, the hours log, the check-ins, the
 * warning signs, and each item on an agenda (an agenda with nothing on it yet is one item, saying so).
 * A share cuts an agenda into its items (see shareItemsOf), so a share counts the same as its export.
 */
export function itemCount(things: Iterable<Countable>): number {
  let n = 0;
  for (const thing of things) {
    // Replies to comments travel beside the items, not as items (issue 18).
    if (thing.kind === 'replies') continue;
    n += thing.kind === 'agenda' && thing.parts?.length ? thing.parts.length : 1;
  }
  return n;
}

/** "1 item", "4 items". */
export const itemsPhrase = (n: number): string => `${n} ${n === 1 ? 'item' : 'items'}`;
