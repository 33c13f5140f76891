import { useCallback, useState } from 'react';

/**
 * Which entry should take focus in its first field once it is on screen: a new entry, or one
 * opened with Enter from the list. The request names the entry and is spent when met, so an
 * entry shown later by a click or an arrow key leaves focus where the person put it, and an
 * entry that takes a moment to load still gets the focus it was asked for.
 */
export function useTitleFocus() {
  const [wanted, setWanted] = useState<string | null>(null);
  const spent = useCallback(() => setWanted(null), []);
  return {
    request: setWanted,
    props: (id: string) => ({ focusTitle: wanted === id, onTitleFocused: spent }),
  };
}

/** What a form that can take the focus is given. */
export interface TitleFocus {
  /** Take focus in the first field now, then say so. */
  focusTitle: boolean;
  onTitleFocused: () => void;
}
