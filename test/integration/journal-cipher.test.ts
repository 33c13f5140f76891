/**
 * The journal's cipher (main/db/open.ts, JOURNAL_CIPHERS): AEGIS-256 for every journal made from now; a journal
 * written before in ChaCha20-Poly1305 opens, is written to, backed up and restored as it is, and moves to
 * AEGIS-256 when it is next re-encrypted. Which cipher a file is in is read here without the app's code: a plain
 * connection keyed each way, the key given as hex.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { keyDatabase, openEncryptedDatabase } from '../../main/db/open';
import {
  backupService,
  fillJournal,
  journalServices,
  type JournalServices,
  tableHashes,
} from '../support/children/backup-fixture';
import { NEW_PASSPHRASE, PASSPHRASE, tempDir } from '../support/temp';

const dataKeyOf = (s: JournalServices) => Uint8Array.from((s.vault as unknown as { dataKey: Uint8Array }).dataKey);

/** The cipher that opens `file` with `key`, tried without the app's code; null when none does. */
function cipherOf(file: string, key: Uint8Array): string | null {
  for (const cipher of ['aegis', 'chacha20', 'sqlcipher', 'aes256cbc']) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma(`cipher = '${cipher}'`);
      db.pragma(`key = "x'${Buffer.from(key).toString('hex')}'"`);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return cipher;
    } catch {
      // Not this one.
    } finally {
      db.close();
    }
  }
  return null;
}

/**
 * A filled journal whose file is then rewritten in ChaCha20-Poly1305 under the same key, as Holding wrote every
 * journal before, and unlocked again; with its key and every table's rows as they were.
 */
async function journalWrittenBefore(): Promise<{
  s: JournalServices;
  key: Uint8Array;
  before: Record<string, string>;
}> {
  const s = await journalServices();
  fillJournal(s);
  const key = dataKeyOf(s);
  const before = tableHashes(s.vault.db());
  s.vault.lock();
  const db = new Database(s.vault.dbPath, { fileMustExist: true });
  try {
    keyDatabase(db, key);
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = 'chacha20'`);
    db.pragma(`rekey = "x'${Buffer.from(key).toString('hex')}'"`);
  } finally {
    db.close();
  }
  expect(cipherOf(s.vault.dbPath, key)).toBe('chacha20');
  await s.vault.unlock(PASSPHRASE);
  return { s, key, before };
}

describe("the journal's cipher", () => {
  it('is AEGIS-256 for a new journal, whose file no other cipher opens', async () => {
    const s = await journalServices();
    fillJournal(s, 3);
    const db = s.vault.db();
    expect(db.pragma('cipher', { simple: true })).toBe('aegis');
    expect(db.pragma('algorithm', { simple: true })).toBe('aegis-256');
    const key = dataKeyOf(s);
    s.vault.lock();
    expect(cipherOf(s.vault.dbPath, key)).toBe('aegis');
    // The same key with another cipher, and another key with this one, open nothing.
    const other = new Database(s.vault.dbPath, { readonly: true });
    other.pragma(`cipher = 'aegis'`);
    other.pragma(`key = "x'${Buffer.from(key.map((b) => b ^ 1)).toString('hex')}'"`);
    expect(() => other.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    other.close();
  });

  it('opens a journal written before in ChaCha20, keeps it so, and backs it up and restores it whole', async () => {
    const { s, key, before } = await journalWrittenBefore();
    expect(s.vault.db().pragma('cipher', { simple: true })).toBe('chacha20');
    expect(tableHashes(s.vault.db())).toEqual(before);
    expect(s.journal.list({ query: 'paragraph' }).total).toBe(12);
    const later = s.journal.create({ title: 'Written in the older cipher' });
    const written = tableHashes(s.vault.db());

    // As a crash would leave it, that entry only in the write-ahead log. The header's hint picks ChaCha20 first;
    // but a connection keyed with the wrong cipher (as a damaged hint would bring) opens the log too, and
    // closing it must change nothing there: it cannot read one frame of it.
    const crashed = path.join(await tempDir('holding-crash-image-'), 'holding.db');
    copyFileSync(`${s.vault.dbPath}-wal`, `${crashed}-wal`);
    copyFileSync(s.vault.dbPath, crashed);
    const log = readFileSync(`${crashed}-wal`);
    expect(log.length).toBeGreaterThan(0);
    const wrong = new Database(crashed);
    keyDatabase(wrong, key, 'aegis');
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    wrong.close();
    expect(readFileSync(`${crashed}-wal`).equals(log)).toBe(true);
    const image = openEncryptedDatabase(crashed, key, { create: false });
    expect(image.pragma('cipher', { simple: true })).toBe('chacha20');
    expect(image.prepare('SELECT title FROM entries WHERE id = ?').pluck().get(later.id)).toBe(
      'Written in the older cipher',
    );
    image.close();

    const folder = await tempDir('holding-backups-');
    const backups = backupService(s.vault);
    const record = await backups.backUp(folder);
    expect(record.verifiedAt).toBeTruthy();
    s.journal.create({ title: 'After the backup' });
    await backups.restore(path.join(folder, record.fileName), { passphrase: PASSPHRASE });
    expect(tableHashes(s.vault.db())).toEqual(written);
    expect(s.journal.get(later.id).title).toBe('Written in the older cipher');
    s.vault.lock();
    // Nothing converted it on the way: a backup holds the journal's own file, and a restore puts it back.
    expect(cipherOf(s.vault.dbPath, key)).toBe('chacha20');
  }, 60_000);

  it('moves a journal written before in ChaCha20 to AEGIS-256 when it is re-encrypted, every row kept', async () => {
    const { s, key: oldKey, before } = await journalWrittenBefore();

    const { token } = await s.vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    const status = await s.vault.keys.reencrypt(token, { signal: new AbortController().signal, progress: () => {} });
    expect(status.state).toBe('unlocked');
    expect(s.vault.db().pragma('cipher', { simple: true })).toBe('aegis');
    expect(tableHashes(s.vault.db())).toEqual(before);
    const newKey = dataKeyOf(s);
    s.vault.lock();
    expect(cipherOf(s.vault.dbPath, newKey)).toBe('aegis');
    expect(cipherOf(s.vault.dbPath, oldKey)).toBeNull();
    await s.vault.unlock(NEW_PASSPHRASE);
    expect(tableHashes(s.vault.db())).toEqual(before);
  }, 60_000);
});
