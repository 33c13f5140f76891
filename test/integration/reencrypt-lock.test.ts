/**
 * Re-encrypting and locking (issue 19, after review): a lock can never be refused, whatever the journal's
 * connection is doing; the row check never holds a query open on the open journal; the new key is given to
 * SQLite as bytes; and a journal re-encrypted but not reopened is left locked, its keys wiped.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { AppError, LockedError } from '../../common/errors';
import { keyDatabase, openEncryptedDatabase, rekeyDatabase } from '../../main/db/open';
import { KEY_BYTES, randomBytes, sodiumReady } from '../../main/vault/crypto';
import { Vault } from '../../main/vault/vault';
import { fillJournal, journalServices, tableHashes } from '../support/children/backup-fixture';
import { NEW_PASSPHRASE, PASSPHRASE, tempDir } from '../support/temp';

/** Enough rows that checking them all takes many slices (each a pause for the event loop). */
function fillMany(s: Awaited<ReturnType<typeof journalServices>>, rows = 60_000): void {
  const live = s.vault.db();
  live.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, v BLOB)');
  live.exec(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows}) INSERT INTO filler SELECT i, randomblob(32) FROM n`,
  );
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value, error: null as unknown }),
    (error: unknown) => ({ value: null, error }),
  );

describe('locking during a re-encryption', () => {
  it('locks at once while the rows are being checked, and the journal is as it was', async () => {
    const s = await journalServices();
    fillJournal(s, 2);
    fillMany(s);
    const before = tableHashes(s.vault.db());
    const { token } = await s.vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    const locks: string[] = [];
    s.vault.onLock((reason) => locks.push(reason));
    let lockError: unknown = null;
    const steps: string[] = [];
    const result = await settle(
      s.vault.keys.reencrypt(token, undefined, {
        onStep: (step) => {
          steps.push(step);
          // The first pause comes part-way through the row check.
          if (step === 'snapshot')
            setImmediate(() => {
              try {
                s.vault.lock('manual');
              } catch (error) {
                lockError = error;
              }
            });
        },
      }),
    );
    expect(lockError).toBeNull();
    expect(result.error).toBeInstanceOf(LockedError);
    expect(steps).toEqual(['snapshot']);
    expect(locks).toEqual(['manual']);
    expect(s.vault.isUnlocked()).toBe(false);
    // Nothing changed: the old passphrase opens the journal, with every row as it was.
    await s.vault.unlock(PASSPHRASE);
    expect(tableHashes(s.vault.db())).toEqual(before);
  }, 120_000);

  it('never refuses a lock, even with a statement part-way through the rows', async () => {
    const s = await journalServices();
    fillJournal(s, 2);
    fillMany(s, 5_000);
    const live = s.vault.db();
    const locks: string[] = [];
    s.vault.onLock((reason) => locks.push(reason));
    const rows = live.prepare('SELECT id FROM filler').iterate();
    rows.next();
    expect(() => s.vault.lock('suspend')).not.toThrow();
    expect(locks).toEqual(['suspend']);
    expect(s.vault.isUnlocked()).toBe(false);
    expect(() => s.vault.db()).toThrow(LockedError);
    expect(() => s.vault.useKey(() => 1)).toThrow(LockedError);
    // The connection closes as soon as the statement lets it go.
    expect(live.open).toBe(true);
    rows.return?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(live.open).toBe(false);
    await s.vault.unlock(PASSPHRASE);
    expect(s.vault.isUnlocked()).toBe(true);
  }, 60_000);

  it('stops when asked part-way through the row check', async () => {
    const s = await journalServices();
    fillMany(s);
    const { token } = await s.vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    const controller = new AbortController();
    const steps: string[] = [];
    const progress: number[] = [];
    const result = await settle(
      s.vault.keys.reencrypt(
        token,
        { signal: controller.signal, progress: (done) => progress.push(done) },
        {
          onStep: (step) => {
            steps.push(step);
            if (step === 'snapshot') setImmediate(() => controller.abort());
          },
        },
      ),
    );
    expect((result.error as AppError).code).toBe('CANCELLED');
    // Stopped within the check, before it reported the rows checked.
    expect(progress.filter((done) => done >= 450)).toEqual([]);
    expect(steps).toEqual(['snapshot']);
    s.journal.create({ title: 'Still writing' });
  }, 120_000);

  it('is left locked, its keys wiped, if the re-encrypted journal will not open again', async () => {
    const s = await journalServices();
    fillJournal(s, 2);
    const before = tableHashes(s.vault.db());
    const { token } = await s.vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    const locks: string[] = [];
    s.vault.onLock((reason) => locks.push(reason));
    const db = path.join(s.dataDir, 'holding.db');
    const result = await settle(
      s.vault.keys.reencrypt(token, undefined, { onStep: (step) => step === 'done' && renameSync(db, `${db}.away`) }),
    );
    renameSync(`${db}.away`, db);
    expect(result.error).toBeInstanceOf(AppError);
    expect((result.error as AppError).message).toMatch(/re-encrypted.*new passphrase/);
    expect(s.vault.isUnlocked()).toBe(false);
    expect((await s.vault.status()).state).toBe('locked');
    expect(locks).toEqual(['manual']);
    expect(() => s.vault.useKey(() => 1)).toThrow(LockedError);
    await expect(s.vault.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await s.vault.unlock(NEW_PASSPHRASE);
    expect(tableHashes(s.vault.db())).toEqual(before);
  }, 60_000);
});

describe('the older-copy notice read during a re-encryption', () => {
  it('is written in turn, to the re-encrypted journal, so the notice does not come again', async () => {
    let clock = new Date('2026-11-01T09:00:00.000Z');
    const dataDir = await tempDir();
    const vault = new Vault({ dataDir, inProcess: true, now: () => clock });
    await vault.create(PASSPHRASE);
    vault.lock();
    const dbFile = path.join(dataDir, 'holding.db');
    const oldCopy = readFileSync(dbFile);
    clock = new Date('2026-11-20T09:00:00.000Z');
    await vault.unlock(PASSPHRASE);
    vault.lock();
    // The old copy put back: the notice is due.
    writeFileSync(dbFile, oldCopy);
    clock = new Date('2026-12-01T09:00:00.000Z');
    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).olderCopy).toBeDefined();

    const { token } = await vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    let seen: Promise<void> | null = null;
    await vault.keys.reencrypt(token, undefined, {
      onStep: (step) => {
        if (step === 'snapshot') seen = vault.olderCopySeen();
      },
    });
    await seen;
    vault.lock();
    await vault.unlock(NEW_PASSPHRASE);
    expect((await vault.status()).olderCopy).toBeUndefined();
    vault.lock();
  }, 120_000);
});

describe('turning down a new key', () => {
  it('forgets the keys made at once: their confirmation is then refused, and nothing changes', async () => {
    const s = await journalServices();
    const reencrypting = await s.vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    await s.vault.keys.forgetPending();
    await expect(s.vault.keys.reencrypt(reencrypting.token)).rejects.toMatchObject({ code: 'CHANGED' });
    const fresh = await s.vault.keys.newRecoveryKey(PASSPHRASE);
    await s.vault.keys.forgetPending();
    await expect(s.vault.keys.keepNewRecoveryKey(fresh.token)).rejects.toMatchObject({ code: 'CHANGED' });
    s.vault.lock();
    await s.vault.unlockWithRecoveryKey(s.recoveryKey);
    expect(s.vault.isUnlocked()).toBe(true);
  }, 60_000);
});

describe('rekeying a copy', () => {
  it('gives SQLite the new key as bytes: the copy opens with it, and not with the old', async () => {
    await sodiumReady();
    const file = path.join(await tempDir(), 'copy.db');
    const oldKey = randomBytes(KEY_BYTES);
    const newKey = randomBytes(KEY_BYTES);
    const created = openEncryptedDatabase(file, oldKey, { create: true });
    created.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('kept')");
    created.pragma('journal_mode = DELETE');
    rekeyDatabase(created, newKey);
    created.close();

    const withNew = new Database(file, { fileMustExist: true });
    keyDatabase(withNew, newKey);
    expect(withNew.prepare('SELECT v FROM t').pluck().get()).toBe('kept');
    withNew.close();
    const withOld = new Database(file, { fileMustExist: true });
    keyDatabase(withOld, oldKey);
    expect(() => withOld.prepare('SELECT v FROM t').get()).toThrow(/not a database/);
    withOld.close();
  });
});
