import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ImportRecord, ImportSourceId, ImportStatus, SkippedItem } from '../../common/import/types';

/** The imports' SQL: batches, and the key each imported entry had in its export. */

interface BatchRow {
  id: string;
  source: string;
  name: string;
  started_at: string;
  finished_at: string | null;
  status: ImportStatus;
  added: number;
  already: number;
  skipped_json: string;
  undone_at: string | null;
  kept_on_undo: number | null;
  here: number;
  rows_added: number | null;
  rows_kept_on_undo: number | null;
}

export class ImportRepository {
  constructor(private readonly db: Database) {}

  /** Which of these keys an earlier import brought in (whether or not the entry is still here). */
  knownKeys(keys: string[]): Set<string> {
    const known = new Set<string>();
    const ask = this.db.prepare('SELECT source_key FROM imported_entries WHERE source_key = ?').pluck();
    for (const key of keys) if (ask.get(key) !== undefined) known.add(key);
    return known;
  }

  /** The entries these keys became, where they are still here. */
  entryIds(keys: string[]): Map<string, string> {
    const out = new Map<string, string>();
    const ask = this.db
      .prepare('SELECT entry_id FROM imported_entries WHERE source_key = ? AND entry_id IS NOT NULL')
      .pluck();
    for (const key of keys) {
      const id = ask.get(key) as string | undefined;
      if (id) out.set(key, id);
    }
    return out;
  }

  /** A new import, made here (so it can be undone here). */
  startBatch(batch: { id: string; source: string; name: string; startedAt: string }): void {
    this.db
      .prepare(`INSERT INTO import_batches (id, source, name, started_at, status) VALUES (?, ?, ?, ?, 'importing')`)
      .run(batch.id, batch.source, batch.name, batch.startedAt);
    this.db.prepare('INSERT INTO import_batches_here (batch_id) VALUES (?)').run(batch.id);
  }

  /** Rows other than entries a Holding export added, and (after undo) how many of them were kept. */
  countRows(id: string, counts: { added?: number; keptOnUndo?: number }): void {
    if (counts.added !== undefined)
      this.db.prepare('UPDATE import_batches_here SET rows_added = ? WHERE batch_id = ?').run(counts.added, id);
    if (counts.keptOnUndo !== undefined)
      this.db
        .prepare('UPDATE import_batches_here SET rows_kept_on_undo = ? WHERE batch_id = ?')
        .run(counts.keptOnUndo, id);
  }

  /** `version`: the entry's version as it came in (a later one means the person has changed it). */
  remember(batchId: string, sourceKey: string, entryId: string, version = 1): void {
    this.db
      .prepare('INSERT INTO imported_entries (source_key, batch_id, entry_id, version) VALUES (?, ?, ?, ?)')
      .run(sourceKey, batchId, entryId, version);
  }

  finishBatch(id: string, done: { finishedAt: string; added: number; already: number; skipped: SkippedItem[] }): void {
    this.db
      .prepare(
        `UPDATE import_batches SET status = 'done', finished_at = ?, added = ?, already = ?, skipped_json = ? WHERE id = ?`,
      )
      .run(done.finishedAt, done.added, done.already, JSON.stringify(done.skipped), id);
  }

  /**
   * The entries a batch added that are still here, with whether the person has made them their own since
   * they came in: edited, retagged or pinned (a new version), linked to an entry of their own, written about
   * in a check-in, or brought to supervision (an agenda or session item names it).
   */
  batchEntries(batchId: string): { entryId: string; changed: boolean }[] {
    const rows = this.db
      .prepare(
        `SELECT i.entry_id AS entryId,
                e.version > i.version
                OR EXISTS (SELECT 1 FROM entry_links l
                             WHERE (l.from_id = e.id AND l.to_id NOT IN (SELECT entry_id FROM imported_entries
                                      WHERE batch_id = i.batch_id AND entry_id IS NOT NULL))
                                OR (l.to_id = e.id AND l.from_id NOT IN (SELECT entry_id FROM imported_entries
                                      WHERE batch_id = i.batch_id AND entry_id IS NOT NULL)))
                OR EXISTS (SELECT 1 FROM checkins c WHERE c.entry_id = e.id)
                OR EXISTS (SELECT 1 FROM agenda_items a WHERE a.source_entry_id = e.id)
                OR EXISTS (SELECT 1 FROM session_items s WHERE s.source_entry_id = e.id) AS changed
           FROM imported_entries i JOIN entries e ON e.id = i.entry_id WHERE i.batch_id = ?`,
      )
      .all(batchId) as { entryId: string; changed: number }[];
    return rows.map((r) => ({ entryId: r.entryId, changed: r.changed === 1 }));
  }

  /**
   * Forgets the keys of the entries this undo removed, so importing the export again brings them back. An
   * entry the person deleted for ever themselves (its key kept, with no entry) stays deleted.
   */
  forgetRemoved(removed: string[]): void {
    const remove = this.db.prepare('DELETE FROM imported_entries WHERE entry_id = ?');
    for (const id of removed) remove.run(id);
  }

  markUndone(id: string, undoneAt: string, kept: number): void {
    this.db
      .prepare(`UPDATE import_batches SET status = 'undone', undone_at = ?, kept_on_undo = ? WHERE id = ?`)
      .run(undoneAt, kept, id);
  }

  deleteBatch(id: string): void {
    this.db.prepare('DELETE FROM import_batches WHERE id = ?').run(id);
  }

  /** Imports made here and cut short (one that came with a Holding export is never taken back here). */
  unfinished(): string[] {
    return this.db
      .prepare(`SELECT id FROM import_batches JOIN import_batches_here h ON h.batch_id = id WHERE status = 'importing'`)
      .pluck()
      .all() as string[];
  }

  batch(id: string): ImportRecord | null {
    const row = this.db.prepare(`${SELECT_BATCH} WHERE id = ?`).get(id) as BatchRow | undefined;
    return row ? toRecord(row) : null;
  }

  records(): ImportRecord[] {
    const rows = this.db
      .prepare(`${SELECT_BATCH} WHERE status <> 'importing' ORDER BY started_at DESC, id`)
      .all() as BatchRow[];
    return rows.map(toRecord);
  }
}

const SELECT_BATCH = `SELECT b.*, h.batch_id IS NOT NULL AS here, h.rows_added, h.rows_kept_on_undo
  FROM import_batches b LEFT JOIN import_batches_here h ON h.batch_id = b.id`;

function toRecord(row: BatchRow): ImportRecord {
  return {
    id: row.id,
    source: row.source as ImportSourceId,
    sourceName: '',
    name: row.name,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    added: row.added,
    alreadyImported: row.already,
    skipped: JSON.parse(row.skipped_json) as SkippedItem[],
    undoneAt: row.undone_at,
    keptOnUndo: row.kept_on_undo,
    here: row.here === 1,
    rowsAdded: row.rows_added ?? 0,
    rowsKeptOnUndo: row.rows_kept_on_undo,
  };
}
