/**
 * The last part of a restore: the journal in the data folder, if any, moved aside whole into a dated folder
 * beside it, and the restored journal moved in. A handful of renames, but a crash, a power cut or a killed
 * process can land between any two of them, so the swap is written down first and finished at the next start.
 *
 * 1. The restored journal, checked, sits in its restore folder beside the data folder (see restore.ts).
 * 2. The set-aside folder is made, and `restore-ready.json` is written into the restore folder and made
 *    durable: from here on the restore is decided and goes forward, even after a crash.
 * 3. The journal's files here go aside, the key file first (from then on the data folder no longer reads as
 *    a journal); then the restored database comes in, and its key file last (so the folder reads as a
 *    journal only when both are in).
 * 4. A note for the restored journal (`restored.json`: where the previous journal went) is left in the data
 *    folder; the journal keeps it inside the database at its next unlock (see takeRestoreNote).
 * 5. The restore folder is removed.
 *
 * At start, before the first screen asks whether there is a journal, finishInterruptedRestore looks beside
 * the data folder: a restore folder with its ready file is finished (steps 3–5, each done only if still
 * needed: a file still in the restore folder has not moved in yet, so whatever the data folder has under
 * that name is the previous journal's); one without is what a restore left before it had decided anything,
 * and is removed. Nothing of the previous journal is ever deleted.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic';
import { exists, restorePattern, syncDirectory } from './files';
import { RESTORED_DB, RESTORED_KEY } from './read';

/** The journal's files, moved aside together. */
const JOURNAL_FILES = ['holding.db', 'holding.db-wal', 'holding.db-shm', 'holding.key'] as const;
/** In the restore folder: the swap has been decided (see the steps above). */
const READY_FILE = 'restore-ready.json';
/** In the data folder after a restore, until the journal has taken it in. */
export const RESTORE_NOTE_FILE = 'restored.json';

/** What a restore leaves for the restored journal to remember: where the journal it replaced went. */
export interface RestoreNote {
  /** The folder the previous journal was moved to; null when there was none. */
  setAsideFolder: string | null;
  /** ISO 8601. */
  restoredAt: string;
  /** The backup restored: its file name and when it was made (ISO 8601). */
  backupFile: string;
  backupMadeAt: string;
}

/** Each point of the swap, for the kill test: `aside <file>` and `in <file>` name the file just moved. */
export type SwapStep = 'ready' | `aside ${string}` | `in ${string}` | 'noted' | 'done';

