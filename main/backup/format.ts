/**
 * The backup file, byte for byte as docs/backup-format.md describes it: a preamble, a readable header, the
 * key file as it was, the encrypted database from VACUUM INTO, and a closing MAC keyed from the data key.
 *
 * Reading is strict and cheap before it is expensive: every length is checked against the file's size
 * before anything is allocated or read, the header and key file have hard caps, the parts must end exactly
 * at the MAC (nothing trailing), and the header must be the one canonical JSON text for its value.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import sodium, { type StateAddress } from 'libsodium-wrappers-sumo';
import { KEY_BYTES } from '../vault/crypto';

export const BACKUP_MAGIC = 'HOLDBKUP';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = '.holdingbackup';
/** Preamble: magic (8), version (1), reserved (3), header length (4). */
export const PREAMBLE_BYTES = 16;
export const MAX_HEADER_BYTES = 64 * 1024;
export const MAX_KEY_FILE_BYTES = 64 * 1024;
/** The database part's length is a 64-bit field; we accept up to 2^53 − 1 (a JavaScript safe integer). */
export const MAX_DATABASE_BYTES = Number.MAX_SAFE_INTEGER;
export const MAC_BYTES = 32;
/** crypto_kdf context (exactly 8 bytes) and subkey id of the MAC key. */
export const MAC_KDF_CONTEXT = 'HoldBkup';
export const MAC_KDF_SUBKEY_ID = 1;
/** Every part but the three variable ones: preamble, key-file length (4), database length (8), MAC. */
export const FIXED_BYTES = PREAMBLE_BYTES + 4 + 8 + MAC_BYTES;
const CHUNK = 1024 * 1024;

const HEX64 = /^[0-9a-f]{64}$/;
const TABLE_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_TABLES = 1000;
/** RFC 9562 UUIDs, as the key file's schema takes them (z.uuid()): versions 1 to 8, or nil or max. */
const UUID =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;
/** UTC, as Date.toISOString() writes it. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface BackupHeader {
  vaultId: string;
  madeAt: string;
  appVersion: string;
  schemaVersion: number;
  computer: string;
  counts: Record<string, number>;
  keyFile: { bytes: number; sha256: string };
  database: { bytes: number; sha256: string };
  contentDigest: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const isText = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

/**
 * Checks a parsed header member by member (docs/backup-format.md, "Header"): exactly these members, each
 * in range. Says which member failed; the order of members is checked by decodeHeader.
 */
export function checkHeader(value: unknown): BackupHeader {
  const fail = (what: string): never => {
    throw new BackupFormatError('damaged', `header ${what}`);
  };
  if (!isObject(value)) return fail('is not an object');
  const keys = Object.keys(value);
  if (keys.length !== MEMBER_ORDER.length || !MEMBER_ORDER.every((k) => Object.hasOwn(value, k))) {
    return fail('does not have exactly the members of version 1');
  }
  const { vaultId, madeAt, appVersion, schemaVersion, computer, counts, keyFile, database, contentDigest } = value;
  if (typeof vaultId !== 'string' || !UUID.test(vaultId)) fail('vaultId');
  if (typeof madeAt !== 'string' || !ISO_UTC.test(madeAt) || Number.isNaN(Date.parse(madeAt))) fail('madeAt');
  if (!isText(appVersion, 1, 64)) fail('appVersion');
  if (!isInt(schemaVersion, 1, 1_000_000)) fail('schemaVersion');
  if (!isText(computer, 1, 200)) fail('computer');
  if (!isObject(counts) || Object.keys(counts).length > MAX_TABLES) return fail('counts');
  for (const [table, rows] of Object.entries(counts)) {
    if (!TABLE_NAME.test(table) || !isInt(rows, 0, Number.MAX_SAFE_INTEGER)) fail(`counts.${table.slice(0, 64)}`);
  }
  const part = (name: string, v: unknown, max: number) => {
    if (!isObject(v) || Object.keys(v).length !== 2) return fail(name);
    if (!isInt(v['bytes'], 1, max) || typeof v['sha256'] !== 'string' || !HEX64.test(v['sha256'])) fail(name);
  };
  part('keyFile', keyFile, MAX_KEY_FILE_BYTES);
  part('database', database, MAX_DATABASE_BYTES);
  if (typeof contentDigest !== 'string' || !HEX64.test(contentDigest)) fail('contentDigest');
  return value as unknown as BackupHeader;
}

/** The members in the order a writer puts them (and a reader requires). */
const MEMBER_ORDER = [
  'vaultId',
  'madeAt',
  'appVersion',
  'schemaVersion',
  'computer',
  'counts',
  'keyFile',
  'database',
  'contentDigest',
];
const PART_ORDER = ['bytes', 'sha256'];

/** Why a file is not a backup this reader can use; the service turns each into a sentence. */
export type FormatProblem = 'not-a-backup' | 'newer-version' | 'damaged';

export class BackupFormatError extends Error {
  constructor(
    readonly problem: FormatProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'BackupFormatError';
  }
}

const damaged = (detail: string) => new BackupFormatError('damaged', detail);

