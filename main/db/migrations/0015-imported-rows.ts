import type { Migration } from './types';

/**
 * The rows other than entries that bringing in Holding's own export added (issue 16): its check-ins,
 * supervision records, shares, templates and the rest. "Undo this import" takes back exactly these, as it
 * takes back the batch's entries through imported_entries. Each row is named by its table and its key's
 * values (as JSON, in the key's column order: main/export/everything/tables.ts), with a hash of the row as
 * it came in, so undo can tell a row the person has changed since (kept) from one they have not.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'imported-rows',
  up(db) {
    db.exec(`
      CREATE TABLE imported_rows (
        batch_id   TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        key_json   TEXT NOT NULL,
        row_hash   TEXT NOT NULL,
        PRIMARY KEY (batch_id, table_name, key_json)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
