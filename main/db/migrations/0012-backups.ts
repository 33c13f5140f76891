import type { Migration } from './types';

/**
 * Each backup Holding made of this journal and then proved by restoring it (main/backup/). Only a row
 * here counts as a backup: retention deletes only files recorded here (and whose header names this
 * journal), so a file Holding did not write is never touched. `counts_json` is rows per table as the
 * backup's header has them; `sha256` is of the whole backup file, so a file changed since is noticed.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backups (
        id          TEXT PRIMARY KEY,
        folder      TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        made_at     TEXT NOT NULL,
        verified_at TEXT NOT NULL,
        bytes       INTEGER NOT NULL CHECK (bytes > 0),
        sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
        counts_json TEXT NOT NULL,
        computer    TEXT NOT NULL,
        UNIQUE (folder, file_name)
      ) STRICT;
      CREATE INDEX backups_by_made_at ON backups (made_at);
    `);
  },
};
