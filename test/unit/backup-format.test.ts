/**
 * The backup format's reader, on bytes made here: the header's one canonical form, every length checked
 * against the file's size before anything is read or allocated, caps, and nothing after the MAC.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BackupHeader,
  BackupFormatError,
  decodeHeader,
  deriveMacKey,
  encodeHeader,
  FIXED_BYTES,
  framing,
  MacState,
  MAX_HEADER_BYTES,
  readAtBytes,
  readLayout,
  type ReadAt,
  scanBackup,
} from '../../main/backup/format';
import { backupFileName, safeComputerName } from '../../main/backup/files';
import { runInSlices, summarise, summariseInSlices } from '../../main/backup/snapshot';
import { sodiumReady } from '../../main/vault/crypto';

beforeAll(sodiumReady);

const sha = (c: string) => c.repeat(64);
const KEY_FILE = new TextEncoder().encode('{"format":"holding.key"}');
const DATABASE = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) & 0xff);
const DATA_KEY = new Uint8Array(32).fill(9);

async function sha256(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

async function header(changes: Partial<BackupHeader> = {}): Promise<BackupHeader> {
  return {
    vaultId: '0b6c4c7e-1f7e-4d0e-9a53-3c1f3c3a1c11',
    madeAt: '2026-12-05T09:30:12.345Z',
    appVersion: '0.1.0',
    schemaVersion: 12,
    computer: 'May’s Laptop',
    counts: { vault_meta: 2, entries: 40, checkins: 3 },
    keyFile: { bytes: KEY_FILE.length, sha256: await sha256(KEY_FILE) },
    database: { bytes: DATABASE.length, sha256: await sha256(DATABASE) },
    contentDigest: sha('a'),
    ...changes,
  };
}

/** A whole backup file, MAC and all, as make.ts writes one. */
async function backupBytes(h?: BackupHeader, headerText?: Uint8Array): Promise<Uint8Array> {
  const headerBytes = headerText ?? encodeHeader(h ?? (await header()));
  const { beforeHeader, beforeKeyFile, beforeDatabase } = framing(headerBytes, KEY_FILE, DATABASE.length);
  const body = Buffer.concat([beforeHeader, headerBytes, beforeKeyFile, KEY_FILE, beforeDatabase, DATABASE]);
  const mac = new MacState(deriveMacKey(DATA_KEY));
  mac.update(body);
  return new Uint8Array(Buffer.concat([body, mac.final()]));
}

async function refusal(bytes: Uint8Array, read: ReadAt = readAtBytes(bytes)): Promise<string> {
  try {
    await readLayout(read, bytes.length);
  } catch (error) {
    if (error instanceof BackupFormatError) return error.problem;
    throw error;
  }
  return 'accepted';
}

describe('the backup header', () => {
  it('is written in one canonical form and read back the same', async () => {
    const h = await header();
    const bytes = encodeHeader(h);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('{"vaultId":"0b6c4c7e')).toBe(true);
    // Counts sorted by table name, whatever order they were given in.
    expect(text).toContain('"counts":{"checkins":3,"entries":40,"vault_meta":2}');
    expect(decodeHeader(bytes)).toEqual({ ...h, counts: { checkins: 3, entries: 40, vault_meta: 2 } });
  });

  it('refuses a duplicate member, an unknown or missing one, white space, reordering and values out of range', async () => {
    const text = new TextDecoder().decode(encodeHeader(await header()));
    const bad = [
      text.replace('{"vaultId"', '{"vaultId":"0b6c4c7e-1f7e-4d0e-9a53-3c1f3c3a1c11","vaultId"'),
      text.replace('"counts":{', '"counts":{"entries":1,'),
      text.replace('{"vaultId"', '{"extra":1,"vaultId"'),
      text.replace(/"contentDigest":"[0-9a-f]+"/, '"contentDigest":"xyz"'),
      text.replace(/,"computer":"[^"]*"/, ''),
      text.replace(',"madeAt"', ', "madeAt"'),
      text.replace('"checkins":3,"entries":40', '"entries":40,"checkins":3'),
      text.replace('"schemaVersion":12', '"schemaVersion":12.5'),
      text.replace('"checkins":3', '"Checkins":3'),
      text.replace('"checkins":3', '"checkins":-3'),
      text.replace('"database":{"bytes":10000', '"database":{"bytes":0'),
      '[]',
      'null',
      '{}',
      text.slice(0, -1),
    ];
    for (const variant of bad) {
      expect(() => decodeHeader(new TextEncoder().encode(variant)), variant.slice(0, 80)).toThrow(BackupFormatError);
    }
    expect(() => decodeHeader(Uint8Array.from([0x7b, 0xff, 0x7d]))).toThrow(/UTF-8/);
  });

  it('cannot be written larger than the cap', async () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 999; i++) counts[`t${'x'.repeat(60)}${i}`] = i;
    await expect(async () => encodeHeader(await header({ counts }))).rejects.toThrow(/too large/);
  });
});

