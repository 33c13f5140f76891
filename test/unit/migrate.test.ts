import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../common/errors';
import type { ProgressDetail } from '../../common/ipc/contract';
import { currentVersion, latestVersion, migrate, type MigrationStep } from '../../main/db/migrate';
import { migrations } from '../../main/db/migration-list';
import { migration0010 } from '../../main/db/migrations/0010-journal-search-index';
import { migration0018 } from '../../main/db/migrations/0018-search-prefixes';
import { migration0011 } from '../../main/db/migrations/0011-warning-signs';
import { migration0014 } from '../../main/db/migrations/0014-opened-bundles';
import { migration0017 } from '../../main/db/migrations/0017-export-folder';
import type { Migration } from '../../main/db/migrations/types';
import { reportUpdate } from '../../main/db/update-progress';

const table = (version: number, name: string): Migration => ({
  version,
  name,
  up: (db) => db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY) STRICT`),
});

/** An in-memory journal with foreign keys on, brought up to just before `migration`; `before` is what it ran. */
function journalBefore(migration: Migration) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const before = migrations.slice(0, migrations.indexOf(migration));
  migrate(db, before);
  return { db, before };
}

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

  it('tells each step before its migration starts, outside its transaction, and once when all have run', () => {
    const db = new Database(':memory:');
    migrate(db, [table(1, 'a')]);
    const heard: { done: number; total: number; next: string | null; version: number; inTransaction: boolean }[] = [];
    const onStep = (step: MigrationStep) => {
      expect(step.pending.map((m) => m.name)).toEqual(['b', 'c']);
      heard.push({
        done: step.done,
        total: step.total,
        next: step.next?.name ?? null,
        version: currentVersion(db),
        inTransaction: db.inTransaction,
      });
    };
    migrate(db, [table(1, 'a'), table(2, 'b'), table(3, 'c')], onStep);
    expect(heard).toEqual([
      { done: 0, total: 2, next: 'b', version: 1, inTransaction: false },
      { done: 1, total: 2, next: 'c', version: 2, inTransaction: false },
      { done: 2, total: 2, next: null, version: 3, inTransaction: false },
    ]);
    // Nothing to run: nothing to hear.
    heard.length = 0;
    migrate(db, [table(1, 'a'), table(2, 'b'), table(3, 'c')], onStep);
    expect(heard).toEqual([]);
  });

  it('a step that cannot be told is only logged: every migration still runs, to the latest version', () => {
    const db = new Database(':memory:');
    const list = [table(1, 'a'), table(2, 'b'), table(3, 'c')];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      let told = 0;
      expect(
        migrate(db, list, () => {
          told += 1;
          throw new Error('the window has gone');
        }),
      ).toEqual({ from: 0, to: 3 });
      // Each step was still offered (three before, one after), and each failure logged.
      expect(told).toBe(4);
      expect(logged).toHaveBeenCalledTimes(4);
      expect(String(logged.mock.calls[0]![0])).toMatch(/could not report how far the update has got/);
    } finally {
      logged.mockRestore();
    }
    expect(currentVersion(db)).toBe(3);
    for (const name of ['a', 'b', 'c']) {
      expect(db.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(name)).toBe(1);
    }
  });

  it('reports an update for the window: the search index (0010, 0018) with its entries, unmeasured while it runs', () => {
    const before = migrations.indexOf(migration0010);
    const prefixes = migrations.indexOf(migration0018);
    const reports = (from: number) => {
      const db = new Database(':memory:');
      migrate(db, migrations.slice(0, from));
      const heard: { done: number; total: number; detail: ProgressDetail }[] = [];
      migrate(
        db,
        migrations,
        reportUpdate(db, (done, total, detail) => heard.push({ done, total, detail })),
      );
      return heard;
    };
    const unmeasured = (heard: { done: number; detail: ProgressDetail }[]) =>
      heard.filter(({ detail }) => detail.unmeasured).map(({ done }) => done);
    const total = migrations.length - before;
    expect(reports(before)).toEqual(
      Array.from({ length: total + 1 }, (_, done) => ({
        done,
        total,
        detail: { update: { searchIndexEntries: 0 }, unmeasured: done === 0 || done === prefixes - before },
      })),
    );
    // From before there was an entries table: none to count, and only the search index's steps are unmeasured.
    const early = reports(1);
    expect(early[0]!.detail.update).toEqual({ searchIndexEntries: 0 });
    expect(unmeasured(early)).toEqual([before - 1, prefixes - 1]);
    // Between the two: only the second.
    const between = reports(before + 1);
    expect(between.every(({ detail }) => detail.update?.searchIndexEntries === 0)).toBe(true);
    expect(unmeasured(between)).toEqual([prefixes - before - 1]);
    // Past both: nothing that cannot be measured, and no entries to speak of (no reports at all while
    // 0018 is the last migration: nothing is left to run).
    const later = reports(prefixes + 1);
    const pastBoth = migrations.length - prefixes - 1;
    expect(later).toHaveLength(pastBoth && pastBoth + 1);
    expect(later.every(({ detail }) => !detail.unmeasured && detail.update?.searchIndexEntries === null)).toBe(true);
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

  it('renames warning signs and their ticks (0011) in a database made by the version before, keeping what was in them', () => {
    const { db, before } = journalBefore(migration0011);
    const at = '2026-05-01T09:00:00.000Z';
    db.prepare(
      `INSERT INTO red_flags (id, name, what_helps, contact, position, created_at, updated_at)
       VALUES ('s1', 'Not sleeping', 'A walk', 'Sam', 1, @at, @at), ('s2', 'Snapping', '', '', 2, @at, @at)`,
    ).run({ at });
    db.prepare(`INSERT INTO checkins (id, at, capacity, created_at, updated_at) VALUES ('c1', @at, 4, @at, @at)`).run({
      at,
    });
    db.prepare(
      `INSERT INTO checkin_flags (checkin_id, flag_id, name) VALUES ('c1', 's1', 'Not sleeping'), ('c1', 's2', 'Snapping')`,
    ).run();

    expect(migrate(db)).toEqual({ from: before.length, to: migrations.length });

    const names = (type: string) =>
      db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').pluck().all(type) as string[];
    expect(names('table')).toEqual(expect.arrayContaining(['warning_signs', 'checkin_signs']));
    expect(names('table').filter((n) => /flag/.test(n))).toEqual([]);
    expect(names('index')).toEqual(expect.arrayContaining(['checkin_signs_by_checkin', 'checkin_signs_by_sign']));
    expect(names('index').filter((n) => /flag/.test(n))).toEqual([]);
    expect(db.prepare('SELECT name, what_helps, contact FROM warning_signs ORDER BY position').all()).toEqual([
      { name: 'Not sleeping', what_helps: 'A walk', contact: 'Sam' },
      { name: 'Snapping', what_helps: '', contact: '' },
    ]);
    expect(db.prepare('SELECT sign_id, name FROM checkin_signs ORDER BY id').all()).toEqual([
      { sign_id: 's1', name: 'Not sleeping' },
      { sign_id: 's2', name: 'Snapping' },
    ]);
    // The foreign key follows the renamed table: deleting a sign clears the link and keeps the tick's name.
    expect(db.prepare('PRAGMA foreign_key_list(checkin_signs)').all()).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: 'warning_signs', from: 'sign_id', to: 'id' })]),
    );
    db.prepare("DELETE FROM warning_signs WHERE id = 's1'").run();
    expect(db.prepare('SELECT sign_id, name FROM checkin_signs ORDER BY id').all()).toEqual([
      { sign_id: null, name: 'Not sleeping' },
      { sign_id: 's2', name: 'Snapping' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('remembers the bundles already opened (0014) from the shares and feedback a database already holds', () => {
    const { db } = journalBefore(migration0014);
    const at = '2026-05-01T09:00:00.000Z';
    db.prepare(
      `INSERT INTO shares_received (id, bundle_id, contact_id, sender_name, sender_fingerprint, title, items, created_at, imported_at, payload)
       VALUES ('r1', 'b-share', NULL, 'Sam', 'f', 'For supervision', 1, @at, @at, '{}')`,
    ).run({ at });
    db.prepare(
      `INSERT INTO shares_sent (id, bundle_id, contact_id, contact_name, contact_fingerprint, title, file_name, created_at)
       VALUES ('s1', 'b-sent', NULL, 'Ama', 'f', 'For supervision', 'x.holdingbundle', @at)`,
    ).run({ at });
    db.prepare(
      `INSERT INTO feedback_received (id, bundle_id, share_id, sender_name, created_at, imported_at, overall)
       VALUES ('f1', 'b-feedback', 's1', 'Ama', @at, @at, 'Thank you')`,
    ).run({ at });

    migrate(db);

    expect(db.prepare('SELECT bundle_id, kind, opened_at FROM opened_bundles ORDER BY bundle_id').all()).toEqual([
      { bundle_id: 'b-feedback', kind: 'feedback', opened_at: at },
      { bundle_id: 'b-share', kind: 'share', opened_at: at },
    ]);
    // The record stays when what the bundle brought is removed.
    db.prepare('DELETE FROM shares_received').run();
    db.prepare('DELETE FROM shares_sent').run();
    expect(db.prepare('SELECT count(*) FROM opened_bundles').pluck().get()).toBe(2);
  });

  it('adds the folder to the export records (0017), unknown for those made before', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, migrations.indexOf(migration0017)));
    db.prepare(
      `INSERT INTO exports (id, created_at, format, file_name, title, items)
       VALUES ('e1', '2026-05-01T09:00:00.000Z', 'pdf', 'For supervision.pdf', 'For supervision', 2)`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT id, file_name, folder FROM exports').all()).toEqual([
      { id: 'e1', file_name: 'For supervision.pdf', folder: null },
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
