/**
 * Reading Holding's own export (docs/export-format.md) so it can come back in whole. Only
 * `holding-export.json` is read: the Markdown and web pages beside it are views of the same rows.
 *
 * The zip is read with yauzl, which refuses absolute names, `..` and backslashes and checks each entry's
 * size as it inflates. On top of that: at most MAX_ZIP_ENTRIES entries, names no longer or deeper than any
 * Holding writes, no links, no encryption, and the JSON no larger than MAX_JSON_BYTES (checked against the
 * header before anything is inflated, and again while inflating). The JSON must be UTF-8, no deeper than
 * Holding writes it, with no member named twice, and match the format exactly: every table, every column,
 * each of its type. Anything else is refused with one plain sentence, and nothing of it is used.
 */
import { z } from 'zod';
import * as yauzl from 'yauzl';
import { AppError } from '../../../common/errors';
import { DuplicateMemberError, parseStrictJson } from '../../../common/strict-json';
import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION, EXPORTED_SETTINGS } from '../../export/everything/format';
import type { ColumnSpec } from '../../export/everything/table-spec';
import { TABLES } from '../../export/everything/tables';

export const EXPORT_JSON_NAME = 'holding-export.json';
/** Far more files than any journal's export has (two an entry), far fewer than could slow the reading. */
export const MAX_ZIP_ENTRIES = 500_000;
/** The JSON of a very large journal with all its history is well under this. */
export const MAX_JSON_BYTES = 400 * 1024 * 1024;
const MAX_NAME_CHARS = 1024;
const MAX_NAME_DEPTH = 12;
/** Holding writes the JSON four levels deep; documents are strings inside it. */
const MAX_JSON_DEPTH = 8;

/** A value as it goes back into the journal: text, a number, bytes, or null. */
export type ImportValue = string | number | Uint8Array | null;
export type ImportRow = Record<string, ImportValue>;

/** What a Holding export holds, checked. */
export interface HoldingExport {
  exportedAt: string;
  appVersion: string;
  schemaVersion: number;
  /** Whether it holds the revision history. */
  history: boolean;
  identity: { name: string; role: string; createdAt: string } | null;
  /** Rows of each table in docs/export-format.md, in TABLES order, blobs decoded. */
  tables: Record<string, ImportRow[]>;
}

/** Why an export was refused; `reason` is for tests and logs, the message for the person. */
export class HoldingExportError extends AppError {
  constructor(
    readonly reason:
      | 'not-a-zip'
      | 'not-holding'
      | 'unsafe-entry'
      | 'too-large'
      | 'too-many-files'
      | 'damaged'
      | 'bad-text'
      | 'malformed'
      | 'newer-version',
    message: string,
  ) {
    super('INVALID_INPUT', message);
  }
}

const damaged = () =>
  new HoldingExportError(
    'damaged',
    'That export is damaged, so Holding did not bring anything in from it. If you still have the journal it came from, please export it again.',
  );
const malformed = (detail: string) => {
  const error = new HoldingExportError(
    'malformed',
    'That file is not laid out the way Holding writes its exports, so nothing was brought in from it.',
  );
  error.cause = detail;
  return error;
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function columnSchema(spec: ColumnSpec): z.ZodType {
  const base =
    spec.type === 'text'
      ? z.string()
      : spec.type === 'integer'
        ? z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)
        : spec.type === 'real'
          ? z.number().finite()
          : z.string().max(1_000_000).regex(BASE64);
  return spec.nullable ? base.nullable() : base;
}

const tableSchemas = Object.fromEntries(
  TABLES.map((spec) => [
    spec.name,
    z.array(
      z
        .object(Object.fromEntries(Object.entries(spec.columns).map(([name, column]) => [name, columnSchema(column)])))
        .strict(),
    ),
  ]),
);

const fileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT_NAME),
    version: z.number().int(),
    exportedAt: z.string().max(64),
    appVersion: z.string().max(64),
    schemaVersion: z.number().int().min(0),
    history: z.boolean(),
    identity: z
      .object({
        name: z.string().max(1000),
        role: z.string().max(1000),
        encryption_public: z.string().max(100).regex(BASE64),
        signing_public: z.string().max(100).regex(BASE64),
        created_at: z.string().max(64),
      })
      .strict()
      .nullable(),
    tables: z.object(tableSchemas).partial().strict(),
  })
  .strict();

