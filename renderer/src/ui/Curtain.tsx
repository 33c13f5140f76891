import { useEffect, useRef } from 'react';
import { Button } from './controls';
import styles from './curtain.module.css';

export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const HIDE_SHORTCUT = isMac ? '⌘ ⇧ H' : 'Ctrl + Shift + H';

/** Whether a key press is the quick-hide shortcut: Ctrl (⌘ on a Mac) + Shift + H. */
export function isHideShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'h';
}

/**
 * The quick hide: a plain screen over everything, for when someone comes near. Nothing of the journal shows
 * and nothing behind it can be reached; only a deliberate click (or Enter on the button) brings it back.
 * Distinct from locking: the journal stays open, and auto-lock still counts.
 */
export function Curtain({ onShow }: { onShow: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className={styles.curtain} role="dialog" aria-modal="true" aria-labelledby="curtain-h" data-testid="curtain">
      <div className={styles.inner}>
        <h1 id="curtain-h" className={styles.heading}>
          Holding
        </h1>
        <Button ref={button} variant="secondary" onClick={onShow}>
          Show Holding
        </Button>
      </div>
    </div>
  );
}
