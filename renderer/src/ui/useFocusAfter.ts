import { type RefObject, useEffect, useState } from 'react';

/**
 * Moves focus once an action is done, to what came of it: the status, the reason it could not be done, or
 * back to the button. Needed where the button is disabled while it works, so focus falls to the page and
 * the next Tab would start again from the top. Waits until the target is on screen and can take focus.
 */
export function useFocusAfter<K extends string>(targets: Record<K, RefObject<HTMLElement | null>>): (key: K) => void {
  const [wanted, setWanted] = useState<K | null>(null);
  useEffect(() => {
    if (!wanted) return;
    const target = targets[wanted].current;
    if (target && !target.matches(':disabled')) {
      target.focus();
      setWanted(null);
    }
  });
  return setWanted;
}
