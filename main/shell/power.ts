import { powerMonitor } from 'electron';
import type { Vault } from '../vault/vault';

/** Locks when the machine sleeps or the screen locks. Idle locking is AutoLock's job. */
export function lockOnPowerEvents(vault: Vault): void {
  powerMonitor.on('suspend', () => vault.lock('suspend'));
  powerMonitor.on('lock-screen', () => vault.lock('screen-lock'));
}

export const systemIdleSeconds = (): number => powerMonitor.getSystemIdleTime();
