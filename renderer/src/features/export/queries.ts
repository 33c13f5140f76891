import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExportSelection, Resolutions } from '../../../../common/export/types';
import { holding } from '../../api';
import { fresh, holdingQuery } from '../../ui/holdingQuery';

export const exportKeys = {
  all: ['export'] as const,
  checks: ['export', 'check'] as const,
  check: (selection: ExportSelection) => ['export', 'check', selection] as const,
  preview: (selection: ExportSelection, resolutions: Resolutions, fingerprint: string) =>
    ['export', 'preview', selection, resolutions, fingerprint] as const,
  records: ['export', 'records'] as const,
};

/** The check reads the entries afresh each time the step opens: they may have been edited meanwhile. */
export const useCheck = (selection: ExportSelection, enabled: boolean) =>
  useQuery(
    holdingQuery(exportKeys.check(selection), () => holding().export.check(selection), {
      enabled,
      ...fresh,
      // Words added to the check (it missed them) change the selection: the findings stay on screen meanwhile.
      placeholderData: keepPreviousData,
      retry: false,
    }),
  );

/**
 * Exactly what would leave; the last preview stays on screen while the next is made. Never taken from the
 * cache: an entry may have changed in ways the check does not catch, and the preview is how the person sees it.
 */
export const usePreview = (
  selection: ExportSelection,
  resolutions: Resolutions,
  fingerprint: string | undefined,
  enabled: boolean,
) =>
  useQuery(
    holdingQuery(
      exportKeys.preview(selection, resolutions, fingerprint ?? ''),
      () => holding().export.preview({ selection, resolutions, fingerprint: fingerprint! }),
      {
        enabled: enabled && !!fingerprint,
        staleTime: 0,
        gcTime: 0,
        ...fresh,
        placeholderData: keepPreviousData,
        retry: false,
      },
    ),
  );

export const useRecords = () => useQuery(holdingQuery(exportKeys.records, () => holding().export.records(), fresh));

/** Every session record, newest first, under the supervision keys so a change there reads them again. */
export const useAllSessions = () =>
  useQuery(
    holdingQuery(
      ['supervision', 'sessions', 'every'],
      () => holding().supervision.sessions({ supervisorId: null }),
      fresh,
    ),
  );
