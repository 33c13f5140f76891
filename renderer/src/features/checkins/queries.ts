import { type QueryClient, useQuery } from '@tanstack/react-query';
import { holding, unwrap } from '../../api';

export const checkinKeys = {
  all: ['checkins'] as const,
  list: ['checkins', 'list'] as const,
  suggestions: ['checkins', 'suggestions'] as const,
  signs: ['signs'] as const,
};

// Read afresh whenever the page opens: linked entries may have been renamed meanwhile, and suggestions
// depend on the date as well as on the check-ins.
const fresh = { refetchOnMount: 'always' } as const;

export const useCheckins = () =>
  useQuery({ queryKey: checkinKeys.list, queryFn: () => unwrap(holding().checkins.list({})), ...fresh });

export const useSigns = () =>
  useQuery({ queryKey: checkinKeys.signs, queryFn: () => unwrap(holding().signs.list()), ...fresh });

export const useSuggestions = () =>
  useQuery({ queryKey: checkinKeys.suggestions, queryFn: () => unwrap(holding().checkins.suggestions()), ...fresh });

/** Check-ins, signs and suggestions all read from one another: after any change, read them all again. */
export function refreshCheckins(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: checkinKeys.all });
  void client.invalidateQueries({ queryKey: checkinKeys.signs });
}