export interface SwapHooks {
  onStep?: (step: SwapStep) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A new folder beside the data folder for the journal being replaced: `Holding set aside 2026-12-05 0930`. */
async function makeSetAsideFolder(dataDir: string, now: Date): Promise<string> {
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}`;
  const base = path.join(path.dirname(dataDir), `${path.basename(dataDir)} set aside ${stamp}`);
  for (let n = 1; ; n++) {
    const folder = n === 1 ? base : `${base} ${n}`;
    try {
      await fs.mkdir(folder, { mode: 0o700 });
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function presentIn(dir: string): Promise<string[]> {
  const present = [];
  for (const name of JOURNAL_FILES) if (await exists(path.join(dir, name))) present.push(name);
  return present;
}

/**
 * Steps 3–5 from wherever they stopped. Safe to run again at any point: each move happens only while its
 * source is still there, and a previous journal's file is only ever moved, never replaced or deleted.
 */
async function finishSwap(dataDir: string, restoring: string, note: RestoreNote, hooks?: SwapHooks): Promise<void> {
  const step = (s: SwapStep) => hooks?.onStep?.(s);
  const restoredDbWaiting = await exists(path.join(restoring, RESTORED_DB));
  const restoredKeyWaiting = await exists(path.join(restoring, RESTORED_KEY));
  // While the restored database waits, everything of the journal's here is the previous journal's; once it
  // has moved in, only a key file could still be (if it waits too): it went aside first, so none should be.
  const previous = (await presentIn(dataDir)).filter((name) =>
    restoredDbWaiting ? true : name === RESTORED_KEY && restoredKeyWaiting,
  );
  if (previous.length > 0) {
    // A ready file names a set-aside folder whenever there was a journal here; should it be missing
    // (moved by hand), a new one is made rather than anything overwritten.
    let aside = note.setAsideFolder;
    if (!aside || (await presentIn(aside)).some((name) => previous.includes(name))) {
      aside = await makeSetAsideFolder(dataDir, new Date());
      note = { ...note, setAsideFolder: aside };
    }
    await fs.mkdir(aside, { recursive: true, mode: 0o700 });
    // The key file first: from then on the folder no longer reads as an openable journal.
    for (const name of [...previous].reverse()) {
      await fs.rename(path.join(dataDir, name), path.join(aside, name));
      step(`aside ${name}`);
    }
    await syncDirectory(aside);
  }
  if (restoredDbWaiting) {
    await fs.rename(path.join(restoring, RESTORED_DB), path.join(dataDir, RESTORED_DB));
    step(`in ${RESTORED_DB}`);
  }
  if (restoredKeyWaiting) {
    await fs.rename(path.join(restoring, RESTORED_KEY), path.join(dataDir, RESTORED_KEY));
    step(`in ${RESTORED_KEY}`);
  }
  await syncDirectory(dataDir);
  await writeFileAtomic(path.join(dataDir, RESTORE_NOTE_FILE), JSON.stringify(note));
  step('noted');
  await fs.rm(restoring, { recursive: true, force: true });
  await syncDirectory(path.dirname(dataDir));
  step('done');
}

/**
 * Steps 2–5 for a restored journal waiting, checked, in `restoring`. The journal here must be locked.
 * Resolves the folder the previous journal went to, or null when there was none. If it throws before the
 * ready file is written, nothing here has changed; after, the next start finishes it.
 */
export async function swapIn(
  dataDir: string,
  restoring: string,
  about: Omit<RestoreNote, 'setAsideFolder' | 'restoredAt'>,
  now: Date,
  hooks?: SwapHooks,
): Promise<string | null> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const setAsideFolder = (await presentIn(dataDir)).length > 0 ? await makeSetAsideFolder(dataDir, now) : null;
  const note: RestoreNote = { setAsideFolder, restoredAt: now.toISOString(), ...about };
  try {
    await writeFileAtomic(path.join(restoring, READY_FILE), JSON.stringify(note));
  } catch (error) {
    if (setAsideFolder) await fs.rmdir(setAsideFolder).catch(() => undefined);
    throw error;
  }
  hooks?.onStep?.('ready');
  try {
    await finishSwap(dataDir, restoring, note, hooks);
  } catch (error) {
    // A rename refused (permissions, a file held open by another program): put everything back as it was.
    // If even that fails, the ready file stays and the next start finishes the swap instead.
    try {
      await rollBack(dataDir, restoring, setAsideFolder);
    } catch {
      throw new SwapUnfinished(error);
    }
    throw error;
  }
  return setAsideFolder;
}

/** A swap that could neither finish nor be undone: its restore folder must stay for the next start. */
export class SwapUnfinished extends Error {
  constructor(cause: unknown) {
    super('the restore could not be finished or undone', { cause });
  }
}

/** Undoes a swap that failed part-way: the restored files back to the restore folder, the previous journal's home. */
async function rollBack(dataDir: string, restoring: string, setAsideFolder: string | null): Promise<void> {
  // The restored key file comes in last, so it goes back first; a restored file is in the data folder
  // exactly when it is no longer waiting in the restore folder.
  for (const name of [RESTORED_KEY, RESTORED_DB]) {
    if (!(await exists(path.join(restoring, name))) && (await exists(path.join(dataDir, name)))) {
      await fs.rename(path.join(dataDir, name), path.join(restoring, name));
    }
  }
  if (setAsideFolder) {
    for (const name of JOURNAL_FILES) {
      const from = path.join(setAsideFolder, name);
      if ((await exists(from)) && !(await exists(path.join(dataDir, name)))) {
        await fs.rename(from, path.join(dataDir, name));
      }
    }
  }
  await syncDirectory(dataDir);
  await fs.rm(path.join(restoring, READY_FILE));
  if (setAsideFolder) await fs.rmdir(setAsideFolder).catch(() => undefined);
}

/** A ready file or a note as swapIn wrote it; null when it is missing or not whole. */
async function readNote(file: string): Promise<RestoreNote | null> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { setAsideFolder, restoredAt, backupFile, backupMadeAt } = json as Record<string, unknown>;
  if (setAsideFolder !== null && typeof setAsideFolder !== 'string') return null;
  if (typeof restoredAt !== 'string' || typeof backupFile !== 'string' || typeof backupMadeAt !== 'string') {
    return null;
  }
  return { setAsideFolder, restoredAt, backupFile, backupMadeAt };
}

/**
 * Run once at start, before anyone asks whether there is a journal: finishes a restore that was decided
 * (its ready file written) when Holding stopped, and removes what one left before it had decided anything.
 * With `finish: false` (a new restore beginning, the journal perhaps open) only the latter.
 */
export async function finishInterruptedRestore(dataDir: string, { finish = true } = {}): Promise<void> {
  const parent = path.dirname(path.resolve(dataDir));
  const pattern = restorePattern(dataDir);
  let names: string[];
  try {
    names = await fs.readdir(parent);
  } catch {
    return;
  }
  for (const name of names.filter((n) => pattern.test(n)).sort()) {
    const restoring = path.join(parent, name);
    const note = await readNote(path.join(restoring, READY_FILE));
    if (!note) await fs.rm(restoring, { recursive: true, force: true });
    else if (finish) await finishSwap(path.resolve(dataDir), restoring, note);
  }
}

/**
 * Hands the note a restore left in the data folder to `keep` (which writes it into the journal), then
 * removes the file. An unreadable note is removed; one that `keep` could not take stays for next time.
 */
export async function takeRestoreNote(dataDir: string, keep: (note: RestoreNote) => void): Promise<void> {
  const file = path.join(dataDir, RESTORE_NOTE_FILE);
  if (!(await exists(file))) return;
  const note = await readNote(file);
  if (note) keep(note);
  await fs.rm(file, { force: true });
}
