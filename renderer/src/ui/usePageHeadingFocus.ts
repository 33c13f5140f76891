import { type RefObject, useEffect } from 'react';

/** How long to wait for a page's heading to appear (its data loading, a lazy part arriving). */
const WAIT_MS = 5000;

/** The page's main heading: the first h1 in `root` that is on screen. */
function headingIn(root: HTMLElement): HTMLElement | null {
  for (const h1 of root.querySelectorAll<HTMLElement>('h1')) {
    if (h1.getClientRects().length > 0) return h1;
  }
  return null;
}

/**
 * Moves focus to a page's main heading (its h1, which should have tabIndex -1) each time a new page shows in
 * `root`: after the journal is made, after unlocking, after "Open my journal", after choosing a section in the
 * menu. A screen reader then starts reading where the new page starts, and the next Tab goes on from there,
 * instead of focus being left on nothing (the button that led here has gone) or back in the menu.
 *
 * `page` names the page now shown; a new name is a new page. null means `root` is showing nothing of its own
 * (another part of the app looks after focus). Focus is left alone when the page has already put it somewhere
 * inside itself (a field that takes focus as it opens), or when the person has moved it while the page loaded.
 *
 * "On screen" is judged once, as the heading is looked for, and only changes to the page's elements are
 * watched while waiting: a heading revealed by CSS alone (a media query, a class on an ancestor, a hover) is
 * not seen. A heading kept for screen readers only (class visually-hidden, as with the journal's list folded
 * away) counts as on screen and takes the focus, which a sighted keyboard user cannot see: a page like that
 * should put the focus somewhere visible itself (the journal gives it to the entry's title).
 */
export function usePageHeadingFocus(root: RefObject<HTMLElement | null>, page: string | null): void {
  useEffect(() => {
    const container = root.current;
    if (page === null || !container) return;
    // Where focus was as the page appeared: the menu button that was pressed, or nothing (the page before
    // took the focused button with it).
    const before = document.activeElement;
    const nowhere = (el: Element | null) => el === null || el === document.body || el === container;
    const stillWaiting = () => {
      const active = document.activeElement;
      return nowhere(active) || (active === before && !container.contains(active)) || !active?.isConnected;
    };
    const tryFocus = (): boolean => {
      if (!stillWaiting()) return true; // focus is where the page or the person put it: nothing to do
      const heading = headingIn(container);
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
      return true;
    };
    if (tryFocus()) return;
    // Not there yet (still loading): look again as the page fills in, for a while.
    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const timer = setTimeout(() => stop(), WAIT_MS);
    function stop() {
      observer.disconnect();
      clearTimeout(timer);
    }
    observer.observe(container, { childList: true, subtree: true });
    return stop;
  }, [root, page]);
}
