import type { Vault } from './vault';

export interface AutoLockOptions {
  vault: Vault;
  /**
   * Seconds since the person last touched the keyboard or mouse (system-wide in Electron). Without it,
   * there is no timer here: the host measures idleness in main and calls check(seconds) itself.
   */
  idleSeconds?: () => number;
  /** Minutes of idleness before locking; 0 means never. Read fresh each check. */
  minutes: () => number;
  /** How to lock; defaults to locking the vault at once. The app saves open work first. */
  lock?: (reason: 'idle') => void;
  intervalMs?: number;
}

/** Locks the vault after the chosen idle time. Plain Node: the shell supplies the idle clock. */
export class AutoLock {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: AutoLockOptions) {}

  start(): void {
    if (this.timer || !this.options.idleSeconds) return;
    this.timer = setInterval(() => this.check(), this.options.intervalMs ?? 15_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Returns true when it locked. `idleSeconds` defaults to asking the idle clock given at construction. */
  check(idleSeconds?: number): boolean {
    if (!this.options.vault.isUnlocked()) return false;
    let minutes: number;
    try {
      minutes = this.options.minutes();
    } catch {
      return false;
    }
    if (minutes <= 0) return false;
    const idle = idleSeconds ?? this.options.idleSeconds?.() ?? 0;
    if (idle < minutes * 60) return false;
    if (this.options.lock) this.options.lock('idle');
    else this.options.vault.lock('idle');
    return true;
  }
}
