/**
 * Check-ins over years: how long the page's reads take as the history grows. Suggestions read the
 * whole history (so that a long episode keeps its start), so this is the number to watch.
 *
 *   npm run bench:checkins       writes bench/results/checkins.json and checkins.md
 *   BENCH_SIZES=365,3650 npm run bench:checkins
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkIn } from '../test/support/checkins-fixture';
import { benchServices } from './services';

const SIZES = (process.env['BENCH_SIZES'] ?? '365,3650,10000').split(',').map(Number);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 9);
const here = path.dirname(fileURLToPath(import.meta.url));
const DAY = 24 * 60 * 60 * 1000;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
};
const timed = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

const results: { checkins: number; suggestionsMs: number; listAllMs: number; listMonthMs: number; saveMs: number }[] =
  [];
for (const size of SIZES) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'holding-bench-checkins-'));
  const services = await benchServices(dataDir);
  try {
    const { checkins } = services;
    const signs = ['Not sleeping well', 'Snapping at people', 'Skipping lunch'].map(
      (name) => checkins.saveSign({ name, whatHelps: '', contact: '' }).id,
    );
    // One check-in a day (several a day beyond ten years), a sign ticked on every fifth.
    const now = Date.now();
    const step = Math.min(DAY, (20 * 365 * DAY) / size);
    services.vault.db().transaction(() => {
      for (let i = size; i >= 1; i--) {
        checkins.save({
          at: new Date(now - i * step).toISOString(),
          capacity: 3 + (i % 6),
          energy: 3,
          sleep: 3,
          load: 3,
          helping: 'A walk at lunch.',
          hard: '',
          signIds: i % 5 === 0 ? [signs[i % 3]!] : [],
          entryId: null,
        });
      }
    })();
    const suggestions: number[] = [];
    const listAll: number[] = [];
    const listMonth: number[] = [];
    const saves: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      suggestions.push(timed(() => checkins.suggestions()));
      listAll.push(timed(() => checkins.list()));
      listMonth.push(timed(() => checkins.list({ from: new Date(now - 30 * DAY).toISOString() })));
      saves.push(timed(() => checkins.save(checkIn({ at: new Date(now - r * 1000).toISOString() }))));
    }
    results.push({
      checkins: size,
      suggestionsMs: median(suggestions),
      listAllMs: median(listAll),
      listMonthMs: median(listMonth),
      saveMs: median(saves),
    });
    console.log(results.at(-1));
  } finally {
    services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const out = path.join(here, 'results');
mkdirSync(out, { recursive: true });
const machine = `${os.cpus().length} cores, Node ${process.version}`;
writeFileSync(path.join(out, 'checkins.json'), `${JSON.stringify({ machine, runs: RUNS, results }, null, 2)}\n`);
writeFileSync(
  path.join(out, 'checkins.md'),
  [
    `# Check-ins (median of ${RUNS} runs; ${machine})`,
    '',
    '| check-ins | suggestions (ms) | list, all (ms) | list, a month (ms) | save one (ms) |',
    '|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.checkins} | ${r.suggestionsMs} | ${r.listAllMs} | ${r.listMonthMs} | ${r.saveMs} |`),
    '',
  ].join('\n'),
);
