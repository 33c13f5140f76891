import type { Database } from 'better-sqlite3-multiple-ciphers';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../common/journal/search-query';
import type { EntrySort, EntrySummary, EntryKind } from '../../common/journal/types';
import { type Blocks, blocksOfMatch } from './blocks';
import { bestMatches, type Hidden, hasPhrase, prefixMerges, relevanceOrder, ROWID_BETWEEN, TRASHED } from './relevance';
import { listItem, type ListRow, SUMMARY_COLUMNS } from './rows';

/** The list's and the search's SQL: which entries, in what order, and the page of them shown. */

export interface ListFilter {
  match: string | null;
  kind: EntryKind | null;
  trash: boolean;
  from: string | null;
  to: string | null;
  tags: string[];
  templateId: string | null;
  bringToSupervision: boolean | null;
  containsClientMaterial: boolean | null;
  pinned: boolean | null;
  sort: EntrySort;
  offset: number;
  limit: number;
}

export interface ListPage {
  total: number;
  items: EntrySummary[];
}

/** Each order after the pinned entries; best match is relevance.ts's (relevanceOrder), for a search only. */
const SORTS: Record<Exclude<EntrySort, 'relevance'>, string> = {
  updated: 'e.updated_at DESC',
  created: 'e.created_at DESC',
  event: 'e.event_date IS NULL, e.event_date DESC, e.updated_at DESC',
  title: "e.title = '', e.title COLLATE NOCASE ASC, e.updated_at DESC",
};

interface Where {
  sql: string;
  params: Record<string, unknown>;
  /** Which entries are shown, the match aside. */
  shown: string;
  /** Only the trash is asked about: no filter needs the entry's own row. */
  plain: boolean;
  /** Every filter is answered by the index entries_by_seq (all but tags). */
  covered: boolean;
}

const MATCH = 'entries_fts MATCH @match';

/**
 * A filtered search, most relevant first, is answered from the search index alone (relevance.ts) when
 * the filter leaves out at most `fewHidden` entries: they are read once, from the index entries_by_seq,
 * and each match checked against them in memory. "Journal entries only" leaves out few, for example.
 * A filter that leaves out more (a date range, only pinned ones) joins each match to that index.
 * The search test lowers it to take both ways. And most relevant first, a phrase's matches are
 * counted as they are ranked (`onePass`: 'phrases'); the test takes every query both ways.
 */
export const searchLimits = { fewHidden: 5_000, onePass: 'phrases' as 'phrases' | 'always' | 'never' };

const inOnePass = (match: string) =>
  searchLimits.onePass === 'always' || (searchLimits.onePass === 'phrases' && hasPhrase(match));

/** What a filter leaves out, when that is few (searchLimits.fewHidden); null when it is more. */
function hiddenByFilter(db: Database, where: Where): Hidden | null {
  const hidden = db
    .prepare(
      `SELECT json_group_array(seq) FROM (SELECT e.seq FROM entries e INDEXED BY entries_by_seq
       WHERE (${where.shown}) IS NOT 1 LIMIT ${searchLimits.fewHidden + 1})`,
    )
    .pluck()
    .get(where.params) as string;
  // Counted without parsing: the array's commas are one fewer than its numbers.
  const count = hidden === '[]' ? 0 : hidden.split(',').length;
  return count > searchLimits.fewHidden ? null : { sql: 'SELECT value FROM json_each(@hidden)', params: { hidden } };
}

function whereOf(filter: ListFilter): Where {
  const where: string[] = [filter.trash ? 'e.deleted_at IS NOT NULL' : 'e.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (filter.match) {
    where.push(MATCH);
    params['match'] = filter.match;
  }
  const day = 'COALESCE(e.event_date, substr(e.created_at, 1, 10))';
  if (filter.from) {
    where.push(`${day} >= @from`);
    params['from'] = filter.from;
  }
  if (filter.to) {
    where.push(`${day} <= @to`);
    params['to'] = filter.to;
  }
  filter.tags.forEach((tag, i) => {
    where.push(`EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = @tag${i})`);
    params[`tag${i}`] = tag;
  });
  if (filter.kind) {
    where.push('e.kind = @kind');
    params['kind'] = filter.kind;
  }
  if (filter.templateId) {
    where.push('e.template_id = @templateId');
    params['templateId'] = filter.templateId;
  }
  for (const [key, column] of [
    ['bringToSupervision', 'bring_to_supervision'],
    ['containsClientMaterial', 'contains_client_material'],
    ['pinned', 'pinned'],
  ] as const) {
    const value = filter[key];
    if (value !== null) {
      where.push(`e.${column} = @${key}`);
      params[key] = value ? 1 : 0;
    }
  }
  const shown = where.filter((condition) => condition !== MATCH).join(' AND ');
  return {
    sql: where.join(' AND '),
    shown,
    params,
    plain: where.length === (filter.match ? 2 : 1),
    covered: !filter.tags.length,
  };
}

/** The trash's order; every order ends with seq, so that equal times sort the same way on every page. */
const TRASH_ORDER = 'e.deleted_at DESC';

