import { useEffect, useRef, useState } from 'react';

/**
 * Which thing a confirm dialog is asking about, if any. The dialog is mounted only while it asks, so on
 * Cancel focus goes back by hand to the button that asked (the platform cannot: the dialog is gone).
 */
export function useConfirm<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const restore = useRef(false);
  useEffect(() => {
    if (target === null && restore.current) {
      restore.current = false;
      trigger.current?.focus();
    }
  }, [target]);
  return {
    target,
    ask: (value: T, from: HTMLElement) => {
      trigger.current = from;
      setTarget(value);
    },
    cancel: () => {
      restore.current = true;
      setTarget(null);
    },
    done: () => setTarget(null),
  };
}
