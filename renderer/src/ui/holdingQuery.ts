import { type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { Result } from '../../../common/result';
import { unwrap } from '../api';

/**
 * One of main's calls as a query, for useQuery or useQueries: its key, the call (its error rethrown so
 * TanStack Query holds it), and whatever else this query needs (read afresh, kept while the next loads).
 */
export function holdingQuery<T, K extends QueryKey>(
  queryKey: K,
  call: () => Promise<Result<T>>,
  options: Omit<UseQueryOptions<T, Error, T, K>, 'queryKey' | 'queryFn'> = {},
): UseQueryOptions<T, Error, T, K> {
  return { ...options, queryKey, queryFn: () => unwrap(call()) };
}

/** Read afresh whenever a part of the window that uses it appears: it may have changed elsewhere meanwhile. */
export const fresh = { refetchOnMount: 'always' } as const;
