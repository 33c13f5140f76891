import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TwoTruthsFields } from '../../common/two-truths/two-truths';
import type { DocNode } from '../../common/journal/doc';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../common/journal/search-query';
import type {
  EntryKind,
  EntrySort,
  EntrySummary,
  Entry,
  LinkedEntry,
  Revision,
  RevisionReason,
  RevisionSummary,
  TagCount,
} from '../../common/journal/types';

/** All of the journal's SQL. The service decides; this reads and writes. */

/** The short columns: all a list row needs. */
interface SummaryRow {
  seq: number;
  id: string;
  kind: EntryKind;
  title: string;
  excerpt: string;
  word_count: number;
  created_at: string;
  updated_at: string;
  event_date: string | null;
  template_id: string | null;
  bring_to_supervision: number;
  contains_client_material: number;
  pinned: number;
  deleted_at: string | null;
  version: number;
  tags: string | null;
}

interface EntryRow extends SummaryRow {
  body_text: string;
  body_json: string;
  fields_json: string | null;
}

export interface StoredEntry {
  id: string;
  kind: EntryKind;
  twoTruths: TwoTruthsFields | null;
  title: string;
  body: DocNode;
  bodyJson: string;
  text: string;
  excerpt: string;
  tags: string[];
  wordCount: number;
  createdAt: string;
  updatedAt: string;
  eventDate: string | null;
  templateId: string | null;
  bringToSupervision: boolean;
  containsClientMaterial: boolean;
  pinned: boolean;
  deletedAt: string | null;
  version: number;
}

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

const TAG_SEPARATOR = '\u001f';

const SORTS: Record<EntrySort, string> = {
  updated: 'e.updated_at DESC',
  created: 'e.created_at DESC',
  event: 'e.event_date IS NULL, e.event_date DESC, e.updated_at DESC',
  title: "e.title = '', e.title COLLATE NOCASE ASC, e.updated_at DESC",
  relevance: 'bm25(entries_fts, 8.0, 1.0, 4.0), e.updated_at DESC',
};

// The long text is left out: a list page must not read every entry's whole body.
const SUMMARY_COLUMNS = `e.seq, e.id, e.kind, e.title, e.excerpt, e.word_count, e.created_at, e.updated_at, e.event_date,
  e.template_id, e.bring_to_supervision, e.contains_client_material, e.pinned, e.deleted_at, e.version,
  (SELECT group_concat(t.tag, char(31)) FROM entry_tags t WHERE t.entry_id = e.id) AS tags`;

type ListRow = SummaryRow & { snippet: string; title_highlighted: string };

function listItem(row: ListRow): EntrySummary {
  const { version: _version, ...summary } = summaryFields(row);
  return { ...summary, excerpt: row.snippet, titleHighlighted: row.title_highlighted };
}

function splitTags(tags: string | null): string[] {
  return tags ? tags.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [];
}

/** Everything a summary and a stored entry share. */
function summaryFields(row: SummaryRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: row.excerpt,
    tags: splitTags(row.tags),
    wordCount: row.word_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    eventDate: row.event_date,
    templateId: row.template_id,
    bringToSupervision: row.bring_to_supervision === 1,
    containsClientMaterial: row.contains_client_material === 1,
    pinned: row.pinned === 1,
    deletedAt: row.deleted_at,
    version: row.version,
  };
}

function toStored(row: EntryRow): StoredEntry {
  return {
    ...summaryFields(row),
    body: JSON.parse(row.body_json) as DocNode,
    bodyJson: row.body_json,
    text: row.body_text,
    twoTruths: row.fields_json ? (JSON.parse(row.fields_json) as TwoTruthsFields) : null,
  };
}

export function toEntry(stored: StoredEntry): Entry {
  const { bodyJson: _json, text: _text, ...rest } = stored;
  return { ...rest, titleHighlighted: stored.title };
}

export class JournalRepository {
  constructor(private readonly db: Database) {}

