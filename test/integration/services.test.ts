import { describe, expect, it, vi } from 'vitest';
import { createServices } from '../../main/app';
import { PASSPHRASE, tempDir } from '../support/temp';

const ORIGIN = 'holding://app';
const sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };
/** Backups: no folder until the person chooses one, daily, the recommended mix kept. */
// And the journal list's previews, whose default is titles only for client material.
const BACKUP_DEFAULTS = {
  backupFolder: null,
  backupFrequency: 'daily',
  backupKeep: 'standard',
  journalPreviews: 'not-client',
  // The layout: the menu narrows by itself in a narrow window until the person chooses; the list stays.
  sideMenu: 'auto',
  entryList: 'shown',
};

/** Services as the browser shell makes them, on a data folder with no journal yet. */
function browserShellServices(dataDir: string, idleSeconds: () => number) {
  return createServices({
    inProcess: true,
    dataDir,
    host: 'browser-shell',
    version: '0.0.0',
    appOrigin: ORIGIN,
    idleSeconds,
  });
}

describe('services through the IPC router', () => {
  it('runs the whole vault and settings flow, and every data call fails with locked after locking', async () => {
    const dataDir = await tempDir();
    let idle = 0;
    const services = browserShellServices(dataDir, () => idle);
    const call = (channel: string, input?: unknown) => services.router(channel, input, sender);
    try {
      expect(await call('vault:status')).toEqual({ ok: true, value: { state: 'none', lastLockReason: null } });
      expect(await call('settings:get')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

      const created = await call('vault:create', { passphrase: PASSPHRASE });
      expect(created).toMatchObject({ ok: true, value: { recoveryKey: expect.any(String) } });

      expect(await call('settings:get')).toEqual({
        ok: true,
        value: { autoLockMinutes: 10, deidNames: [], deidPlaces: [], ...BACKUP_DEFAULTS },
      });
      expect(await call('settings:update', { autoLockMinutes: 2 })).toEqual({
        ok: true,
        value: { autoLockMinutes: 2, deidNames: [], deidPlaces: [], ...BACKUP_DEFAULTS },
      });
      expect(await call('app:info')).toEqual({ ok: true, value: { version: '0.0.0', dataDir, host: 'browser-shell' } });

      const events: string[] = [];
      services.onLock((reason) => events.push(reason));
      idle = 119;
      expect(services.autoLock.check()).toBe(false);
      idle = 120;
      expect(services.autoLock.check()).toBe(true);
      // The lock waits for the window to save first (here there is no window, so at once).
      await vi.waitFor(() => expect(events).toEqual(['idle']));

      for (const [channel, input] of [
        ['settings:get', undefined],
        ['settings:update', { autoLockMinutes: 5 }],
        ['vault:changePassphrase', { current: PASSPHRASE, next: 'another long passphrase here' }],
      ] as const) {
        expect(await call(channel, input), channel).toMatchObject({
          ok: false,
          error: { code: 'LOCKED', message: expect.stringMatching(/locked/i) },
        });
      }
      expect(await call('vault:status')).toEqual({ ok: true, value: { state: 'locked', lastLockReason: 'idle' } });

      expect(await call('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({
        ok: true,
        value: { state: 'unlocked' },
      });
      expect(await call('settings:get')).toEqual({
        ok: true,
        value: { autoLockMinutes: 2, deidNames: [], deidPlaces: [], ...BACKUP_DEFAULTS },
      });
      expect(await call('vault:lock')).toMatchObject({
        ok: true,
        value: { state: 'locked', lastLockReason: 'manual' },
      });
    } finally {
      services.dispose();
    }
  });

  it('keeps the layout the person chose (menu and list), refuses other values, and reads a journal from before as the defaults', async () => {
    const dataDir = await tempDir();
    const services = browserShellServices(dataDir, () => 0);
    const call = (channel: string, input?: unknown) => services.router(channel, input, sender);
    try {
      await call('vault:create', { passphrase: PASSPHRASE });
      // A journal written before these choices existed has no rows for them.
      expect(
        services.vault
          .db()
          .prepare("SELECT count(*) FROM settings WHERE key IN ('sideMenu', 'entryList')")
          .pluck()
          .get(),
      ).toBe(0);
      expect(await call('settings:get')).toMatchObject({ ok: true, value: { sideMenu: 'auto', entryList: 'shown' } });
      expect(await call('settings:update', { sideMenu: 'icons', entryList: 'folded' })).toMatchObject({
        ok: true,
        value: { sideMenu: 'icons', entryList: 'folded', journalPreviews: 'not-client' },
      });
      expect(await call('settings:update', { sideMenu: 'sideways' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      // Something unexpected in the table (written by a later Holding, say) reads as the default.
      services.settings.keep('entryList', 'upside-down');
      expect(services.settings.get().entryList).toBe('shown');
      services.settings.update({ entryList: 'folded' });

      // Kept in the encrypted journal across a lock.
      await call('vault:lock');
      await call('vault:unlock', { passphrase: PASSPHRASE });
      expect(await call('settings:get')).toMatchObject({ ok: true, value: { sideMenu: 'icons', entryList: 'folded' } });
    } finally {
      services.dispose();
    }
  });
});
