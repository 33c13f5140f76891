import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import { describeForLog } from '../shell-common/log';
import { migrations as allMigrations } from './migration-list';
import type { Migration } from './migrations/types';

export function latestVersion(list: readonly Migration[] = allMigrations): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

export function currentVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Where bringing a database up to date has got: `done` of the `total` migrations this run applies. */
export interface MigrationStep {
  done: number;
  total: number;
  /** The migration about to start; null once they all have run. */
  next: Migration | null;
  /** Every migration this run applies, in order. */
  pending: readonly Migration[];
}

/**
 * Brings the database up to date, one migration per transaction so a failure leaves it at
 * the last good version. A database written by a newer Holding is refused untouched.
 * `onStep` hears before each migration starts (outside its transaction: the database is then at the
 * version before it) and once when all have run; with nothing to run, it hears nothing. Reporting only ever
 * warns: a step that cannot be told (the entry count, or the window's progress) is logged, and the migrations
 * carry on, so the unlock never fails for the sake of a progress bar.
 */
export function migrate(
  db: Database,
  list: readonly Migration[] = allMigrations,
  onStep?: (step: MigrationStep) => void,
): { from: number; to: number } {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = currentVersion(db);
  const latest = latestVersion(list);
  if (from > latest) {
    throw new AppError(
      'DATABASE_FROM_FUTURE',
      `This journal was last opened by a newer version of Holding (data version ${from}; this version understands up to ${latest}). Please update Holding to open it. Nothing has been changed.`,
    );
  }
  const pending = list.filter((m) => m.version > from);
  const tell = (step: MigrationStep) => {
    try {
      onStep?.(step);
    } catch (error) {
      console.error(`[holding] could not report how far the update has got: ${describeForLog(error)}`);
    }
  };
  pending.forEach((m, done) => {
    tell({ done, total: pending.length, next: m, pending });
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  });
  if (pending.length > 0) tell({ done: pending.length, total: pending.length, next: null, pending });
  return { from, to: Math.max(from, latest) };
}
