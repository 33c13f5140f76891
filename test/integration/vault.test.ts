import { existsSync, promises as fs, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { openEncryptedDatabase } from '../../main/db/open';
import { kdfAffordable, moderateKdf, sodiumReady } from '../../main/vault/crypto';
import { readKeyFile } from '../../main/vault/key-file';
import { Vault } from '../../main/vault/vault';
import { NEW_PASSPHRASE, PASSPHRASE, tempDir } from '../support/temp';
import { unlockedServices } from '../support/vault';

const MARKER = 'PLAINTEXT-MARKER-7f3a9c';
const SQLITE_HEADER = 'SQLite format 3\0';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

function writeMarker(vault: Vault, rows = 50): void {
  const insert = vault.db().prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
  vault.db().transaction(() => {
    for (let i = 0; i < rows; i++)
      insert.run(`marker-${i}`, JSON.stringify(`${MARKER} ${i}`), new Date().toISOString());
  })();
}

/** A vault in a fresh temporary folder, with no journal made in it yet. */
async function newVault(): Promise<{ dataDir: string; vault: Vault }> {
  const dataDir = await tempDir();
  return { dataDir, vault: new Vault({ dataDir, inProcess: true }) };
}

/** A vault in a fresh temporary folder with a journal just made in it under PASSPHRASE, unlocked. */
async function createdVault(): Promise<{ dataDir: string; vault: Vault }> {
  const made = await newVault();
  await made.vault.create(PASSPHRASE);
  return made;
}

describe('vault', () => {
  it('creates, locks and unlocks again with the passphrase', async () => {
    const { vault } = await newVault();
    expect((await vault.status()).state).toBe('none');
    const { recoveryKey } = await vault.create(PASSPHRASE);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect((await vault.status()).state).toBe('unlocked');
    writeMarker(vault, 1);

    vault.lock('manual');
    expect(await vault.status()).toEqual({ state: 'locked', lastLockReason: 'manual' });

    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).state).toBe('unlocked');
    const row = vault.db().prepare('SELECT value FROM settings WHERE key = ?').pluck().get('marker-0');
    expect(row).toBe(JSON.stringify(`${MARKER} 0`));
    vault.lock();
  });

  it('refuses a wrong passphrase clearly and creates no file', async () => {
    const { dataDir, vault } = await createdVault();
    vault.lock();
    const before = readdirSync(dataDir).sort();
    const dbBefore = readFileSync(path.join(dataDir, 'holding.db'));

    await expectCode(vault.unlock('not the right passphrase at all'), 'WRONG_PASSPHRASE');
    await expect(vault.unlock('not the right passphrase at all')).rejects.toThrow(/did not open your journal/);

    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(readFileSync(path.join(dataDir, 'holding.db')).equals(dbBefore)).toBe(true);
    expect((await vault.status()).state).toBe('locked');
    expect(() => vault.db()).toThrow(/locked/i);
  });

  it('never makes a database in a folder with no journal', async () => {
    const { dataDir, vault } = await newVault();
    await expectCode(vault.unlock(PASSPHRASE), 'NO_VAULT');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses to open the database with the wrong raw key and leaves it unchanged', async () => {
    const { dataDir, vault } = await createdVault();
    vault.lock();
    const dbFile = path.join(dataDir, 'holding.db');
    const before = readFileSync(dbFile);
    expect(() => openEncryptedDatabase(dbFile, new Uint8Array(32).fill(7), { create: false })).toThrow(
      /does not open the journal file beside it/,
    );
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(['holding.db', 'holding.key', 'holding.opened']);
  });

  it('keeps the marker and the SQLite header out of the database, WAL and SHM files', async () => {
    const { dataDir, vault } = await createdVault();
    writeMarker(vault, 200);
    // Read the files while the database is open, so the WAL and SHM exist and hold recent pages.
    const files = readdirSync(dataDir).filter((f) => f.startsWith('holding.db'));
    expect(files.sort()).toEqual(['holding.db', 'holding.db-shm', 'holding.db-wal']);
    for (const file of files) {
      const bytes = readFileSync(path.join(dataDir, file));
      expect(bytes.length, file).toBeGreaterThan(0);
      expect(bytes.includes(MARKER), `${file} contains the marker`).toBe(false);
      expect(bytes.includes('PLAINTEXT-MARKER'), `${file} contains part of the marker`).toBe(false);
      expect(bytes.includes(SQLITE_HEADER), `${file} contains the SQLite header`).toBe(false);
    }
    vault.lock();
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(path.join(dataDir, file));
      expect(bytes.includes(MARKER), `${file} after lock`).toBe(false);
      expect(bytes.includes(SQLITE_HEADER), `${file} after lock`).toBe(false);
    }
    // And plain SQLite cannot read it.
    const plain = new Database(path.join(dataDir, 'holding.db'), { fileMustExist: true });
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow();
    plain.close();
  });

  it.skipIf(process.platform !== 'linux')(
    'sets the durability and privacy pragmas, and a large sort writes no temp file',
    async () => {
      const { vault } = await createdVault();
      const db = vault.db();
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('cipher', { simple: true })).toBe('aegis');
      expect(db.pragma('algorithm', { simple: true })).toBe('aegis-256');

      // SQLite unlinks its temp files the moment it opens them, so look at this process's open
      // file descriptors from inside the query, while the sorter still holds them.
      const openTempFiles = (): number =>
        readdirSync('/proc/self/fd').filter((fd) => {
          try {
            // SQLite picks SQLITE_TMPDIR, TMPDIR, /var/tmp, /usr/tmp or /tmp; its files are etilqs_*.
            return readlinkSync(`/proc/self/fd/${fd}`).includes('etilqs_');
          } catch {
            return false;
          }
        }).length;
      db.function('open_temp_files', { deterministic: false }, () => openTempFiles());
      db.pragma('cache_size = -512'); // a small cache makes a sort spill early if it is allowed to
      const sortedProbe = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
      SELECT open_temp_files() AS files FROM (SELECT i, hex(randomblob(64)) AS r FROM n ORDER BY r) LIMIT 1`;

      // The probe can see a spill: with temp_store = FILE the same sort opens temp files.
      db.pragma('temp_store = FILE');
      expect((db.prepare(sortedProbe).get() as { files: number }).files).toBeGreaterThan(0);
      // With the setting Holding uses, nothing is written.
      db.pragma('temp_store = MEMORY');
      expect((db.prepare(sortedProbe).get() as { files: number }).files).toBe(0);
      vault.lock();
    },
  );

  it('stores Argon2id parameters at least at MODERATE, versioned, in the key file', async () => {
    await sodiumReady();
    const { dataDir, vault } = await createdVault();
    vault.lock();
    const keyFile = await readKeyFile(path.join(dataDir, 'holding.key'));
    expect(keyFile.format).toBe('holding.key');
    expect(keyFile.version).toBe(1);
    expect(keyFile.passphrase.kdf.algorithm).toBe('argon2id13');
    expect(keyFile.passphrase.kdf.opsLimit).toBeGreaterThanOrEqual(moderateKdf().opsLimit);
    expect(keyFile.passphrase.kdf.memLimitBytes).toBeGreaterThanOrEqual(256 * 1024 * 1024);
    const text = readFileSync(path.join(dataDir, 'holding.key'), 'utf8');
    expect(text).not.toContain(PASSPHRASE);
    expect((await fs.stat(path.join(dataDir, 'holding.key'))).mode & 0o077).toBe(0);
  });

  it('changes the passphrase without touching the database bytes; old fails, new and recovery key work', async () => {
    const { dataDir, vault } = await newVault();
    const { recoveryKey } = await vault.create(PASSPHRASE);
    writeMarker(vault, 5);
    vault.lock();
    await vault.unlock(PASSPHRASE);
    const dbFile = path.join(dataDir, 'holding.db');
    const walFile = `${dbFile}-wal`;
    const dbBefore = readFileSync(dbFile);
    const walBefore = readFileSync(walFile);

    await expectCode(vault.keys.changePassphrase('a wrong current passphrase', NEW_PASSPHRASE), 'WRONG_PASSPHRASE');
    await expectCode(vault.keys.changePassphrase(PASSPHRASE, 'short'), 'WEAK_PASSPHRASE');
    await vault.keys.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);

    expect(readFileSync(dbFile).equals(dbBefore)).toBe(true);
    expect(readFileSync(walFile).equals(walBefore)).toBe(true);
    vault.lock();

    await expectCode(vault.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await vault.unlock(NEW_PASSPHRASE);
    expect(vault.db().prepare('SELECT count(*) FROM settings').pluck().get()).toBe(5);
    vault.lock();
    await vault.unlockWithRecoveryKey(recoveryKey);
    expect(vault.isUnlocked()).toBe(true);
    vault.lock();
  });

  it('unlocks with the recovery key however it is typed, and tells a typo from a wrong key', async () => {
    const { vault } = await newVault();
    const { recoveryKey } = await vault.create(PASSPHRASE);
    vault.lock();

    await vault.unlockWithRecoveryKey(` ${recoveryKey.toLowerCase().replaceAll('-', ' ')}\n`);
    expect(vault.isUnlocked()).toBe(true);
    vault.lock();

    const lastChar = recoveryKey.at(-1)!;
    const typo = recoveryKey.slice(0, -1) + (lastChar === '0' ? '1' : '0');
    await expectCode(vault.unlockWithRecoveryKey(typo), 'MALFORMED_RECOVERY_KEY');

    const other = new Vault({ dataDir: await tempDir(), inProcess: true });
    const { recoveryKey: otherKey } = await other.create(PASSPHRASE);
    other.lock();
    await expectCode(vault.unlockWithRecoveryKey(otherKey), 'WRONG_RECOVERY_KEY');
    expect(vault.isUnlocked()).toBe(false);
  });

  it('resets a forgotten passphrase with the recovery key', async () => {
    const { vault } = await newVault();
    const { recoveryKey } = await vault.create(PASSPHRASE);
    writeMarker(vault, 3);
    vault.lock();

    await expectCode(vault.resetPassphrase(recoveryKey, 'tiny'), 'WEAK_PASSPHRASE');
    expect(vault.isUnlocked()).toBe(false);
    await vault.resetPassphrase(recoveryKey, NEW_PASSPHRASE);
    expect(vault.isUnlocked()).toBe(true);
    expect(vault.db().prepare('SELECT count(*) FROM settings').pluck().get()).toBe(3);
    vault.lock();
    await expectCode(vault.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await vault.unlock(NEW_PASSPHRASE);
    vault.lock();
  });

  it('locking closes the database, wipes the key and makes every data call fail with locked', async () => {
    const { vault } = await createdVault();
    const db = vault.db();
    const keyRef = (vault as unknown as { dataKey: Uint8Array }).dataKey;
    expect(keyRef.some((b) => b !== 0)).toBe(true);
    const reasons: string[] = [];
    vault.onLock((r) => reasons.push(r));

    vault.lock('idle');
    expect(db.open).toBe(false);
    expect(keyRef.every((b) => b === 0)).toBe(true);
    expect(() => vault.db()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(reasons).toEqual(['idle']);
    expect((await vault.status()).lastLockReason).toBe('idle');
    vault.lock('manual'); // already locked: no second event
    expect(reasons).toEqual(['idle']);
  });

  it('refuses to create over an existing journal', async () => {
    const { dataDir, vault } = await createdVault();
    vault.lock();
    await expectCode(new Vault({ dataDir, inProcess: true }).create(NEW_PASSPHRASE), 'VAULT_EXISTS');
    await vault.unlock(PASSPHRASE);
    vault.lock();
  });

  it('refuses a weak passphrase when creating and writes nothing', async () => {
    const dataDir = await tempDir();
    await expectCode(new Vault({ dataDir, inProcess: true }).create('password123'), 'WEAK_PASSPHRASE');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('sets aside a database left without a key file by an interrupted set-up', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, 'holding.db'), 'left over');
    const vault = new Vault({ dataDir, inProcess: true });
    await vault.create(PASSPHRASE);
    vault.lock();
    const files = readdirSync(dataDir);
    expect(files.some((f) => f.startsWith('holding.db.orphaned-'))).toBe(true);
    await vault.unlock(PASSPHRASE);
    vault.lock();
  });

  it('refuses a damaged or weakened key file with a clear message', async () => {
    const { dataDir, vault } = await createdVault();
    vault.lock();
    const keyPath = path.join(dataDir, 'holding.key');
    const original = readFileSync(keyPath, 'utf8');

    await fs.writeFile(keyPath, '{ not json');
    await expectCode(vault.unlock(PASSPHRASE), 'KEY_FILE_INVALID');

    const weakened = JSON.parse(original) as { passphrase: { kdf: { opsLimit: number } } };
    weakened.passphrase.kdf.opsLimit = 1;
    await fs.writeFile(keyPath, JSON.stringify(weakened));
    await expectCode(vault.unlock(PASSPHRASE), 'KEY_FILE_INVALID');

    const future = { ...(JSON.parse(original) as object), version: 99 };
    await fs.writeFile(keyPath, JSON.stringify(future));
    await expect(vault.unlock(PASSPHRASE)).rejects.toThrow(/newer version of Holding/);

    const tampered = JSON.parse(original) as { passphrase: { wrappedKey: string } };
    const bytes = Buffer.from(tampered.passphrase.wrappedKey, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    tampered.passphrase.wrappedKey = bytes.toString('base64');
    await fs.writeFile(keyPath, JSON.stringify(tampered));
    await expectCode(vault.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');

    await fs.writeFile(keyPath, original);
    await vault.unlock(PASSPHRASE);
    vault.lock();
  });

  it('refuses a database written by a newer version, untouched', async () => {
    const { dataDir, vault } = await createdVault();
    vault.db().pragma('user_version = 999');
    vault.lock();
    const dbFile = path.join(dataDir, 'holding.db');
    const before = readFileSync(dbFile);
    await expect(vault.unlock(PASSPHRASE)).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof AppError && e.code === 'DATABASE_FROM_FUTURE' && /newer version of Holding/.test(e.message),
    );
    expect(vault.isUnlocked()).toBe(false);
    expect(readFileSync(dbFile).equals(before)).toBe(true);
  });

  it('says so kindly when the key is right but the journal file is missing', async () => {
    const { dataDir, vault } = await createdVault();
    vault.lock();
    await fs.rm(path.join(dataDir, 'holding.db'));
    await expectCode(vault.unlock(PASSPHRASE), 'DATABASE_UNREADABLE');
    expect(readdirSync(dataDir).sort()).toEqual(['holding.key', 'holding.opened']);
  });
});

describe('vault: the right key with the wrong database', () => {
  it('refuses an empty journal file, and a journal with another vault’s id, without writing to either', async () => {
    const { dataDir, vault } = await createdVault();
    vault.lock();
    const dbFile = path.join(dataDir, 'holding.db');
    const original = readFileSync(dbFile);

    await fs.writeFile(dbFile, '');
    await expectCode(vault.unlock(PASSPHRASE), 'DATABASE_UNREADABLE');
    expect(readFileSync(dbFile).length).toBe(0);
    expect(readdirSync(dataDir).sort()).toEqual(['holding.db', 'holding.key', 'holding.opened']);

    // A journal opened by the right key but carrying another vault's id is refused, without a write.
    await fs.writeFile(dbFile, original);
    await vault.unlock(PASSPHRASE);
    vault.db().exec("UPDATE vault_meta SET value = 'someone-else' WHERE key = 'vault_id'");
    vault.lock();
    const foreign = readFileSync(dbFile);
    await expect(vault.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'DATABASE_UNREADABLE',
      message: expect.stringMatching(/does not belong to this key file/),
    });
    expect(readFileSync(dbFile).equals(foreign)).toBe(true);

    await fs.writeFile(dbFile, original);
    await vault.unlock(PASSPHRASE);
    vault.lock();
  });

  it('creates the database private to its owner', async () => {
    const { dataDir, vault } = await createdVault();
    for (const f of ['holding.db', 'holding.db-wal', 'holding.db-shm', 'holding.key']) {
      expect((await fs.stat(path.join(dataDir, f))).mode & 0o077, f).toBe(0);
    }
    vault.lock();
  });

  it('honours a lock that arrives while an unlock is finishing', async () => {
    const { vault } = await createdVault();
    vault.lock();
    const unlocking = vault.unlock(PASSPHRASE);
    vault.lock('suspend');
    await unlocking;
    expect(vault.isUnlocked()).toBe(false);
    await vault.unlock(PASSPHRASE);
    expect(vault.isUnlocked()).toBe(true);
    vault.lock();
  });
});

describe('vault: damaged files and older copies, in plain words (issue 19)', () => {
  async function lockedVault() {
    const { dataDir, vault } = await newVault();
    const { recoveryKey } = await vault.create(PASSPHRASE);
    vault.lock();
    const keyPath = path.join(dataDir, 'holding.key');
    return { dataDir, vault, recoveryKey, keyPath, original: readFileSync(keyPath, 'utf8') };
  }
  const reason = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : `not an AppError: ${String(e)}`),
    );

  it('an empty or cut-short wrapped key is damage to the key file, and the other secret still opens it', async () => {
    const { vault, recoveryKey, keyPath, original } = await lockedVault();
    const withWrap = (which: 'passphrase' | 'recovery', wrappedKey: string) => {
      const file = JSON.parse(original) as Record<typeof which, { wrappedKey: string }>;
      file[which].wrappedKey = wrappedKey;
      return fs.writeFile(keyPath, JSON.stringify(file));
    };
    const full = (JSON.parse(original) as { passphrase: { wrappedKey: string } }).passphrase.wrappedKey;
    const cut = Buffer.from(full, 'base64').subarray(0, 40).toString('base64');

    for (const wrap of ['', cut]) {
      await withWrap('passphrase', wrap);
      expect(await reason(vault.unlock(PASSPHRASE))).toBe(
        'KEY_FILE_INVALID: The part of the key file that your passphrase opens is damaged or cut short, so it cannot open your journal. Your journal itself is untouched: your recovery key may still open it, or, if you have a backup, restoring it brings back a whole key file.',
      );
      await vault.unlockWithRecoveryKey(recoveryKey);
      vault.lock();

      await fs.writeFile(keyPath, original);
      await withWrap('recovery', wrap);
      expect(await reason(vault.unlockWithRecoveryKey(recoveryKey))).toMatch(
        /^KEY_FILE_INVALID: The part of the key file that your recovery key opens is damaged or cut short.*your passphrase may still open it/,
      );
      await vault.unlock(PASSPHRASE);
      vault.lock();
      await fs.writeFile(keyPath, original);
    }
  });

  it('a key file asking for more Argon2id work than a laptop can afford is refused before any is done', async () => {
    const { vault, keyPath, original } = await lockedVault();
    const GiB = 1024 * 1024 * 1024;
    for (const [opsLimit, memLimitBytes] of [
      [20, GiB], // issue 19: 24 s and 1.2 GB per attempt
      [3, 2 * GiB],
      [17, 256 * 1024 * 1024],
      [5, GiB],
    ] as const) {
      const file = JSON.parse(original) as { passphrase: { kdf: { opsLimit: number; memLimitBytes: number } } };
      Object.assign(file.passphrase.kdf, { opsLimit, memLimitBytes });
      await fs.writeFile(keyPath, JSON.stringify(file));
      const started = performance.now();
      expect(await reason(vault.unlock(PASSPHRASE))).toMatch(
        /^KEY_FILE_INVALID: The key file in this folder asks for far more memory and time to check a passphrase than Holding ever uses/,
      );
      expect(performance.now() - started).toBeLessThan(500);
    }
    await fs.writeFile(keyPath, original);
    await vault.unlock(PASSPHRASE);
    vault.lock();
  });

  it('the ceilings: libsodium’s SENSITIVE preset at most, and MODERATE always', async () => {
    await sodiumReady();
    const GiB = 1024 * 1024 * 1024;
    expect(kdfAffordable(moderateKdf())).toBe(true);
    expect(kdfAffordable({ opsLimit: 4, memLimitBytes: GiB })).toBe(true);
    expect(kdfAffordable({ opsLimit: 16, memLimitBytes: GiB / 4 })).toBe(true);
    expect(kdfAffordable({ opsLimit: 5, memLimitBytes: GiB })).toBe(false);
    expect(kdfAffordable({ opsLimit: 1, memLimitBytes: GiB + 1 })).toBe(false);
  });

  it('damaged pages in the journal file say it looks damaged and to restore a backup, never "something went wrong"', async () => {
    const services = await unlockedServices();
    const sender = { isMainFrame: true, url: 'holding://app/' };
    for (let i = 0; i < 150; i++) {
      await services.router('journal:create', { title: `Entry ${i} ${'word '.repeat(55)}` }, sender);
    }
    services.vault.lock();
    const dbFile = path.join(services.dataDir, 'holding.db');
    const bytes = readFileSync(dbFile);
    // A byte changed in every page but the first (which says what the file is): each fails its check.
    for (let page = 1; page < bytes.length / 4096; page++) bytes[page * 4096 + 200] = bytes[page * 4096 + 200]! ^ 0x5a;
    await fs.writeFile(dbFile, bytes);

    const answers = [await services.router('vault:unlock', { passphrase: PASSPHRASE }, sender)];
    if (answers[0]!.ok) answers.push(await services.router('journal:list', {}, sender));
    const failures = answers.filter((a) => !a.ok).map((a) => (a as { error: { code: string; message: string } }).error);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure).toEqual({
        code: 'DATABASE_DAMAGED',
        message: expect.stringMatching(
          /^Part of your journal file looks damaged, so Holding could not read it, and nothing was changed\. If you have a backup, restoring it/,
        ),
      });
    }
    services.dispose();
  });

  it('says when the journal opened is older than the one this computer last opened, once, and never keeps anyone out', async () => {
    let clock = new Date('2026-11-01T09:00:00.000Z');
    const dataDir = await tempDir();
    const vault = new Vault({ dataDir, inProcess: true, now: () => clock });
    await vault.create(PASSPHRASE);
    writeMarker(vault, 1);
    vault.lock();
    const dbFile = path.join(dataDir, 'holding.db');
    const oldCopy = readFileSync(dbFile);

    clock = new Date('2026-11-20T09:00:00.000Z');
    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).olderCopy).toBeUndefined();
    vault
      .db()
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('later', '1', ?)")
      .run(clock.toISOString());
    vault.lock();

    // The old copy put back in place of the newer journal.
    const newCopy = readFileSync(dbFile);
    await fs.writeFile(dbFile, oldCopy);
    clock = new Date('2026-12-01T09:00:00.000Z');
    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).olderCopy).toEqual({
      lastOpenedHere: '2026-11-20T09:00:00.000Z',
      thisCopyLastOpened: '2026-11-01T09:00:00.000Z',
    });
    // Locked before it was read: it comes again at the next unlock.
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).olderCopy).toBeDefined();
    vault.lock();
    // Following the notice's advice, the newer copy is put back: it is not called the older one.
    await fs.writeFile(dbFile, newCopy);
    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).olderCopy).toBeUndefined();
    vault.lock();
    // And the old copy once more, on purpose: said again; read and understood, this copy becomes the newest
    // opened here, and the notice does not come again for it.
    await fs.writeFile(dbFile, oldCopy);
    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).olderCopy).toBeDefined();
    await vault.olderCopySeen();
    expect((await vault.status()).olderCopy).toBeUndefined();
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).olderCopy).toBeUndefined();
    vault.lock();

    // A key file whose writing a crash interrupted left a temporary file: tidied away at unlock.
    const leftover = path.join(dataDir, '.holding.key.0a1b2c3d4e5f.tmp');
    await fs.writeFile(leftover, '');
    await fs.utimes(leftover, new Date(2026, 0, 1), new Date(2026, 0, 1));
    await vault.unlock(PASSPHRASE);
    expect(existsSync(leftover)).toBe(false);
    vault.lock();

    // A record that is garbage, or cannot be written, is passed over: the journal opens as ever.
    const record = path.join(dataDir, 'holding.opened');
    await fs.writeFile(record, '{"format": "holding.opened", "format": "x"}');
    await vault.unlock(PASSPHRASE);
    expect((await vault.status()).olderCopy).toBeUndefined();
    vault.lock();
    await fs.rm(record);
    await fs.mkdir(record);
    await vault.unlock(PASSPHRASE);
    expect(vault.isUnlocked()).toBe(true);
    vault.lock();
  });
});

describe('vault: a new recovery key (issue 19)', () => {
  it('replaces the recovery key: the old one is refused afterwards, the new one opens, the database is untouched', async () => {
    const { dataDir, vault } = await newVault();
    const { recoveryKey: old } = await vault.create(PASSPHRASE);
    writeMarker(vault, 2);
    const keyBefore = readFileSync(path.join(dataDir, 'holding.key'), 'utf8');
    const dbFile = path.join(dataDir, 'holding.db');
    const dbBefore = readFileSync(dbFile);

    await expectCode(vault.keys.newRecoveryKey('not my passphrase'), 'WRONG_PASSPHRASE');
    expect(readFileSync(path.join(dataDir, 'holding.key'), 'utf8')).toBe(keyBefore);
    const { recoveryKey: fresh, token } = await vault.keys.newRecoveryKey(PASSPHRASE);
    expect(fresh).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(fresh).not.toBe(old);
    // Shown, not yet confirmed: nothing is written, and the old key still opens.
    expect(readFileSync(path.join(dataDir, 'holding.key'), 'utf8')).toBe(keyBefore);
    await expectCode(vault.keys.keepNewRecoveryKey('00000000-0000-4000-8000-000000000000'), 'CHANGED');
    await vault.keys.keepNewRecoveryKey(token);
    // Confirmed once only.
    await expectCode(vault.keys.keepNewRecoveryKey(token), 'CHANGED');
    expect(readFileSync(dbFile).equals(dbBefore)).toBe(true);
    const after = JSON.parse(readFileSync(path.join(dataDir, 'holding.key'), 'utf8')) as Record<string, unknown>;
    const before = JSON.parse(keyBefore) as Record<string, unknown>;
    expect(after['passphrase']).toEqual(before['passphrase']);
    expect(after['recovery']).not.toEqual(before['recovery']);
    vault.lock();

    await expectCode(vault.unlockWithRecoveryKey(old), 'WRONG_RECOVERY_KEY');
    await vault.unlockWithRecoveryKey(fresh);
    expect(vault.db().prepare("SELECT count(*) FROM settings WHERE key LIKE 'marker-%'").pluck().get()).toBe(2);
    vault.lock();
    await vault.unlock(PASSPHRASE);
    await expectCode(vault.resetPassphrase(old, NEW_PASSPHRASE), 'WRONG_RECOVERY_KEY');
    vault.lock();

    // What the security model says plainly: a copy of the key file from before still opens with the old key.
    await fs.writeFile(path.join(dataDir, 'holding.key'), keyBefore);
    await vault.unlockWithRecoveryKey(old);
    expect(vault.isUnlocked()).toBe(true);
    vault.lock();
  });

  it('writes nothing until the new key is confirmed: someone who closes the window half-way keeps the key they had', async () => {
    const { dataDir, vault } = await newVault();
    const { recoveryKey: old } = await vault.create(PASSPHRASE);
    const keyBefore = readFileSync(path.join(dataDir, 'holding.key'), 'utf8');
    const { recoveryKey: unseen, token } = await vault.keys.newRecoveryKey(PASSPHRASE);
    // The window closes (or Holding locks) before the person has checked the new key.
    vault.lock();
    expect(readFileSync(path.join(dataDir, 'holding.key'), 'utf8')).toBe(keyBefore);
    await expectCode(vault.unlockWithRecoveryKey(unseen), 'WRONG_RECOVERY_KEY');
    await vault.unlockWithRecoveryKey(old);
    // The confirmation that comes too late is refused, and still nothing changes.
    await expectCode(vault.keys.keepNewRecoveryKey(token), 'CHANGED');
    expect(readFileSync(path.join(dataDir, 'holding.key'), 'utf8')).toBe(keyBefore);
    // A second new key asked for replaces the first one shown: only the last can be kept.
    const first = await vault.keys.newRecoveryKey(PASSPHRASE);
    const second = await vault.keys.newRecoveryKey(PASSPHRASE);
    await expectCode(vault.keys.keepNewRecoveryKey(first.token), 'CHANGED');
    await vault.keys.keepNewRecoveryKey(second.token);
    vault.lock();
    await expectCode(vault.unlockWithRecoveryKey(first.recoveryKey), 'WRONG_RECOVERY_KEY');
    await vault.unlockWithRecoveryKey(second.recoveryKey);
    vault.lock();
  });
});
