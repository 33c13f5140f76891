/**
 * Noticing an older copy of the journal (issue 19): a database put back from an old copy (a sync conflict,
 * a file copied over it, or someone rolling it back on purpose) opened silently. Each unlock bumps a count
 * inside the database (`vault_meta.open_count`), and a small record outside it, beside the key file,
 * remembers the count this computer last opened. A database whose count is below the record's is older than
 * the last one opened here, and the person is told so.
 *
 * It only ever warns: a record that is missing, unreadable, for another journal or cannot be written is
 * passed over (the journal opens as ever), so it can never keep anyone out. The record holds the journal's
 * id, the count and a time, nothing of what is written.
 */
import { promises as fs } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { OlderCopy } from '../../common/ipc/contract';
import { parseStrictJson } from '../../common/strict-json';
import { writeFileAtomic } from '../fs/atomic';
import { describeForLog } from '../shell-common/log';

export const OPENED_RECORD_NAME = 'holding.opened';

const recordSchema = z
  .object({
    format: z.literal('holding.opened'),
    vaultId: z.string().max(100),
    openCount: z.number().int().nonnegative(),
    openedAt: z.iso.datetime(),
  })
  .strict();

export type OpenedRecord = z.infer<typeof recordSchema>;

/** The record, or null when there is none or it cannot be read (never an error: see above). */
export async function readOpenedRecord(file: string): Promise<OpenedRecord | null> {
  try {
    const text = await fs.readFile(file, 'utf8');
    if (text.length > 4096) return null;
    const parsed = recordSchema.safeParse(parseStrictJson(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes the record; a failure is passed over (logged by the caller), since it only ever warns. */
export async function writeOpenedRecord(file: string, record: OpenedRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Inside the open database (before it is handed over): compares its count with the record's, and bumps it
 * past both. Returns what to record, or, when the database is the older, the notice to give and nothing to
 * record: both the copy and the record are left as they are (had the copy been bumped past the record, the
 * newer copy, put back as the notice advises, would be called the older one).
 */
export function noteOpening(
  db: Database,
  vaultId: string,
  record: OpenedRecord | null,
  now: Date,
): { record: OpenedRecord | null; olderCopy: OlderCopy | null } {
  const meta = (key: string) =>
    db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(key) as string | undefined;
  const inDatabase = Number(meta('open_count') ?? 0) || 0;
  const lastOpenedHere = record?.vaultId === vaultId ? record : null;
  const olderCopy =
    lastOpenedHere && inDatabase < lastOpenedHere.openCount
      ? { lastOpenedHere: lastOpenedHere.openedAt, thisCopyLastOpened: meta('last_opened_at') ?? null }
      : null;
  // An older copy is left exactly as it is until the person has read the notice (adoptOpenedCopy).
  if (olderCopy) return { record: null, olderCopy };
  const openCount = Math.max(inDatabase, lastOpenedHere?.openCount ?? 0) + 1;
  return { record: countOpening(db, vaultId, openCount, now), olderCopy: null };
}

/**
 * The person has read the notice and goes on with the copy open now: it becomes the newest opened here (its
 * count past the record's), so the notice does not come again for it. Until then the record is left alone,
 * and the notice comes at each unlock of this copy; the newer copy, put back meanwhile, is never called old.
 */
export function adoptOpenedCopy(db: Database, recordCount: number, now: Date): OpenedRecord {
  const meta = (key: string) =>
    db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(key) as string | undefined;
  const vaultId = meta('vault_id') ?? '';
  const openCount = Math.max(Number(meta('open_count') ?? 0) || 0, recordCount) + 1;
  return countOpening(db, vaultId, openCount, now);
}

/** The opening counted inside the database (its count and time, together), and the record that says so. */
function countOpening(db: Database, vaultId: string, openCount: number, now: Date): OpenedRecord {
  const openedAt = now.toISOString();
  const upsert = db.prepare(
    'INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    upsert.run('open_count', String(openCount));
    upsert.run('last_opened_at', openedAt);
  })();
  return { format: 'holding.opened', vaultId, openCount, openedAt };
}

/**
 * One vault's notice: noted at each unlock, given in the vault's status until the person has read it (or
 * the journal locks), with the record outside the journal kept as it should be.
 */
export class OlderCopyNotice {
  /** Set at unlock when the journal opened is older than the one last opened here; cleared on lock. */
  olderCopy: OlderCopy | null = null;
  /** The record's count when an older copy was opened, until the person has read the notice. */
  private recordCount: number | null = null;

  constructor(private readonly file: string) {}

  /** The record this computer keeps, as it is before an unlock. */
  lastOpened(): Promise<OpenedRecord | null> {
    return readOpenedRecord(this.file);
  }

  /**
   * At an unlock, inside the open database: the opening noted (noteOpening) and any notice kept to give;
   * returns what to record once the journal is open. It only ever warns: a count that cannot be kept (a full
   * disk, a read-only file) never stops the unlock.
   */
  note(db: Database, vaultId: string, lastOpened: OpenedRecord | null, now: Date): OpenedRecord | null {
    try {
      const noted = noteOpening(db, vaultId, lastOpened, now);
      this.olderCopy = noted.olderCopy;
      this.recordCount = noted.olderCopy ? (lastOpened?.openCount ?? null) : null;
      return noted.record;
    } catch {
      // Passed over: the journal opens as ever.
      return null;
    }
  }

  /** The notice read: whether there was one to read (it is no longer given either way). */
  read(): boolean {
    const seen = this.olderCopy !== null;
    this.olderCopy = null;
    return seen;
  }

  /** After the notice was read, the copy open now kept as the newest opened here (adoptOpenedCopy). */
  async adopt(db: () => Database, now: Date): Promise<void> {
    const count = this.recordCount;
    if (count === null) return;
    try {
      await this.record(adoptOpenedCopy(db(), count, now));
    } catch {
      // Passed over: the notice comes again at the next unlock, and nothing else changes.
    }
    this.recordCount = null;
  }

  /** Remembers the journal just opened, outside it; a record that cannot be written is passed over. */
  async record(record: OpenedRecord | null): Promise<void> {
    if (!record) return;
    try {
      await writeOpenedRecord(this.file, record);
    } catch (error) {
      console.error(`[holding] could not note the journal opened: ${describeForLog(error)}`);
    }
  }

  forget(): void {
    this.olderCopy = null;
    this.recordCount = null;
  }
}
