/**
 * Re-encrypting the journal under a new data key (issue 19), in the services worker. The journal is
 * rewritten into a new file, checked, and swapped in; the live database is never rekeyed in place (`PRAGMA
 * rekey` is unsafe in WAL mode, and a crash part-way would leave neither key opening it).
 *
 * 1. `snapshot`: `VACUUM INTO` a staging folder beside the data folder (`.Holding.reencrypting-…`): a
 *    consistent copy, still encrypted under the old key, in rollback-journal mode (never WAL).
 * 2. `rekey`: that private copy, and only it, rekeyed to the new data key. It is in DELETE journal mode, so a
 *    crash part-way leaves a copy in staging that is simply removed at the next start.
 * 3. `verify`: the old key no longer opens the copy; the new one does; `quick_check` is ok, no foreign key
 *    is broken, and every table's rows (counts and the content digest of main/backup/snapshot.ts) equal the
 *    copy's as it was under the old key, whose row counts equal the open journal's. (The digest is read from
 *    the copy, not the open journal: a query on the journal held open across the pauses would keep its
 *    connection busy, so a lock then could not close it.)
 * 4. `key file`: the new key file (new wraps for the new passphrase and a new recovery key) written beside it.
 * 5. The swap (main/backup/swap.ts, swapInReencrypted): decided by its ready file, the old journal aside into
 *    the staging folder, the new one in, the staging folder removed with the old copy. A kill before the ready
 *    file leaves the old journal untouched; after it, the next start finishes the swap.
 *
 * The open journal is held still meanwhile by the vault (no one else may read or write it), so what is
 * checked is exactly what is swapped in.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import { localError } from '../backup/errors';
import { reencryptFolderName } from '../backup/files';
import { syncDirectory } from '../fs/atomic';
import { BackupFormatError } from '../backup/format';
import { RESTORED_DB, RESTORED_KEY } from '../backup/read';
import { countRows, openCopy, runInSlices, type Summary, summariseInSlices } from '../backup/snapshot';
import { rekeyDatabase } from '../db/open';
import type { SwapStep } from '../backup/swap';
import { type Task, stopIfCancelled } from '../ipc/tasks';
import { type KeyFile, writeKeyFile } from './key-file';

export type ReencryptStep = 'snapshot' | 'rekey' | 'verify' | 'key file' | SwapStep | 'reopened';

export interface ReencryptHooks {
  /** Each step as it begins (the kill test kills the process exactly there). */
  onStep?(step: ReencryptStep): void;
}

export interface StageOptions {
  dataDir: string;
  /** The open journal; no one else reads or writes it while this runs. */
  db: Database;
  oldKey: Uint8Array;
  newKey: Uint8Array;
  keyFile: KeyFile;
  nativeBinding?: string | undefined;
  task?: Task | undefined;
  hooks?: ReencryptHooks | undefined;
  /** Throws to stop (a lock arrived); called between steps and slices. */
  stillWanted: () => void;
}

/** Progress out of 1,000. */
const PROGRESS = { snapshot: 250, summary: 450, rekey: 650, verified: 900, staged: 950, total: 1000 };

const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

const sameSummary = (a: Summary, b: Summary) =>
  a.vaultId === b.vaultId &&
  a.schemaVersion === b.schemaVersion &&
  a.contentDigest === b.contentDigest &&
  sameCounts(a.counts, b.counts);

/** The sentence for a copy that did not check out: nothing has been changed. */
export const copyDidNotCheckOut = () =>
  new AppError(
    'DATABASE_DAMAGED',
    'Holding wrote your journal out under its new key, but the copy did not read back exactly as your journal, so it has not been used. Nothing has been changed: your passphrase and recovery key are as they were. The drive may be failing; please make a backup, and try again later.',
  );

/**
 * Steps 1–4: the journal written out under the new key into a new staging folder beside the data folder,
 * checked, with its new key file. Resolves the staging folder; on any failure it is removed and nothing
 * else has changed.
 */
