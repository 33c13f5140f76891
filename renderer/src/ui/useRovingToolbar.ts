import { type FocusEvent, type KeyboardEvent, type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/** The buttons that can take focus now, in order. */
const enabledButtons = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);

/**
 * Gives exactly one button tabIndex 0: `current` while it can take focus, otherwise the first that can.
 * Returns the one that has it.
 */
function syncStops(root: HTMLElement, current: HTMLElement | null): HTMLElement | null {
  const enabled: HTMLElement[] = enabledButtons(root);
  const stop = current && enabled.includes(current) ? current : (enabled[0] ?? null);
  for (const button of root.querySelectorAll<HTMLButtonElement>('button')) button.tabIndex = button === stop ? 0 : -1;
  return stop;
}

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/**
 * A toolbar as the ARIA toolbar pattern has it: one stop in the Tab order, the arrow keys (Left and Right, Home
 * and End) moving between its buttons, and Tab leaving it for what follows. The button last used keeps the stop,
 * so coming back lands where the person was.
 *
 * It works on the buttons it finds in `root` rather than on props, as some are drawn by components of their
 * own; a button that becomes unavailable hands the stop on to the first one that is not. Spread what it
 * returns on the element with role="toolbar".
 */
export function useRovingToolbar(root: RefObject<HTMLElement | null>) {
  const current = useRef<HTMLElement | null>(null);

  // Buttons come, go and are disabled without this component drawing again (Undo, Insert table), so they are
  // watched. The element is looked at on each draw, not once: a toolbar that draws nothing at first (the
  // table tools, until the cursor is in a table) has none when this hook first runs.
  const watching = useRef<{ el: HTMLElement; observer: MutationObserver } | null>(null);
  useLayoutEffect(() => {
    const el = root.current;
    if (el) current.current = syncStops(el, current.current);
    if (watching.current?.el === el) return;
    watching.current?.observer.disconnect();
    watching.current = null;
    if (!el) return;
    const observer = new MutationObserver(() => (current.current = syncStops(el, current.current)));
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    watching.current = { el, observer };
  });
  useEffect(
    () => () => {
      watching.current?.observer.disconnect();
      watching.current = null;
    },
    [],
  );

  return {
    // A button reached any way (a click, the arrows) becomes the stop.
    onFocus: (event: FocusEvent<HTMLElement>) => {
      if (event.target instanceof HTMLButtonElement && event.target !== current.current) {
        current.current = syncStops(event.currentTarget, event.target);
      }
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      const move = MOVES[event.key];
      if (!move || !(event.target instanceof HTMLButtonElement)) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const buttons = enabledButtons(event.currentTarget);
      if (!buttons.length) return;
      event.preventDefault();
      const next = buttons[move(buttons.indexOf(event.target), buttons.length)]!;
      current.current = syncStops(event.currentTarget, next);
      next.focus();
    },
  };
}
