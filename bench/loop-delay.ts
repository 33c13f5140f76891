/**
 * Main's event-loop delay while the services worker works: the app's own host (main/worker/host.ts) and
 * worker bundle, driven through the router as the window drives it. Main's thread is what paints the
 * window and takes its input in Electron, so its delay is what a person would feel.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EMPTY_SELECTION } from '../common/export/types';
import type { Entry, EntryPage } from '../common/journal/types';
import type { Result } from '../common/result';
import { ServicesHost } from '../main/worker/host';
import { workerFile } from '../test/support/worker';

export interface LoopDelay {
  /** Milliseconds of delay on main's event loop (sampled every 10 ms). */
  p50: number;
  p99: number;
  max: number;
  /** What ran meanwhile, and how long each part took in all. */
  unlockMs: number;
  searches: number;
  searchMs: number;
  saves: number;
  saveMs: number;
  exportEntries: number;
  exportCheckMs: number;
}

const SENDER = { url: 'holding://app/index.html', isMainFrame: true };
const round = (ms: number) => Math.round(ms * 10) / 10;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/**
 * Opens the vault in `dataDir` through the worker, then unlocks, searches, saves and checks an export of
 * `exportEntries` entries, measuring main's event-loop delay throughout.
 */
export async function loopDelayThroughWorker(options: {
  dataDir: string;
  passphrase: string;
  queries: string[];
  saves: number;
  exportEntries: number;
}): Promise<LoopDelay> {
  const host = new ServicesHost({
    workerFile: await workerFile(),
    dataDir: options.dataDir,
    host: 'browser-shell',
    version: '0.0.0',
    appOrigin: 'holding://app',
    idleSeconds: () => 0,
  });
  const call = async <T>(channel: string, input?: unknown) => value<T>(await host.router(channel, input, SENDER));
  try {
    await host.whenReady();
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    let started = performance.now();
    await call('vault:unlock', { passphrase: options.passphrase });
    const unlockMs = performance.now() - started;

    started = performance.now();
    for (const query of options.queries) await call<EntryPage>('journal:list', { query, limit: 50 });
    const searchMs = performance.now() - started;

    const page = await call<EntryPage>('journal:list', { limit: Math.max(options.saves, options.exportEntries) });
    const ids = page.items.map((item) => item.id);
    started = performance.now();
    for (let i = 0; i < options.saves; i++) {
      const entry = await call<Entry>('journal:get', { id: ids[i % ids.length] });
      await call('journal:save', {
        id: entry.id,
        title: `${entry.title} (${i})`,
        body: entry.body,
        eventDate: entry.eventDate,
        tags: entry.tags,
        bringToSupervision: entry.bringToSupervision,
        containsClientMaterial: entry.containsClientMaterial,
        pinned: entry.pinned,
      });
    }
    const saveMs = performance.now() - started;

    started = performance.now();
    const entries = ids.slice(0, options.exportEntries).map((id) => ({ id, excerpt: null }));
    await call('export:check', { ...EMPTY_SELECTION, entries });
    const exportCheckMs = performance.now() - started;
    histogram.disable();

    // The histogram counts the sampling interval itself: what is over it is the delay.
    const over = (ns: number) => round(Math.max(0, ns / 1e6 - 10));
    return {
      p50: over(histogram.percentile(50)),
      p99: over(histogram.percentile(99)),
      max: over(histogram.max),
      unlockMs: round(unlockMs),
      searches: options.queries.length,
      searchMs: round(searchMs),
      saves: options.saves,
      saveMs: round(saveMs),
      exportEntries: entries.length,
      exportCheckMs: round(exportCheckMs),
    };
  } finally {
    await host.dispose();
  }
}
