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
  const openedAt = now.toISOString();
  const upsert = db.prepare(
    'INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    upsert.run('open_count', String(openCount));
    upsert.run('last_opened_at', openedAt);
  })();
  return { record: { format: 'holding.opened', vaultId, openCount, openedAt }, olderCopy: null };
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
