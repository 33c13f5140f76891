import { useEffect, useState } from 'react';

/**
 * A search text once typing pauses: each search runs in main, and a common word across a large
 * journal takes a while; a search per keystroke would queue them up. Clearing the box is immediate.
 */
export function useSettledQuery(query: string, delayMs = 250): string {
  const [settled, setSettled] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), query.trim() ? delayMs : 0);
    return () => clearTimeout(timer);
  }, [query, delayMs]);
  return settled;
}
