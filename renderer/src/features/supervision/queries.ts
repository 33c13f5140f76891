import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { holding } from '../../api';
import { fresh, holdingQuery } from '../../ui/holdingQuery';

/** Every key starts with 'supervision', so invalidating ['supervision'] reads the whole page again. */
export const supervisionKeys = {
  all: ['supervision'] as const,
  supervisors: ['supervision', 'supervisors'] as const,
  agenda: (supervisorId: string) => ['supervision', 'agenda', supervisorId] as const,
  flagged: (supervisorId: string) => ['supervision', 'flagged', supervisorId] as const,
  sessions: (supervisorId: string) => ['supervision', 'sessions', supervisorId] as const,
  openActions: (supervisorId: string) => ['supervision', 'openActions', supervisorId] as const,
  balance: (supervisorId: string) => ['supervision', 'balance', supervisorId] as const,
  hours: (supervisorId: string, from: string, to: string) => ['supervision', 'hours', supervisorId, from, to] as const,
  forEntry: (entryId: string) => ['supervision', 'forEntry', entryId] as const,
};

// Read afresh whenever the page opens (`fresh`): entries may have been flagged or renamed in the journal
// meanwhile, and the check-ins page can add to the agenda.

export const useSupervisors = () =>
  useQuery(holdingQuery(supervisionKeys.supervisors, () => holding().supervision.supervisors(), fresh));

/** A supervision's agenda, for useQuery or useQueries. */
export const agendaQuery = (supervisorId: string) =>
  holdingQuery(supervisionKeys.agenda(supervisorId), () => holding().supervision.agenda({ supervisorId }), fresh);

export const useAgenda = (supervisorId: string) => useQuery(agendaQuery(supervisorId));

export const useFlaggedEntries = (supervisorId: string) =>
  useQuery(
    holdingQuery(supervisionKeys.flagged(supervisorId), () => holding().supervision.flagged({ supervisorId }), fresh),
  );

export const useSessions = (supervisorId: string) =>
  useQuery(
    holdingQuery(supervisionKeys.sessions(supervisorId), () => holding().supervision.sessions({ supervisorId }), fresh),
  );

export const useOpenActions = (supervisorId: string) =>
  useQuery(
    holdingQuery(
      supervisionKeys.openActions(supervisorId),
      () => holding().supervision.openActions({ supervisorId }),
      fresh,
    ),
  );

export const useBalance = (supervisorId: string) =>
  useQuery(
    holdingQuery(supervisionKeys.balance(supervisorId), () => holding().supervision.balance({ supervisorId }), fresh),
  );

export const useHours = (supervisorId: string, from: string, to: string, enabled: boolean) =>
  useQuery(
    holdingQuery(
      supervisionKeys.hours(supervisorId, from, to),
      () => holding().supervision.hours({ supervisorId, from, to }),
      { enabled, ...fresh },
    ),
  );

/** Agendas, sessions, actions, balance and hours all read from one another: after any change, read them again. */
export function refreshSupervision(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: supervisionKeys.all });
}

/** A form's save: once it is saved, the page is read again, then the form is done with what was saved. */
export function useSaveAndRefresh<V, T>(save: (values: V) => Promise<T>, onDone: (saved: T) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      await refreshSupervision(queryClient);
      onDone(saved);
    },
  });
}
