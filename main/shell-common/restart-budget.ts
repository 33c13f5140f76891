/**
 * How many times something that keeps stopping (the services worker, the window) may be started again
 * before Holding stops trying: a crash loop would otherwise spin for ever, restarting and locking.
 */
export class RestartBudget {
  private times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Counts a restart; false once more than `limit` have come within the window. */
  spend(): boolean {
    const now = this.now();
    this.times = [...this.times.filter((t) => now - t < this.windowMs), now];
    return this.times.length <= this.limit;
  }
}
