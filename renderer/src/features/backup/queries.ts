import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { BackupStatus } from '../../../../common/backup/types';
import { holding, unwrap } from '../../api';

export const backupKeys = {
  status: ['backup', 'status'] as const,
  list: ['backup', 'list'] as const,
};

/**
 * The status changes by itself (a backup on the schedule, a drive plugged in or out): looked at afresh on
 * each visit, and every minute while on screen.
 */
export const useBackupStatus = () =>
  useQuery({
    queryKey: backupKeys.status,
    queryFn: () => unwrap(holding().backup.status()),
    staleTime: 0,
    refetchInterval: 60_000,
  });

export const useBackups = () =>
  useQuery({ queryKey: backupKeys.list, queryFn: () => unwrap(holding().backup.list()), staleTime: 0 });

export function setBackupStatus(queryClient: QueryClient, status: BackupStatus): void {
  queryClient.setQueryData(backupKeys.status, status);
}

export function refreshBackups(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['backup'] });
}

/**
 * Going to Settings → Backups from elsewhere (the Journal page's note): the section takes focus once Settings
 * has opened. A request is spent when met.
 */
let backupsWanted = false;

export function requestBackups(): void {
  backupsWanted = true;
}

export function takeBackupsRequest(): boolean {
  const wanted = backupsWanted;
  backupsWanted = false;
  return wanted;
}
