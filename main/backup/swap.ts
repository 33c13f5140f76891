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
 *
 * Re-encrypting the journal (main/vault/reencrypt.ts) swaps the same way, from a staging folder of its own
 * (`.Holding.reencrypting-…`): its ready file says so (`kind: 'reencrypt'`), the journal's files go aside
 * into `previous/` inside that folder rather than a dated folder, the record of the journal opened here stays
 * (the journal is the same, only its key has changed), and once the re-encrypted journal is in, the staging
 * folder is removed whole, the previous copy with it: it was under the old key, which is what re-encrypting
 * ends. Before its ready file, the previous journal is untouched and the staging folder is removed at start.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { syncDirectory, writeFileAtomic } from '../fs/atomic';
import { OPENED_RECORD_NAME } from '../vault/opened-record';
import { exists, reencryptPattern, restorePattern } from './files';
import { RESTORED_DB, RESTORED_KEY } from './read';

/**
 * The journal's files, moved aside together. The record of the journal last opened here (main/vault/
 * opened-record.ts) goes with the journal it speaks of: the restored one is older on purpose, and no notice should say so.
 */
const JOURNAL_FILES = [OPENED_RECORD_NAME, 'holding.db', 'holding.db-wal', 'holding.db-shm', 'holding.key'] as const;
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

/** What a re-encryption's ready file says: the swap is decided, and when. */
export interface ReencryptNote {
  kind: 'reencrypt';
  /** ISO 8601. */
  reencryptedAt: string;
}

type SwapNote = RestoreNote | ReencryptNote;
const isReencrypt = (note: SwapNote): note is ReencryptNote => 'kind' in note && note.kind === 'reencrypt';
/** Inside a re-encryption's staging folder: where the journal under the old key goes aside, until removed. */
const PREVIOUS = 'previous';

/** Each point of the swap, for the kill test: `aside <file>` and `in <file>` name the file just moved. */
export type SwapStep = 'ready' | `aside ${string}` | `in ${string}` | 'noted' | 'done';

