import type { Database } from 'better-sqlite3-multiple-ciphers';
import { entryPoint, file } from 'holding-search-rank';
import { describeForLog } from '../shell-common/log';

/**
 * Best match's score: FTS5's bm25(), or holding_rank() where our SQLite extension
 * (packages/search-rank) loads. holding_rank() gives bm25()'s own values for a query of several
 * phrases; for a query of one phrase (a word, a prefix, "a phrase") it leaves out the phrase's weight,
 * which bm25() finds by running the phrase over the whole index once per statement (for a phrase of
 * two common words at 100,000 entries, some 11 ms each time), and which scales every score alike, so
 * that the order is bm25()'s either way (bar rounding, which can make two nearly equal bm25() scores
 * tie). Scores are only ever compared within one query.
 */

/** Title words count eight times, tags four, the body once (columns title, body, tags). */
const WEIGHTS = '8.0, 1.0, 4.0';

const rankOn = new WeakMap<Database, 'holding_rank' | 'bm25'>();
/** better-sqlite3's refusal while the connection is running a statement (src/util/macros.cpp). */
const BUSY = 'This database connection is busy executing a query';

/** Whether the log has said so (once per process); the tests reset it. */
export const rankLog = { warned: false };

/** The extension's file; the tests set null to leave every connection with bm25(), or a path that fails. */
export const rankSettings: { extension: string | null } = { extension: file };

/**
 * The score's function on this connection, loading the extension on its first search. Where it cannot be
 * loaded (a build without it), bm25() gives the same order, more slowly, and the log says so once.
 */
export function rankFunction(db: Database): 'holding_rank' | 'bm25' {
  let fn = rankOn.get(db);
  if (!fn) {
    fn = 'bm25';
    if (rankSettings.extension !== null) {
      try {
        // better-sqlite3 takes the entry point's name as a second argument; its types leave it out.
        (db as unknown as { loadExtension(file: string, entryPoint: string): void }).loadExtension(
          rankSettings.extension,
          entryPoint,
        );
        fn = 'holding_rank';
      } catch (error) {
        // A connection busy with a statement (one stepping, or an iterator left open) refuses it, with this
        // TypeError: bm25() this once, and the extension next time. A failed load is a SqliteError.
        if (error instanceof TypeError && error.message === BUSY) return 'bm25';
        if (!rankLog.warned) console.error(`[holding] search ranking falls back to bm25(): ${describeForLog(error)}`);
        rankLog.warned = true;
      }
    }
    rankOn.set(db, fn);
  }
  return fn;
}

/** The score's SQL for this connection (rankFunction). */
export const rankSql = (db: Database) => `${rankFunction(db)}(entries_fts, ${WEIGHTS})`;
