import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Writes a file so that a crash at any moment leaves either the old file or the new one,
 * never a mixture: temp file in the same folder, fsync, rename over the target, fsync the
 * folder so the rename itself is durable.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | null = null;
  inFlight.add(temp);
  try {
    handle = await fs.open(temp, 'wx', mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  await syncDirectory(dir);
}

/** writeFileAtomic's temporary files: `.<name>.<12 hex digits>.tmp`. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** The temporary files this process is writing now, never taken for a crash's leftovers. */
const inFlight = new Set<string>();
/** A temporary file older than this, and not being written by this process, was left by a crash. */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes the temporary files a crash in the middle of writeFileAtomic left in `dir` (issue 19: hidden,
 * often empty, files beside an export), before the next file is written there and, for the data folder, at
 * unlock. Only regular files of writeFileAtomic's own name shape, not being written by this process, and
 * older than a minute (another Holding writing in the same folder is left alone). Best effort: a folder
 * that cannot be read, or a file that cannot be removed, is passed over. Returns the names removed.
 */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (!TEMP_NAME.test(name) || inFlight.has(file)) continue;
    try {
      const stat = await fs.lstat(file);
      if (!stat.isFile() || now - stat.mtimeMs < STALE_TEMP_MS) continue;
      await fs.rm(file);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: passed over.
    }
  }
  return removed;
}

/** Makes a rename or a new file in `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS makes renames durable itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