/** The header's one canonical text: compact JSON, members in order, counts sorted by table name. */
export function encodeHeader(header: BackupHeader): Uint8Array {
  const parsed = checkHeader(structuredClone(header));
  const counts: Record<string, number> = {};
  for (const name of Object.keys(parsed.counts).sort()) counts[name] = parsed.counts[name]!;
  const ordered = {
    vaultId: parsed.vaultId,
    madeAt: parsed.madeAt,
    appVersion: parsed.appVersion,
    schemaVersion: parsed.schemaVersion,
    computer: parsed.computer,
    counts,
    keyFile: { bytes: parsed.keyFile.bytes, sha256: parsed.keyFile.sha256 },
    database: { bytes: parsed.database.bytes, sha256: parsed.database.sha256 },
    contentDigest: parsed.contentDigest,
  };
  const bytes = new TextEncoder().encode(JSON.stringify(ordered));
  if (bytes.length > MAX_HEADER_BYTES) throw new Error('backup header is too large');
  return bytes;
}

/**
 * Parses the header's bytes, refusing anything but the canonical text: not UTF-8, not JSON, white space,
 * a duplicate member (JSON.parse keeps the last, so the text no longer round-trips), an unknown or missing
 * member, members out of order, or a value out of range.
 */
export function decodeHeader(bytes: Uint8Array): BackupHeader {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw damaged('header is not UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged('header is not JSON');
  }
  if (JSON.stringify(json) !== text) throw damaged('header is not in its canonical form (or repeats a member)');
  const parsed = checkHeader(json);
  const raw = json as Record<string, Record<string, unknown>>;
  const sameOrder = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);
  const countNames = Object.keys(raw['counts']!);
  if (
    !sameOrder(Object.keys(raw), MEMBER_ORDER) ||
    !sameOrder(Object.keys(raw['keyFile']!), PART_ORDER) ||
    !sameOrder(Object.keys(raw['database']!), PART_ORDER) ||
    !sameOrder(countNames, [...countNames].sort())
  ) {
    throw damaged('header members are out of order');
  }
  return parsed;
}

/** Where each part of a backup file lies, found from its framing and checked against its size. */
export interface BackupLayout {
  header: BackupHeader;
  headerBytes: Uint8Array;
  keyFile: Uint8Array;
  keyFileOffset: number;
  databaseOffset: number;
  databaseBytes: number;
  macOffset: number;
  fileBytes: number;
}

/** Reads `length` bytes at `position`, or fewer at the end of the source. */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

export const readAtHandle =
  (handle: FileHandle): ReadAt =>
  async (position, length) => {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  };

export const readAtBytes =
  (bytes: Uint8Array): ReadAt =>
  async (position, length) =>
    bytes.subarray(position, Math.min(bytes.length, position + length));

async function readExactly(read: ReadAt, position: number, length: number): Promise<Uint8Array> {
  const bytes = await read(position, length);
  if (bytes.length !== length) throw damaged('the file ends early');
  return bytes;
}

/** Only whether the file starts as a backup does: for telling "not a backup" from "damaged". */
export function looksLikeBackup(start: Uint8Array): boolean {
  const magic = new TextEncoder().encode(BACKUP_MAGIC);
  return start.length >= magic.length && magic.every((b, i) => start[i] === b);
}

/**
 * Finds and checks the framing of a backup of `fileBytes` bytes. Reads only the preamble, header and key
 * file (each capped); the database part is not read here. Checks the key file against the header's hash;
 * the database's hash and the MAC need a pass over the whole file (scanBackup).
 */
export async function readLayout(read: ReadAt, fileBytes: number): Promise<BackupLayout> {
  const preamble = await read(0, PREAMBLE_BYTES);
  const magic = new TextEncoder().encode(BACKUP_MAGIC);
  const startOfMagic = preamble.length < magic.length && preamble.every((b, i) => b === magic[i]);
  if (startOfMagic) throw damaged('the file ends inside its magic');
  if (!looksLikeBackup(preamble)) throw new BackupFormatError('not-a-backup', 'no backup magic');
  if (preamble.length < PREAMBLE_BYTES) throw damaged('the file ends inside its preamble');
  const view = new DataView(preamble.buffer, preamble.byteOffset, preamble.byteLength);
  const version = view.getUint8(8);
  if (version > BACKUP_VERSION) throw new BackupFormatError('newer-version', `format version ${version}`);
  if (version !== BACKUP_VERSION) throw damaged(`format version ${version}`);
  if (view.getUint8(9) !== 0 || view.getUint8(10) !== 0 || view.getUint8(11) !== 0) throw damaged('reserved bytes');
  const headerLength = view.getUint32(12);
  if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) throw damaged('header length out of range');
  if (FIXED_BYTES + headerLength > fileBytes) throw damaged('the file ends inside its header');
  const headerBytes = await readExactly(read, PREAMBLE_BYTES, headerLength);
  const header = decodeHeader(headerBytes);

  const keyLengthAt = PREAMBLE_BYTES + headerLength;
  const keyLength = new DataView((await readExactly(read, keyLengthAt, 4)).slice().buffer).getUint32(0);
  if (keyLength < 1 || keyLength > MAX_KEY_FILE_BYTES) throw damaged('key file length out of range');
  if (keyLength !== header.keyFile.bytes) throw damaged('key file length disagrees with the header');
  const keyFileOffset = keyLengthAt + 4;
  if (FIXED_BYTES + headerLength + keyLength > fileBytes) throw damaged('the file ends inside its key file');
  const keyFile = await readExactly(read, keyFileOffset, keyLength);
  if (sha256Hex(keyFile) !== header.keyFile.sha256) throw damaged('key file hash disagrees with the header');

  const dbLengthAt = keyFileOffset + keyLength;
  const dbLengthBig = new DataView((await readExactly(read, dbLengthAt, 8)).slice().buffer).getBigUint64(0);
  if (dbLengthBig < 1n || dbLengthBig > BigInt(MAX_DATABASE_BYTES)) throw damaged('database length out of range');
  const databaseBytes = Number(dbLengthBig);
  if (databaseBytes !== header.database.bytes) throw damaged('database length disagrees with the header');
  const databaseOffset = dbLengthAt + 8;
  const expected = databaseOffset + databaseBytes + MAC_BYTES;
  if (expected > fileBytes) throw damaged('the file is shorter than its parts (cut short?)');
  if (expected < fileBytes) throw damaged('bytes follow the MAC');
  return {
    header,
    headerBytes,
    keyFile,
    keyFileOffset,
    databaseOffset,
    databaseBytes,
    macOffset: databaseOffset + databaseBytes,
    fileBytes,
  };
}

