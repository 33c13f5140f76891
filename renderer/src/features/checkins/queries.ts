import { type QueryClient, useQuery } from '@tanstack/react-query';
import { holding } from '../../api';
import { fresh, holdingQuery } from '../../ui/holdingQuery';

export const checkinKeys = {
  all: ['checkins'] as const,
  list: ['checkins', 'list'] as const,
  suggestions: ['checkins', 'suggestions'] as const,
  signs: ['signs'] as const,
};

// Read afresh whenever the page opens (`fresh`): linked entries may have been renamed meanwhile, and
// suggestions depend on the date as well as on the check-ins.

export const useCheckins = () => useQuery(holdingQuery(checkinKeys.list, () => holding().checkins.list({}), fresh));

export const useSigns = () => useQuery(holdingQuery(checkinKeys.signs, () => holding().signs.list(), fresh));

export const useSuggestions = () =>
  useQuery(holdingQuery(checkinKeys.suggestions, () => holding().checkins.suggestions(), fresh));

/** Check-ins, signs and suggestions all read from one another: after any change, read them all again. */
export function refreshCheckins(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: checkinKeys.all });
  void client.invalidateQueries({ queryKey: checkinKeys.signs });
}
