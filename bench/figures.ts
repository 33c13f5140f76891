/**
 * How the benchmarks measure and report: the figures' arithmetic, main's event-loop delay, the window's calls
 * while work runs, one measurement per size in a temporary folder, and the results written with the machine
 * they ran on.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const round = (ms: number) => Math.round(ms);
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Main's event loop sampled every 10 ms from now, until `stop()`: what was over 10 ms, in ms (p50, p99, max). */
export function loopDelay(): { stop(): { p50: number; p99: number; max: number } } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const over = (ns: number) => Math.round(Math.max(0, ns / 1e6 - 10) * 10) / 10;
  return {
    stop: () => {
      histogram.disable();
      return { p50: over(histogram.percentile(50)), p99: over(histogram.percentile(99)), max: over(histogram.max) };
    },
  };
}

/**
 * The window asking for the journal list every 100 ms, from now until `until` settles (it finishes the call
 * or pause it is in): resolves how long each call waited, in ms.
 */
export async function windowCalls(
  call: (channel: string, input?: unknown) => Promise<unknown>,
  until: Promise<unknown>,
): Promise<number[]> {
  let running = true;
  until.finally(() => (running = false)).catch(() => undefined);
  const waits: number[] = [];
  while (running) {
    const asked = performance.now();
    await call('journal:list', { limit: 20 });
    waits.push(performance.now() - asked);
    await new Promise((r) => setTimeout(r, 100));
  }
  return waits;
}

/**
 * `measure` at each size, each in a temporary folder (`root`) emptied after it, the figures printed as they
 * come; the folder removed at the end.
 */
export async function eachSize<M>(
  sizes: number[],
  prefix: string,
  measure: (size: number, root: string) => Promise<M>,
): Promise<M[]> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const results: M[] = [];
  try {
    for (const size of sizes) {
      const m = await measure(size, root);
      console.log(JSON.stringify(m));
      results.push(m);
      for (const name of await fs.readdir(root)) await fs.rm(path.join(root, name), { recursive: true, force: true });
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
  return results;
}

/** The machine, as the results say it: cores, CPU, Node, and the load average now. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, load average at the end ${load}`;
}

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** Writes bench/results/<name>.json with `json`, and <name>.md with `md`. */
export function writeResults(name: string, json: unknown, md: string): void {
  writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(path.join(RESULTS, `${name}.md`), md);
}
