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

/** Saves between two steps of the index's merge work (migration 0019 took it out of the saves). */
export const SAVES_PER_MERGE_STEP = 10;
/** Leaf pages a step writes at most: a few milliseconds of work. */
export const MERGE_STEP_PAGES = 500;

/**
 * FTS5's merge work, done a step at a time after saves rather than inside them. Each save (or slice of an
 * import) is counted; after every tenth, a step runs once what is under way has been answered (setImmediate:
 * the worker has posted its reply by then), in a statement of its own. The merges are what keep searches
 * fast as saves add small segments; FTS5's crisis merge (16 segments on a level) is the backstop if steps
 * are missed. A step never runs inside another transaction, nor while the journal is locked. One that fails
 * (a full disk) changes nothing, and the next save meets the same trouble and says so, so it is not reported.
 */
export class IndexMerges {
  private writes = 0;
  private queued = false;

  /** `repo` throws while the journal is locked. */
  constructor(
    private readonly repo: () => JournalRepository,
    private readonly inTransaction: () => boolean,
  ) {}

  /** Counts entries written to the index; a step follows every SAVES_PER_MERGE_STEP of them. */
  wrote(entries = 1): void {
    this.writes += entries;
    if (this.writes < SAVES_PER_MERGE_STEP || this.queued) return;
    this.queued = true;
    setImmediate(() => {
      this.queued = false;
      this.step();
    });
  }

  /** Runs one step now, if the journal is open and no transaction is under way; true when it ran. */
  step(): boolean {
    try {
      const repo = this.repo();
      if (this.inTransaction()) return false;
      // An import's slice of 200 entries gets the work of twenty saves' steps, as automerge would have done.
      repo.mergeIndexStep(MERGE_STEP_PAGES * Math.max(1, Math.floor(this.writes / SAVES_PER_MERGE_STEP)));
      this.writes = 0;
      return true;
    } catch {
      return false;
    }
  }
}
