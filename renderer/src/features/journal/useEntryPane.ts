import { useCallback, useEffect, useRef, useState } from 'react';
import type { Entry } from '../../../../common/journal/types';
import type { EntryListHandle } from './EntryList';

/** What a form that can take the focus is given. */
export interface TitleFocus {
  /** Take focus in the first field now, then say so. */
  focusTitle: boolean;
  onTitleFocused: () => void;
}

/** What the form for one entry, in the pane beside the list, is given (a journal or a two-truths entry). */
export interface EntryFormProps extends TitleFocus {
  entry: Entry;
  onHistory: () => void;
  onTrashed: (entry: Entry) => void;
  /** Escape: back to the list the entry was opened from. */
  onBackToList: () => void;
  /** Open another entry (a linked one). */
  onOpenEntry?: ((id: string) => void) | undefined;
}

/**
 * A list of entries with the chosen one beside it (the Journal, Two truths): which entry is shown, which
 * was just moved to the trash, and where the focus goes.
 *
 * A request for focus names its entry and is spent when met. So an entry shown later by a click or an
 * arrow key leaves the focus where the person put it, and one that takes a moment to load still gets
 * the focus it was asked for.
 */
export function useEntryPane() {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [trashed, setTrashed] = useState<Entry | null>(null);
  const [focusFor, setFocusFor] = useState<string | null>(null);
  // The entry opened to write in (a click, Enter, a new one, one asked for from elsewhere), as against one
  // merely reached with the arrow keys: only an opened entry folds the list away, if the person chose that.
  const [openedId, setOpenedId] = useState<string | null>(null);
  // The list is to take the focus once it shows again (after "Move to trash", when it may be folded away
  // until the next render: focusing it now would leave the focus on nothing).
  const listWanted = useRef(false);
  const listRef = useRef<EntryListHandle>(null);
  const titleFocused = useCallback(() => setFocusFor(null), []);
  const toList = () => listRef.current?.focus();
  useEffect(() => {
    if (!listWanted.current) return;
    listWanted.current = false;
    listRef.current?.focus();
  });

  return {
    selectedId,
    /** Shows an entry without opening it: browsing the list with the arrow keys. */
    select: setSelectedId,
    /** Whether the entry shown was opened to write in, rather than reached while browsing the list. */
    opened: selectedId !== null && openedId === selectedId,
    /** Shows an entry opened to write in, leaving the focus where it is (a click in the list). */
    open(id: string) {
      setSelectedId(id);
      setOpenedId(id);
    },
    listRef,
    trashed,
    /** Shows an entry ready to write in: a new one, or one opened with Enter from the list. */
    openToWrite(id: string) {
      setTrashed(null);
      setSelectedId(id);
      setOpenedId(id);
      setFocusFor(id);
    },
    /** Back from the trash, by "Undo" under the list. */
    restored(id: string) {
      setTrashed(null);
      setSelectedId(id);
    },
    /** Everything <EntryPane> needs for the entry shown. */
    paneProps(id: string) {
      return {
        id,
        focusTitle: focusFor === id,
        onTitleFocused: titleFocused,
        onTrashed: (entry: Entry) => {
          setTrashed(entry);
          setSelectedId(null);
          listWanted.current = true;
        },
        onBackToList: toList,
        onOpenEntry: (other: string) => {
          setSelectedId(other);
          setOpenedId(other);
        },
      };
    },
  };
}
