/** What a person is told when a backup or a restore cannot go on: plain words, and what was (not) lost. */
import { AppError } from '../../common/errors';
import { BackupFormatError } from './format';

const KEPT = 'Nothing was lost: your journal is as it was.';

export const notABackup = () =>
  new AppError(
    'NOT_A_BACKUP',
    'That file is not a Holding backup. Holding backups end in .holdingbackup; please choose one of those.',
  );

export const damagedBackup = () =>
  new AppError(
    'BACKUP_DAMAGED',
    'This backup is damaged or incomplete, so Holding cannot restore it, and nothing has been changed. An older backup may well be fine: please try one of those.',
  );

export const backupFromNewerHolding = () =>
  new AppError(
    'DATABASE_FROM_FUTURE',
    'This backup was made by a newer version of Holding. Please update Holding, then restore it; nothing has been changed.',
  );

export const wrongBackupPassphrase = () =>
  new AppError(
    'WRONG_PASSPHRASE',
    'That passphrase did not open this backup. A backup opens with the passphrase your journal had when it was made, or with your recovery key.',
  );

export const wrongBackupRecoveryKey = () =>
  new AppError(
    'WRONG_RECOVERY_KEY',
    'That recovery key belongs to a different journal, so it cannot open this backup. Please check it is the key for the journal this backup came from.',
  );

export const folderMissing = () =>
  new AppError(
    'BACKUP_FOLDER_UNAVAILABLE',
    `Holding cannot reach the backup folder. It may be on a drive that is not plugged in, or it may have been moved or renamed. ${KEPT}`,
  );

export const folderReadOnly = () =>
  new AppError(
    'BACKUP_FOLDER_UNAVAILABLE',
    `Holding is not allowed to write in the backup folder: it may be read-only, or belong to someone else. Please choose another folder. ${KEPT}`,
  );

export const folderFull = () =>
  new AppError(
    'BACKUP_FOLDER_UNAVAILABLE',
    `The drive with the backup folder is full, so the backup could not be finished. Freeing some space there, or choosing another folder, should help. ${KEPT}`,
  );

export const folderTrouble = () =>
  new AppError(
    'BACKUP_FOLDER_UNAVAILABLE',
    `Holding could not finish writing the backup: the drive with the backup folder did not respond as expected. Please check it is plugged in and try again. ${KEPT}`,
  );

export const notAFolder = () =>
  new AppError(
    'BACKUP_FOLDER_UNAVAILABLE',
    `The backup folder is a file, not a folder. Please choose a folder. ${KEPT}`,
  );

export const noRoomHere = (doing: 'backup' | 'restore') =>
  new AppError(
    'NO_ROOM',
    doing === 'backup'
      ? `There is not enough room on this computer's drive to take a backup (Holding needs about twice the journal's size for a moment). ${KEPT}`
      : "There is not enough room on this computer's drive to restore this backup. Nothing has been changed: freeing some space should help.",
  );

/** A restore decided, whose moves could neither finish nor be undone: the next start finishes it. */
export const restoreUnfinished = () =>
  new AppError(
    'RESTORE_UNFINISHED',
    'The backup checked out, but Holding could not finish putting it in place just now. Please close Holding and open it again: it will finish then. The journal that was here is kept, whole, in a folder beside your data folder.',
  );

export const cannotPutInPlace = () =>
  new AppError(
    'INTERNAL',
    'The backup checked out, but Holding could not put it in place of the journal in this folder, so it has left everything as it was. Please check Holding may write to its data folder, and try again.',
  );

export const backupCouldNotBeChecked = () =>
  new AppError(
    'BACKUP_DAMAGED',
    `The backup was written, but reading it back did not give the journal back exactly, so Holding has not kept it. The drive may be failing: please try again, or choose another folder. ${KEPT}`,
  );

const code = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/** An error from the backup folder, as a sentence; anything else unchanged. */
export function destinationError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  switch (code(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENODEV':
    case 'ENXIO':
    case 'ESTALE':
      return folderMissing();
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return folderReadOnly();
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return folderFull();
    case 'EIO':
    case 'ETIMEDOUT':
    case 'EBUSY':
      return folderTrouble();
    default:
      return error;
  }
}

/** An error from this computer's own data folder during a backup or restore, as a sentence. */
export function localError(error: unknown, doing: 'backup' | 'restore'): unknown {
  if (error instanceof AppError) return error;
  const c = code(error) ?? (error as { code?: string } | null)?.code;
  if (c === 'ENOSPC' || c === 'EDQUOT' || c === 'SQLITE_FULL') return noRoomHere(doing);
  return error;
}

/** A format problem, as a sentence. */
export function formatError(error: unknown): unknown {
  if (!(error instanceof BackupFormatError)) return error;
  if (error.problem === 'not-a-backup') return notABackup();
  if (error.problem === 'newer-version') return backupFromNewerHolding();
  return damagedBackup();
}