/** The preamble and the three length fields around the header and key file, as written. */
export function framing(
  headerBytes: Uint8Array,
  keyFile: Uint8Array,
  databaseBytes: number,
): { beforeHeader: Uint8Array; beforeKeyFile: Uint8Array; beforeDatabase: Uint8Array } {
  const beforeHeader = new Uint8Array(PREAMBLE_BYTES);
  beforeHeader.set(new TextEncoder().encode(BACKUP_MAGIC));
  const view = new DataView(beforeHeader.buffer);
  view.setUint8(8, BACKUP_VERSION);
  view.setUint32(12, headerBytes.length);
  const beforeKeyFile = new Uint8Array(4);
  new DataView(beforeKeyFile.buffer).setUint32(0, keyFile.length);
  const beforeDatabase = new Uint8Array(8);
  new DataView(beforeDatabase.buffer).setBigUint64(0, BigInt(databaseBytes));
  return { beforeHeader, beforeKeyFile, beforeDatabase };
}

/** The MAC key: crypto_kdf_derive_from_key(32, 1, "HoldBkup", data key). Wipe it after use. */
export function deriveMacKey(dataKey: Uint8Array): Uint8Array {
  if (dataKey.length !== KEY_BYTES) throw new Error('data key must be 32 bytes');
  return sodium.crypto_kdf_derive_from_key(MAC_BYTES, MAC_KDF_SUBKEY_ID, MAC_KDF_CONTEXT, dataKey);
}

/** BLAKE2b-256 keyed with the MAC key, fed as the bytes are written or read. */
export class MacState {
  private readonly state: StateAddress;
  constructor(macKey: Uint8Array) {
    if (macKey.length !== MAC_BYTES) throw new Error('MAC key must be 32 bytes');
    this.state = sodium.crypto_generichash_init(macKey, MAC_BYTES);
  }
  update(bytes: Uint8Array): void {
    sodium.crypto_generichash_update(this.state, bytes);
  }
  final(): Uint8Array {
    return sodium.crypto_generichash_final(this.state, MAC_BYTES);
  }
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What a pass over a whole backup found. */
export interface ScanResult {
  macMatches: boolean;
  databaseSha256: string;
  /** SHA-256 of the whole file, MAC included (what the backups table records). */
  fileSha256: string;
}

/**
 * One pass over the file from the start to the MAC: feeds the MAC, hashes the database part, and hands
 * each piece of the database part to `database` (to write it out), in order.
 */
export async function scanBackup(
  read: ReadAt,
  layout: BackupLayout,
  macKey: Uint8Array,
  database?: (piece: Uint8Array) => Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<ScanResult> {
  const mac = new MacState(macKey);
  const dbHash = createHash('sha256');
  const fileHash = createHash('sha256');
  let position = 0;
  while (position < layout.macOffset) {
    const length = Math.min(CHUNK, layout.macOffset - position);
    const piece = await readExactly(read, position, length);
    mac.update(piece);
    fileHash.update(piece);
    const from = Math.max(position, layout.databaseOffset);
    if (from < position + length) {
      const part = piece.subarray(from - position);
      dbHash.update(part);
      if (database) await database(part);
    }
    position += length;
    onProgress?.(position, layout.fileBytes);
  }
  const expected = await readExactly(read, layout.macOffset, MAC_BYTES);
  const actual = mac.final();
  fileHash.update(expected);
  return {
    macMatches: sodium.memcmp(actual, expected),
    databaseSha256: dbHash.digest('hex'),
    fileSha256: fileHash.digest('hex'),
  };
}
