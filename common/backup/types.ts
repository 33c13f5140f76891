/**
 * Backups as the window sees them: the records and previews the service gives, the person's preferences
 * (folder, how often, how many to keep) and the status Settings and the Journal page show.
 *
 * The record and preview shapes are the service's own (main/backup/types.ts); they are spelled out here
 * because common/ depends on nothing of ours, and the IPC contract and the window need them.
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

/** A backup Holding made and then proved by restoring it. */
export interface BackupRecord {
  id: string;
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
  schemaVersion: number;
  counts: BackupCounts;
  bytes: number;
  /** Whether it is a backup of the journal in this data folder (same vault id), if there is one. */
  sameJournal: boolean;
}

export const BACKUP_FREQUENCIES = ['daily', 'weekly', 'manual'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

/** How long after the last checked backup the next one is due; null: only when the person asks. */
export const FREQUENCY_DAYS: Record<BackupFrequency, number | null> = { daily: 1, weekly: 7, manual: null };

/**
 * Which backups are kept. Every backup younger than `recentHours` is kept; beyond that, the newest backup
 * of each of the last `daily` days that have one, of the last `weekly` weeks and the last `monthly` months.
 * The newest checked backup is always kept, and only files Holding wrote of this journal are ever deleted.
 */
export interface RetentionRule {
  recentHours: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const BACKUP_KEEPS = ['standard', 'fewer', 'all'] as const;
export type BackupKeep = (typeof BACKUP_KEEPS)[number];

/** null: keep every backup. */
export const RETENTION_RULES: Record<BackupKeep, RetentionRule | null> = {
  standard: { recentHours: 48, daily: 7, weekly: 5, monthly: 12 },
  fewer: { recentHours: 48, daily: 3, weekly: 4, monthly: 3 },
  all: null,
};

export interface BackupPreferences {
  /** The folder backups go to, as the person chose it; null until they choose one. */
  folder: string | null;
  frequency: BackupFrequency;
  keep: BackupKeep;
}

export const DEFAULT_BACKUP_PREFERENCES: BackupPreferences = { folder: null, frequency: 'daily', keep: 'standard' };

/** The last backup that could not be made, in the person's words; cleared by the next one that is. */
export interface BackupFailure {
  at: string;
  /** Whether Holding was making it by itself (on its schedule) rather than because the person asked. */
  automatic: boolean;
  /** Why, as a sentence. */
  message: string;
}

/**
 * A gentle note for the Journal page: the chosen folder is not there, there is no backup yet of a journal
 * with entries in it, or the last checked backup is more than a week old.
 */
export type BackupNote = 'folder-missing' | 'never' | 'old';

/** How long a dismissed note stays away (unless a different one is due). */
export const NOTE_SNOOZE_DAYS = 3;
/** When the last checked backup is old enough for the Journal page to mention it. */
export const NOTE_AFTER_DAYS = 7;

export interface BackupStatus extends BackupPreferences {
  /** Whether the chosen folder is there now (false when none is chosen). */
  folderPresent: boolean;
  /** The newest checked backup. */
  last: BackupRecord | null;
  lastFailure: BackupFailure | null;
  /** A backup is being made now (by the schedule, or because the person asked). */
  running: boolean;
  /** How far it has got, 0–1, while one is being made; null otherwise. */
  progress: number | null;
  /** Journals a restore moved aside to make way for the restored one, oldest first, until the person forgets them. */
  setAside: SetAsideJournal[];
  note: BackupNote | null;
}

/** A journal a restore moved aside, whole and untouched, into a folder beside the data folder. */
export interface SetAsideJournal {
  folder: string;
  /** ISO 8601: when the restore was made. */
  restoredAt: string;
  /** ISO 8601: when the backup restored in its place was made. */
  backupMadeAt: string;
  /** Whether the folder is still there. */
  present: boolean;
}

/** A backup file the person chose to restore: main keeps its path and gives the window this. */
export interface ChosenBackup {
  /** Names the chosen file in later calls (the window never sends a path). */
  id: string;
  fileName: string;
  /** From the file's readable header: when it was made. */
  madeAt: string;
}

export const BACKUP_EXTENSION = 'holdingbackup';
