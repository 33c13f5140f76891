import { type RefObject, useCallback, useEffect, useReducer, useRef } from 'react';

/** Where focus should go: looked up again after each render until it is there. */
export type FocusFind = () => HTMLElement | null | undefined;

/**
 * Moves focus to something once it is on screen and can take it: after a save, a removal or a move, to the
 * status, the heading, or the button in its new place. `focusLater(find)` asks; after the render that follows,
 * and each one after that, `find` is called until it gives an element that is not disabled, which takes focus
 * (and then `then`, if given, runs with it). A newer request replaces one still waiting.
 *
 * `find` is called after a render, so it should look things up (by ref or id) rather than hold on to values
 * from the render that asked.
 */
export function useFocusLater(): (find: FocusFind, then?: (target: HTMLElement) => void) => void {
  const wanted = useRef<{ find: FocusFind; then: ((target: HTMLElement) => void) | undefined } | null>(null);
  // Asking renders once more, so that there is a render after the request to look in.
  const [, renderAgain] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!wanted.current) return;
    const { find, then } = wanted.current;
    const target = find();
    if (!target || target.matches(':disabled')) return;
    wanted.current = null;
    target.focus();
    then?.(target);
  });
  return useCallback((find, then) => {
    wanted.current = { find, then };
    renderAgain();
  }, []);
}

/**
 * Moves focus once an action is done, to what came of it: the status, the reason it could not be done, or
 * back to the button. Needed where the button is disabled while it works, so focus falls to the page and
 * the next Tab would start again from the top. Waits until the target is on screen and can take focus.
 */
export function useFocusAfter<K extends string>(targets: Record<K, RefObject<HTMLElement | null>>): (key: K) => void {
  const focusLater = useFocusLater();
  return (key: K) => focusLater(() => targets[key].current);
}
