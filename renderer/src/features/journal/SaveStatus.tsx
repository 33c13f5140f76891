import { useEffect, useRef, useState } from 'react';
import type { SaveState } from './useAutosave';
import { announceSave, FAILED_TEXT, freshMemory, type SaveMemory, timeText } from './saveAnnouncement';
import styles from './journal.module.css';

/**
 * "Saved at 14:02 · 312 words", or a calm word while saving or when a save has to be retried. What is shown
 * is not spoken as it changes: a screen reader hears only failures, the save that works after one, and a
 * save after a long quiet spell (saveAnnouncement.ts), from two live regions that are always there, as live
 * regions must be before they change.
 */
export function SaveStatus({ state, words }: { state: SaveState; words: number }) {
  const wordText = `${words.toLocaleString('en-GB')} ${words === 1 ? 'word' : 'words'}`;
  let text: string;
  switch (state.kind) {
    case 'saved':
      text = state.at ? `Saved at ${timeText(state.at)}` : 'Saved';
      break;
    case 'pending':
    case 'saving':
      text = 'Saving…';
      break;
    case 'error':
      text = FAILED_TEXT;
  }
  const spoken = useSaveAnnouncement(state);
  return (
    <span className={styles.status}>
      <span className={state.kind === 'error' ? styles.statusError : undefined} data-testid="save-status">
        {text}
      </span>
      {' · '}
      <span>{wordText}</span>
      <span role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="save-news">
        {spoken.polite}
      </span>
      <span role="alert" aria-live="assertive" aria-atomic="true" className="visually-hidden" data-testid="save-alert">
        {spoken.assertive}
      </span>
    </span>
  );
}

/** The text of the polite and the assertive live region, as the save state changes. */
function useSaveAnnouncement(state: SaveState): { polite: string; assertive: string } {
  const memory = useRef<SaveMemory | null>(null);
  const [spoken, setSpoken] = useState({ polite: '', assertive: '' });
  useEffect(() => {
    const now = Date.now();
    const next = announceSave(memory.current ?? freshMemory(now), state, now);
    memory.current = next.memory;
    const say = next.say;
    // One region at a time: a failure clears the last reassurance, and the save after it clears the failure.
    if (say)
      setSpoken(
        say.urgency === 'assertive' ? { polite: '', assertive: say.text } : { polite: say.text, assertive: '' },
      );
  }, [state]);
  return spoken;
}
