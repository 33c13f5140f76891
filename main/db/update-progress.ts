import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ProgressDetail, UpdateProgress } from '../../common/ipc/contract';
import type { MigrationStep } from './migrate';
import { migration0010 } from './migrations/0010-journal-search-index';
import { migration0018 } from './migrations/0018-search-prefixes';

/**
 * Migrations that rebuild the search index from every entry: 0010, and 0018 with its prefix indexes
 * (bench/results/journal.md: 0.7 s and 1 s at 10,000 entries, 7 s and 13 s at 100,000). Each does all its
 * work in one statement, so nothing can say how far it has got while it runs: the window shows a bar
 * without a value for them. The other migrations take a moment.
 */
const REBUILDS_SEARCH_INDEX: ReadonlySet<number> = new Set([migration0010.version, migration0018.version]);

/**
 * Turns the migration runner's steps into reports for the window (the unlock's task.progress): `done` of
 * the migrations to run, whether the one starting can be measured, and, the same in every report, what the
 * update involves: the number of entries when it rebuilds the search index, counted once before it starts.
 */
export function reportUpdate(
  db: Database,
  report: (done: number, total: number, detail: ProgressDetail) => void,
): (step: MigrationStep) => void {
  let update: UpdateProgress | null = null;
  return (step) => {
    update ??= {
      searchIndexEntries: step.pending.some((m) => REBUILDS_SEARCH_INDEX.has(m.version)) ? entriesIn(db) : null,
    };
    report(step.done, step.total, {
      update,
      unmeasured: step.next !== null && REBUILDS_SEARCH_INDEX.has(step.next.version),
    });
  };
}

/** How many entries the journal holds: none before the migration that made the table (0002). */
function entriesIn(db: Database): number {
  const made = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'entries'").pluck().get();
  return made ? (db.prepare('SELECT count(*) FROM entries').pluck().get() as number) : 0;
}
