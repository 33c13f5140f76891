/**
 * How long the person has been away, for auto-lock. The system's idle time alone is not enough:
 * under Wayland (GNOME among others) Electron reports it as 0 for ever (electron/electron#34826),
 * so the journal would never lock itself. Holding also counts its own window's input, and takes
 * the longer of the two: away from the computer, or away from Holding.
 */
export class ActivityClock {
  private last: number;

  /** A monotonic clock by default: setting the computer's clock neither locks nor keeps Holding open. */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.last = now();
  }

  /** The person typed, clicked, scrolled or touched in Holding's window. */
  touch(): void {
    this.last = this.now();
  }

  /** Seconds since the person last used Holding or, if longer, the computer. */
  idleSeconds(systemIdleSeconds: number): number {
    const app = Math.max(0, (this.now() - this.last) / 1000);
    return Math.max(app, Number.isFinite(systemIdleSeconds) ? systemIdleSeconds : 0);
  }
}
