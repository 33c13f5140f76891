/**
 * Export to PDF at 10, 100 and 500 entries: the de-identification check (with the NLP names pass, which
 * is the slow part and is cached per paragraph), then settling, rendering the HTML and printing it with
 * Chromium (page.pdf, as the browser shell does; the app uses Electron's printToPDF on the same HTML).
 *
 *   npm run bench:export        writes bench/results/export.json and export.md
 *   BENCH_SIZES=10,100 BENCH_RUNS=3 npm run bench:export
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMPTY_SELECTION, type Resolutions } from '../common/export/types';
import { docFromParagraphs } from '../common/journal/doc';
import { benchServices } from './services';
import { launchPdfRenderer } from '../test/support/pdf';
import { CLIENTS, paragraphs } from './entries';

const SIZES = (process.env['BENCH_SIZES'] ?? '10,100,500').split(',').map(Number);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const here = path.dirname(fileURLToPath(import.meta.url));

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
};

const pdf = await launchPdfRenderer();
const results: {
  entries: number;
  checkFirstMs: number;
  checkAgainMs: number;
  loopMaxMs: number;
  exportPdfMs: number;
  pages: number;
  bytes: number;
  findings: number;
  rssMb: number;
}[] = [];
try {
  for (const size of SIZES) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'holding-bench-export-'));
    let saved = '';
    const services = await benchServices(dataDir, {
      renderPdf: pdf.render,
      chooseSavePath: async (name) => (saved = path.join(dataDir, name)),
    });
    try {
      services.settings.update({ deidNames: CLIENTS });
      const ids: string[] = [];
      services.vault.db().transaction(() => {
        for (let i = 0; i < size; i++) {
          const entry = services.journal.create({ title: `Reflection ${i + 1} (${size})` });
          services.journal.save({ ...entry, body: docFromParagraphs(paragraphs(i + size * 1000)), tags: [] });
          ids.push(entry.id);
        }
      })();
      const selection = { ...EMPTY_SELECTION, entries: ids.map((id) => ({ id, excerpt: null })) };
      // How long main's event loop waits while the check runs: the window's requests and a lock wait that long.
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      let start = performance.now();
      const check = await services.exports.check(selection);
      const checkFirstMs = performance.now() - start;
      delay.disable();
      const loopMaxMs = delay.max / 1e6;
      start = performance.now();
      await services.exports.check(selection);
      const checkAgainMs = performance.now() - start;
      const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
      for (const f of check.findings) {
        resolutions.byValue[f.valueKey] = f.kind.endsWith('name') ? { action: 'pseudonym' } : { action: 'redact' };
      }
      const times: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        start = performance.now();
        const result = await services.router(
          'export:save',
          { selection, resolutions, fingerprint: check.fingerprint, format: 'pdf' },
          { isMainFrame: true, url: 'holding://app/' },
        );
        times.push(performance.now() - start);
        if (!result.ok) throw new Error(result.error.message);
      }
      const { execFileSync } = await import('node:child_process');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [saved], { encoding: 'utf8' }))?.[1] ?? 0);
      results.push({
        entries: size,
        checkFirstMs: Math.round(checkFirstMs),
        checkAgainMs: Math.round(checkAgainMs),
        loopMaxMs: Math.round(loopMaxMs),
        exportPdfMs: median(times),
        pages,
        bytes: statSync(saved).size,
        findings: check.findings.length,
        rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      });
      console.log(results.at(-1));
    } finally {
      services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
} finally {
  await pdf.close();
}

const out = path.join(here, 'results');
mkdirSync(out, { recursive: true });
const machine = `${os.cpus().length} cores, Node ${process.version}, Debian Chromium (page.pdf)`;
writeFileSync(path.join(out, 'export.json'), `${JSON.stringify({ machine, runs: RUNS, results }, null, 2)}\n`);
writeFileSync(
  path.join(out, 'export.md'),
  [
    `# Export to PDF (median of ${RUNS} runs; ${machine})`,
    '',
    'About 250 words an entry. "Check, first time" includes loading the word lists (once a session) and the',
    'names pass twice; every step is cached per paragraph, so the preview and the save that follow reuse it',
    '("check again"). The check runs in slices of about 25 ms: "longest wait" is the longest main\'s event loop',
    'was held while it ran (what a click in the window or a lock would wait; the first check of a session also',
    'sets up the word lists and libraries, a step at a time). "Export to PDF" is the whole',
    'save: check again, settle, HTML, print, atomic write.',
    '',
    '| entries | findings | check, first time (ms) | longest wait (ms) | check again (ms) | export to PDF (ms) | pages | PDF size (kB) | RSS after (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.entries} | ${r.findings} | ${r.checkFirstMs} | ${r.loopMaxMs} | ${r.checkAgainMs} | ${r.exportPdfMs} | ${r.pages} | ${Math.round(r.bytes / 1024)} | ${r.rssMb} |`,
    ),
    '',
  ].join('\n'),
);
