import type { Migration } from './types';

/**
 * Bringing in Holding's own export (issue 16), and which imports can be undone here.
 *
 * - `import_batches_here`: the imports made in this journal. A Holding export carries the import records of
 *   the journal it came from (so the same Day One export brought in again adds nothing there either), but
 *   those were made elsewhere: only an import listed here can be undone here, or taken back when cut short.
 *   Every import already in the journal was made here. `rows_added` and `rows_kept_on_undo` count the rows
 *   other than entries a Holding export added and its undo kept.
 * - `imported_rows`: every row a Holding export's import added (its entries too), by table and key (the
 *   key's values as JSON, in the order of main/export/everything/tables.ts), with a hash of the row as it came
 *   in, so "Undo this import" takes back exactly those, and keeps what the person has changed since.
 *
 * Neither leaves in Export everything: both describe this journal only.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'imported-rows',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches_here (
        batch_id          TEXT PRIMARY KEY REFERENCES import_batches (id) ON DELETE CASCADE,
        rows_added        INTEGER NOT NULL DEFAULT 0,
        rows_kept_on_undo INTEGER
      ) STRICT;
      INSERT INTO import_batches_here (batch_id) SELECT id FROM import_batches;

      CREATE TABLE imported_rows (
        batch_id   TEXT NOT NULL REFERENCES import_batches_here (batch_id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        key_json   TEXT NOT NULL,
        row_hash   TEXT NOT NULL,
        PRIMARY KEY (batch_id, table_name, key_json)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
