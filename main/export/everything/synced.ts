import type { SyncedService } from '../../../common/export/everything';

/**
 * Which syncing service a folder seems to belong to, from its path alone: the folders these services make
 * (and macOS's ~/Library/CloudStorage and iCloud's Mobile Documents). A guess, used only to make the
 * warning plainer; a folder it misses still has the ordinary warning.
 */
export function syncedService(folder: string): SyncedService | null {
  const parts = folder.split(/[\\/]+/).map((p) => p.toLowerCase());
  const has = (test: (part: string) => boolean) => parts.some(test);
  if (has((p) => p === 'dropbox' || p.startsWith('dropbox (') || p.startsWith('dropbox-'))) return 'Dropbox';
  if (has((p) => p === 'onedrive' || p.startsWith('onedrive - ') || p.startsWith('onedrive-'))) return 'OneDrive';
  if (
    has((p) => p === 'icloud drive' || p === 'mobile documents' || p === 'com~apple~clouddocs' || p === 'iclouddrive')
  )
    return 'iCloud Drive';
  if (has((p) => p === 'google drive' || p === 'googledrive' || p.startsWith('googledrive-') || p === 'my drive'))
    return 'Google Drive';
  return null;
}
