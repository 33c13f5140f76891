import type { Database } from 'better-sqlite3-multiple-ciphers';
import { asInteger, blockInSql, blockOf, type Blocks, blocksOf, blocksOfMatch } from './blocks';
import { rankFunction, rankSql } from './rank';

// Both read a small index only (entries_in_trash, entries_pinned), once per query.
export const TRASHED = 'SELECT seq FROM entries WHERE deleted_at IS NOT NULL';
export const PINNED = 'SELECT seq FROM entries WHERE pinned = 1 AND deleted_at IS NULL';

/** Matches between entry numbers @low and @high, as FTS5 reads them: only those (see asInteger). */
export const ROWID_BETWEEN = `rowid BETWEEN ${asInteger('low')} AND ${asInteger('high')}`;

/** The most entries scored by a seek each (scoreOf) rather than in one run over their range. */
const SEEKS = 64;

/** Matches read past the page's end, so that a tie across the end is usually seen whole. */
const TIE_ROOM = 50;

/** Best match's order in SQL over entries `e`: pinned first, then by block when there are blocks. */
export function relevanceOrder(db: Database, blocks: Blocks | null): { sql: string; params: Record<string, number> } {
  if (!blocks) return { sql: `e.pinned DESC, ${rankSql(db)}, e.updated_at DESC`, params: {} };
  const block = blockInSql(blocks);
  return { sql: `e.pinned DESC, ${block.sql}, ${rankSql(db)}, e.updated_at DESC`, params: block.params };
}

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

/**
 * The pinned matches shown, and the best of the rest, after the first `skipped` of the whole order
 * (pinned ones and whole blocks before the page: see inBlocks); null when a tie across the page's
 * end was not seen whole.
 */
interface Best {
  total: number;
  blocks: Blocks | null;
  best: { pinned: Scored[]; rest: Scored[]; skipped?: number } | null;
}

/** The lengths of prefix the search index keeps a list for (migration 0018's prefix indexes). */
const INDEXED_PREFIXES = new Set([2, 3, 4, 5, 6]);

/**
 * Whether a prefix in the match has no list of its own in the index, so that each run of the match
 * merges the lists of every word it begins: one of a length the index keeps none for ("t*", or
 * "therapis*"), or one the index splits into several words ("self-c*"). A prefix of 2 to 6 letters
 * or digits is read like a word. Accents are not counted: the index keeps words without them, a
 * combining accent (typed after its letter) included.
 */
export const prefixMerges = (match: string) =>
  quotedTerms(match).some(({ text, prefix }) => {
    if (!prefix) return false;
    const letters = text.normalize('NFC').replace(/\p{M}/gu, '');
    return /[^\p{L}\p{N}]/u.test(letters) || !INDEXED_PREFIXES.has([...letters].length);
  });

/**
 * The match's terms as common/journal/search-query.ts writes them, each quoted (a doubled quote is one
 * inside it), a prefix with a "*" after it; a word excluded ("NOT word") is one of them too.
 */
function quotedTerms(match: string): { text: string; prefix: boolean }[] {
  return [...match.matchAll(/"((?:[^"]|"")*)"(\*?)/g)].map(([, text, star]) => ({ text: text!, prefix: star === '*' }));
}

/**
 * Whether scoring `match` on this connection runs no phrase over the whole index: holding_rank() (rank.ts)
 * with a match of one phrase, that is one quoted term.
 */
export const scoredWithoutWholeRuns = (db: Database, match: string) =>
  rankFunction(db) === 'holding_rank' && quotedTerms(match).length === 1;

/**
 * A phrase ("on and", or one word the index splits, like "self-care") is costly to run: every match's
 * word positions are read and compared. Its matches are counted while they are ranked, not in a run
 * of their own (see rankedInOnePass). Words and prefixes, even several with exclusions, are cheaper
 * counted first (at 100,000 entries: "ther* session" 62 ms against 89, "the and" 28 against 113).
 */
export const hasPhrase = (match: string) =>
  // More than one word in a quoted term is a phrase.
  quotedTerms(match).some(({ text }) => /[^\p{L}\p{N}\p{M}]/u.test(text));

