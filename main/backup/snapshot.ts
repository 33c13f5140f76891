/**
 * The database inside a backup: opening a copy with a key, counting and digesting every table, and checking
 * a restored copy the way a restore would use it (docs/backup-format.md, "Content digest").
 */
import { createHash } from 'node:crypto';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../db/migrate';
import { openWithItsCipher } from '../db/open';
import { KEY_BYTES } from '../vault/crypto';
import { BackupFormatError, type BackupHeader } from './format';

export interface CopyOptions {
  readonly: boolean;
  nativeBinding?: string | undefined;
}

/**
 * Opens a copy of the journal (a snapshot, or a backup's database written out) with the key. Never creates
 * a file. Sorts stay in memory and deleted text is overwritten, as in the journal itself.
 */
export function openCopy(file: string, key: Uint8Array, options: CopyOptions): DB {
  if (key.length !== KEY_BYTES) throw new Error('database key must be 32 bytes');
  const { db } = openWithItsCipher(
    file,
    key,
    { readonly: options.readonly, fileMustExist: true, nativeBinding: options.nativeBinding },
    () => new BackupFormatError('damaged', 'the database part does not open with the key'),
  );
  try {
    db.pragma('temp_store = MEMORY');
    if (!options.readonly) db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What a snapshot holds, as its header records it. */
export interface Summary {
  vaultId: string;
  schemaVersion: number;
  counts: Record<string, number>;
  contentDigest: string;
}

/** The ordinary tables, by name: not SQLite's own, not virtual tables (FTS) or their shadow tables. */
function tablesOf(db: DB): string[] {
  const rows = db.prepare(`SELECT name, type FROM pragma_table_list WHERE schema = 'main'`).all() as {
    name: string;
    type: string;
  }[];
  return rows
    .filter((r) => r.type === 'table' && !r.name.startsWith('sqlite_'))
    .map((r) => r.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Rows digested between chances for the worker to answer other calls. */
const SLICE_ROWS = 2000;

/** Runs a sliced piece of work to its end at once. */
function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs sliced work on a connection `open` gives, letting the event loop run (in the worker: answer the
 * window's calls) every 50 ms or so. `checkpoint` runs at each break and throws to stop (a lock, a cancel);
 * the connection is closed whatever happens, so its copy of the key goes with it.
 */
export async function runInSlices<T>(
  open: () => DB,
  work: (db: DB) => Generator<void, T>,
  checkpoint: () => void = () => undefined,
  sliceMs = 50,
): Promise<T> {
  const db = open();
  const slices = work(db);
  try {
    let since = performance.now();
    for (;;) {
      const step = slices.next();
      if (step.done) return step.value;
      if (performance.now() - since >= sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        checkpoint();
        since = performance.now();
      }
    }
  } finally {
    // Stopped part-way, the work's open statement is finished first: a connection cannot close mid-query.
    slices.return(undefined as T);
    db.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** One value, tagged by its SQLite storage class, so 1, 1.0, '1' and x'31' all differ. */
function encodeValue(hash: ReturnType<typeof createHash>, value: unknown): void {
  if (value === null) {
    hash.update(Buffer.from([0]));
  } else if (typeof value === 'bigint') {
    const b = Buffer.alloc(9);
    b[0] = 1;
    b.writeBigInt64BE(value, 1);
    hash.update(b);
  } else if (typeof value === 'number') {
    const b = Buffer.alloc(9);
    b[0] = 2;
    b.writeDoubleBE(value, 1);
    hash.update(b);
  } else if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    hash.update(Buffer.from([3]));
    hash.update(u32(text.length));
    hash.update(text);
  } else if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    hash.update(Buffer.from([4]));
    hash.update(u32(value.length));
    hash.update(value);
  } else {
    throw new Error(`unexpected value of type ${typeof value}`);
  }
}

/**
 * Rows per table and the content digest: SHA-256 over every ordinary table in name order, each as its name
 * and then its rows in primary-key order (all columns in order where there is no primary key), each value
 * tagged by type. Two databases with the same rows have the same digest, whatever their page layout.
 */
export function* summariseInSlices(db: DB): Generator<void, Summary> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const table of tablesOf(db)) {
    const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as {
      name: string;
      pk: number;
    }[];
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const order = (key.length ? key : columns).map((c) => quote(c.name)).join(', ');
    const name = Buffer.from(table, 'utf8');
    hash.update(Buffer.from('T'));
    hash.update(u32(name.length));
    hash.update(name);
    const select = db
      .prepare(`SELECT ${columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table)} ORDER BY ${order}`)
      .raw(true)
      .safeIntegers(true);
    let rows = 0;
    for (const row of select.iterate() as Iterable<unknown[]>) {
      hash.update(Buffer.from('R'));
      hash.update(u32(row.length));
      for (const value of row) encodeValue(hash, value);
      rows += 1;
      if (rows % SLICE_ROWS === 0) yield;
    }
    hash.update(Buffer.from('E'));
    hash.update(u32(rows));
    counts[table] = rows;
    yield;
  }
  const vaultId = db.prepare(`SELECT value FROM vault_meta WHERE key = 'vault_id'`).pluck().get();
  if (typeof vaultId !== 'string') throw new BackupFormatError('damaged', 'the database names no journal');
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  return { vaultId, schemaVersion, counts, contentDigest: hash.digest('hex') };
}

/**
 * Rows per ordinary table, each counted by one statement that is finished before the next: safe on the open
 * journal, as nothing is left running when it returns.
 */
export function countRows(db: DB): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tablesOf(db)) {
    counts[table] = db
      .prepare(`SELECT count(*) FROM ${quote(table)}`)
      .pluck()
      .get() as number;
  }
  return counts;
}

export function summarise(db: DB): Summary {
  return drain(summariseInSlices(db));
}

/**
 * The restore check, on a database written out of a backup: it opens with the key, `quick_check` is ok,
 * no foreign key is broken, it is the journal the header names, its rows are exactly those the header
 * counted and digested, and this Holding's migrations run on it. Throws BackupFormatError('damaged')
 * saying which failed. Leaves the file migrated (a copy is what is checked). Sliced: see runInSlices.
 */
export function* checkRestoredInSlices(db: DB, header: BackupHeader): Generator<void, void> {
  const quick = db.pragma('quick_check', { simple: true });
  if (quick !== 'ok') throw new BackupFormatError('damaged', `quick_check: ${String(quick)}`);
  yield;
  if ((db.pragma('foreign_key_check') as unknown[]).length > 0)
    throw new BackupFormatError('damaged', 'foreign_key_check');
  yield;
  const summary = yield* summariseInSlices(db);
  if (summary.vaultId !== header.vaultId) throw new BackupFormatError('damaged', 'another journal inside');
  if (summary.schemaVersion !== header.schemaVersion) throw new BackupFormatError('damaged', 'schema version');
  if (JSON.stringify(sortedCounts(summary.counts)) !== JSON.stringify(sortedCounts(header.counts))) {
    throw new BackupFormatError('damaged', 'row counts differ from the header');
  }
  if (summary.contentDigest !== header.contentDigest) throw new BackupFormatError('damaged', 'content digest');
  yield;
  const { from, to } = migrate(db);
  if (to > from) {
    yield;
    const after = db.pragma('quick_check', { simple: true });
    if (after !== 'ok') throw new BackupFormatError('damaged', `quick_check after migrations: ${String(after)}`);
  }
}

function sortedCounts(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
