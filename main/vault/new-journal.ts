/** A new journal: whether one may be started in the data folder, and the folder made ready for it. */
import { promises as fs } from 'node:fs';
import { AppError } from '../../common/errors';
import { keyFileExists } from './key-file';
import { requireStrong } from './wraps';

export interface NewJournalPlace {
  dataDir: string;
  keyFilePath: string;
  dbPath: string;
  /** The vault's start-up work on the data folder (VaultOptions.prepare), tried again here. */
  prepare?: (() => Promise<unknown>) | undefined;
  onPrepareError?: ((error: unknown) => void) | undefined;
}

/**
 * Refuses a new journal over one that is there (or being restored), or with a weak passphrase; otherwise
 * makes the data folder and sets aside any database left without its key file.
 */
export async function readyForNewJournal(place: NewJournalPlace, passphrase: string): Promise<void> {
  // A restore Holding could not finish at start is tried again: a new journal never goes over one.
  try {
    await place.prepare?.();
  } catch (error) {
    place.onPrepareError?.(error);
    throw new AppError(
      'RESTORE_UNFINISHED',
      'Holding is still finishing restoring your journal from a backup, so it will not start a new one over it. Please close Holding and open it again. If this keeps happening, the restored journal and the one it replaced are both kept in folders beside your data folder.',
    );
  }
  if (await keyFileExists(place.keyFilePath)) {
    throw new AppError('VAULT_EXISTS', 'There is already a journal in this folder. Unlock it instead.');
  }
  requireStrong(passphrase);
  await fs.mkdir(place.dataDir, { recursive: true, mode: 0o700 });
  await setAsideOrphanedDatabase(place.dbPath);
}

/** A database with no key file can never be opened; keep it aside rather than delete anything. */
async function setAsideOrphanedDatabase(dbPath: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) {
    const file = dbPath + suffix;
    try {
      await fs.rename(file, `${file}.orphaned-${Date.now()}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
