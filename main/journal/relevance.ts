import type { Database } from 'better-sqlite3-multiple-ciphers';

/** Relevance: title words count eight times, tags four, the body once. */
export const BM25 = 'bm25(entries_fts, 8.0, 1.0, 4.0)';
// Both read a small index only (entries_in_trash, entries_pinned), once per query.
export const TRASHED = 'SELECT seq FROM entries WHERE deleted_at IS NOT NULL';
export const PINNED = 'SELECT seq FROM entries WHERE pinned = 1 AND deleted_at IS NULL';

/** Matches read past the page's end, so that a tie across the end is usually seen whole. */
const TIE_ROOM = 50;

/**
 * The entries a search must not show, as one query over a small index: the trash, or with filters
 * every entry they leave out (searchable that way only while those are few: see search.ts).
 */
export interface Hidden {
  sql: string;
  params: Record<string, unknown>;
}

interface Scored {
  seq: number;
  score: number;
}

/** A prefix ("thera*") has no list of its own in the index: each run of the match merges them all. */
export const hasPrefix = (match: string) => match.includes('"*');

/**
 * A search most relevant first (pinned, then bm25, then last changed, then newest), not of the trash,
 * from the search index alone, running the match as few times as it can: a phrase of two common
 * words or a short prefix costs as much to run as a thousand rows do to read. No match is looked up
 * in a table; the entries not to be shown (`hidden`: the trash, or everything a filter leaves out
 * when that is little) and the pinned ones are few, and each match is checked against them once,
 * in memory.
 *
 * 1. One pass counts the matches and lists those hidden or pinned.
 * 2. One pass scores every match (bm25 first runs each phrase once more, over the whole index, for
 *    its weight) and keeps the pinned ones and the best of the rest, as many as the page needs with
 *    room for ties and for the hidden ones among them. When the page holds pinned entries only,
 *    only they are scored.
 *
 * Their last-changed times, read for these few, break ties here. Every entry tied with the page's
 * last one may belong on the page, so all of them must have been read; when they may not have
 * been, `seqs` is null and the caller orders through the index instead (with this total).
 */
export function bestMatches(
  db: Database,
  match: string,
  offset: number,
  limit: number,
  hidden: Hidden = { sql: TRASHED, params: {} },
): { total: number; seqs: number[] | null } {
  const end = offset + limit;
  const counted = db
    .prepare(
      `SELECT count(*) AS count, json_group_array(rowid) FILTER (WHERE +rowid IN (${hidden.sql} UNION ALL ${PINNED})) AS marked
       FROM entries_fts WHERE entries_fts MATCH @match`,
    )
    .get({ ...hidden.params, match }) as { count: number; marked: string };
  const marked = JSON.parse(counted.marked) as number[];
  // Pinned and shown: a pinned entry the filter leaves out is hidden like the rest.
  const pinnedSeqs = marked.length
    ? (db
        .prepare(`${PINNED} AND seq IN (SELECT value FROM json_each(@marked)) AND +seq NOT IN (${hidden.sql})`)
        .pluck()
        .all({ ...hidden.params, marked: counted.marked }) as number[])
    : [];
  const isPinned = new Set(pinnedSeqs);
  const notShown = new Set(marked.filter((seq) => !isPinned.has(seq)));
  const total = counted.count - notShown.size;
  if (offset >= total) return { total, seqs: [] };

  const wanted = Math.max(0, end - pinnedSeqs.length);
  let pinned: Scored[];
  let rest: Scored[] = [];
  if (wanted === 0) {
    pinned = scoreOf(db, match, pinnedSeqs);
  } else {
    const read = pinnedSeqs.length + wanted + TIE_ROOM + notShown.size;
    // The pinned ones first: "+rowid IN" costs a little for every match, so only when there are any.
    const ranked = db
      .prepare(
        pinnedSeqs.length
          ? `SELECT rowid AS seq, ${BM25} AS score, +rowid IN (${PINNED}) AS pinned FROM entries_fts
             WHERE entries_fts MATCH @match ORDER BY pinned DESC, score LIMIT @read`
          : `SELECT rowid AS seq, ${BM25} AS score FROM entries_fts WHERE entries_fts MATCH @match ORDER BY score LIMIT @read`,
      )
      .all({ match, read }) as Scored[];
    pinned = ranked.filter((row) => isPinned.has(row.seq));
    rest = ranked.filter((row) => !isPinned.has(row.seq) && !notShown.has(row.seq));
    const boundary = rest[Math.min(wanted, rest.length) - 1];
    if (boundary && ranked.length === read && ranked[read - 1]!.score === boundary.score) return { total, seqs: null };
    let through = Math.min(wanted, rest.length);
    while (through < rest.length && rest[through]!.score === boundary!.score) through += 1;
    rest = rest.slice(0, through);
  }

  // From the index entries_by_seq, which holds both: one of its pages holds many entries, where the
  // table needs a page (decrypted on a cache miss) for each.
  const updated = new Map(
    db
      .prepare(
        'SELECT seq, updated_at FROM entries INDEXED BY entries_by_seq WHERE seq IN (SELECT value FROM json_each(@seqs))',
      )
      .raw()
      .all({ seqs: JSON.stringify([...pinned, ...rest].map((row) => row.seq)) }) as [number, string][],
  );
  // As SQLite orders: scores as doubles; times are ASCII (ISO 8601), so string order is byte order.
  const order = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  const byRelevance = (a: Scored, b: Scored) =>
    order(a.score, b.score) || order(updated.get(b.seq)!, updated.get(a.seq)!) || b.seq - a.seq;
  const seqs = [...pinned.sort(byRelevance), ...rest.sort(byRelevance)].slice(offset, end).map((row) => row.seq);
  return { total, seqs };
}

/**
 * These matches' scores, in one run of the match over the range of their numbers: bm25 weighs each
 * phrase afresh on every run, so not a run per entry (as FTS5 does for a list it is given).
 */
function scoreOf(db: Database, match: string, seqs: number[]): Scored[] {
  return db
    .prepare(
      `SELECT rowid AS seq, ${BM25} AS score FROM entries_fts WHERE entries_fts MATCH @match
       AND rowid BETWEEN @low AND @high AND +rowid IN (SELECT value FROM json_each(@seqs))`,
    )
    .all({ match, seqs: JSON.stringify(seqs), low: Math.min(...seqs), high: Math.max(...seqs) }) as Scored[];
}
