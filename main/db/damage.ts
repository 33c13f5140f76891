import { AppError } from '../../common/errors';
/**
 * A damaged page found after the journal opened (SQLite reports SQLITE_CORRUPT or SQLITE_NOTADB: with this
 * cipher, a page changed on disk fails its check and reads as corrupt), as a sentence the person can act on,
 * instead of "something went wrong". Null for any other error. Its own module, free of the SQLite addon,
 * since the IPC router that uses it is loaded in main too.
 */
export function damagedDatabaseError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return null;
  return new AppError(
    'DATABASE_DAMAGED',
    'Part of your journal file looks damaged, so Holding could not read it, and nothing was changed. If you have a backup, restoring it (Restore from a backup, on the unlock screen or in Settings) brings your journal back as it was when the backup was made.',
  );
}
