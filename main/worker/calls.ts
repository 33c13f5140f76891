/** Main's book of the calls it has sent the worker and is waiting on, each answered once by its id. */
import type { Result } from '../../common/result';

export class CallBook {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  /** Calls whose answer carries the journal (all but app:*, vault:lock and vault:status). */
  private readonly lockedOut = new Set<number>();

  /** A new call: `send` is given its id, and the promise settles with the answer given to `settle`. */
  open(send: (id: number) => void): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      send(id);
    });
  }

  /** Call `id` answers with the journal: once the lock is announced, it answers "locked" instead. */
  lockOut(id: number): void {
    this.lockedOut.add(id);
  }

  isLockedOut(id: number): boolean {
    return this.lockedOut.has(id);
  }

  /** How many calls are still waiting for their answer. */
  get waiting(): number {
    return this.pending.size;
  }

  settle(id: number, result: Result<unknown>): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    this.lockedOut.delete(id);
    resolve?.(result);
  }

  /** Every call still waiting answers `result`. */
  settleAll(result: Result<never>): void {
    this.lockedOut.clear();
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve(result);
    }
  }
}

/** Whether `work` settled within `ms` (it goes on either way). */
export function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void work.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
