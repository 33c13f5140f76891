/**
 * holding-export.json's name and version, and what it leaves out (docs/export-format.md): the tables
 * themselves are listed in tables.ts.
 */

/**
 * The settings that are the person's choices and mean the same on any computer. The backup folder is a
 * place on this computer, and the rest of the table is Holding's own notes (the last failed backup), so
 * neither leaves.
 */
export const EXPORTED_SETTINGS = [
  'autoLockMinutes',
  // Not the names and places to look out for: Holding promises that list never leaves (it is a ready-made
  // list of the people a person most wants kept out of anything shared).
  'backupFrequency',
  'backupKeep',
  'journalPreviews',
  // Support: the person's own people, the services they hid and their country.
  'supportContacts',
  'supportHidden',
  'supportRegion',
  // Not the layout (sideMenu, entryList): it suits this computer's screen, not another's.
];

/**
 * Tables that never leave, and why (the test of this list checks every table is in one list or the other).
 * The identity's public half is written separately (`identity` in the file); its secret keys never are.
 */
export const NOT_EXPORTED: Record<string, string> = {
  vault_meta: 'Holding’s own notes about this journal (its id), not something the person wrote',
  identity: 'holds the secret keys; only the public half is written, outside the tables',
  backups: 'records of backup files on this computer',
  import_batches_here: 'which imports were made in this journal (only those can be undone, here)',
  imported_rows: 'what an import made here added, for its undo here; meaningless in another journal',
};

/** The version of holding-export.json this Holding writes and reads. */
export const EXPORT_FORMAT_VERSION = 2;
export const EXPORT_FORMAT_NAME = 'holding-export';
