import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import { migrations as allMigrations } from './migration-list';
import type { Migration } from './migrations/types';

export function latestVersion(list: readonly Migration[] = allMigrations): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

export function currentVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to date, one migration per transaction so a failure leaves it at
 * the last good version. A database written by a newer Holding is refused untouched.
 */
export function migrate(db: Database, list: readonly Migration[] = allMigrations): { from: number; to: number } {
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
  for (const m of list) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, latest) };
}