describe('reading a backup', () => {
  it('finds each part and checks the MAC in one pass', async () => {
    const bytes = await backupBytes();
    const layout = await readLayout(readAtBytes(bytes), bytes.length);
    expect(layout.keyFile).toEqual(KEY_FILE);
    expect(bytes.subarray(layout.databaseOffset, layout.macOffset)).toEqual(DATABASE);
    expect(layout.fileBytes).toBe(FIXED_BYTES + layout.headerBytes.length + KEY_FILE.length + DATABASE.length);
    const scan = await scanBackup(readAtBytes(bytes), layout, deriveMacKey(DATA_KEY));
    expect(scan.macMatches).toBe(true);
    expect(scan.databaseSha256).toBe(await sha256(DATABASE));
    expect((await scanBackup(readAtBytes(bytes), layout, deriveMacKey(new Uint8Array(32)))).macMatches).toBe(false);
  });

  it('refuses every truncation and anything after the MAC', async () => {
    const bytes = await backupBytes();
    for (let length = 0; length < bytes.length; length += 97) {
      expect(await refusal(bytes.subarray(0, length)), `cut at ${length}`).toBe('damaged');
    }
    expect(await refusal(bytes.subarray(0, bytes.length - 1))).toBe('damaged');
    expect(await refusal(new Uint8Array([...bytes, 0]))).toBe('damaged');
  });

  it('tells a file that is not a backup, and one from a newer Holding, from damage', async () => {
    const bytes = await backupBytes();
    expect(await refusal(new TextEncoder().encode('SQLite format 3\0 and the rest'))).toBe('not-a-backup');
    expect(await refusal(new TextEncoder().encode('HOLDBNDL\x01\x01'))).toBe('not-a-backup');
    expect(await refusal(bytes.map((v, i) => (i === 8 ? 2 : v)))).toBe('newer-version');
    expect(await refusal(bytes.map((v, i) => (i === 8 ? 0 : v)))).toBe('damaged');
    expect(await refusal(bytes.map((v, i) => (i === 10 ? 1 : v)))).toBe('damaged');
  });

  it('checks each length against the file size before reading, and never asks for more than the caps', async () => {
    const bytes = await backupBytes();
    const asked: number[] = [];
    const spy =
      (data: Uint8Array): ReadAt =>
      async (position, length) => {
        asked.push(length);
        return readAtBytes(data)(position, length);
      };
    const huge = (offset: number, value: number, width: 4 | 8) => {
      const copy = Buffer.from(bytes);
      if (width === 4) copy.writeUInt32BE(value, offset);
      else copy.writeBigUInt64BE(BigInt(value), offset);
      return new Uint8Array(copy);
    };
    const h = Buffer.from(bytes).readUInt32BE(12);
    const variants = [
      huge(12, 0xffffffff, 4), // header length far past the cap
      huge(12, MAX_HEADER_BYTES, 4), // within the cap but past the end of the file
      huge(16 + h, 0xffffffff, 4), // key file length
      huge(16 + h, 200, 4), // key file length disagreeing with the header
      huge(20 + h + KEY_FILE.length, Number.MAX_SAFE_INTEGER, 8), // database length
    ];
    for (const variant of variants) {
      asked.length = 0;
      expect(await refusal(variant, spy(variant))).toBe('damaged');
      expect(Math.max(...asked)).toBeLessThanOrEqual(Math.max(h, KEY_FILE.length, 16));
    }
    const copy = Buffer.from(bytes);
    copy.writeBigUInt64BE(2n ** 60n, 20 + h + KEY_FILE.length);
    expect(await refusal(new Uint8Array(copy))).toBe('damaged');
  });

  it('refuses a key file that does not match the hash in the header', async () => {
    const bytes = Buffer.from(await backupBytes());
    const h = bytes.readUInt32BE(12);
    bytes[20 + h + 3]! ^= 1;
    expect(await refusal(new Uint8Array(bytes))).toBe('damaged');
  });
});

