import type { Migration } from './types';

/**
 * The reflective journal. `seq` is the integer key FTS5 indexes by: a table whose rowid is not an
 * INTEGER PRIMARY KEY may have its rowids renumbered by VACUUM, which would detach the index.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'journal',
  up(db) {
    db.exec(`
      CREATE TABLE entries (
        seq                      INTEGER PRIMARY KEY,
        id                       TEXT NOT NULL UNIQUE,
        created_at               TEXT NOT NULL,
        updated_at               TEXT NOT NULL,
        deleted_at               TEXT,
        pinned                   INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        bring_to_supervision     INTEGER NOT NULL DEFAULT 0 CHECK (bring_to_supervision IN (0, 1)),
        contains_client_material INTEGER NOT NULL DEFAULT 0 CHECK (contains_client_material IN (0, 1)),
        event_date               TEXT,
        template_id              TEXT,
        word_count               INTEGER NOT NULL DEFAULT 0,
        version                  INTEGER NOT NULL DEFAULT 1,
        title                    TEXT NOT NULL DEFAULT '',
        tags_text                TEXT NOT NULL DEFAULT '',
        -- The long text comes last: SQLite reads a row's columns in order, so filters and sorts on
        -- the short columns above never have to walk the overflow pages of a long entry.
        excerpt                  TEXT NOT NULL DEFAULT '',
        body_text                TEXT NOT NULL DEFAULT '',
        body_json                TEXT NOT NULL
      ) STRICT;

      CREATE INDEX entries_by_updated ON entries (pinned DESC, updated_at DESC) WHERE deleted_at IS NULL;
      -- Search joins FTS rowids to entries: this answers the trash and pinned checks from the index alone.
      CREATE INDEX entries_by_seq ON entries (seq, deleted_at, pinned, updated_at);
      CREATE INDEX entries_by_created ON entries (created_at);
      CREATE INDEX entries_by_event ON entries (event_date);
      CREATE INDEX entries_in_trash ON entries (deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE entry_tags (
        entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag      TEXT NOT NULL,
        PRIMARY KEY (entry_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id);

      CREATE TABLE entry_revisions (
        id         INTEGER PRIMARY KEY,
        entry_id   TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        title      TEXT NOT NULL,
        body_json  TEXT NOT NULL,
        body_text  TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        reason     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entry_revisions_by_entry ON entry_revisions (entry_id, id DESC);

      CREATE TABLE templates (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
        sections_json TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE entries_fts USING fts5(
        title, body_text, tags_text,
        content = 'entries', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      -- Deleting a row removes its words from the index at once, not at the next merge:
      -- "delete for ever" must leave nothing to find, even in the index's own pages.
      INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);

      CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, title, body_text, tags_text) VALUES (new.seq, new.title, new.body_text, new.tags_text);
      END;
      CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, body_text, tags_text)
          VALUES ('delete', old.seq, old.title, old.body_text, old.tags_text);
      END;
      CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body_text, tags_text ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, body_text, tags_text)
          VALUES ('delete', old.seq, old.title, old.body_text, old.tags_text);
        INSERT INTO entries_fts (rowid, title, body_text, tags_text) VALUES (new.seq, new.title, new.body_text, new.tags_text);
      END;
    `);
  },
};
