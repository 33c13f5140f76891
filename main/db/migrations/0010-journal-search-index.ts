import type { Migration } from './types';

/**
 * The journal's search index, rebuilt from the entries as it was, but without the prefix indexes
 * (they tripled the cost of every write and prefix searches were no faster with them) and without
 * FTS5 secure-delete, which rewrote the index's pages for every word of an entry on every autosave.
 * Deleting for ever now clears deleted words from the index by rewriting it in one segment instead
 * (JournalRepository.deleteForever), as does each unlock while the index is small (main/journal/
 * index-upkeep.ts); docs/security-model.md says what an edit leaves in the index until then.
 *
 * The update trigger only reindexes an entry when its indexed text has changed: pinning, flags and
 * dates no longer touch the index at all. A small index lists the pinned entries, which search
 * reads once per query, and the index a search joins its matches to covers every filter and sort
 * but the title and tags.
 *
 * Like every migration it runs in one transaction (migrate()): killed part way, the database is
 * still at version 9 with its old index whole, and the next unlock starts again. It is the slowest
 * migration so far (it reads every entry and writes the whole index: some 1 s at 10,000 entries
 * and 20–30 s at 100,000, bench/results/journal.md), so it builds the index the quickest way FTS5
 * has: the new index is built in memory up to 64 MiB at a time with no merging on the way (one
 * segment per 64 MiB instead of one per megabyte, merged level by level), and merged once at the
 * end; a larger page cache keeps the pages being merged and indexed from being read and decrypted
 * again. Both are put back before it ends: later transactions are small and flush their own words.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'journal-search-index',
  up(db) {
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('cache_size = -65536');
    try {
      db.exec(`
        DROP TRIGGER entries_fts_insert;
        DROP TRIGGER entries_fts_delete;
        DROP TRIGGER entries_fts_update;
        DROP TABLE entries_fts;

        CREATE VIRTUAL TABLE entries_fts USING fts5(
          title, body_text, tags_text,
          content = 'entries', content_rowid = 'seq',
          tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', 67108864);
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 0);
        INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
        -- One segment to start from: every search reads each word's list once.
        INSERT INTO entries_fts (entries_fts) VALUES ('optimize');
        -- FTS5's defaults again (a megabyte; merge four segments of a level as they come).
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', 1048576);
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 4);

        -- Search checks every match against the pinned entries, read once into a set from here.
        CREATE INDEX entries_pinned ON entries (pinned, deleted_at) WHERE pinned = 1;
        -- A filtered or sorted search checks each match here, not in the table (a page per entry, each
        -- decrypted on a cache miss): every column its filters and sorts use, but the title and tags.
        DROP INDEX entries_by_seq;
        CREATE INDEX entries_by_seq ON entries (seq, deleted_at, pinned, updated_at, created_at, event_date, kind,
          template_id, bring_to_supervision, contains_client_material);

        CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
          INSERT INTO entries_fts (rowid, title, body_text, tags_text) VALUES (new.seq, new.title, new.body_text, new.tags_text);
        END;
        CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
          INSERT INTO entries_fts (entries_fts, rowid, title, body_text, tags_text)
            VALUES ('delete', old.seq, old.title, old.body_text, old.tags_text);
        END;
        CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body_text, tags_text ON entries
        WHEN old.title IS NOT new.title OR old.body_text IS NOT new.body_text OR old.tags_text IS NOT new.tags_text
        BEGIN
          INSERT INTO entries_fts (entries_fts, rowid, title, body_text, tags_text)
            VALUES ('delete', old.seq, old.title, old.body_text, old.tags_text);
          INSERT INTO entries_fts (rowid, title, body_text, tags_text) VALUES (new.seq, new.title, new.body_text, new.tags_text);
        END;
      `);
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
    }
  },
};
