import { useEffect } from 'react';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BackupStatus } from '../../../../common/backup/types';
import { holding } from '../../api';
import { holdingQuery } from '../../ui/holdingQuery';
import { pendingRequest } from '../../ui/pendingRequest';

export const backupKeys = {
  status: ['backup', 'status'] as const,
  list: ['backup', 'list'] as const,
};

/**
 * The status changes by itself (a backup on the schedule, a drive plugged in or out): looked at afresh on
 * each visit, every minute while on screen, every two seconds while a backup is being made, and as soon as
 * one starts by itself (its progress arrives while the status still says none is running).
 */
export function useBackupStatus() {
  const queryClient = useQueryClient();
  const query = useQuery(
    holdingQuery(backupKeys.status, () => holding().backup.status(), {
      staleTime: 0,
      refetchInterval: (current) => (current.state.data?.running ? 2_000 : 60_000),
    }),
  );
  const running = query.data?.running ?? false;
  useEffect(() => {
    // Progress comes up to ten times a second: the status is asked for again at most every two seconds.
    let asked = 0;
    return holding().events.on('app:progress', (progress) => {
      if (progress.channel !== 'backup:now' || running || performance.now() - asked < 2_000) return;
      asked = performance.now();
      void queryClient.invalidateQueries({ queryKey: backupKeys.status });
    });
  }, [queryClient, running]);
  return query;
}

export const useBackups = () =>
  useQuery(holdingQuery(backupKeys.list, () => holding().backup.list(), { staleTime: 0 }));

export function setBackupStatus(queryClient: QueryClient, status: BackupStatus): void {
  queryClient.setQueryData(backupKeys.status, status);
}

export function refreshBackups(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['backup'] });
}

/** Going to Settings → Backups from elsewhere (the Journal page's note). */
const backupsRequest = pendingRequest();
export const requestBackups = backupsRequest.request;
export const takeBackupsRequest = backupsRequest.take;