/**
 * A search most relevant first (pinned, then the score (rank.ts), then last changed, then newest; in blocks when it
 * finds many: Blocks), not of the trash, from the search index alone, running the match as few times
 * as it can: a phrase of two common words costs as much to run as a thousand rows do to read. No
 * match is looked up in a table; the entries not to be shown (`hidden`: the trash, or everything a
 * filter leaves out when that is little) and the pinned ones are few, and each match is checked
 * against them once, in memory. The matches are found one of two ways (countedThenRanked, rankedInOnePass); both keep
 * the pinned ones and the best of the rest, as many as the page needs with room for ties.
 *
 * Their last-changed times, read for these few, break ties here. Every entry tied with the page's
 * last one may belong on the page, so all of them must have been read; when they may not have
 * been, `seqs` is null and the caller orders through the index instead (with this total and blocks).
 */
export function bestMatches(
  db: Database,
  match: string,
  offset: number,
  limit: number,
  hidden: Hidden = { sql: TRASHED, params: {} },
  onePass = false,
): { total: number; seqs: number[] | null; blocks: Blocks | null } {
  const end = offset + limit;
  const { total, blocks, best } = onePass
    ? rankedInOnePass(db, match, offset, end, hidden)
    : countedThenRanked(db, match, offset, end, hidden);
  if (offset >= total) return { total, seqs: [], blocks };
  if (best === null) return { total, seqs: null, blocks };
  const { pinned, rest, skipped = 0 } = best;

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
  const byBlock = blocks
    ? (a: Scored, b: Scored) => blockOf(blocks, a.seq) - blockOf(blocks, b.seq) || byRelevance(a, b)
    : byRelevance;
  const seqs = [...pinned.sort(byRelevance), ...rest.sort(byBlock)]
    .slice(offset - skipped, end - skipped)
    .map((row) => row.seq);
  return { total, seqs, blocks };
}

/**
 * Two runs of the match, for a word or a prefix, whose run is cheap for each match:
 * 1. one counts the matches and lists those hidden or pinned (in SQLite, faster than handing each
 *    match to JavaScript as rankedInOnePass does);
 * 2. one scores every match (with bm25(), first running each phrase once more over the whole index
 *    for its weight; holding_rank() does so only for a match of several phrases: rank.ts) and keeps
 *    as many as the page needs, with room for the hidden ones among them. When the page holds
 *    pinned entries only, only they are scored.
 */
function countedThenRanked(db: Database, match: string, offset: number, end: number, hidden: Hidden): Best {
  const counted = db
    .prepare(
      `SELECT count(*) AS count, json_group_array(rowid) FILTER (WHERE +rowid IN (${hidden.sql} UNION ALL ${PINNED})) AS marked
       FROM entries_fts WHERE entries_fts MATCH @match`,
    )
    .get({ ...hidden.params, match }) as { count: number; marked: string };
  const blocks = blocksOfMatch(db, match, counted.count);
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
  if (offset >= total) return { total, blocks, best: { pinned: [], rest: [] } };
  const wanted = Math.max(0, end - pinnedSeqs.length);
  // The page is within the pinned ones: only they are scored.
  if (wanted === 0) return { total, blocks, best: { pinned: scoreOf(db, match, pinnedSeqs), rest: [] } };
  if (blocks) return { total, blocks, best: inBlocks(db, match, offset, end, blocks, pinnedSeqs, notShown) };
  const read = pinnedSeqs.length + wanted + TIE_ROOM + notShown.size;
  // The pinned ones first: "+rowid IN" costs a little for every match, so only when there are any.
  const ranked = db
    .prepare(
      pinnedSeqs.length
        ? `SELECT rowid AS seq, ${rankSql(db)} AS score, +rowid IN (${PINNED}) AS pinned FROM entries_fts
           WHERE entries_fts MATCH @match ORDER BY pinned DESC, score LIMIT @read`
        : `SELECT rowid AS seq, ${rankSql(db)} AS score FROM entries_fts WHERE entries_fts MATCH @match ORDER BY score LIMIT @read`,
    )
    .all({ match, read }) as Scored[];
  return { total, blocks, best: keepBest(ranked, read, wanted, isPinned, notShown) };
}

