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

/**
 * Leaf pages of FTS5's merge work each entry written is owed, done after the write rather than in it
 * (migration 0019): a step of this size usually takes a few milliseconds, so a call that arrives just then hardly
 * waits. The size is FTS5's to keep only roughly: it finishes the word it is on, and a common word's list in a
 * large journal runs to thousands of pages (a step of a few tenths of a second, now and then).
 */
export const MERGE_STEP_PAGES = 50;
/**
 * With more segments than this, a step does ten times the work. Now and then a level's merge takes in the
 * largest segment, the whole index (FTS5 merges a level once it holds four); at 100,000 entries that is some
 * 77,000 pages, and while it goes on, the segments saves add pile up beside it: 85 after 320 saves
 * with steps of 50 pages, and searches took twice as long. FTS5's automerge did that merge inside one save
 * (8.7 s at 100,000 entries, 0.55 s at 10,000: the benchmark's longest saves before migration 0019).
 */
export const SEGMENTS_BEFORE_HURRYING = 12;
export const HURRIED_STEP_PAGES = 500;
/** Steps a burst of writes (an import) is owed at most: the rest is left to later writes, or to FTS5. */
const MAX_STEPS_OWED = 400;

/**
 * FTS5's merge work, done a step at a time after writes rather than inside them. Each entry written to the
 * index (a save, a new entry, a revision brought back, each entry of an import) is owed a step, run once what
 * is under way has been answered (setImmediate: the worker has posted the reply of a call that ran to its end;
 * during an import, whose slices also let the event loop go, steps run between the slices), each step in a
 * statement of its own with the event loop let go between them, so a call that arrives waits for one step at
 * most. The merges are what keep searches fast as saves add small segments; FTS5's crisis merge (16 segments
 * on a level) is the backstop if steps are missed. A step never runs inside another transaction, nor while
 * the journal is locked (then the steps owed wait for the next write). One that fails changes nothing and is
 * reported (onError); the steps owed are dropped, and the next writes owe new ones.
 */
export class IndexMerges {
  private owed = 0;
  private queued = false;
  /** Told of a step that failed (the worker's log). */
  onError: (error: unknown) => void = () => undefined;

  /** `repo` throws while the journal is locked. */
  constructor(
    private readonly repo: () => JournalRepository,
    private readonly inTransaction: () => boolean,
  ) {}

  /** Counts entries written to the index: each is owed a step. */
  wrote(entries = 1): void {
    if (!Number.isSafeInteger(entries) || entries <= 0) return;
    this.owed = Math.min(this.owed + entries, MAX_STEPS_OWED);
    this.queue();
  }

  private queue(): void {
    if (this.owed === 0 || this.queued) return;
    this.queued = true;
    setImmediate(() => {
      this.queued = false;
      if (this.step()) this.queue();
    });
  }

  /** Runs one step now, if the journal is open and no transaction is under way; true when it ran. */
  step(): boolean {
    let repo: JournalRepository;
    try {
      repo = this.repo();
      if (this.inTransaction()) return false;
    } catch {
      return false; // locked
    }
    try {
      repo.mergeIndexStep(repo.indexSegments() > SEGMENTS_BEFORE_HURRYING ? HURRIED_STEP_PAGES : MERGE_STEP_PAGES);
      this.owed = Math.max(0, this.owed - 1);
      return true;
    } catch (error) {
      this.owed = 0;
      this.onError(error);
      return false;
    }
  }
}