describe('digesting in slices', () => {
  const journal = () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value TEXT) STRICT;
      INSERT INTO vault_meta VALUES ('vault_id', 'v');
      CREATE TABLE entries (seq INTEGER PRIMARY KEY, body TEXT) STRICT;`);
    const insert = db.prepare('INSERT INTO entries (body) VALUES (?)');
    for (let i = 0; i < 20_000; i++) insert.run(`entry ${i} `.repeat(20));
    return db;
  };

  it('gives the same summary as at once, with a checkpoint at each break', async () => {
    const whole = summarise(journal());
    let checks = 0;
    const sliced = await runInSlices(journal, summariseInSlices, () => (checks += 1), 0);
    expect(checks).toBeGreaterThan(5);
    expect(sliced).toEqual(whole);
    expect(sliced.counts).toEqual({ entries: 20_000, vault_meta: 1 });
  });

  it('stops at a break when told (a lock), closing its connection mid-query', async () => {
    let db: Database.Database | null = null;
    const stop = runInSlices(
      () => (db = journal()),
      function* (d) {
        for (const _row of d.prepare('SELECT * FROM entries').iterate()) yield;
        return 0;
      },
      () => {
        throw new Error('locked');
      },
      0,
    );
    await expect(stop).rejects.toThrow('locked');
    expect(db!.open).toBe(false);
  });
});

describe('file names', () => {
  it('carry the local date and time and a safe form of the computer name', () => {
    const at = new Date(2026, 11, 5, 9, 30);
    expect(backupFileName(at, 'Mays-Laptop')).toBe('Holding backup 2026-12-05 0930 (Mays-Laptop).holdingbackup');
    expect(backupFileName(at, 'Mays-Laptop', 2)).toBe('Holding backup 2026-12-05 0930 2 (Mays-Laptop).holdingbackup');
    expect(safeComputerName("May's MacBook Pro (2)")).toBe('May-s-MacBook-Pro-2');
    expect(safeComputerName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeComputerName('Ōmagari-PC')).toBe('Ōmagari-PC');
    expect(safeComputerName('CON:<>|?*')).toBe('CON');
    expect(safeComputerName('   ')).toBe('computer');
    expect(safeComputerName('x'.repeat(100))).toHaveLength(40);
  });
});

describe('the lint rule', () => {
  it('refuses serialize() and backup() calls on the database in main/', async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText(
      [
        "import type { Database } from 'better-sqlite3-multiple-ciphers';",
        'export function copy(db: Database): void {',
        '  db.serialize();',
        "  void db.backup('copy.db');",
        "  db['serialize']();",
        '}',
        '',
      ].join('\n'),
      { filePath: 'main/journal/zz-lint-probe.ts' },
    );
    const messages = result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
    expect(messages).toEqual([3, 4, 5]);
  }, 60_000);
});
