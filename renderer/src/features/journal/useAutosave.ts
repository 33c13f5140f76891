import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { registerFlush } from './flush';

export type SaveState =
  { kind: 'saved'; at: Date | null } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string };

export const AUTOSAVE_DELAY_MS = 800;
const RETRY_MS = 4000;

/**
 * Debounced autosave that never runs two saves at once and never drops the latest draft:
 * `change` records the newest draft; a save sends it; anything typed meanwhile is sent next.
 * A failed save keeps the draft and tries again.
 */
export function useAutosave<T>(save: (draft: T) => Promise<void>) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const latest = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  // A save runs after the render that asked for it: always with the latest `save`.
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });
  /** Set once this editor has gone: its last flush may fail, but it must not keep retrying. */
  const disposed = useRef(false);

  // Named, as it calls itself: to retry, and to send what was typed while it saved.
  const flush = useCallback(async function flushNow(): Promise<void> {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    const draft = latest.current;
    if (draft === null) return;
    latest.current = null;
    setState({ kind: 'saving' });
    const run = saveRef
      .current(draft)
      .then(() => {
        setState(latest.current === null ? { kind: 'saved', at: new Date() } : { kind: 'pending' });
      })
      .catch((error: unknown) => {
        // Keep the words: put the draft back unless something newer arrived, and try again soon.
        latest.current ??= draft;
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        // Not once the editor is gone: a retry much later (after an unlock, say) could land this old
        // draft on top of newer text typed in the entry since.
        if (!disposed.current) timer.current = setTimeout(() => void flushNow(), RETRY_MS);
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    await run;
    if (latest.current !== null && !timer.current) await flushNow();
  }, []);

  const change = useCallback(
    (draft: T) => {
      latest.current = draft;
      setState((s) => (s.kind === 'error' ? s : { kind: 'pending' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Flush before lock, on window blur or hide, and when this editor goes away.
  useEffect(() => {
    disposed.current = false;
    const unregister = registerFlush(flush);
    return () => {
      disposed.current = true;
      unregister();
      void flush();
    };
  }, [flush]);

  return { state, change, flush };
}
