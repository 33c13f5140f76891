/**
 * Anything holding unsaved words registers a flush here; the app awaits them all before it
 * locks, and on blur, navigation and when the window is hidden.
 */
type Flush = () => Promise<void>;
const flushes = new Set<Flush>();

export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushes].map((f) => f()));
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void flushAll());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAll();
  });
  window.addEventListener('blur', () => void flushAll());
}