export async function stageReencrypted(options: StageOptions): Promise<string> {
  const { task, hooks, db, stillWanted } = options;
  const step = (s: ReencryptStep) => hooks?.onStep?.(s);
  /** Between steps and slices: a lock or Stop ends the work here (nothing has changed yet). */
  const checkpoint = () => {
    stillWanted();
    stopIfCancelled(task);
  };
  const progress = (done: number) => {
    checkpoint();
    task?.progress(done, PROGRESS.total);
  };
  const dataDir = path.resolve(options.dataDir);
  const staging = path.join(path.dirname(dataDir), reencryptFolderName(dataDir));
  const copy = path.join(staging, RESTORED_DB);
  try {
    await fs.mkdir(staging, { mode: 0o700 });

    // 1. A consistent copy under the old key.
    step('snapshot');
    db.prepare('VACUUM INTO ?').run(copy);
    progress(PROGRESS.snapshot);

    // What the copy holds, row for row, while still under the old key, to compare it with once it is under the
    // new one. Read from the copy, never the open journal: a query held open across the pauses would leave the
    // journal's connection busy, and a lock then could not close it.
    const before = await runInSlices(
      () => openCopy(copy, options.oldKey, { readonly: true, nativeBinding: options.nativeBinding }),
      summariseInSlices,
      checkpoint,
    );
    if (!sameCounts(countRows(db), before.counts)) throw copyDidNotCheckOut();
    progress(PROGRESS.summary);

    // 2. The private copy, in rollback-journal mode, rekeyed.
    step('rekey');
    const rekeying = openCopy(copy, options.oldKey, { readonly: false, nativeBinding: options.nativeBinding });
    try {
      const mode = rekeying.pragma('journal_mode', { simple: true });
      if (mode !== 'delete') rekeying.pragma('journal_mode = DELETE');
      rekeyDatabase(rekeying, options.newKey);
    } finally {
      rekeying.close();
    }
    progress(PROGRESS.rekey);

    // 3. The old key opens it no more; the new key opens it, whole, with every row as in the journal.
    step('verify');
    let oldKeyOpens = true;
    try {
      openCopy(copy, options.oldKey, { readonly: true, nativeBinding: options.nativeBinding }).close();
    } catch (error) {
      if (!(error instanceof BackupFormatError)) throw error;
      oldKeyOpens = false;
    }
    if (oldKeyOpens) throw copyDidNotCheckOut();
    const after = await runInSlices(
      () => openCopy(copy, options.newKey, { readonly: true, nativeBinding: options.nativeBinding }),
      function* check(copyDb) {
        const quick = copyDb.pragma('quick_check', { simple: true });
        if (quick !== 'ok') throw copyDidNotCheckOut();
        yield;
        if ((copyDb.pragma('foreign_key_check') as unknown[]).length > 0) throw copyDidNotCheckOut();
        yield;
        return yield* summariseInSlices(copyDb);
      },
      checkpoint,
    );
    if (!sameSummary(before, after)) throw copyDidNotCheckOut();
    progress(PROGRESS.verified);

    // 4. Its key file beside it, and both durable before anything in the data folder moves.
    step('key file');
    await writeKeyFile(path.join(staging, RESTORED_KEY), options.keyFile);
    await syncDirectory(staging);
    await syncDirectory(path.dirname(dataDir));
    progress(PROGRESS.staged);
    return staging;
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof BackupFormatError) throw copyDidNotCheckOut();
    const said = localError(error, 'restore');
    if (said !== error) throw noRoomToReencrypt();
    throw error;
  }
}

export const noRoomToReencrypt = () =>
  new AppError(
    'NO_ROOM',
    "There is not enough room on this computer's drive to re-encrypt your journal: Holding needs about twice its size for a moment. Nothing has been changed: freeing some space should help.",
  );