/** What the match's one run in rankedInOnePass is told, through the SQL function below. */
interface Tally {
  hidden: Set<number>;
  pinned: Set<number>;
  shown: number;
  pinnedShown: number[];
  /** The matches hidden (every match is one of these or shown); the highest and lowest entry numbers of all. */
  hiddenFound: number[];
  high: number | null;
  low: number | null;
}
let tally: Tally | null = null;
const SHOWN = 'holding_search_shown';
const withShown = new WeakSet<Database>();

/** holding_search_shown(seq): 0 for an entry the search must not show; counts the rest, noting pinned ones. */
function defineShown(db: Database): void {
  if (withShown.has(db)) return;
  db.function(SHOWN, { deterministic: false, directOnly: true }, (seq: unknown) => {
    if (!tally) throw new Error(`${SHOWN} is only for a search in progress.`);
    if (tally.high === null || (seq as number) > tally.high) tally.high = seq as number;
    if (tally.low === null || (seq as number) < tally.low) tally.low = seq as number;
    if (tally.hidden.has(seq as number)) {
      tally.hiddenFound.push(seq as number);
      return 0;
    }
    tally.shown += 1;
    if (tally.pinned.has(seq as number)) tally.pinnedShown.push(seq as number);
    return 1;
  });
  withShown.add(db);
}

/**
 * One run of the match that counts and ranks at once, for a phrase: its run costs more than handing
 * each match to a JavaScript check (holding_search_shown) does. The hidden and pinned entries, few,
 * are read whole first; the pinned ones come first in the ranking, so that all those that match are
 * in it (as many are read as there are pinned entries, past the page's end and the room for ties).
 * bm25() would run the phrase once more, over the whole index, for its weight; holding_rank() does not
 * for a match of one phrase (rank.ts).
 */
function rankedInOnePass(db: Database, match: string, offset: number, end: number, hidden: Hidden): Best {
  const hiddenSeqs = new Set(db.prepare(hidden.sql).pluck().all(hidden.params) as number[]);
  const pinned = new Set((db.prepare(PINNED).pluck().all() as number[]).filter((seq) => !hiddenSeqs.has(seq)));
  const read = pinned.size + end + TIE_ROOM;
  defineShown(db);
  const found: Tally = {
    hidden: hiddenSeqs,
    pinned,
    shown: 0,
    pinnedShown: [],
    hiddenFound: [],
    high: null,
    low: null,
  };
  tally = found;
  let ranked: Scored[];
  try {
    ranked = db
      .prepare(
        `SELECT rowid AS seq, ${rankSql(db)} AS score FROM entries_fts
         WHERE entries_fts MATCH @match AND ${SHOWN}(rowid)
         ORDER BY ${pinned.size ? `+rowid IN (${PINNED}) DESC, ` : ''}score LIMIT @read`,
      )
      .all({ match, read }) as Scored[];
  } finally {
    tally = null;
  }
  const isPinned = new Set(found.pinnedShown);
  const wanted = Math.max(0, end - isPinned.size);
  const total = found.shown;
  const blocks = blocksOf(found.shown + found.hiddenFound.length, found.high, found.low);
  // Found in so many entries that they are ranked in blocks: those are ranked again, a run each.
  if (blocks && wanted > 0 && offset < total) {
    return {
      total,
      blocks,
      best: inBlocks(db, match, offset, end, blocks, found.pinnedShown, new Set(found.hiddenFound)),
    };
  }
  return { total, blocks, best: keepBest(ranked, read, wanted, isPinned, new Set()) };
}

/**
 * The best of a page of a search ranked in blocks (Blocks): whole blocks before the page are only
 * counted (a run each, over the block's own range of entry numbers, where scoring them would cost
 * more); the block the page begins in is scored, and as many after it as the page runs into. The
 * pinned matches are scored apart when the page shows them (scoreOf): folding them into the block's
 * run with an OR made FTS5 read every match instead of the block's, for the same time.
 */
