/**
 * The backup capability's types, shared by the service (main/backup/service.ts), retention and the
 * IPC contract. A backup is one file: see docs/backup-format.md.
 */

/** What opens a backup: the passphrase the journal had when it was made, or the recovery key. */
export type BackupSecret = { passphrase: string } | { recoveryKey: string };

/** Rows per table in a backup. The three named are what a person recognises; every table is counted. */
export interface BackupCounts {
  entries: number;
  checkins: number;
  sessions: number;
  [table: string]: number;
}

/** A backup Holding made and then proved by restoring it (a row of the `backups` table). */
export interface BackupRecord {
  id: string;
  /** The folder it was written to, as the person chose it. */
  folder: string;
  fileName: string;
  /** ISO 8601, when the snapshot was taken. */
  madeAt: string;
  /** ISO 8601, when the restore check passed. */
  verifiedAt: string;
  bytes: number;
  counts: BackupCounts;
  /** The computer's name as it was when the backup was made. */
  computer: string;
}

/** What a backup holds, shown before anything changes. */
export interface BackupPreview {
  fileName: string;
  vaultId: string;
  madeAt: string;
  computer: string;
  appVersion: string;
  /** The number of migrations the journal had been through (PRAGMA user_version). */
  schemaVersion: number;
  counts: BackupCounts;
  bytes: number;
  /** Whether it is a backup of the journal in this data folder (same vault id), if there is one. */
  sameJournal: boolean;
}
