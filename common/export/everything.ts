/**
 * "Export everything" as the window sees it (main/export/everything/, docs/export-format.md): the file the
 * person chose, named by an id main keeps (the window never sends a path), and what was written.
 */

/** Folders that copy themselves to a company's servers: the export would leave this computer, unencrypted. */
export const SYNCED_SERVICES = ['Dropbox', 'OneDrive', 'iCloud Drive', 'Google Drive'] as const;
export type SyncedService = (typeof SYNCED_SERVICES)[number];

export interface ChosenExportFile {
  /** Names the chosen file in `export:everything`. */
  id: string;
  fileName: string;
  folder: string;
  /** The syncing service the folder seems to belong to, if any. */
  synced: SyncedService | null;
}

export interface EverythingExported {
  fileName: string;
  folder: string;
  bytes: number;
  entries: number;
}
