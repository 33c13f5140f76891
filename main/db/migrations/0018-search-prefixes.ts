import type { Migration } from './types';

/**
 * The search index again with prefix indexes, for prefixes of 2 to 6 letters. A prefix search
 * ("thera*") with none has no list of its own in the index: every run of it merges the lists of
 * every word it begins, and a search runs its match several times (count, rank, and bm25's own
 * weighing of it, snippets). At 100,000 entries "ther*" took 96 ms and "some*" 75; with them, a prefix
 * costs what a word does (bench/results/journal.md). Migration 0010 left them out because, with FTS5
 * secure-delete on, they tripled the cost of every save; without it, a save's time did not change
 * (measured at 100,000 entries, 600 saves: CPU p50 0.80 ms without, 0.83 with). They make the index
 * about 3.7 times the size (91 MiB to 341 MiB at 100,000 entries of the benchmark's prose; the whole
 * database 521 to 771 MiB), and rewriting it whole (deleting for ever, the unlock's upkeep) takes
 * about as many times longer. A prefix one letter shorter than an index's is answered from it too
 * (FTS5 merges the lists one letter longer); seven letters and more merge the words' own lists,
 * which are few.
 *
 * The table is made again and filled from the entries, like 0010 and as quickly; its triggers, on
 * the entries, stay as 0010 made them. One transaction (migrate()): killed part way, the journal is
 * still at version 17 with its index whole, and the next unlock starts again. A journal from before
 * 0010 has its index built twice on that unlock, once by each (migrations are never changed once
 * released): 20 s at 100,000 entries. Restoring a backup made before this runs it too, inside the
 * restore's check of the copy.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'search-prefixes',
  up(db) {
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('cache_size = -65536');
    try {
      db.exec(`
        DROP TABLE entries_fts;
        CREATE VIRTUAL TABLE entries_fts USING fts5(
          title, body_text, tags_text,
          content = 'entries', content_rowid = 'seq',
          tokenize = 'unicode61 remove_diacritics 2',
          prefix = '2 3 4 5 6'
        );
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', 67108864);
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 0);
        INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
        INSERT INTO entries_fts (entries_fts) VALUES ('optimize');
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', 1048576);
        INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 4);
      `);
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
    }
  },
};
