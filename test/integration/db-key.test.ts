/**
 * The key goes to SQLite as bytes (`raw:` and the key, main/db/open.ts keyDatabase), no longer as a hex
 * string in `PRAGMA key = "x'…'"` (issue 19: that string and the SQL text holding it stayed in memory).
 * Both forms must be the same raw key: every journal and backup written before opens as it did.
 */
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../main/db/open';
import { openCopy } from '../../main/backup/snapshot';
import { tempDir } from '../support/temp';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);

describe('the database key as bytes', () => {
  it('opens a journal keyed the earlier way (x’…’ hex), and one it keys opens that way too', async () => {
    const dir = await tempDir();
    const earlier = path.join(dir, 'earlier.db');
    const old = new Database(earlier);
    old.pragma(`cipher = 'chacha20'`);
    old.pragma(`key = "x'${Buffer.from(KEY).toString('hex')}'"`);
    old.exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('kept under the same key')`);
    old.close();

    const reopened = openEncryptedDatabase(earlier, KEY, { create: false });
    expect(reopened.prepare('SELECT v FROM t').pluck().get()).toBe('kept under the same key');
    reopened.exec(`INSERT INTO t VALUES ('written with the key as bytes')`);
    reopened.close();
    const copy = openCopy(earlier, KEY, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2);
    copy.close();

    const back = new Database(earlier);
    back.pragma(`cipher = 'chacha20'`);
    back.pragma(`key = "x'${Buffer.from(KEY).toString('hex')}'"`);
    expect(back.prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toEqual([
      'kept under the same key',
      'written with the key as bytes',
    ]);
    back.close();
  });

  it('a wrong key is still refused, and nothing is created', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'journal.db');
    openEncryptedDatabase(file, KEY, { create: true }).close();
    const wrong = KEY.map((b) => b ^ 1);
    expect(() => openEncryptedDatabase(file, wrong, { create: false })).toThrow(
      /does not open the journal file beside it/,
    );
    expect(() => openEncryptedDatabase(path.join(dir, 'missing.db'), KEY, { create: false })).toThrow();
  });
});
