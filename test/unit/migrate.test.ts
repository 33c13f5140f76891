import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { currentVersion, latestVersion, migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import type { Migration } from '../../main/db/migrations/types';

const table = (version: number, name: string): Migration => ({
  version,
  name,
  up: (db) => db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY) STRICT`),
});

describe('migrations', () => {
  it('registers versions 1..n in order, each in its own file', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(latestVersion()).toBe(migrations.length);
  });

  it('runs pending migrations in order and records the version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [table(1, 'a'), table(2, 'b')])).toEqual({ from: 0, to: 2 });
    expect(currentVersion(db)).toBe(2);
    expect(migrate(db, [table(1, 'a'), table(2, 'b'), table(3, 'c')])).toEqual({ from: 2, to: 3 });
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(names).toEqual(['a', 'b', 'c']);
  });

  it('rolls back a failing migration and keeps the last good version', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (id INTEGER) STRICT');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [table(1, 'a'), broken])).toThrow();
    expect(currentVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
  });

  it('refuses a database from a newer version with a clear message and changes nothing', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 7');
    let error: unknown;
    try {
      migrate(db, [table(1, 'a')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_FROM_FUTURE');
    expect((error as AppError).message).toMatch(/newer version of Holding.*Nothing has been changed/);
    expect(currentVersion(db)).toBe(7);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
  });

  it('refuses a list with gaps or out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [table(1, 'a'), table(3, 'c')])).toThrow(/expected 2/);
  });

  it('makes every table STRICT', () => {
    const db = new Database(':memory:');
    migrate(db);
    // FTS5 virtual tables and their shadow tables belong to SQLite and cannot be STRICT.
    const tables = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'table'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT GLOB '*_fts_*'`,
      )
      .all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
  });
});
