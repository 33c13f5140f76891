/**
 * Main's event-loop delay while the services worker works: the app's own host (main/worker/host.ts) and
 * worker bundle, driven through the router as the window drives it. Main's thread is what paints the
 * window and takes its input in Electron, so its delay is what a person would feel.
 *
 * Each phase (unlock, saves, each kind of search, first pages, filtered and newest-first searches, a
 * 500-entry export check, delete for ever) has its own histogram, so each of the journal benchmark's
 * figures can be printed beside the delay measured while the same work ran through the worker. An
 * idle phase, with the worker doing nothing, shows what the machine itself adds.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { EMPTY_SELECTION } from '../common/export/types';
import type { Entry, EntryPage } from '../common/journal/types';
import { editedSave, type Query, type QueryKind } from './journal-data';
import { benchHost } from './services';

/** The sampling interval: the histogram records each interval whole, so the delay is what is over it. */
const RESOLUTION_MS = 5;

export interface PhaseDelay {
  /** Main's event-loop delay in milliseconds while the phase ran: 99th percentile and longest. */
  p99: number;
  max: number;
  /** Each call as main saw it (through the router and the worker), p50 and p95 in milliseconds. */
  callP50: number;
  callP95: number;
  calls: number;
  /**
   * How much of the phase main's event loop spent running code (performance.eventLoopUtilization), in
   * percent: a delay with main hardly busy is the machine keeping main's thread waiting for a core.
   */
  mainBusyPercent: number;
}

export type Phase =
  | 'idle'
  | 'unlock'
  | 'save'
  | 'search'
  | QueryKind
  | 'listFirstPage'
  | 'searchFirstPage'
  | 'searchFiltered'
  | 'searchNewest'
  | 'exportCheck'
  | 'deleteForever';

export interface WorkerRun {
  phases: Record<Phase, PhaseDelay>;
  /** Everything but the idle phase, start to end. */
  overall: { p99: number; max: number; mainBusyPercent: number; seconds: number };
  exportEntries: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function percentile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Unlocks the vault in `dataDir` through the worker, then runs each phase in turn, recording main's
 * event-loop delay throughout.
 */
export async function loopDelayThroughWorker(options: {
  dataDir: string;
  passphrase: string;
  queries: Query[];
  /** Entries to change a few words in, as the in-process saves do. */
  edits: { id: string; replacements: [number, string][] }[];
  listRuns: number;
  otherSearches: number;
  exportEntries: number;
  deletes: number;
}): Promise<WorkerRun> {
  const { host, call } = await benchHost(options.dataDir);
  const phases = {} as Record<Phase, PhaseDelay>;
  const histogram = () => {
    const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    h.enable();
    return { h, elu: performance.eventLoopUtilization() };
  };
  const delayOf = ({ h, elu }: ReturnType<typeof histogram>) => {
    h.disable();
    const over = (ns: number) => round(Math.max(0, ns / 1e6 - RESOLUTION_MS));
    const busy = performance.eventLoopUtilization(elu).utilization;
    return { p99: over(h.percentile(99)), max: over(h.max), mainBusyPercent: round(busy * 100) };
  };
  /** Runs `work` as one phase: each call it makes through `timed` is timed, and the loop watched throughout. */
  const phase = async (name: Phase, work: (timed: <T>(p: Promise<T>) => Promise<T>) => Promise<void>) => {
    const calls: number[] = [];
    const h = histogram();
    await work(async (p) => {
      const start = performance.now();
      const result = await p;
      calls.push(performance.now() - start);
      return result;
    });
    phases[name] = {
      ...delayOf(h),
      callP50: round(percentile(calls, 0.5)),
      callP95: round(percentile(calls, 0.95)),
      calls: calls.length,
    };
  };

  try {
    await host.whenReady();
    await phase('idle', async () => {
      await sleep(3000);
    });
    const started = performance.now();
    const everything = histogram();
    await phase('unlock', async (timed) => {
      await timed(call('vault:unlock', { passphrase: options.passphrase }));
    });
    await phase('save', async (timed) => {
      for (const edit of options.edits) {
        const entry = await call<Entry>('journal:get', { id: edit.id });
        if (entry.deletedAt) await call('journal:restore', { id: edit.id });
        await timed(call('journal:save', editedSave(entry, edit.replacements)));
      }
    });
    // Each kind of search apart, and all of them together.
    const all = histogram();
    const allCalls: number[] = [];
    for (const kind of ['word', 'prefix', 'phrase', 'exclusion'] as const) {
      await phase(kind, async (timed) => {
        for (const q of options.queries.filter((q) => q.kind === kind)) {
          const start = performance.now();
          await timed(call<EntryPage>('journal:list', { query: q.text }));
          allCalls.push(performance.now() - start);
        }
      });
    }
    phases.search = {
      ...delayOf(all),
      callP50: round(percentile(allCalls, 0.5)),
      callP95: round(percentile(allCalls, 0.95)),
      calls: allCalls.length,
    };
    await phase('listFirstPage', async (timed) => {
      for (let i = 0; i < options.listRuns; i++) await timed(call<EntryPage>('journal:list', { limit: 50 }));
    });
    await phase('searchFirstPage', async (timed) => {
      for (let i = 0; i < options.listRuns; i++) {
        await timed(call<EntryPage>('journal:list', { query: 'supervision', limit: 50 }));
      }
    });
    const others = options.queries.slice(0, options.otherSearches);
    await phase('searchFiltered', async (timed) => {
      for (const q of others) await timed(call<EntryPage>('journal:list', { query: q.text, kind: 'journal' }));
    });
    await phase('searchNewest', async (timed) => {
      for (const q of others) await timed(call<EntryPage>('journal:list', { query: q.text, sort: 'updated' }));
    });
    const page = await call<EntryPage>('journal:list', { limit: options.exportEntries });
    const entries = page.items.map((item) => ({ id: item.id, excerpt: null }));
    await phase('exportCheck', async (timed) => {
      await timed(call('export:check', { ...EMPTY_SELECTION, entries }));
    });
    // Last, as it changes the journal: a few entries deleted for ever from the trash.
    const trashed = await call<EntryPage>('journal:list', { trash: true, limit: options.deletes });
    await phase('deleteForever', async (timed) => {
      for (const item of trashed.items) await timed(call('journal:deleteForever', { id: item.id }));
    });
    return {
      phases,
      overall: { ...delayOf(everything), seconds: round((performance.now() - started) / 1000) },
      exportEntries: entries.length,
    };
  } finally {
    await host.dispose();
  }
}