function inBlocks(
  db: Database,
  match: string,
  offset: number,
  end: number,
  blocks: Blocks,
  pinnedSeqs: number[],
  notShown: Set<number>,
): Best['best'] {
  const isPinned = new Set(pinnedSeqs);
  const restOffset = Math.max(0, offset - pinnedSeqs.length);
  const restEnd = end - pinnedSeqs.length;
  const inRange = `entries_fts MATCH @match AND ${ROWID_BETWEEN}`;
  const count = db.prepare(`SELECT count(*) FROM entries_fts WHERE ${inRange}`).pluck();
  const rank = db.prepare(
    `SELECT rowid AS seq, ${rankSql(db)} AS score FROM entries_fts WHERE ${inRange} ORDER BY score LIMIT @read`,
  );
  const rest: Scored[] = [];
  // The shown matches, pinned ones aside, in the blocks before this one; and in those skipped whole.
  let before = 0;
  let skipped = 0;
  for (let high = blocks.high; before < restEnd && high >= blocks.low; high -= blocks.size) {
    const range = { match, low: Math.max(blocks.low, high - blocks.size + 1), high };
    const within = (seq: number) => seq >= range.low && seq <= range.high;
    const marked = pinnedSeqs.filter(within).length + [...notShown].filter(within).length;
    if (restOffset > before) {
      const shown = (count.get(range) as number) - marked;
      if (before + shown <= restOffset) {
        before += shown;
        skipped += shown;
        continue;
      }
    }
    const wanted = restEnd - before;
    const read = wanted + TIE_ROOM + marked;
    const best = keepBest(rank.all({ ...range, read }) as Scored[], read, wanted, isPinned, notShown);
    if (best === null) return null;
    rest.push(...best.rest);
    before += best.rest.length;
  }
  if (offset < pinnedSeqs.length) return { pinned: scoreOf(db, match, pinnedSeqs), rest };
  return { pinned: [], rest, skipped: pinnedSeqs.length + skipped };
}

/**
 * From a ranking read `read` long, pinned first: the pinned matches, and the best `wanted` of the
 * rest that are shown, with every one tied with the last of them; null when the ranking was cut
 * inside that tie, so that some of it may not have been read.
 */
function keepBest(
  ranked: Scored[],
  read: number,
  wanted: number,
  isPinned: Set<number>,
  notShown: Set<number>,
): Best['best'] {
  const pinned = ranked.filter((row) => isPinned.has(row.seq));
  if (wanted === 0) return { pinned, rest: [] };
  const rest = ranked.filter((row) => !isPinned.has(row.seq) && !notShown.has(row.seq));
  const boundary = rest[Math.min(wanted, rest.length) - 1];
  if (!boundary) return { pinned, rest };
  if (ranked.length === read && ranked[read - 1]!.score === boundary.score) return null;
  let through = Math.min(wanted, rest.length);
  while (through < rest.length && rest[through]!.score === boundary.score) through += 1;
  return { pinned, rest: rest.slice(0, through) };
}

/**
 * These matches' scores. Where a run of the match costs no run over the whole index for a phrase's
 * weight (rank.ts) and needs no merging of word lists (prefixMerges), a short seek for each, as FTS5
 * does for a list of entry numbers it is given: at 100,000 entries, a dozen pinned entries' scores for
 * "to" took 8 ms in one run over the range of their numbers. Otherwise that one run, as a weight
 * looked up afresh on every run would cost a whole-index run per entry.
 */
function scoreOf(db: Database, match: string, seqs: number[]): Scored[] {
  // Each seek reads the match's lists afresh in every segment: for a few entries, not thousands.
  const seeks = seqs.length <= SEEKS && scoredWithoutWholeRuns(db, match) && !prefixMerges(match);
  return db
    .prepare(
      `SELECT rowid AS seq, ${rankSql(db)} AS score FROM entries_fts WHERE entries_fts MATCH @match
       AND ${seeks ? '' : `${ROWID_BETWEEN} AND +`}rowid IN (SELECT value FROM json_each(@seqs))`,
    )
    .all({
      match,
      seqs: JSON.stringify(seqs),
      ...(seeks ? {} : { low: Math.min(...seqs), high: Math.max(...seqs) }),
    }) as Scored[];
}
