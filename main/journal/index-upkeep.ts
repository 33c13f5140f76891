import type { JournalRepository } from './repository';

/**
 * Up to this many words in the search index (some 10,000 entries, about 10 MB of index), each
 * unlock rewrites it, which takes a few tenths of a second at most.
 */
export const REWRITE_ON_UNLOCK_MAX_WORDS = 3_000_000;

/**
 * The search index keeps no FTS5 secure-delete: it rewrote the index's pages for every word of an
 * entry on every autosave. A save adds a small segment saying which words the entry no longer has;
 * the old words stay, unfindable, in older segments until a merge rewrites those. FTS5 merges the
 * small segments as it goes; deleting for ever rewrites the whole index (JournalRepository); and so
 * does each unlock, while the index is small enough for that to go unnoticed. In a larger journal,
 * what edits replaced stays in the largest segments until something is deleted for ever.
 * Inside the unlock's transaction; true when the index was rewritten.
 */
export function tidyIndexOnUnlock(repo: JournalRepository, maxWords = REWRITE_ON_UNLOCK_MAX_WORDS): boolean {
  if (repo.indexedWords() > maxWords) return false;
  repo.rewriteIndex();
  return true;
}
