import type { Migration } from './types';

/**
 * Journals brought in from other apps (main/import/). Each import is one batch; each entry it added is
 * remembered by its key in the export it came from (`source_key`: the source's id, then the export's own
 * id for it), so importing the same export again adds nothing, and by the version it had when it came in,
 * so "Undo this import" can tell an entry the person has changed since (kept) from one they have not
 * (removed). A batch still `importing` when the journal opens was cut short and is taken back.
 * `entry_id` is cleared, not the row removed, when the entry is deleted for good: a second import of the
 * same export then leaves it deleted.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'imports',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id            TEXT PRIMARY KEY,
        source        TEXT NOT NULL,
        name          TEXT NOT NULL,
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        status        TEXT NOT NULL CHECK (status IN ('importing', 'done', 'undone')),
        added         INTEGER NOT NULL DEFAULT 0,
        already       INTEGER NOT NULL DEFAULT 0,
        skipped_json  TEXT NOT NULL DEFAULT '[]',
        undone_at     TEXT,
        kept_on_undo  INTEGER
      ) STRICT;
      CREATE INDEX import_batches_by_started ON import_batches (started_at);

      CREATE TABLE imported_entries (
        source_key TEXT PRIMARY KEY,
        batch_id   TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
        entry_id   TEXT REFERENCES entries (id) ON DELETE SET NULL,
        version    INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX imported_entries_by_batch ON imported_entries (batch_id);
      CREATE INDEX imported_entries_by_entry ON imported_entries (entry_id);
    `);
  },
};
