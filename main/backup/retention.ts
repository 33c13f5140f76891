/**
 * Which backups to keep, and the step that deletes the rest. The rule (common/backup/types.ts): every
 * backup from the last 48 hours; beyond that the newest of each of the last 7 days that have one, of the
 * last 5 weeks and of the last 12 months (by the person's own calendar). Never the newest checked backup,
 * and never a file Holding did not write: only files it recorded, whose header names this journal.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupRecord, RetentionRule } from '../../common/backup/types';

/** A backup file as retention sees it. */
export interface RetentionCandidate {
  id: string;
  /** ISO 8601, when it was made. */
  madeAt: string;
  /** Holding wrote it, of this journal (recorded, and its header's vault id matches): only these may go. */
  ours: boolean;
}

export interface RetentionPlan {
  keep: string[];
  remove: string[];
}

const HOUR = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** The Monday that starts the week (local time). */
const weekKey = (d: Date) => dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)));
const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/**
 * Pure: which of `backups` to keep and which to delete, `now`. A rule of null keeps everything. A backup
 * whose date cannot be read is kept, as is anything in the future (a clock set wrong).
 */
export function planRetention(
  backups: readonly RetentionCandidate[],
  now: Date,
  rule: RetentionRule | null,
): RetentionPlan {
  const keep = new Set<string>();
  const dated: { id: string; time: number }[] = [];
  for (const b of backups) {
    const time = Date.parse(b.madeAt);
    if (!b.ours || !rule || Number.isNaN(time)) keep.add(b.id);
    else dated.push({ id: b.id, time });
  }
  // Newest first; ties in a fixed order so the plan never depends on the order given.
  dated.sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  if (rule && dated.length > 0) {
    keep.add(dated[0]!.id);
    const since = now.getTime() - rule.recentHours * HOUR;
    for (const b of dated) if (b.time >= since) keep.add(b.id);
    const buckets: [number, (d: Date) => string][] = [
      [rule.daily, dayKey],
      [rule.weekly, weekKey],
      [rule.monthly, monthKey],
    ];
    for (const [count, key] of buckets) {
      const seen = new Set<string>();
      for (const b of dated) {
        const k = key(new Date(b.time));
        if (seen.has(k)) continue;
        if (seen.size >= count) break;
        seen.add(k);
        keep.add(b.id);
      }
    }
  }
  const remove = dated.filter((b) => !keep.has(b.id)).map((b) => b.id);
  return { keep: backups.map((b) => b.id).filter((id) => keep.has(id)), remove };
}

/** A record as retention reads it: with the file's SHA-256 when the service gives it (storedRecords). */
export type RetainedRecord = BackupRecord & { sha256?: string };

/** What the retention step needs of the backup service. */
export interface RetainedBackups {
  records(): RetainedRecord[];
  readHeader(file: string): Promise<{ vaultId: string; madeAt: string } | null>;
  forget(id: string): void;
}

export interface ApplyRetentionOptions {
  backups: RetainedBackups;
  /** This journal's vault id: a file whose header names another journal is never touched. */
  vaultId: string;
  rule: RetentionRule | null;
  now: Date;
  /** Deletes a file (fs.unlink by default). */
  remove?: (file: string) => Promise<void>;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Whether the file is still the one Holding wrote (same size and, when recorded, the same SHA-256). */
async function stillOurs(record: RetainedRecord, file: string): Promise<boolean> {
  try {
    if ((await fs.stat(file)).size !== record.bytes) return false;
    return record.sha256 === undefined || (await sha256Of(file)) === record.sha256;
  } catch {
    return false;
  }
}

/**
 * Deletes the backups the rule does not keep, then forgets their records. A file that is missing (a drive
 * unplugged), unreadable, not this journal's, or no longer the bytes Holding wrote (replaced under the same
 * name) is left alone, and so is its record.
 */
export async function applyRetention(options: ApplyRetentionOptions): Promise<BackupRecord[]> {
  const { backups, vaultId, rule, now } = options;
  if (!rule) return [];
  const remove = options.remove ?? ((file: string) => fs.unlink(file));
  const records = backups.records();
  const files = new Map(records.map((r) => [r.id, path.join(r.folder, r.fileName)]));
  const candidates = await Promise.all(
    records.map(async (r): Promise<RetentionCandidate> => {
      const header = await backups.readHeader(files.get(r.id)!).catch(() => null);
      return { id: r.id, madeAt: r.madeAt, ours: header?.vaultId === vaultId };
    }),
  );
  const plan = planRetention(candidates, now, rule);
  const removed: BackupRecord[] = [];
  for (const id of plan.remove) {
    const record = records.find((r) => r.id === id)!;
    if (!(await stillOurs(record, files.get(id)!))) continue;
    try {
      await remove(files.get(id)!);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') continue;
    }
    backups.forget(id);
    removed.push(record);
  }
  return removed;
}
