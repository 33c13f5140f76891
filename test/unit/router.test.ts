import { describe, expect, it, vi } from 'vitest';
import { AppError, LockedError } from '../../common/errors';
import { CHANNELS } from '../../common/ipc/names';
import { contract } from '../../common/ipc/contract';
import { createRouter, type Handlers, originOf } from '../../main/ipc/router';

const ORIGIN = 'holding://app';
const fromApp = { url: 'holding://app/index.html', isMainFrame: true };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not expected in this test');
  };
  const all = Object.fromEntries(CHANNELS.map((c) => [c, unused])) as unknown as Handlers;
  return {
    ...all,
    'app:info': () => ({ version: '1', dataDir: '/d', host: 'electron' }),
    'vault:status': () => ({ state: 'locked', lastLockReason: null }),
    ...overrides,
  };
}

describe('IPC router', () => {
  it('answers a known channel from the app frame with { ok, value }', async () => {
    const route = createRouter(handlers(), { appOrigin: ORIGIN });
    expect(await route('vault:status', undefined, fromApp)).toEqual({
      ok: true,
      value: { state: 'locked', lastLockReason: null },
    });
  });

  it('refuses unknown channels, including prototype names', async () => {
    const route = createRouter(handlers(), { appOrigin: ORIGIN });
    for (const name of ['vault:explode', 'db:exec', '__proto__', 'constructor', 'toString', '', 42, null]) {
      const result = await route(name, undefined, fromApp);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses calls from other origins and from sub-frames', async () => {
    const spy = vi.fn(() => ({ state: 'locked' as const, lastLockReason: null }));
    const route = createRouter(handlers({ 'vault:status': spy }), { appOrigin: ORIGIN });
    const senders = [
      { url: 'https://evil.example/index.html', isMainFrame: true },
      { url: 'file:///tmp/index.html', isMainFrame: true },
      { url: 'holding://app.evil/index.html', isMainFrame: true },
      { url: 'holding://app/index.html', isMainFrame: false },
      { url: 'not a url', isMainFrame: true },
      { url: '', isMainFrame: true },
    ];
    for (const sender of senders) {
      expect(await route('vault:status', undefined, sender)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses input that fails the channel schema without calling the handler', async () => {
    const unlock = vi.fn();
    const update = vi.fn();
    const route = createRouter(handlers({ 'vault:unlock': unlock, 'settings:update': update }), { appOrigin: ORIGIN });
    const bad: [string, unknown][] = [
      ['vault:unlock', undefined],
      ['vault:unlock', { passphrase: 42 }],
      ['vault:unlock', { passphrase: '' }],
      ['vault:unlock', { passphrase: 'x'.repeat(5000) }],
      ['vault:unlock', { passphrase: 'fine passphrase', extra: true }],
      ['vault:unlock', 'just a string'],
      ['settings:update', { autoLockMinutes: 7 }],
      ['settings:update', { autoLockMinutes: -1 }],
      ['settings:update', { autoLockMinutes: '5' }],
      ['vault:status', { unexpected: 1 }],
    ];
    for (const [channel, input] of bad) {
      const result = await route(channel, input, fromApp);
      expect(result, `${channel} ${JSON.stringify(input)?.slice(0, 40)}`).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(unlock).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
    const refused = await route('settings:update', { autoLockMinutes: 7 }, fromApp);
    expect(refused.ok ? '' : refused.error.message).toMatch(/offered auto-lock times/);
  });

  it('turns expected errors into their code and hides unexpected ones', async () => {
    const logged: unknown[] = [];
    const route = createRouter(
      handlers({
        'settings:get': () => {
          throw new LockedError();
        },
        'vault:lock': () => {
          throw new Error('SQLITE_CORRUPT: secret detail /home/someone/path');
        },
        'vault:unlock': () => {
          throw new AppError('WRONG_PASSPHRASE', 'That passphrase did not open your journal.');
        },
      }),
      { appOrigin: ORIGIN, logError: (e) => logged.push(e) },
    );
    expect(await route('settings:get', undefined, fromApp)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await route('vault:unlock', { passphrase: 'anything at all' }, fromApp)).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'That passphrase did not open your journal.' },
    });
    const internal = await route('vault:lock', undefined, fromApp);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('secret detail');
    expect(logged).toHaveLength(1);
  });

  it('has a schema for every channel name, and no others', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    for (const name of CHANNELS) expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-zA-Z]+$/);
  });

  it('reads origins of custom schemes, which URL.origin cannot', () => {
    expect(originOf('holding://app/index.html')).toBe('holding://app');
    expect(originOf('https://holding.invalid/x?y')).toBe('https://holding.invalid');
    expect(originOf('::')).toBeNull();
  });
});