/** How deep the JSON's arrays and objects go, without parsing it (strings skipped), stopping past `max`. */
function depthOf(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** Checks the text of holding-export.json and gives what it holds. */
export function parseExportJson(text: string): HoldingExport {
  if (depthOf(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw malformed('nested too deeply');
  let raw: unknown;
  try {
    raw = parseStrictJson(text);
  } catch (error) {
    throw malformed(error instanceof DuplicateMemberError ? error.message : 'not JSON');
  }
  if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format === EXPORT_FORMAT_NAME) {
    const version = (raw as { version?: unknown }).version;
    if (typeof version === 'number' && version > EXPORT_FORMAT_VERSION) {
      throw new HoldingExportError(
        'newer-version',
        'That export was made by a newer version of Holding. Please update Holding here, then bring it in again.',
      );
    }
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw malformed(parsed.error.issues[0]?.path.join('.') ?? 'schema');
  const file = parsed.data;
  if (file.version < 1 || file.version > EXPORT_FORMAT_VERSION) throw malformed('version');
  const tables: Record<string, ImportRow[]> = {};
  for (const spec of TABLES) {
    const rows = file.tables[spec.name] as Record<string, string | number | null>[] | undefined;
    if ((spec.since ?? 1) > file.version) {
      // Added to the format after the version this file was written in: it cannot be there.
      if (rows !== undefined) throw malformed(`${spec.name} in version ${file.version}`);
      tables[spec.name] = [];
      continue;
    }
    if (spec.history && !file.history) {
      if (rows !== undefined) throw malformed(`${spec.name} without history`);
      continue;
    }
    if (rows === undefined) throw malformed(`${spec.name} missing`);
    if (spec.name === 'settings' && rows.some((r) => !EXPORTED_SETTINGS.includes(r['key'] as string)))
      throw malformed('unknown setting');
    const blobs = Object.entries(spec.columns)
      .filter(([, c]) => c.type === 'blob')
      .map(([name]) => name);
    tables[spec.name] = blobs.length
      ? rows.map((row) => {
          const out: ImportRow = { ...row };
          for (const name of blobs) {
            const value = row[name];
            if (typeof value === 'string') out[name] = new Uint8Array(Buffer.from(value, 'base64'));
          }
          return out;
        })
      : rows;
  }
  return {
    exportedAt: file.exportedAt,
    appVersion: file.appVersion,
    schemaVersion: file.schemaVersion,
    history: file.history,
    identity: file.identity
      ? { name: file.identity.name, role: file.identity.role, createdAt: file.identity.created_at }
      : null,
    tables,
  };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true },
      (error, zip) => {
        if (error || !zip) {
          reject(
            new HoldingExportError(
              'not-a-zip',
              'That file is not a zip file, so it cannot be a Holding export. Holding’s exports end in “.zip”.',
            ),
          );
        } else resolve(zip);
      },
    );
  });
}

const unsafeEntry = () =>
  new HoldingExportError(
    'unsafe-entry',
    'That zip file holds something no Holding export holds (a file named to land outside its folder, or a link), so nothing was brought in from it.',
  );

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Whether an entry's name and kind are ones Holding could have written. */
function checkEntry(entry: yauzl.Entry): void {
  const name = entry.fileName;
  const unsafe = unsafeEntry;
  if (name.length > MAX_NAME_CHARS || name.split('/').length > MAX_NAME_DEPTH) throw unsafe();
  if (name.startsWith('/') || /(^|\/)\.\.?(\/|$)/.test(name) || name.includes('\\') || /^[a-z]:/i.test(name))
    throw unsafe();
  const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
  if ((mode & S_IFMT) === S_IFLNK) throw unsafe();
  if (entry.isEncrypted()) throw unsafe();
}

/** The bounds a read keeps to; smaller ones are for tests. */
export interface ReadLimits {
  maxEntries: number;
  maxJsonBytes: number;
}

const LIMITS: ReadLimits = { maxEntries: MAX_ZIP_ENTRIES, maxJsonBytes: MAX_JSON_BYTES };

async function readEntryText(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: ReadLimits): Promise<string> {
  if (entry.uncompressedSize > limits.maxJsonBytes) {
    throw new HoldingExportError(
      'too-large',
      'That export is larger than Holding can bring in at once, so nothing was brought in from it.',
    );
  }
  if (!entry.canDecodeFileData()) throw damaged();
  const stream = await zip.openReadStreamPromise(entry).catch(() => {
    throw damaged();
  });
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      // yauzl checks the size as it inflates; this is a second guard that costs nothing.
      if (bytes > limits.maxJsonBytes) throw damaged();
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof HoldingExportError) throw error;
    throw damaged();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, bytes));
  } catch {
    throw new HoldingExportError(
      'bad-text',
      'Part of that export is not readable text, so it may be damaged. Nothing was brought in from it.',
    );
  }
}

/**
 * Opens a Holding export (.zip) and gives what it holds, checked; changes nothing. Throws HoldingExportError
 * with a plain sentence for anything that is not a whole, well-formed Holding export.
 */
export async function readHoldingExport(file: string, limits: ReadLimits = LIMITS): Promise<HoldingExport> {
  const zip = await openZip(file);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new HoldingExportError(
        'too-many-files',
        'That zip file holds far more files than any Holding export, so nothing was brought in from it.',
      );
    }
    let text: string | null = null;
    let seen = 0;
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        const onEntry = (e: yauzl.Entry) => {
          cleanup();
          resolve(e);
        };
        const onEnd = () => {
          cleanup();
          resolve(null);
        };
        const onError = (error: Error) => {
          cleanup();
          // yauzl's own refusals of a name (absolute, `..`, a backslash) are the same refusal as ours.
          reject(/path|fileName/i.test(error.message) ? unsafeEntry() : damaged());
        };
        const cleanup = () => {
          zip.off('entry', onEntry);
          zip.off('end', onEnd);
          zip.off('error', onError);
        };
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onError);
        zip.readEntry();
      });
      if (!entry) break;
      seen += 1;
      if (seen > limits.maxEntries)
        throw new HoldingExportError('too-many-files', 'That zip file holds too many files.');
      checkEntry(entry);
      if (entry.fileName === EXPORT_JSON_NAME) {
        if (text !== null) throw malformed('two holding-export.json');
        text = await readEntryText(zip, entry, limits);
      }
    }
    if (text === null) {
      throw new HoldingExportError(
        'not-holding',
        'That zip file is not an export from Holding: it has no holding-export.json inside. To bring in another journal, choose its own export instead.',
      );
    }
    return parseExportJson(text);
  } finally {
    zip.close();
  }
}

/** Whether a zip file looks like a Holding export (it holds holding-export.json), without reading it. */
export async function isHoldingExport(file: string): Promise<boolean> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    return false;
  }
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) return false;
    return await new Promise<boolean>((resolve) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName === EXPORT_JSON_NAME) resolve(true);
        else zip.readEntry();
      });
      zip.on('end', () => resolve(false));
      zip.on('error', () => resolve(false));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
