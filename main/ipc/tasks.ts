import { AppError } from '../../common/errors';
import type { Channel, Progress, ProgressDetail } from '../../common/ipc/contract';

/** What a handler is given to report how far long work has gone and to learn that it should stop. */
export interface Task {
  readonly signal: AbortSignal;
  /**
   * `done` of `total` steps; sent to the window at most every 100 ms, and always at the end. A report with
   * `detail` (a new step starting, and what it is) is a step, not a tick: it is always sent.
   */
  progress(done: number, total: number, detail?: ProgressDetail): void;
}

/** The error a cancelled call answers with. */
export class CancelledError extends AppError {
  constructor() {
    super('CANCELLED', 'Stopped. Nothing was changed.');
  }
}

/** Throws CancelledError once the task has been cancelled: for long work to call between its steps. */
export function stopIfCancelled(task: Task | undefined): void {
  if (task?.signal.aborted) throw new CancelledError();
}

/**
 * The one mechanism for long work: each call gets a Task; `app:cancel` aborts every call running on a
 * channel; progress goes to one listener (the host sends it to the window as `app:progress`).
 */
export class Tasks {
  private readonly running = new Map<Channel, Set<AbortController>>();

  constructor(private readonly onProgress: (progress: Progress) => void = () => undefined) {}

  /** Runs `work` with a task of its own, released when it settles. */
  async run<T>(channel: Channel, work: (task: Task) => T | Promise<T>): Promise<T> {
    const controller = new AbortController();
    const set = this.running.get(channel) ?? new Set();
    set.add(controller);
    this.running.set(channel, set);
    let last = 0;
    const task: Task = {
      signal: controller.signal,
      progress: (done, total, detail) => {
        const now = performance.now();
        if (done < total && !detail && now - last < 100) return;
        last = now;
        this.onProgress({ channel, done, total, ...detail });
      },
    };
    try {
      return await work(task);
    } finally {
      set.delete(controller);
      if (set.size === 0) this.running.delete(channel);
    }
  }

  /** Asks every call on `channel` to stop; resolves how many were running. */
  cancel(channel: Channel): number {
    const set = this.running.get(channel);
    for (const controller of set ?? []) controller.abort();
    return set?.size ?? 0;
  }
}
