import type { Migration } from './types';

/**
 * FTS5's own merge work no longer runs inside saves. With 0018's prefix indexes a save writes about six times
 * the index pages it did, and FTS5's automerge does a step of merging (64 pages a level) each time 64 pages
 * have been written: with five prefix indexes those steps fell in more than one save in twenty, and a save's
 * p95 at 10,000 entries went from 2 ms to about 10. Now the journal does that work itself: a step of 50 pages
 * after each save, once the save has been answered (main/journal/index-upkeep.ts), and one for each entry an
 * import writes. FTS5's crisis merge (a level of 16 segments is merged at once, whatever automerge says)
 * stays as the backstop. bench/results/journal.md has the saves, and the steps, before and after.
 *
 * The setting is kept in the index's own config table, so it lasts through 'rebuild' and 'optimize'. An
 * integer in the SQL itself: FTS5 refuses a config value bound as a double, as better-sqlite3 binds numbers.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'search-merges-off-saves',
  up(db) {
    db.exec("INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 0)");
  },
};
