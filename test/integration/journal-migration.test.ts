import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../common/journal/doc';
import { currentVersion, migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migration-list';
import { migration0010 } from '../../main/db/migrations/0010-journal-search-index';
import { migration0018 } from '../../main/db/migrations/0018-search-prefixes';
import { openEncryptedDatabase } from '../../main/db/open';
import { JournalService } from '../../main/journal/journal';
import { TemplateService } from '../../main/journal/templates';
import type { Vault } from '../../main/vault/vault';
import { bundledChildren } from '../support/kill-child';
import { tempDir } from '../support/temp';
import { prng } from '../support/prng';

/**
 * Migrations 0010 and 0018 each rebuild the whole search index, which takes tens of seconds in a large
 * journal, on the first unlock after an update: long enough for the app to be closed, the computer to
 * sleep (the worker is then ended) or the power to go. Killed at any moment, the journal must be as it
 * was before the one that was running: version 9 or 17, its index whole and finding what it found;
 * the next run completes it.
 */

const KILLS = 10;
const bundled = bundledChildren(['migrator'], 'migrator-child-');

/** Runs the migrator; kills it `killAfterMs` after it starts migrating, unless it has finished by then. */
function runMigrator(dbPath: string, keyHex: string, killAfterMs: number | null): Promise<{ doneMs: number | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bundled('migrator'), dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOLDING_TEST_DB_KEY: keyHex },
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (killAfterMs !== null && out.startsWith('start\n')) {
        timer ??= setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    });
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => (stderr += chunk));
    proc.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const done = /done (\d+)/.exec(out);
      if (signal === 'SIGKILL' || code === 0) resolve({ doneMs: done ? Number(done[1]) : null });
      else reject(new Error(`migrator failed (${String(code)}): ${stderr}`));
    });
    proc.on('error', reject);
  });
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'we', 'zu', 'pe', 'do'];
const QUERIES = ['"kalo"', '"mine"', '"rusa"', '"tivo"', '"wezu"', '"pedo"', '"ka"*', '"kalo mine"', '"risk"'];

/** Each query's matches, by entry number: what the index finds. */
function findings(db: DB): number[][] {
  const find = db.prepare('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid').pluck();
  return QUERIES.map((query) => find.all(query) as number[]);
}

function checkWhole(db: DB): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  // Throws SQLITE_CORRUPT_VTAB when the index and the entries disagree.
  expect(() => db.exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
}

describe('migrations 0010 and 0018 under SIGKILL', () => {
  it(`leave the journal at version 9 or 17 with its index whole, across ${KILLS} kills, then complete`, async () => {
    const dir = await tempDir('holding-migration-kill-');
    const dbPath = path.join(dir, 'holding.db');
    const keyHex = randomBytes(32).toString('hex');
    const key = () => Uint8Array.from(Buffer.from(keyHex, 'hex'));
    const before = migrations.indexOf(migration0010);
    // The version 0018 brings, as migrations.indexOf(migration0010) is the one 0010 starts from.
    const prefixes = migrations.indexOf(migration0018) + 1;

    // A journal as the version before left it: the old index (prefix indexes, FTS5 secure-delete).
    let db = openEncryptedDatabase(dbPath, key(), { create: true });
    migrate(db, migrations.slice(0, before));
    const vault = { db: () => db } as unknown as Vault;
    const journal = new JournalService(vault, new TemplateService(vault));
    const rand = prng(17);
    const prose = (words: number) =>
      Array.from({ length: words }, () =>
        Array.from({ length: 2 + Math.floor(rand() * 2) }, () => SYLLABLES[Math.floor(rand() * 12)]).join(''),
      ).join(' ');
    db.transaction(() => {
      for (let i = 0; i < 1500; i += 1) {
        const entry = journal.create({});
        journal.save({
          id: entry.id,
          title: prose(3),
          body: docFromParagraphs([prose(120), prose(80)]),
          eventDate: null,
          tags: i % 7 === 0 ? ['risk'] : [],
          bringToSupervision: false,
          containsClientMaterial: false,
          pinned: i % 50 === 0,
        });
        if (i % 40 === 0) journal.trash(entry.id);
      }
    })();
    const expected = findings(db);
    expect(expected.every((rows) => rows.length > 0)).toBe(true);
    const oldSql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").pluck().get();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    // Each kill on a fresh copy, at a point spread over the migration's length here (measured, and
    // measured again whenever a run finishes before its kill: this machine's speed varies).
    const work = path.join(dir, 'work.db');
    const fresh = () => {
      for (const file of [work, `${work}-wal`, `${work}-shm`]) rmSync(file, { force: true });
      copyFileSync(dbPath, work);
    };
    fresh();
    let estimate = (await runMigrator(work, keyHex, null)).doneMs!;
    let midway = 0;
    // Which rebuild each kill landed in (they take about as long as each other: both are hit).
    const killedIn = { first: 0, second: 0 };
    for (let i = 0; i < KILLS; i += 1) {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        fresh();
        const { doneMs } = await runMigrator(work, keyHex, (estimate * (i + 0.5)) / KILLS);
        if (doneMs !== null) {
          estimate = Math.min(estimate, doneMs);
          continue;
        }
        db = openEncryptedDatabase(work, key(), { create: false });
        try {
          checkWhole(db);
          expect(findings(db), `after kill ${i + 1}`).toEqual(expected);
          // Killed after a commit, before it could say so, or between the rebuilds, in the small migrations
          // (which take a moment): not what this test is for, so that kill is tried again.
          const version = currentVersion(db);
          const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").pluck().get();
          if (version === before) {
            // Killed while 0010 rebuilt the index: the old one, whole and unchanged.
            expect(sql).toBe(oldSql);
            expect(db.prepare("SELECT v FROM entries_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
            killedIn.first += 1;
          } else if (version === prefixes - 1) {
            // Killed while 0018 rebuilt it with prefix indexes: 0010's, whole and unchanged.
            expect(sql).not.toContain('prefix');
            killedIn.second += 1;
          } else {
            continue;
          }
        } finally {
          db.close();
        }
        midway += 1;
        break;
      }
    }
    expect(midway).toBeGreaterThanOrEqual(KILLS - 2);
    expect(killedIn.first).toBeGreaterThanOrEqual(2);
    expect(killedIn.second).toBeGreaterThanOrEqual(2);

    // The next unlock completes it (on the last killed copy, its WAL recovered), with the same findings.
    expect((await runMigrator(work, keyHex, null)).doneMs).not.toBeNull();
    db = openEncryptedDatabase(work, key(), { create: false });
    try {
      expect(currentVersion(db)).toBe(migrations.length);
      // 0010's index, then 0018's with its prefix indexes.
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").pluck().get()).toContain(
        "prefix = '2 3 4 5 6'",
      );
      checkWhole(db);
      expect(findings(db)).toEqual(expected);
    } finally {
      db.close();
    }
  }, 180_000);
});
