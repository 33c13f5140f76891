import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../common/ipc/contract';
import type { EntryPage } from '../../common/journal/types';
import type { Result } from '../../common/result';
import { migrations } from '../../main/db/migration-list';
import { migration0018 } from '../../main/db/migrations/0018-search-prefixes';
import { ServicesHost } from '../../main/worker/host';
import { BEFORE_SEARCH_INDEX, journalBeforeSearchIndex } from '../support/old-journal';
import { PASSPHRASE, tempDir } from '../support/temp';
import { workerFile } from '../support/worker';

const ORIGIN = 'holding://app';
const SENDER = { url: `${ORIGIN}/index.html`, isMainFrame: true };

const hosts: ServicesHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.dispose();
});

/** The app's worker host on `dataDir`, and every progress report it passes on to the window. */
async function openHost(dataDir: string) {
  const host = new ServicesHost({
    workerFile: await workerFile(),
    dataDir,
    host: 'browser-shell',
    version: '0.0.0',
    appOrigin: ORIGIN,
    idleSeconds: () => 0,
    verboseErrors: true,
  });
  hosts.push(host);
  await host.whenReady();
  const reports: Progress[] = [];
  host.onProgress((progress) => reports.push(progress));
  const call = (channel: string, input?: unknown) => host.router(channel, input, SENDER);
  return { host, call, reports };
}

describe('the first unlock after an update', () => {
  it('says through the worker host, step by step, that it is building the search index, and for how many entries', async () => {
    const dataDir = await tempDir();
    await journalBeforeSearchIndex(dataDir, 240, PASSPHRASE);
    const { call, reports } = await openHost(dataDir);

    // A passphrase that does not open it runs nothing and reports nothing.
    expect(await call('vault:unlock', { passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false });
    expect(reports).toEqual([]);

    expect(await call('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    // Each report reached main before the answer did: the search index first, unmeasured (one statement
    // does it all), then each quick migration after it, measured, the index again (0018, with its prefix
    // indexes), unmeasured, then the end.
    const total = migrations.length - BEFORE_SEARCH_INDEX;
    const again = migrations.indexOf(migration0018) - BEFORE_SEARCH_INDEX;
    expect(again).toBeGreaterThan(1);
    expect(reports).toEqual(
      Array.from({ length: total + 1 }, (_, done) => ({
        channel: 'vault:unlock',
        done,
        total,
        unmeasured: done === 0 || done === again,
        update: { searchIndexEntries: 240 },
      })),
    );

    // Brought up to date: the new index finds what the old one held.
    const found = (await call('journal:list', { query: 'written', limit: 5 })) as Result<EntryPage>;
    expect(found.ok && found.value.total).toBe(240);

    // Up to date, the next unlock has nothing to report.
    reports.length = 0;
    await call('vault:lock');
    expect(await call('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(reports).toEqual([]);
  }, 120_000);
});
