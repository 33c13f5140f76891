import type { Database } from 'better-sqlite3-multiple-ciphers';

// Best match's blocks, for a search found in a great many entries (see Blocks); relevance.ts ranks them.

const MATCH = 'entries_fts MATCH @match';

/**
 * A search that matches more than `matches` entries is ranked in blocks of about that many, newest
 * first (see Blocks). The search test lowers it to take every way through with blocks.
 */
export const rankingLimits = { matches: 10_000 };

/**
 * Best match, for a search that matches much of the journal ("the", "ther*" at 100,000 entries): its
 * matches in blocks of about `rankingLimits.matches` by entry number (the order entries were written
 * in), the newest block first, and each block most relevant first, after every pinned match. At
 * 100,000 entries, scoring all 99,000 matches of "the" took some 50 ms of CPU; its first page now
 * takes about 20 ms in all. A word in nearly every entry says little about which is the best match, and
 * the newest of them are the likeliest sought.
 *
 * Fixed by the match alone (every entry it finds, in the trash or not, and its highest and lowest
 * entry numbers), so that every way through the search agrees: an entry is in block
 * floor((high - seq) / size), where size spreads the matches' range of numbers over blocks of about
 * that many matches each.
 */
export interface Blocks {
  high: number;
  low: number;
  size: number;
}

/** The blocks for a match found `count` times between entry numbers `low` and `high`; null when it is few. */
export function blocksOf(count: number, high: number | null, low: number | null): Blocks | null {
  if (count <= rankingLimits.matches || high === null || low === null) return null;
  return { high, low, size: Math.ceil(((high - low + 1) * rankingLimits.matches) / count) };
}

/**
 * The blocks of a match found `count` times (counted here when not given); null when that is few.
 * Its highest and lowest entry numbers are read apart from the count: each is the first match
 * FTS5 finds one way or the other, where max() and min() beside count() made the count cost double.
 */
export function blocksOfMatch(db: Database, match: string, count?: number): Blocks | null {
  const found =
    count ?? (db.prepare(`SELECT count(*) FROM entries_fts WHERE ${MATCH}`).pluck().get({ match }) as number);
  if (found <= rankingLimits.matches) return null;
  const edge = (order: 'ASC' | 'DESC') =>
    db
      .prepare(`SELECT rowid FROM entries_fts WHERE ${MATCH} ORDER BY rowid ${order} LIMIT 1`)
      .pluck()
      .get({ match }) as number;
  return blocksOf(found, edge('DESC'), edge('ASC'));
}

/** The block an entry is in. */
export const blockOf = (blocks: Blocks, seq: number) => Math.floor((blocks.high - seq) / blocks.size);

/**
 * A bound number parameter as an integer. better-sqlite3 binds every number as a double: SQLite then
 * divides as decimals (a block is a whole division), and FTS5 ignores a rowid bound that is not an
 * integer, reading every match for SQLite to drop those outside it.
 */
export const asInteger = (param: string) => `CAST(@${param} AS INTEGER)`;

/** The same in SQL over entries `e`, pinned ones all in the first (they come before every block). */
export function blockInSql(blocks: Blocks): { sql: string; params: Record<string, number> } {
  return {
    sql: `CASE WHEN e.pinned THEN 0 ELSE (${asInteger('blockHigh')} - e.seq) / ${asInteger('blockSize')} END`,
    params: { blockHigh: blocks.high, blockSize: blocks.size },
  };
}
