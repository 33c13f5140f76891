import { describe, expect, it } from 'vitest';
import { AutoLock } from '../../main/vault/auto-lock';
import type { Vault } from '../../main/vault/vault';

function fakeVault(unlocked = true) {
  const state = { unlocked, reasons: [] as string[] };
  const vault = {
    isUnlocked: () => state.unlocked,
    lock: (reason: string) => {
      state.reasons.push(reason);
      state.unlocked = false;
    },
  } as unknown as Vault;
  return { vault, state };
}

describe('auto-lock', () => {
  it('locks once idle for the chosen minutes, and not before', () => {
    const { vault, state } = fakeVault();
    let idle = 0;
    const auto = new AutoLock({ vault, idleSeconds: () => idle, minutes: () => 5 });
    idle = 299;
    expect(auto.check()).toBe(false);
    idle = 300;
    expect(auto.check()).toBe(true);
    expect(state.reasons).toEqual(['idle']);
    expect(auto.check()).toBe(false);
  });

  it('never locks when set to never, or when already locked', () => {
    const { vault, state } = fakeVault();
    expect(new AutoLock({ vault, idleSeconds: () => 1e9, minutes: () => 0 }).check()).toBe(false);
    state.unlocked = false;
    expect(new AutoLock({ vault, idleSeconds: () => 1e9, minutes: () => 1 }).check()).toBe(false);
    expect(state.reasons).toEqual([]);
  });

  it('does not lock if the setting cannot be read', () => {
    const { vault } = fakeVault();
    const auto = new AutoLock({
      vault,
      idleSeconds: () => 1e9,
      minutes: () => {
        throw new Error('locked');
      },
    });
    expect(auto.check()).toBe(false);
  });

  it('checks on its interval until stopped', async () => {
    const { vault, state } = fakeVault();
    const auto = new AutoLock({ vault, idleSeconds: () => 120, minutes: () => 1, intervalMs: 5 });
    auto.start();
    await new Promise((r) => setTimeout(r, 40));
    auto.stop();
    expect(state.reasons).toEqual(['idle']);
  });
});
