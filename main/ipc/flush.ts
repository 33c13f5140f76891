/**
 * Asking the window to save what is being typed before a lock or a close: listeners (the host) pass the
 * request on as app:flushRequested; the window answers with app:flushed, which calls `flushed()`.
 */
export class RendererFlush {
  private readonly listeners = new Set<(reason: 'lock' | 'close') => void>();
  private waiters: (() => void)[] = [];

  /** Resolves when the window has saved, or after the timeout; at once if no window is listening. */
  request(reason: 'lock' | 'close', timeoutMs = 1500): Promise<void> {
    if (this.listeners.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.push(done);
      for (const listener of this.listeners) listener(reason);
    });
  }

  flushed(): void {
    for (const done of [...this.waiters]) done();
  }

  onRequest(listener: (reason: 'lock' | 'close') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
