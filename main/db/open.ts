import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import { KEY_BYTES } from '../vault/crypto';
import { describeForLog } from '../shell-common/log';

export interface OpenOptions {
  /** Create the file if it is missing. Unlocking never does: a wrong key must not leave a new file. */
  create: boolean;
  /** Path to the native addon built for this runtime (Electron and Node need different builds). */
  nativeBinding?: string | undefined;
}

/**
 * Opens the whole-file-encrypted database with a raw 256-bit key. The key pragma comes before
 * anything that could touch a page; the key is confirmed by reading the schema, and only then
 * are WAL and the durability pragmas set.
 */
export function openEncryptedDatabase(file: string, key: Uint8Array, options: OpenOptions): DB {
  if (key.length !== KEY_BYTES) throw new Error('database key must be 32 bytes');
  // Create the file ourselves so it is private (0600) from the first byte; SQLite gives the WAL
  // and shared-memory files the same permissions as the database.
  if (options.create && !existsSync(file)) closeSync(openSync(file, 'wx', 0o600));
  const { db, objects } = openWithItsCipher(
    file,
    key,
    { fileMustExist: !options.create, nativeBinding: options.nativeBinding },
    () =>
      new AppError(
        'DATABASE_UNREADABLE',
        'Your passphrase or recovery key opened the key file, but that key file does not open the journal file beside it. This happens when the key file is older than the journal (one kept from before the journal was re-encrypted, put back), or when one of the two files is damaged. Nothing has been changed: put back the key file that belongs with this journal, or restore a backup with the passphrase or recovery key it was made under.',
      ),
  );
  try {
    // An empty file would open with any key; refuse it before a pragma writes anything to it.
    if (!options.create && objects === 0) {
      throw new AppError(
        'DATABASE_UNREADABLE',
        'The journal file in this folder is empty, so there is nothing to open. If you have a backup, restoring it should help.',
      );
    }
    setConnectionPragmas(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The ciphers a journal's file may be in, the one new files get first:
 *
 * - `aegis` (AEGIS-256, 32-byte random nonce and 32-byte tag on every page): every journal created, restored
 *   from such a backup, or re-encrypted from December 2026 on. It runs on the processor's AES instructions,
 *   which makes an encrypted save cost what an unencrypted one does (bench/results/journal.md).
 * - `chacha20` (ChaCha20-Poly1305, sqleet's layout): journals written before. They open as they always did,
 *   and move to AEGIS-256 when next re-encrypted (main/vault/reencrypt.ts rekeys into the first cipher here).
 */
export const JOURNAL_CIPHERS = ['aegis', 'chacha20'] as const;
export type JournalCipher = (typeof JOURNAL_CIPHERS)[number];

/** Bytes each cipher keeps at the end of every page (nonce and tag), as the file's header records them. */
const RESERVED_BY: Record<JournalCipher, number> = { aegis: 64, chacha20: 32 };

/**
 * The ciphers to try on `file`, the likeliest first. SQLite3MultipleCiphers does not name its cipher in the
 * file, but leaves bytes 16–23 of the header readable, and byte 20 is how many bytes each page reserves, which
 * differs between the two. It is only a hint (anyone can change it); the key and every page's tag decide.
 */
function ciphersFor(file: string): JournalCipher[] {
  const header = Buffer.alloc(24);
  let read = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Missing or unreadable: opening it says so.
  }
  const reserved = read === header.length ? header[20] : undefined;
  const likeliest = JOURNAL_CIPHERS.find((cipher) => RESERVED_BY[cipher] === reserved);
  return likeliest ? [likeliest, ...JOURNAL_CIPHERS.filter((cipher) => cipher !== likeliest)] : [...JOURNAL_CIPHERS];
}

/** How openWithItsCipher opens each connection it tries. */
export interface CipherOpenOptions {
  readonly?: boolean;
  fileMustExist: boolean;
  /** Path to the native addon built for this runtime (Electron and Node need different builds). */
  nativeBinding?: string | undefined;
}

/**
 * A connection to `file`, keyed with each cipher in turn (a fresh connection for each), until one reads the
 * schema; `refused` is thrown when none does. The likeliest cipher is tried first (ciphersFor), so a journal
 * in either opens at the first try; another is tried only when the header's hint is wrong. A connection
 * with the wrong cipher does open the write-ahead log, but cannot read one frame of it (each fails its
 * tag), so closing it checkpoints nothing; journal-cipher.test checks the log is left whole. Returns the
 * connection and how many objects its schema holds.
 */
export function openWithItsCipher(
  file: string,
  key: Uint8Array,
  options: CipherOpenOptions,
  refused: () => Error,
): { db: DB; objects: number } {
  for (const cipher of ciphersFor(file)) {
    const db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.fileMustExist,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      keyDatabase(db, key, cipher);
      const objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
      return { db, objects };
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
    }
  }
  throw refused();
}

/**
 * Gives a freshly opened connection its cipher and raw 256-bit key, before anything touches a page. The key
 * goes to SQLite3MultipleCiphers as bytes, `raw:` and the 32 bytes of the key, in a buffer zeroed at once:
 * the same key as the `PRAGMA key = "x'…'"` form (both skip the library's own passphrase KDF, as our key
 * already comes from Argon2id or the recovery key), but with no hex string, which JavaScript could not
 * wipe, and no SQL text holding the key in SQLite's memory, which it frees without zeroing (issue 19).
 */
export function keyDatabase(db: DB, key: Uint8Array, cipher: JournalCipher = JOURNAL_CIPHERS[0]): void {
  withRawKey(key, (raw) => {
    chooseCipher(db, cipher);
    db.key(raw);
  });
}

/** Sets the cipher the connection's next key or rekey uses; AEGIS's variant named, not left to the library's default. */
function chooseCipher(db: DB, cipher: JournalCipher): void {
  db.pragma(`cipher = '${cipher}'`);
  if (cipher === 'aegis') db.pragma(`algorithm = 'aegis-256'`);
}

/**
 * Rekeys a connection (a private copy in rollback-journal mode, never the live journal in WAL) to a new raw
 * 256-bit key, given as keyDatabase gives one: `raw:` and the key's bytes in a buffer zeroed at once, never as
 * hex text in a `PRAGMA rekey`. The copy is rewritten in the cipher new journals get, whichever it was in.
 */
export function rekeyDatabase(db: DB, key: Uint8Array): void {
  withRawKey(key, (raw) => {
    chooseCipher(db, JOURNAL_CIPHERS[0]);
    db.rekey(raw);
  });
}

const RAW_PREFIX = Buffer.from('raw:', 'latin1');

/** `key` as the library takes raw key bytes (`raw:` and the 32 bytes), lent to `use` and zeroed straight after. */
function withRawKey(key: Uint8Array, use: (raw: Buffer) => void): void {
  if (key.length !== KEY_BYTES) throw new Error('database key must be 32 bytes');
  const raw = Buffer.alloc(RAW_PREFIX.length + KEY_BYTES);
  try {
    raw.set(RAW_PREFIX);
    raw.set(key, RAW_PREFIX.length);
    use(raw);
  } finally {
    raw.fill(0);
  }
}

/**
 * The settings every connection to a journal has, after its key: exported so that tests reading a
 * database's bytes (on an unencrypted twin) read a file written exactly as the app writes one.
 */
export function setConnectionPragmas(db: DB): void {
  db.pragma('journal_mode = WAL');
  // This build defaults to NORMAL in WAL mode; FULL makes every acknowledged commit durable.
  db.pragma('synchronous = FULL');
  // Sorts and temporary indexes stay in memory, so nothing unencrypted reaches a temp file.
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  // Deleted text is overwritten, not just unlinked from the b-tree.
  db.pragma('secure_delete = ON');
  assertPragmas(db);
}

function assertPragmas(db: DB): void {
  const expected: Record<string, unknown> = {
    journal_mode: 'wal',
    synchronous: 2,
    temp_store: 2,
    foreign_keys: 1,
    secure_delete: 1,
  };
  for (const [name, value] of Object.entries(expected)) {
    const actual = db.pragma(name, { simple: true });
    if (actual !== value) throw new Error(`PRAGMA ${name} is ${String(actual)}, expected ${String(value)}`);
  }
}

/**
 * Closes `db` now if it can be, or else as soon as whatever is stepping through its rows lets it go (checked
 * every few milliseconds, for up to a minute; a worker that has locked is ended in any case, taking SQLite's
 * copy of the key with it: main/worker/host.ts).
 */
export function closeWhenFree(db: DB, tries = 6000): void {
  try {
    db.close();
  } catch (error) {
    if (tries <= 0) {
      console.error(`[holding] the journal's connection could not be closed: ${describeForLog(error)}`);
      return;
    }
    setTimeout(() => closeWhenFree(db, tries - 1), 10).unref?.();
  }
}
