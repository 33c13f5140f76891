import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../common/ipc/names';
import { buildBridge, type Transport } from '../../preload/bridge';

function fakeTransport() {
  const calls: [string, unknown][] = [];
  const transport: Transport = {
    invoke: vi.fn(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true as const, value: channel };
    }),
    subscribe: vi.fn(() => () => undefined),
  };
  return { transport, calls };
}

describe('bridge builder', () => {
  it('exposes one function per channel, grouped by domain, and nothing generic', async () => {
    const { transport, calls } = fakeTransport();
    const api = buildBridge(transport) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(api).sort()).toEqual([
      'app',
      'backup',
      'checkins',
      'events',
      'export',
      'import',
      'journal',
      'settings',
      'sharing',
      'signs',
      'supervision',
      'support',
      'templates',
      'twoTruths',
      'vault',
    ]);
    for (const channel of CHANNELS) {
      const [domain, action] = channel.split(':') as [string, string];
      expect(typeof api[domain]![action], channel).toBe('function');
    }
    const count = Object.entries(api)
      .filter(([k]) => k !== 'events')
      .reduce((n, [, group]) => n + Object.keys(group).length, 0);
    expect(count).toBe(CHANNELS.length);
    for (const forbidden of ['send', 'invoke', 'ipcRenderer', 'exec', 'sql']) expect(api).not.toHaveProperty(forbidden);

    const bridge = buildBridge(transport);
    await bridge.vault.unlock({ passphrase: 'p' });
    await bridge.settings.get();
    expect(calls).toEqual([
      ['vault:unlock', { passphrase: 'p' }],
      ['settings:get', undefined],
    ]);
  });

  it('subscribes only to known events', () => {
    const { transport } = fakeTransport();
    const bridge = buildBridge(transport);
    const off = bridge.events.on('vault:locked', () => undefined);
    expect(typeof off).toBe('function');
    expect(() => bridge.events.on('evil:event' as 'vault:locked', () => undefined)).toThrow(/Unknown event/);
  });
});
