import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExportSelection, Resolutions } from '../../../../common/export/types';
import { holding, unwrap } from '../../api';

export const exportKeys = {
  all: ['export'] as const,
  check: (selection: ExportSelection) => ['export', 'check', selection] as const,
  preview: (selection: ExportSelection, resolutions: Resolutions) =>
    ['export', 'preview', selection, resolutions] as const,
  records: ['export', 'records'] as const,
};

/** The check reads the entries afresh each time the step opens: they may have been edited meanwhile. */
export const useCheck = (selection: ExportSelection, enabled: boolean) =>
  useQuery({
    queryKey: exportKeys.check(selection),
    queryFn: () => unwrap(holding().export.check(selection)),
    enabled,
    refetchOnMount: 'always',
    retry: false,
  });

/** Exactly what would leave; the last preview stays on screen while the next is made. */
export const usePreview = (selection: ExportSelection, resolutions: Resolutions, enabled: boolean) =>
  useQuery({
    queryKey: exportKeys.preview(selection, resolutions),
    queryFn: () => unwrap(holding().export.preview({ selection, resolutions })),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useRecords = () =>
  useQuery({
    queryKey: exportKeys.records,
    queryFn: () => unwrap(holding().export.records()),
    refetchOnMount: 'always',
  });

/** Every session record, newest first, under the supervision keys so a change there reads them again. */
export const useAllSessions = () =>
  useQuery({
    queryKey: ['supervision', 'sessions', 'every'],
    queryFn: () => unwrap(holding().supervision.sessions({ supervisorId: null })),
    refetchOnMount: 'always',
  });
