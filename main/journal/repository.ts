import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TwoTruthsFields } from '../../common/two-truths/two-truths';
import type { DocNode } from '../../common/journal/doc';
import type {
  EntrySummary,
  LinkedEntry,
  Revision,
  RevisionReason,
  RevisionSummary,
  TagCount,
} from '../../common/journal/types';
import { type EntryRow, type StoredEntry, SUMMARY_COLUMNS, toStored } from './rows';
import { type ListFilter, listEntries } from './search';

export { type StoredEntry, toEntry } from './rows';
export type { ListFilter } from './search';

/**
 * The journal's SQL (the list's and the search's is in search.ts and relevance.ts). The service
 * decides; this reads and writes.
 */

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

  /** The entry's row rewritten; its tags only when they are not the ones it had (each rewrite writes two indexes). */
  update(entry: StoredEntry, tagsBefore: readonly string[]): void {
    this.db
      .prepare(
        `UPDATE entries SET title = @title, body_json = @bodyJson, body_text = @text, fields_json = @fieldsJson,
           excerpt = @excerpt, tags_text = @tagsText,
           word_count = @wordCount, updated_at = @updatedAt, event_date = @eventDate, template_id = @templateId,
           bring_to_supervision = @bring, contains_client_material = @client, pinned = @pinned, version = version + 1
         WHERE id = @id`,
      )
      .run(this.params(entry));
    const before = new Set(tagsBefore);
    if (entry.tags.length !== before.size || entry.tags.some((tag) => !before.has(tag))) {
      this.replaceTags(entry.id, entry.tags);
    }
  }

  setDeleted(id: string, deletedAt: string | null): boolean {
    return this.db.prepare('UPDATE entries SET deleted_at = ? WHERE id = ?').run(deletedAt, id).changes > 0;
  }

  /**
   * Removes the entries, their tags and their revisions (cascade); secure_delete overwrites the freed
   * pages. Their words are then gone from search at once, but still in the index's older segments
   * (and so are words that earlier edits replaced), so the index is rewritten in one segment, leaving
   * none of them: within the caller's transaction, so there is no moment in between.
   *
   * Not FTS5's secure-delete, switched on for the deletes only: with the index holding segments
   * written without it (every save's), switching it on and off made words of deleted and edited
   * entries match again in randomised checks (SQLite 3.53: with 3,000 rows, and nearly always with
   * small index pages). Rewriting reads every segment as FTS5 merges them, so it keeps the index exact.
   */
  deleteForever(ids: string[]): number {
    const remove = this.db.prepare('DELETE FROM entries WHERE id = ?');
    let count = 0;
    for (const id of ids) count += remove.run(id).changes;
    if (count > 0) this.rewriteIndex();
    return count;
  }

  /**
   * Rewrites the search index as one segment, leaving out every word deleted or replaced since it
   * was last merged; nothing to do when it is one segment already. FTS5's 'merge' with a negative
   * size does the same a step at a time, but only if the steps run to the end: each new step starts
   * the whole merge again, so small steps left segments to pile up until the index was full.
   */
  rewriteIndex(): void {
    this.db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')").run();
  }

  /**
   * One step of FTS5's merge work, of about `pages` leaf pages (FTS5 checks the count between words, so a
   * common word's list, a few thousand pages at 100,000 entries, is written whole): it carries on a merge under
   * way, or starts one where a level has four segments. Migration 0019 took this work out of the saves.
   */
  mergeIndexStep(pages: number): void {
    if (!Number.isSafeInteger(pages) || pages < 1) throw new RangeError(`Not a number of pages: ${pages}`);
    this.db.prepare(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('merge', ${pages})`).run();
  }

  /** One of FTS5's own records (a row of its data table), or undefined while it has none. */
  private indexRecord(id: number): Buffer | undefined {
    return this.db.prepare('SELECT block FROM entries_fts_data WHERE id = ?').pluck().get(id) as Buffer | undefined;
  }

  /**
   * How many segments the search index is in: read from FTS5's structure record (row 10 of its data table), a
   * 4-byte cookie, FTS5's 4-byte mark if it is the second form of the record, then varints: levels, segments.
   */
  indexSegments(): number {
    const block = this.indexRecord(10);
    if (!block || block.length < 5) return 0;
    const from = block.length >= 8 && block.readUInt32BE(4) === 0xff000001 ? 8 : 4;
    return sqliteVarints(block, from, 2)[1] ?? 0;
  }

  /** How many words the search index holds: FTS5's own totals (its "averages" record). */
  indexedWords(): number {
    const block = this.indexRecord(1);
    // The number of rows, then the number of words in each column.
    const values = block ? sqliteVarints(block, 0) : [];
    return values.slice(1).reduce((sum, words) => sum + words, 0);
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
    return listEntries(this.db, filter);
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

/** SQLite's varints (big-endian groups of 7 bits, a ninth byte of 8), from `at`: `count` of them at most. */
function sqliteVarints(block: Buffer, at: number, count = Infinity): number[] {
  const values: number[] = [];
  while (at < block.length && values.length < count) {
    let value = 0;
    for (let i = 0; ; i += 1) {
      const byte = block[at++] ?? 0;
      if (i === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if (byte < 0x80) break;
    }
    values.push(value);
  }
  return values;
}
