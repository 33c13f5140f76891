import { type QueryClient, useQuery } from '@tanstack/react-query';
import { holding, unwrap } from '../../api';

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

// Read afresh whenever the page opens: entries may have been flagged or renamed in the journal meanwhile,
// and the check-ins page can add to the agenda.
const fresh = { refetchOnMount: 'always' } as const;

export const useSupervisors = () =>
  useQuery({
    queryKey: supervisionKeys.supervisors,
    queryFn: () => unwrap(holding().supervision.supervisors()),
    ...fresh,
  });

/** A supervision's agenda, for useQuery or useQueries. */
export const agendaQuery = (supervisorId: string) => ({
  queryKey: supervisionKeys.agenda(supervisorId),
  queryFn: () => unwrap(holding().supervision.agenda({ supervisorId })),
  ...fresh,
});

export const useAgenda = (supervisorId: string) => useQuery(agendaQuery(supervisorId));

export const useFlaggedEntries = (supervisorId: string) =>
  useQuery({
    queryKey: supervisionKeys.flagged(supervisorId),
    queryFn: () => unwrap(holding().supervision.flagged({ supervisorId })),
    ...fresh,
  });

export const useSessions = (supervisorId: string) =>
  useQuery({
    queryKey: supervisionKeys.sessions(supervisorId),
    queryFn: () => unwrap(holding().supervision.sessions({ supervisorId })),
    ...fresh,
  });

export const useOpenActions = (supervisorId: string) =>
  useQuery({
    queryKey: supervisionKeys.openActions(supervisorId),
    queryFn: () => unwrap(holding().supervision.openActions({ supervisorId })),
    ...fresh,
  });

export const useBalance = (supervisorId: string) =>
  useQuery({
    queryKey: supervisionKeys.balance(supervisorId),
    queryFn: () => unwrap(holding().supervision.balance({ supervisorId })),
    ...fresh,
  });

export const useHours = (supervisorId: string, from: string, to: string, enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.hours(supervisorId, from, to),
    queryFn: () => unwrap(holding().supervision.hours({ supervisorId, from, to })),
    enabled,
    ...fresh,
  });

/** Agendas, sessions, actions, balance and hours all read from one another: after any change, read them again. */
export function refreshSupervision(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: supervisionKeys.all });
}
