import { useCallback, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Entry } from '../../../../common/journal/types';
import { invalidateLists, journalKeys } from './queries';
import type { EntryDetailsValue } from './EntryParts';
import { useAutosave } from './useAutosave';

/** What every draft of an entry carries, whatever its kind: which entry, and its day, tags and flags. */
export interface DraftCommon extends EntryDetailsValue {
  id: string;
}

export const draftCommon = (entry: Entry): DraftCommon => ({
  id: entry.id,
  eventDate: entry.eventDate,
  tags: entry.tags,
  bringToSupervision: entry.bringToSupervision,
  containsClientMaterial: entry.containsClientMaterial,
  pinned: entry.pinned,
});

/**
 * The draft of the entry in the editor, saved as the person types. `send` saves a draft and says how the
 * cached entry now reads, so reopening it shows what main has (the count, the title, the flags).
 */
export function useEntryDraft<D extends DraftCommon>(initial: D, send: (draft: D) => Promise<Partial<Entry>>) {
  const queryClient = useQueryClient();
  const draft = useRef<D>(initial);
  const autosave = useAutosave<D>(async (d) => {
    const changes = await send(d);
    queryClient.setQueryData(journalKeys.entry(d.id), (old: Entry | undefined) => (old ? { ...old, ...changes } : old));
    invalidateLists(queryClient);
  });
  /** Records a change and saves it soon (a flag, from the details, is saved at once by them). */
  const { change } = autosave;
  const update = useCallback(
    (changes: Partial<D>) => {
      draft.current = { ...draft.current, ...changes };
      change(draft.current);
    },
    [change],
  );
  return { draft, update, autosave };
}
