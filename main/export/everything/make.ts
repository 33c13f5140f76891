/**
 * Writing the export: the rows are read in one transaction, turned into files (contents.ts) and streamed
 * into one zip (yazl) in a hidden partial file in the chosen folder, which is fsynced and only then renamed
 * to the name the person chose, with the folder fsynced after. A cancel, a lock or a failure removes the
 * partial file; a kill leaves only the hidden partial file, never a half zip under the chosen name, and the
 * next export into that folder removes what a kill left there.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ZipFile } from 'yazl';
import { AppError, LockedError } from '../../../common/errors';
import { localTimeZone } from '../../../common/supervision/hours';
import { syncDirectory } from '../../fs/atomic';
import { whyNotSaved } from '../../ipc/files';
import { type Task, stopIfCancelled } from '../../ipc/tasks';
import { exportFiles } from './contents';
import { readJournal } from './repository';

export interface EverythingSource {
  db(): Database;
  isUnlocked(): boolean;
}

/** Test seams only: where the kill test stops the process, and a full disk. Never set by the app. */
export interface EverythingHooks {
  /** Before each file goes into the zip (after the partial file exists). */
  beforeFile?(name: string, index: number): void | Promise<void>;
}

export interface EverythingOptions {
  history: boolean;
  appVersion: string;
  now?: () => Date;
  timeZone?: string;
  task?: Task | undefined;
  hooks?: EverythingHooks | undefined;
}

export interface EverythingResult {
  fileName: string;
  bytes: number;
  entries: number;
  files: number;
}

/** The hidden file the zip is written to before it is renamed; its shape is how a stale one is known. */
const PARTIAL = /^\.holding-export-[0-9a-f]{12}\.partial$/;
const partialName = () => `.holding-export-${randomBytes(6).toString('hex')}.partial`;
/** A partial file this old was left by a kill, not by an export running now on another computer. */
const STALE_MS = 60 * 60 * 1000;

async function removeStalePartials(folder: string, now: Date): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!PARTIAL.test(name)) continue;
    const file = path.join(folder, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && now.getTime() - stat.mtimeMs > STALE_MS) await fs.rm(file, { force: true }).catch(() => undefined);
  }
}

function cannotWrite(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError(
    'INVALID_INPUT',
    `Holding could not write the export there: ${whyNotSaved((error as NodeJS.ErrnoException).code)}. Nothing was left behind; please choose another place.`,
  );
}

/** Writes everything in the journal to `target` (a .zip), whole or not at all. */
export async function exportEverything(
  source: EverythingSource,
  target: string,
  options: EverythingOptions,
): Promise<EverythingResult> {
  const { task, hooks } = options;
  const now = options.now ?? (() => new Date());
  const stillWanted = () => {
    if (!source.isUnlocked()) throw new LockedError();
    stopIfCancelled(task);
  };
  stillWanted();
  const folder = path.dirname(path.resolve(target));
  await removeStalePartials(folder, now());

  const exportedAt = now();
  const rows = readJournal(source.db(), { history: options.history });
  const entries = rows.tables['entries']?.length ?? 0;
  // Two files an entry (Markdown and HTML), and the rest.
  const total = entries * 2 + 18;
  stillWanted();

  const partial = path.join(folder, partialName());
  let handle: fs.FileHandle | null = null;
  let placed = false;
  const zip = new ZipFile();
  let out: ReturnType<fs.FileHandle['createWriteStream']> | null = null;
  try {
    try {
      handle = await fs.open(partial, 'wx', 0o600);
    } catch (error) {
      throw cannotWrite(error);
    }
    out = handle.createWriteStream({ autoClose: false });
    const stream = out;
    // The stream leaves the file open (it is fsynced before it is closed), so it never emits 'close': its
    // end is 'finish'.
    let fail: (error: unknown) => void = () => undefined;
    const written = new Promise<void>((resolve, reject) => {
      fail = reject;
      stream.on('finish', resolve);
      stream.on('error', reject);
      zip.on('error', reject);
      zip.outputStream.on('error', reject);
    });
    written.catch(() => undefined);
    zip.outputStream.pipe(stream);

    // Each file is made only when the zip is ready for it, and the next while this one is compressed and
    // written: at most two files' text in memory beside the rows, and the zip writes no faster than the disk.
    const files = exportFiles(rows, {
      exportedAt,
      appVersion: options.appVersion,
      history: options.history,
      timeZone: options.timeZone ?? localTimeZone(),
    });
    let count = 0;
    const addNext = () => {
      const step = files.next();
      if (step.done) {
        zip.end();
        return;
      }
      const file = step.value;
      const index = count++;
      zip.addReadStreamLazy(file.name, { mtime: exportedAt, mode: 0o100600, compress: true }, (give) => {
        void (async () => {
          await hooks?.beforeFile?.(file.name, index);
          // The worker answers the window between files.
          await new Promise((resolve) => setImmediate(resolve));
          stillWanted();
          task?.progress(Math.min(index + 1, total - 1), total);
          const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : Buffer.from(file.data);
          give(null, Readable.from([data], { objectMode: false }));
          addNext();
        })().catch(fail);
      });
    };
    addNext();
    try {
      await written;
      await handle.sync();
      // The handle closes once no stream holds it.
      stream.destroy();
      await handle.close();
      handle = null;
    } catch (error) {
      throw cannotWrite(error);
    }
    stillWanted();
    const { size } = await fs.stat(partial);
    try {
      await fs.rename(partial, target);
      placed = true;
      await syncDirectory(folder);
    } catch (error) {
      throw cannotWrite(error);
    }
    task?.progress(total, total);
    return { fileName: path.basename(target), bytes: size, entries, files: count };
  } finally {
    if (!placed) {
      zip.outputStream.unpipe();
      out?.destroy();
      await handle?.close().catch(() => undefined);
      await fs.rm(partial, { force: true }).catch(() => undefined);
    }
  }
}
