import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cleanList, MAX_TERMS, termKey } from '../../../../common/deid/lists';
import type { InputOf, Settings } from '../../../../common/ipc/contract';
import { holding, unwrap } from '../../api';
import { holdingQuery } from '../../ui/holdingQuery';
import { pendingRequest } from '../../ui/pendingRequest';

export const settingsKey = ['settings'] as const;

/** Looked at afresh whenever a part of the window that uses them appears: main may have changed them meanwhile. */
export const useSettings = () => useQuery(holdingQuery(settingsKey, () => holding().settings.get(), { staleTime: 0 }));

/** Changes some settings in main, then shows what main kept. */
export function useUpdateSettings<T>(change: (value: T) => InputOf<'settings:update'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: T) => unwrap(holding().settings.update(change(value))),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}

/**
 * Adds a name to the person's list from elsewhere in Holding (the Export page), read afresh from main so
 * nothing added meanwhile is lost. Already there, in capitals or not, it is left as it is.
 */
export async function addToNamesList(name: string): Promise<{ settings: Settings; added: boolean }> {
  const current = await unwrap(holding().settings.get());
  if (current.deidNames.some((n) => termKey(n) === termKey(name))) return { settings: current, added: false };
  if (current.deidNames.length >= MAX_TERMS) {
    throw new Error(`Your names list already holds ${MAX_TERMS.toLocaleString('en-GB')} names, as many as it can.`);
  }
  const settings = await unwrap(holding().settings.update({ deidNames: cleanList([...current.deidNames, name]) }));
  return { settings, added: true };
}

/** Going to the names and places list from elsewhere (the Export page); it takes focus after the page's heading. */
const lookOutRequest = pendingRequest();
export const requestLookOut = lookOutRequest.request;
export const takeLookOutRequest = lookOutRequest.take;
