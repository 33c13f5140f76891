/**
 * The note the Journal page shows about backups (none made yet, the last one old, the folder gone), and
 * the person's "not now" for it: decided here from the facts the schedule gathers.
 */
import { type BackupNote, type BackupRecord, NOTE_AFTER_DAYS } from '../../common/backup/types';

const DAY = 24 * 3_600_000;

export interface Snooze {
  note: BackupNote;
  until: string;
}

/** Which note the Journal page shows, if any. */
export function backupNote(state: {
  folder: string | null;
  folderPresent: boolean;
  last: BackupRecord | null;
  hasEntries: boolean;
  now: Date;
  snooze: Snooze | null;
}): BackupNote | null {
  const note: BackupNote | null =
    state.folder && !state.folderPresent
      ? 'folder-missing'
      : !state.last
        ? state.hasEntries
          ? 'never'
          : null
        : state.now.getTime() - Date.parse(state.last.madeAt) > NOTE_AFTER_DAYS * DAY
          ? 'old'
          : null;
  if (note && state.snooze?.note === note && state.now.getTime() < Date.parse(state.snooze.until)) return null;
  return note;
}
