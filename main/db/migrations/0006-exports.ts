import type { Migration } from './types';

/**
 * A record of what left the vault: when, in which format, under which file name (never the folder),
 * and how the de-identification check was settled. The content itself is not kept.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'exports',
  up(db) {
    db.exec(`
      CREATE TABLE exports (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('pdf', 'markdown', 'docx', 'html', 'hours-pdf')),
        file_name TEXT NOT NULL,
        title TEXT NOT NULL,
        items INTEGER NOT NULL,
        redacted INTEGER NOT NULL DEFAULT 0,
        pseudonymised INTEGER NOT NULL DEFAULT 0,
        kept INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX exports_created ON exports (created_at DESC);
    `);
  },
};