export function listEntries(db: Database, filter: ListFilter): ListPage {
  const where = whereOf(filter);
  if (filter.match) return search(db, filter, where);
  const sort = filter.sort === 'relevance' ? 'updated' : filter.sort;
  const order = filter.trash ? TRASH_ORDER : `e.pinned DESC, ${SORTS[sort]}`;
  const total = db.prepare(`SELECT count(*) FROM entries e WHERE ${where.sql}`).pluck().get(where.params) as number;
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, e.excerpt AS snippet, e.title AS title_highlighted FROM entries e
       WHERE ${where.sql} ORDER BY ${order}, e.seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit: filter.limit, offset: filter.offset }) as ListRow[];
  return { total, items: rows.map(listItem) };
}

/**
 * A search, in three steps: how many entries match, which of them the page shows, and those rows
 * with their snippets (which cost the most, so only for the page).
 *
 * The usual search (no filter, most relevant first) is answered from the search index alone
 * (relevance.ts), and so is one most relevant first whose filters leave out few entries and need no
 * tags (hiddenByFilter). Other sorts with no filter but the trash count from the index alone too, the
 * trash's few entries read once into a set that each match is checked against in memory. Their
 * order, and everything with other filters, joins every match to the index entries_by_seq, which
 * holds every column the filters and sorts use but the title and the tags, so that only those two
 * read the table (a page per entry, decrypted on a cache miss).
 */
function search(db: Database, filter: ListFilter, where: Where): ListPage {
  const match = filter.match!;
  const matches = `entries_fts JOIN entries e INDEXED BY entries_by_seq ON e.seq = entries_fts.rowid`;
  let total: number;
  let seqs: number[] | null = null;
  // Best match's blocks (relevance.ts), when the search has them: undefined until known.
  let blocks: Blocks | null | undefined;
  const hidden =
    filter.sort !== 'relevance' || filter.trash || !where.covered
      ? null
      : where.plain
        ? undefined
        : hiddenByFilter(db, where);
  if (hidden !== null) {
    ({ total, seqs, blocks } = bestMatches(db, match, filter.offset, filter.limit, hidden, inOnePass(match)));
  } else if (where.plain) {
    const trash = `+rowid ${filter.trash ? 'IN' : 'NOT IN'} (${TRASHED})`;
    total = db
      .prepare(`SELECT count(*) FROM entries_fts WHERE entries_fts MATCH @match AND ${trash}`)
      .pluck()
      .get({ match }) as number;
  } else {
    total = db.prepare(`SELECT count(*) FROM ${matches} WHERE ${where.sql}`).pluck().get(where.params) as number;
  }
  if (total === 0) return { total, items: [] };
  // In the trash, only the trash's own matches are looked up: "+" keeps the check on the index's side.
  const inTrash = where.plain && filter.trash ? ` AND +entries_fts.rowid IN (${TRASHED})` : '';
  if (seqs === null) {
    const order = filter.trash
      ? { sql: TRASH_ORDER, params: {} }
      : filter.sort === 'relevance'
        ? relevanceOrder(db, blocks === undefined ? blocksOfMatch(db, match) : blocks)
        : { sql: `e.pinned DESC, ${SORTS[filter.sort]}`, params: {} };
    seqs = db
      .prepare(
        `SELECT e.seq FROM ${matches} WHERE ${where.sql}${inTrash}
         ORDER BY ${order.sql}, e.seq DESC LIMIT @limit OFFSET @offset`,
      )
      .pluck()
      .all({ ...where.params, ...order.params, limit: filter.limit, offset: filter.offset }) as number[];
  }
  if (seqs.length === 0) return { total, items: [] };
  return { total, items: pageRows(db, match, seqs) };
}

/**
 * The page's rows in full, with their snippets and highlighted titles, in the order given. FTS5 runs
 * the match again for each entry number it is given, which for words, phrases and most prefixes is a
 * short seek in each one's list; but a prefix with no list of its own (prefixMerges: "t*",
 * "therapis*") would merge the lists of every word it begins on each run. Then the match runs once
 * over the range of numbers the page spans, and the list is checked on SQLite's side (the "+").
 */
function pageRows(db: Database, match: string, seqs: number[]): EntrySummary[] {
  const merges = prefixMerges(match);
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS},
         snippet(entries_fts, 1, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 24) AS snippet,
         highlight(entries_fts, 0, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}') AS title_highlighted
       FROM entries_fts JOIN entries e ON e.seq = entries_fts.rowid
       WHERE entries_fts MATCH @match
         ${merges ? `AND entries_fts.${ROWID_BETWEEN} AND +` : 'AND '}entries_fts.rowid IN (SELECT value FROM json_each(@seqs))`,
    )
    .all({
      match,
      seqs: JSON.stringify(seqs),
      ...(merges ? { low: Math.min(...seqs), high: Math.max(...seqs) } : {}),
    }) as ListRow[];
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  if (bySeq.size !== seqs.length) throw new Error('A search page lost rows between its two reads.');
  return seqs.map((seq) => listItem(bySeq.get(seq)!));
}
