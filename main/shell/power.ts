import { powerMonitor } from 'electron';
import type { LockReason } from '../../common/ipc/contract';
import type { Vault } from '../vault/vault';

/**
 * Locks when the machine sleeps or the screen locks. macOS and Windows announce a screen lock;
 * Linux desktops do not, so we also ask every few seconds whether the session is locked (where
 * the desktop can say). Idle locking is AutoLock's job.
 */
export function lockOnPowerEvents(lock: (reason: LockReason) => void, vault: Vault, pollMs = 5000): () => void {
  powerMonitor.on('suspend', () => lock('suspend'));
  powerMonitor.on('lock-screen', () => lock('screen-lock'));
  const timer = setInterval(() => {
    if (vault.isUnlocked() && powerMonitor.getSystemIdleState(1) === 'locked') lock('screen-lock');
  }, pollMs);
  return () => clearInterval(timer);
}

export const systemIdleSeconds = (): number => powerMonitor.getSystemIdleTime();
