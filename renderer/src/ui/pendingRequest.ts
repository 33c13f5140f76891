import { useEffect, useRef } from 'react';

/**
 * Going to a part of Settings from elsewhere in Holding (a note on another page, the empty journal's first
 * screen): the section takes focus once its page has opened. A request is spent when met.
 */
export function pendingRequest(): { request: () => void; take: () => boolean } {
  let wanted = false;
  return {
    request: () => {
      wanted = true;
    },
    take: () => {
      const was = wanted;
      wanted = false;
      return was;
    },
  };
}

/**
 * The heading of a section asked for from elsewhere: once the page's own heading has had its turn, it takes
 * focus, brought into view first unless `scroll` is false.
 */
export function useRequestedHeading(take: () => boolean, scroll = true) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (!take()) return;
      if (scroll) heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [take, scroll]);
  return heading;
}