export interface SwapHooks {
  onStep?: (step: SwapStep) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The set-aside folder's name for a restore made at `now`: `Holding set aside 2026-12-05 0930`. */
const setAsidePrefix = (dataDir: string) => `${path.basename(dataDir)} set aside `;

/** A folder beside the data folder for the journal being replaced, not there yet (made when it is needed). */
async function newSetAsideFolder(dataDir: string, now: Date): Promise<string> {
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}`;
  const base = path.join(path.dirname(dataDir), `${setAsidePrefix(dataDir)}${stamp}`);
  for (let n = 1; ; n++) {
    const folder = n === 1 ? base : `${base} ${n}`;
    if (!(await exists(folder))) return folder;
  }
}

/** Whether `folder` is one Holding would have named: directly beside the data folder, with the set-aside name. */
function isSetAsideFolderOf(dataDir: string, folder: string): boolean {
  const resolved = path.resolve(folder);
  return (
    path.dirname(resolved) === path.dirname(path.resolve(dataDir)) &&
    path.basename(resolved).startsWith(setAsidePrefix(dataDir)) &&
    path.basename(resolved).length <= 255
  );
}

async function presentIn(dir: string, names: readonly string[] = JOURNAL_FILES): Promise<string[]> {
  const present = [];
  for (const name of names) if (await exists(path.join(dir, name))) present.push(name);
  return present;
}

/** The files a swap moves: a re-encryption keeps the record of the journal opened here (it is the same journal). */
const filesFor = (note: SwapNote): readonly string[] =>
  isReencrypt(note) ? JOURNAL_FILES.filter((name) => name !== OPENED_RECORD_NAME) : JOURNAL_FILES;

/** Where a re-encryption puts the journal under the old key: `previous/` in its folder (a fresh one if taken). */
async function previousFolder(restoring: string, moving: string[]): Promise<string> {
  for (let n = 1; ; n++) {
    const folder = path.join(restoring, n === 1 ? PREVIOUS : `${PREVIOUS}-${n}`);
    if (!(await presentIn(folder)).some((name) => moving.includes(name))) return folder;
  }
}

/**
 * A rename, tried again a few times when the system says the file is busy: on Windows an antivirus or
 * indexer often holds a file that has just been written, for a moment.
 */
async function rename(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 4 || !(code === 'EBUSY' || code === 'EPERM' || code === 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

/**
 * Step 3 from wherever it stopped: the previous journal aside, the restored one in. Safe to run again at any
 * point: each move happens only while its source is still there, and a previous journal's file is only ever
 * moved, never replaced or deleted. Resolves the note, with the set-aside folder actually used.
 */
async function moveIn(dataDir: string, restoring: string, note: SwapNote, hooks?: SwapHooks): Promise<SwapNote> {
  const step = (s: SwapStep) => hooks?.onStep?.(s);
  const restoredDbWaiting = await exists(path.join(restoring, RESTORED_DB));
  const restoredKeyWaiting = await exists(path.join(restoring, RESTORED_KEY));
  // While the restored database waits, everything of the journal's here is the previous journal's; once it
  // has moved in, only a key file could still be (if it waits too): it went aside first, so none should be.
  const previous = (await presentIn(dataDir, filesFor(note))).filter((name) =>
    restoredDbWaiting ? true : name === RESTORED_KEY && restoredKeyWaiting,
  );
  if (previous.length > 0 && isReencrypt(note)) {
    const aside = await previousFolder(restoring, previous);
    await fs.mkdir(aside, { recursive: true, mode: 0o700 });
    for (const name of [...previous].reverse()) {
      await rename(path.join(dataDir, name), path.join(aside, name));
      step(`aside ${name}`);
    }
    await syncDirectory(aside);
  } else if (previous.length > 0 && !isReencrypt(note)) {
    // A restore: the journal here goes aside whole into a dated folder beside the data folder, and stays.
    // A ready file names a set-aside folder whenever there was a journal here; should it be missing, of
    // a name Holding would not give, or already hold files of these names, a new one is made instead.
    let aside = note.setAsideFolder;
    if (
      !aside ||
      !isSetAsideFolderOf(dataDir, aside) ||
      (await presentIn(aside)).some((name) => previous.includes(name))
    ) {
      aside = await newSetAsideFolder(dataDir, new Date());
      note = { ...note, setAsideFolder: aside };
    }
    await fs.mkdir(aside, { recursive: true, mode: 0o700 });
    // The key file first: from then on the folder no longer reads as an openable journal.
    for (const name of [...previous].reverse()) {
      await rename(path.join(dataDir, name), path.join(aside, name));
      step(`aside ${name}`);
    }
    await syncDirectory(aside);
  }
  if (restoredDbWaiting) {
    await rename(path.join(restoring, RESTORED_DB), path.join(dataDir, RESTORED_DB));
    step(`in ${RESTORED_DB}`);
  }
  if (restoredKeyWaiting) {
    await rename(path.join(restoring, RESTORED_KEY), path.join(dataDir, RESTORED_KEY));
    step(`in ${RESTORED_KEY}`);
  }
  await syncDirectory(dataDir);
  return note;
}

/**
 * Steps 4–5, once the restored journal is in: the swap has succeeded, so a failure here is only left for the
 * next start to tidy (it finds the ready file, moves nothing, and tries again).
 */
async function tidy(dataDir: string, restoring: string, note: SwapNote, hooks?: SwapHooks): Promise<void> {
  try {
    // A re-encryption leaves no note: the journal is the same one, and its previous copy goes with the folder.
    if (!isReencrypt(note)) {
      await writeFileAtomic(path.join(dataDir, RESTORE_NOTE_FILE), JSON.stringify(note));
      hooks?.onStep?.('noted');
    }
    await fs.rm(restoring, { recursive: true, force: true });
    await syncDirectory(path.dirname(dataDir));
    hooks?.onStep?.('done');
  } catch {
    // The restored journal is in place and opens; the rest waits for the next start.
  }
}

/**
 * Steps 2–5 for a restored journal waiting, checked, in `restoring`. The journal here must be locked.
 * Resolves the folder the previous journal went to, or null when there was none. If it throws an ordinary
 * error, everything is as it was; SwapUnfinished means the next start will finish it.
 */
export async function swapIn(
  dataDir: string,
  restoring: string,
  about: Omit<RestoreNote, 'setAsideFolder' | 'restoredAt'>,
  now: Date,
  hooks?: SwapHooks,
): Promise<string | null> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  // Only named here: made when the first file goes aside, so a crash before that leaves no empty folder.
  const planned = (await presentIn(dataDir)).length > 0 ? await newSetAsideFolder(dataDir, now) : null;
  const planNote: RestoreNote = { setAsideFolder: planned, restoredAt: now.toISOString(), ...about };
  const note = await decideAndMoveIn(dataDir, restoring, planNote, planned, hooks);
  return (note as RestoreNote).setAsideFolder;
}

/**
 * The swap for a re-encrypted journal (main/vault/reencrypt.ts) waiting, checked, in `staging` with its new
 * key file: decided (the ready file), the journal here aside into `staging/previous`, the re-encrypted one
 * in, and the staging folder removed with the previous copy. The journal here must be closed. If it throws
 * an ordinary error, everything is as it was; SwapUnfinished means the next start will finish it.
 */
export async function swapInReencrypted(dataDir: string, staging: string, now: Date, hooks?: SwapHooks): Promise<void> {
  const planNote: ReencryptNote = { kind: 'reencrypt', reencryptedAt: now.toISOString() };
  await decideAndMoveIn(dataDir, staging, planNote, path.join(staging, PREVIOUS), hooks);
}

/**
 * What both swaps do once the plan is made: decided (the ready file in `waiting` holds the plan), moved in,
 * then tidied. Resolves the note the swap left.
 */
async function decideAndMoveIn(
  dataDir: string,
  waiting: string,
  planNote: SwapNote,
  setAsideFolder: string | null,
  hooks?: SwapHooks,
): Promise<SwapNote> {
  await writeFileAtomic(path.join(waiting, READY_FILE), JSON.stringify(planNote));
  hooks?.onStep?.('ready');
  let note: SwapNote;
  try {
    note = await moveIn(dataDir, waiting, planNote, hooks);
  } catch (error) {
    // A rename refused (permissions, a file held open by another program): put everything back as it was.
    // If even that fails, the ready file stays and the next start finishes the swap instead.
    try {
      await rollBack(dataDir, waiting, setAsideFolder);
    } catch {
      throw new SwapUnfinished(error);
    }
    throw error;
  }
  await tidy(dataDir, waiting, note, hooks);
  return note;
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
      await rename(path.join(dataDir, name), path.join(restoring, name));
    }
  }
  if (setAsideFolder) {
    for (const name of JOURNAL_FILES) {
      const from = path.join(setAsideFolder, name);
      if ((await exists(from)) && !(await exists(path.join(dataDir, name)))) {
        await rename(from, path.join(dataDir, name));
      }
    }
  }
  await syncDirectory(dataDir);
  await fs.rm(path.join(restoring, READY_FILE), { force: true });
  if (setAsideFolder) await fs.rmdir(setAsideFolder).catch(() => undefined);
}

/**
 * Run once at start, before anyone asks whether there is a journal: finishes a restore that was decided
 * (its ready file written) when Holding stopped, and removes what one left before it had decided anything.
 * With `finish: false` (a new restore beginning, the journal perhaps open) it only removes the latter, and
 * resolves whether a decided one is still waiting. Throws, touching nothing of it, when a restore folder's
 * ready file is there but cannot be read.
 */
export async function finishInterruptedRestore(dataDir: string, { finish = true } = {}): Promise<boolean> {
  const resolved = path.resolve(dataDir);
  const parent = path.dirname(resolved);
  const pattern = restorePattern(resolved);
  const reencrypting = reencryptPattern(resolved);
  let names: string[];
  try {
    names = await fs.readdir(parent);
  } catch {
    return false;
  }
  const decided: { restoring: string; note: SwapNote }[] = [];
  for (const name of names.filter((n) => pattern.test(n) || reencrypting.test(n))) {
    const restoring = path.join(parent, name);
    const note = await readNote(path.join(restoring, READY_FILE), resolved);
    // A re-encryption still staging may be under way in this very process: only the start-up step removes it.
    if (note === 'missing' && (finish || !reencrypting.test(name))) {
      await fs.rm(restoring, { recursive: true, force: true });
    } else if (note !== 'missing') decided.push({ restoring, note });
  }
  if (!finish) return decided.length > 0;
  // Oldest first, so the newest swap is the one left in place.
  const when = (note: SwapNote) => (isReencrypt(note) ? note.reencryptedAt : note.restoredAt);
  decided.sort((a, b) => when(a.note).localeCompare(when(b.note)));
  for (const { restoring, note } of decided) {
    const moved = await moveIn(resolved, restoring, note);
    await tidy(resolved, restoring, moved);
  }
  return false;
}

const MAX_NOTE_BYTES = 8192;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * A ready file or a note as swapIn wrote it: 'missing' when there is none; throws when one is there but
 * cannot be read or is not what Holding writes (a folder named in it must be one Holding would name).
 */
async function readNote(file: string, dataDir: string): Promise<SwapNote | 'missing'> {
  let text: string;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_NOTE_BYTES) throw new Error(`${path.basename(file)} is too large`);
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  const json = JSON.parse(text) as unknown;
  const fields = (json ?? {}) as Record<string, unknown>;
  if (fields['kind'] === 'reencrypt') {
    const { reencryptedAt } = fields;
    if (Object.keys(fields).length !== 2 || typeof reencryptedAt !== 'string' || !ISO_TIME.test(reencryptedAt)) {
      throw new Error(`${path.basename(file)} is not one Holding wrote`);
    }
    return { kind: 'reencrypt', reencryptedAt };
  }
  const { setAsideFolder, restoredAt, backupFile, backupMadeAt } = fields;
  const folderOk =
    setAsideFolder === null || (typeof setAsideFolder === 'string' && isSetAsideFolderOf(dataDir, setAsideFolder));
  const timesOk = [restoredAt, backupMadeAt].every((t) => typeof t === 'string' && ISO_TIME.test(t));
  if (!folderOk || !timesOk || typeof backupFile !== 'string' || backupFile.length > 255) {
    throw new Error(`${path.basename(file)} is not one Holding wrote`);
  }
  return {
    setAsideFolder: setAsideFolder as string | null,
    restoredAt: restoredAt as string,
    backupFile,
    backupMadeAt: backupMadeAt as string,
  };
}

/**
 * Hands the note a restore left in the data folder to `keep` (which writes it into the journal), then
 * removes the file. A note that is not one Holding wrote is removed unread; one that `keep` could not take
 * stays for next time.
 */
export async function takeRestoreNote(dataDir: string, keep: (note: RestoreNote) => void): Promise<void> {
  const file = path.join(dataDir, RESTORE_NOTE_FILE);
  let note: SwapNote | 'missing' | null;
  try {
    note = await readNote(file, dataDir);
  } catch {
    note = null;
  }
  if (note === 'missing') return;
  if (note && !isReencrypt(note)) keep(note);
  await fs.rm(file, { force: true });
}
