/** Names and housekeeping for the files a backup or restore makes. */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BACKUP_EXTENSION } from './format';

/** A computer's name as it may appear in a file name on any system: letters, digits, '-', '_' and '.'. */
export function safeComputerName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 40)
    .replace(/[-.]+$/g, '');
  return safe || 'computer';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `Holding backup 2026-12-05 0930 (Mays-Laptop).holdingbackup`, in local time; `n` > 1 adds " 2", " 3"… */
export function backupFileName(madeAt: Date, computer: string, n = 1): string {
  const date = `${madeAt.getFullYear()}-${pad(madeAt.getMonth() + 1)}-${pad(madeAt.getDate())}`;
  const time = `${pad(madeAt.getHours())}${pad(madeAt.getMinutes())}`;
  const again = n > 1 ? ` ${n}` : '';
  return `Holding backup ${date} ${time}${again} (${safeComputerName(computer)})${BACKUP_EXTENSION}`;
}

/** Names Holding gives its backups, so a file of this shape in a folder is one Holding (probably) wrote. */
export const BACKUP_FILE_PATTERN = /^Holding backup \d{4}-\d{2}-\d{2} \d{4}( \d+)? \(.+\)\.holdingbackup$/;

/** The hidden file a backup is written to before it is proved and renamed; it names its computer. */
export const partialName = (computer: string) =>
  `.holding-backup-${safeComputerName(computer)}-${randomBytes(6).toString('hex')}.partial`;
const PARTIAL = /^\.holding-backup-(.+)-[0-9a-f]{12}\.partial$/;

/** The work folder in the data folder: the snapshot and the copy that proves the backup. */
export const WORK_PREFIX = '.holding-backup-work-';
const WORK = /^\.holding-backup-work-[0-9a-f]{12}$/;

/** The folder a restore is made in, beside the data folder. */
export const restoreFolderName = (dataDir: string) =>
  `.${path.basename(dataDir)}.restoring-${randomBytes(6).toString('hex')}`;
/** Names of restore folders beside the data folder (see swap.ts). */
export const restorePattern = (dataDir: string) =>
  new RegExp(`^\\.${escapeRegExp(path.basename(dataDir))}\\.restoring-[0-9a-f]{12}$`);

/** The staging folder a re-encryption writes the journal under its new key into, beside the data folder. */
export const reencryptFolderName = (dataDir: string) =>
  `.${path.basename(dataDir)}.reencrypting-${randomBytes(6).toString('hex')}`;
/** Names of re-encryption staging folders beside the data folder (see swap.ts). */
export const reencryptPattern = (dataDir: string) =>
  new RegExp(`^\\.${escapeRegExp(path.basename(dataDir))}\\.reencrypting-[0-9a-f]{12}$`);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function entries(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

/**
 * Removes what an interrupted backup left: work folders in the data folder, and in the backup folder this
 * computer's partial files (another computer sharing the folder may be writing its own right now, so its
 * partials are left unless they are a day old). Only names of Holding's own shapes are ever touched.
 */
export async function removeStale(dataDir: string, folder: string | null, computer: string, now: Date): Promise<void> {
  for (const name of await entries(dataDir)) {
    if (WORK.test(name)) await fs.rm(path.join(dataDir, name), { recursive: true, force: true }).catch(() => undefined);
  }
  if (!folder) return;
  const mine = safeComputerName(computer);
  for (const name of await entries(folder)) {
    const match = PARTIAL.exec(name);
    if (!match) continue;
    const file = path.join(folder, name);
    let old = false;
    if (match[1] !== mine) {
      const stat = await fs.stat(file).catch(() => null);
      old = stat !== null && now.getTime() - stat.mtimeMs > DAY_MS;
    }
    if (match[1] === mine || old) await fs.rm(file, { force: true }).catch(() => undefined);
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
