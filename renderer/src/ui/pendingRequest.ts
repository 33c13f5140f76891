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
