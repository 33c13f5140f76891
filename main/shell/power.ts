import { powerMonitor } from 'electron';
import type { LockReason } from '../../common/ipc/contract';

export interface PowerLocks {
  /** Locks at once: no waiting for the window. */
  now: (reason: LockReason) => void;
  /** Lets the window save what is being typed first (up to a moment), then locks. */
  gently: (reason: LockReason) => void;
}

/**
 * Locks when the machine sleeps or the screen locks. Sleep locks at once: the system suspends as
 * soon as the event has been handled (on Linux, Electron lets go of its sleep delay straight
 * after), so anything that waited for the window could run only after waking, with the journal
 * open. macOS and Windows announce a screen lock; Linux desktops do not, so we also ask every few
 * seconds whether the session is locked (where the desktop can say). Idle locking is AutoLock's job.
 */
export function lockOnPowerEvents(lock: PowerLocks, vault: { isUnlocked(): boolean }, pollMs = 5000): () => void {
  const onSuspend = () => lock.now('suspend');
  const onLockScreen = () => lock.gently('screen-lock');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onLockScreen);
  const timer = setInterval(() => {
    if (vault.isUnlocked() && powerMonitor.getSystemIdleState(1) === 'locked') lock.gently('screen-lock');
  }, pollMs);
  return () => {
    clearInterval(timer);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onLockScreen);
  };
}

export const systemIdleSeconds = (): number => powerMonitor.getSystemIdleTime();
