import { powerMonitor } from 'electron';
import type { Vault } from '../vault/vault';

/**
 * Locks when the machine sleeps or the screen locks. macOS and Windows announce a screen lock;
 * Linux desktops do not, so we also ask every few seconds whether the session is locked (where
 * the desktop can say). Idle locking is AutoLock's job.
 */
export function lockOnPowerEvents(vault: Vault, pollMs = 5000): () => void {
  powerMonitor.on('suspend', () => vault.lock('suspend'));
  powerMonitor.on('lock-screen', () => vault.lock('screen-lock'));
  const timer = setInterval(() => {
    if (vault.isUnlocked() && powerMonitor.getSystemIdleState(1) === 'locked') vault.lock('screen-lock');
  }, pollMs);
  return () => clearInterval(timer);
}

export const systemIdleSeconds = (): number => powerMonitor.getSystemIdleTime();