  find(id: string): StoredEntry | null {
    const row = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS}, e.body_text, e.body_json, e.fields_json FROM entries e WHERE e.id = ?`)
      .get(id) as EntryRow | undefined;
    return row ? toStored(row) : null;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM entries WHERE id = ?').pluck().get(id) !== undefined;
  }

  insert(entry: StoredEntry): void {
    this.db
      .prepare(
        `INSERT INTO entries (id, kind, title, body_json, body_text, fields_json, excerpt, tags_text, word_count, created_at,
           updated_at, event_date, template_id, bring_to_supervision, contains_client_material, pinned, deleted_at, version)
         VALUES (@id, @kind, @title, @bodyJson, @text, @fieldsJson, @excerpt, @tagsText, @wordCount, @createdAt, @updatedAt,
           @eventDate, @templateId, @bring, @client, @pinned, NULL, 1)`,
      )
      .run(this.params(entry));
    this.replaceTags(entry.id, entry.tags);
  }

  update(entry: StoredEntry): void {
    this.db
      .prepare(
        `UPDATE entries SET title = @title, body_json = @bodyJson, body_text = @text, fields_json = @fieldsJson,
           excerpt = @excerpt, tags_text = @tagsText,
           word_count = @wordCount, updated_at = @updatedAt, event_date = @eventDate, template_id = @templateId,
           bring_to_supervision = @bring, contains_client_material = @client, pinned = @pinned, version = version + 1
         WHERE id = @id`,
      )
      .run(this.params(entry));
    this.replaceTags(entry.id, entry.tags);
  }

  setDeleted(id: string, deletedAt: string | null): boolean {
    return this.db.prepare('UPDATE entries SET deleted_at = ? WHERE id = ?').run(deletedAt, id).changes > 0;
  }

  /** Removes the entry, its tags and its revisions (cascade); secure_delete overwrites the freed pages. */
  deleteForever(ids: string[]): number {
    const remove = this.db.prepare('DELETE FROM entries WHERE id = ?');
    let count = 0;
    for (const id of ids) count += remove.run(id).changes;
    return count;
  }

  trashedBefore(cutoff: string): string[] {
    return this.db
      .prepare('SELECT id FROM entries WHERE deleted_at IS NOT NULL AND deleted_at < ?')
      .pluck()
      .all(cutoff) as string[];
  }

  allTrashed(): string[] {
    return this.db.prepare('SELECT id FROM entries WHERE deleted_at IS NOT NULL').pluck().all() as string[];
  }

  list(filter: ListFilter): { total: number; items: EntrySummary[] } {
    const where: string[] = [filter.trash ? 'e.deleted_at IS NOT NULL' : 'e.deleted_at IS NULL'];
    const params: Record<string, unknown> = {};
    if (filter.match) {
      where.push('entries_fts MATCH @match');
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
    const whereSql = where.join(' AND ');
    const sort = filter.sort === 'relevance' && !filter.match ? 'updated' : filter.sort;
    // seq last: equal timestamps must still sort the same way every time, or paging repeats and skips rows.
    const order = filter.trash ? 'e.deleted_at DESC, e.seq DESC' : `e.pinned DESC, ${SORTS[sort]}, e.seq DESC`;
    const page = { limit: filter.limit, offset: filter.offset };
    if (!filter.match) {
      const total = this.db.prepare(`SELECT count(*) FROM entries e WHERE ${whereSql}`).pluck().get(params) as number;
      const rows = this.db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS}, e.excerpt AS snippet, e.title AS title_highlighted FROM entries e
           WHERE ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, ...page }) as ListRow[];
      return { total, items: rows.map(listItem) };
    }
    // A search. Each match is checked through the index entries_by_seq (entry number, trash, pinned,
    // last changed) rather than the table: for the usual search (newest or most relevant first,
    // filtered by trash and pinned only) the index covers it, and one index page holds many entries
    // where the table needs a page (decrypted on a cache miss) per match. Other filters and sorts
    // still read the table after the index. Only the page's own rows are then read in full, with
    // their snippets, which cost the most.
    const matches = `entries_fts JOIN entries e INDEXED BY entries_by_seq ON e.seq = entries_fts.rowid`;
    const total = this.db.prepare(`SELECT count(*) FROM ${matches} WHERE ${whereSql}`).pluck().get(params) as number;
    const seqs = this.db
      .prepare(`SELECT e.seq FROM ${matches} WHERE ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, ...page }) as number[];
    if (seqs.length === 0) return { total, items: [] };
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS},
           snippet(entries_fts, 1, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 24) AS snippet,
           highlight(entries_fts, 0, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}') AS title_highlighted
         FROM entries_fts JOIN entries e ON e.seq = entries_fts.rowid
         WHERE entries_fts MATCH @match AND entries_fts.rowid BETWEEN @low AND @high
           AND +entries_fts.rowid IN (SELECT value FROM json_each(@seqs))`,
      )
      .all({
        match: params['match'],
        // The range goes to FTS5 with the match, which then runs once; the list itself must not (the
        // "+"): FTS5 would run the whole match again for each number in it, and a short prefix such as
        // "t*" merges the lists of every word it begins.
        low: Math.min(...seqs),
        high: Math.max(...seqs),
        seqs: JSON.stringify(seqs),
      }) as ListRow[];
    const bySeq = new Map(rows.map((row) => [row.seq, row]));
    if (bySeq.size !== seqs.length) throw new Error('A search page lost rows between its two reads.');
    return { total, items: seqs.map((seq) => listItem(bySeq.get(seq)!)) };
  }

  tags(): TagCount[] {
    return this.db
      .prepare(
        `SELECT t.tag AS tag, count(*) AS count FROM entry_tags t JOIN entries e ON e.id = t.entry_id
         WHERE e.deleted_at IS NULL GROUP BY t.tag ORDER BY count DESC, t.tag COLLATE NOCASE`,
      )
      .all() as TagCount[];
  }

  lastRevisionAt(entryId: string): string | null {
    return (
      (this.db
        .prepare('SELECT created_at FROM entry_revisions WHERE entry_id = ? ORDER BY id DESC LIMIT 1')
        .pluck()
        .get(entryId) as string | undefined) ?? null
    );
  }

  addRevision(entry: StoredEntry, createdAt: string, reason: RevisionReason): void {
    this.db
      .prepare(
        `INSERT INTO entry_revisions (entry_id, title, body_json, body_text, fields_json, word_count, created_at, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.id,
        entry.title,
        entry.bodyJson,
        entry.text,
        entry.twoTruths ? JSON.stringify(entry.twoTruths) : null,
        entry.wordCount,
        createdAt,
        reason,
      );
  }

  revisions(entryId: string): RevisionSummary[] {
    return this.db
      .prepare(
        `SELECT id, entry_id AS entryId, title, created_at AS createdAt, word_count AS wordCount, reason
         FROM entry_revisions WHERE entry_id = ? ORDER BY id DESC`,
      )
      .all(entryId) as RevisionSummary[];
  }

  revision(id: number): Revision | null {
    const row = this.db
      .prepare(
        `SELECT id, entry_id AS entryId, title, created_at AS createdAt, word_count AS wordCount, reason,
           body_json AS bodyJson, body_text AS text, fields_json AS fieldsJson FROM entry_revisions WHERE id = ?`,
      )
      .get(id) as (RevisionSummary & { bodyJson: string; text: string; fieldsJson: string | null }) | undefined;
    if (!row) return null;
    const { bodyJson, fieldsJson, ...rest } = row;
    return {
      ...rest,
      body: JSON.parse(bodyJson) as DocNode,
      twoTruths: fieldsJson ? (JSON.parse(fieldsJson) as TwoTruthsFields) : null,
    };
  }

  /** Entries linked to this one, either way round, newest link first. */
  links(id: string): LinkedEntry[] {
    return this.db
      .prepare(
        `SELECT e.id, e.kind, e.title, e.deleted_at AS deletedAt FROM entry_links l
           JOIN entries e ON e.id = CASE WHEN l.from_id = @id THEN l.to_id ELSE l.from_id END
         WHERE l.from_id = @id OR l.to_id = @id ORDER BY l.created_at DESC, e.title`,
      )
      .all({ id }) as LinkedEntry[];
  }

  link(fromId: string, toId: string, createdAt: string): void {
    if (this.isLinked(fromId, toId)) return;
    this.db
      .prepare('INSERT INTO entry_links (from_id, to_id, created_at) VALUES (?, ?, ?)')
      .run(fromId, toId, createdAt);
  }

  unlink(a: string, b: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM entry_links WHERE (from_id = ? AND to_id = ?) OR (from_id = ? AND to_id = ?)')
        .run(a, b, b, a).changes > 0
    );
  }

  private isLinked(a: string, b: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM entry_links WHERE (from_id = ? AND to_id = ?) OR (from_id = ? AND to_id = ?)')
        .pluck()
        .get(a, b, b, a) !== undefined
    );
  }

  private replaceTags(entryId: string, tags: string[]): void {
    this.db.prepare('DELETE FROM entry_tags WHERE entry_id = ?').run(entryId);
    const insert = this.db.prepare('INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)');
    for (const tag of tags) insert.run(entryId, tag);
  }

  private params(entry: StoredEntry) {
    return {
      id: entry.id,
      kind: entry.kind,
      title: entry.title,
      bodyJson: entry.bodyJson,
      fieldsJson: entry.twoTruths ? JSON.stringify(entry.twoTruths) : null,
      text: entry.text,
      excerpt: entry.excerpt,
      tagsText: entry.tags.join(' '),
      wordCount: entry.wordCount,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      eventDate: entry.eventDate,
      templateId: entry.templateId,
      bring: entry.bringToSupervision ? 1 : 0,
      client: entry.containsClientMaterial ? 1 : 0,
      pinned: entry.pinned ? 1 : 0,
    };
  }
}
