import type { JournalRepository } from './repository';

/**
 * Up to this many words in the search index (some 10,000 entries), each unlock rewrites it, which
 * takes half a second at most: 0.47 s at 10,000 entries of the benchmark's prose with migration
 * 0018's prefix indexes, which made it about 3.7 times the work (0.13 s before).
 */
export const REWRITE_ON_UNLOCK_MAX_WORDS = 3_000_000;

/**
 * The search index keeps no FTS5 secure-delete: it rewrote the index's pages for every word of an
 * entry on every autosave. A save adds a small segment saying which words the entry no longer has;
 * the old words stay in the index, unfindable, and FTS5's merges of recent segments carry them
 * forward marked as deleted, until the index is rewritten whole: by deleting for ever
 * (JournalRepository), and by each unlock while the index is small enough for that to go unnoticed.
 * In a larger journal, what edits removed stays until something is deleted for ever
 * (docs/security-model.md). Inside the unlock's transaction; true when the index was rewritten.
 */
export function tidyIndexOnUnlock(repo: JournalRepository, maxWords = REWRITE_ON_UNLOCK_MAX_WORDS): boolean {
  if (repo.indexedWords() > maxWords) return false;
  repo.rewriteIndex();
  return true;
}
