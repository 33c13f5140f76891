/**
 * The shape every IPC call returns. Errors cross process boundaries as plain data
 * (structured clone and contextBridge both drop Error subclasses), so the UI reads `code`.
 */
export type ErrorCode =
  | 'LOCKED'
  | 'NO_VAULT'
  | 'VAULT_EXISTS'
  | 'WRONG_PASSPHRASE'
  | 'WRONG_RECOVERY_KEY'
  | 'MALFORMED_RECOVERY_KEY'
  | 'WEAK_PASSPHRASE'
  | 'INVALID_INPUT'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN_SENDER'
  | 'DATABASE_FROM_FUTURE'
  | 'DATABASE_UNREADABLE'
  /** SQLite found a damaged page in the journal file (SQLITE_CORRUPT, SQLITE_NOTADB) after it opened. */
  | 'DATABASE_DAMAGED'
  | 'KEY_FILE_INVALID'
  | 'NOT_FOUND'
  | 'ENTRY_IN_TRASH'
  | 'BUILTIN_TEMPLATE'
  | 'CHANGED'
  | 'CANCELLED'
  /** The file chosen to restore from is not a Holding backup. */
  | 'NOT_A_BACKUP'
  /** A backup whose bytes do not check out (cut short, changed, or damaged on its drive). */
  | 'BACKUP_DAMAGED'
  /** The backup folder cannot be reached, is read-only, or is full. */
  | 'BACKUP_FOLDER_UNAVAILABLE'
  /** This computer's own drive has no room for the work a backup or restore needs. */
  | 'NO_ROOM'
  /** A restore was decided but could not be finished yet: Holding finishes it at its next start. */
  | 'RESTORE_UNFINISHED'
  /** The journal is held still for a moment (being re-encrypted): try again shortly. */
  | 'BUSY'
  /** The worker holding the journal stopped while this call ran: it may or may not have finished. */
  | 'INTERRUPTED'
  | 'INTERNAL';

export interface AppErrorData {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
