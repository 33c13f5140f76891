import type { SaveState } from './useAutosave';
import styles from './journal.module.css';

/** "Saved at 14:02 · 312 words", or a calm word while saving or when a save has to be retried. */
export function SaveStatus({ state, words }: { state: SaveState; words: number }) {
  const wordText = `${words.toLocaleString('en-GB')} ${words === 1 ? 'word' : 'words'}`;
  let text: string;
  switch (state.kind) {
    case 'saved':
      text = state.at
        ? `Saved at ${state.at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`
        : 'Saved';
      break;
    case 'pending':
    case 'saving':
      text = 'Saving…';
      break;
    case 'error':
      text = 'Not saved yet. Your words are safe here and we will keep trying.';
  }
  return (
    <span className={styles.status}>
      <span role="status" className={state.kind === 'error' ? styles.statusError : undefined} data-testid="save-status">
        {text}
      </span>
      {' · '}
      <span>{wordText}</span>
    </span>
  );
}
