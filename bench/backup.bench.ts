/**
 * Backups at scale: making and proving a backup (each step timed), inspecting and restoring it, with
 * 10,000 and 100,000 entries; and, through the app's own worker host and bundle, main's event-loop delay
 * and how long a call from the window waits while a backup runs.
 *
 *   npm run bench:backup                     writes bench/results/backup.json and backup.md
 *   BENCH_SIZES=2000 npm run bench:backup    a quick run
 *
 * The entries (about 250 words each, bench/entries.ts) are written through JournalService.create + save in
 * transactions of 1,000, as bench/journal.bench.ts does.
 */
import { promises as fs, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Result } from '../common/result';
import { createServices } from '../main/app';
import type { BackupStep } from '../main/backup/make';
import { BackupService } from '../main/backup/service';
import { ServicesHost } from '../main/worker/host';
import { workerFile } from '../test/support/worker';
import { writeEntries } from './entries';

const SIZES = (process.env['BENCH_SIZES'] ?? '10000,100000').split(',').map((s) => Number(s.trim()));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const PASSPHRASE = 'quiet harbour lantern meadow';
const SENDER = { url: 'holding://app/index.html', isMainFrame: true };
const here = path.dirname(fileURLToPath(import.meta.url));

const round = (ms: number) => Math.round(ms);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Measured {
  entries: number;
  seedS: number;
  databaseMb: number;
  backupMb: number;
  /** Median ms of each step of making a backup. */
  steps: Record<string, number>;
  makeMs: number;
  verifyMs: number;
  totalMs: number;
  inspectMs: number;
  restoreMs: number;
  loop: { p50: number; p99: number; max: number; backupMs: number; calls: number; callP50: number; callMax: number };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function measure(entries: number, root: string): Promise<Measured> {
  const dataDir = path.join(root, `journal-${entries}`, 'Holding');
  const folder = path.join(root, `backups-${entries}`);
  await fs.mkdir(folder, { recursive: true });
  const services = createServices({
    inProcess: true,
    dataDir,
    host: 'browser-shell',
    version: 'bench',
    appOrigin: 'holding://app',
    idleSeconds: () => 0,
  });
  const { recoveryKey } = await services.vault.create(PASSPHRASE);
  console.log(`${entries} entries: writing them`);
  const seedMs = writeEntries(services.vault.db(), entries);
  services.vault.db().pragma('wal_checkpoint(TRUNCATE)');
  const databaseMb = statSync(services.vault.dbPath).size / 1e6;

  // Making and proving, step by step, in process.
  const stepMs: Record<string, number[]> = {};
  const totals: number[] = [];
  let backupMb = 0;
  let last = '';
  for (let run = 0; run < RUNS; run++) {
    let at = performance.now();
    let current: BackupStep | null = null;
    const started = at;
    const backups = new BackupService(services.vault, {
      appVersion: 'bench',
      hooks: {
        onStep: (step) => {
          const now = performance.now();
          if (current) (stepMs[current] ??= []).push(now - at);
          current = step;
          at = now;
        },
      },
    });
    const record = await backups.backUp(folder);
    totals.push(performance.now() - started);
    backupMb = record.bytes / 1e6;
    last = path.join(folder, record.fileName);
    console.log(`  backup ${run + 1}: ${round(totals.at(-1)!)} ms`);
  }
  const steps = Object.fromEntries(Object.entries(stepMs).map(([k, v]) => [k, round(median(v))]));
  const verifyMs = steps['verify'] ?? 0;
  const totalMs = round(median(totals));

  // Inspecting and restoring (with the recovery key, so Argon2id's second or so is not in the figure).
  const restoredDir = path.join(root, `restored-${entries}`, 'Holding');
  const elsewhere = createServices({
    inProcess: true,
    dataDir: restoredDir,
    host: 'browser-shell',
    version: 'bench',
    appOrigin: 'holding://app',
    idleSeconds: () => 0,
  });
  const restorer = new BackupService(elsewhere.vault, { appVersion: 'bench' });
  let started = performance.now();
  await restorer.inspect(last, { recoveryKey });
  const inspectMs = performance.now() - started;
  started = performance.now();
  await restorer.restore(last, { recoveryKey });
  const restoreMs = performance.now() - started;
  elsewhere.dispose();
  await fs.rm(path.dirname(restoredDir), { recursive: true, force: true });
  services.dispose();

  // Through the worker: main's event loop, and a call from the window, while a backup runs there.
  const host = new ServicesHost({
    workerFile: await workerFile(),
    dataDir,
    host: 'browser-shell',
    version: 'bench',
    appOrigin: 'holding://app',
    idleSeconds: () => 0,
    chooseFolder: async () => folder,
  });
  const call = async <T>(channel: string, input?: unknown) => value<T>(await host.router(channel, input, SENDER));
  let loop: Measured['loop'];
  try {
    await host.whenReady();
    await call('vault:unlock', { passphrase: PASSPHRASE });
    await call('backup:chooseFolder');
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    started = performance.now();
    let running = true;
    const backup = call('backup:now').finally(() => (running = false));
    const waits: number[] = [];
    while (running) {
      const asked = performance.now();
      await call('journal:list', { limit: 20 });
      waits.push(performance.now() - asked);
      await new Promise((r) => setTimeout(r, 100));
    }
    await backup;
    const backupMs = performance.now() - started;
    histogram.disable();
    const over = (ns: number) => Math.round(Math.max(0, ns / 1e6 - 10) * 10) / 10;
    loop = {
      p50: over(histogram.percentile(50)),
      p99: over(histogram.percentile(99)),
      max: over(histogram.max),
      backupMs: round(backupMs),
      calls: waits.length,
      callP50: round(median(waits)),
      callMax: round(Math.max(...waits)),
    };
  } finally {
    await host.dispose();
  }

  return {
    entries,
    seedS: Math.round(seedMs / 1000),
    databaseMb: Math.round(databaseMb * 10) / 10,
    backupMb: Math.round(backupMb * 10) / 10,
    steps,
    makeMs: totalMs - verifyMs - (steps['place'] ?? 0) - (steps['record'] ?? 0),
    verifyMs,
    totalMs,
    inspectMs: round(inspectMs),
    restoreMs: round(restoreMs),
    loop,
  };
}

async function main(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'holding-bench-backup-'));
  const results: Measured[] = [];
  try {
    for (const size of SIZES) {
      const m = await measure(size, root);
      console.log(JSON.stringify(m));
      results.push(m);
      await fs.rm(path.join(root, `journal-${size}`), { recursive: true, force: true });
      await fs.rm(path.join(root, `backups-${size}`), { recursive: true, force: true });
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.cpus().length} cores (${cpu}), Node ${process.version}, load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`;
  writeFileSync(path.join(here, 'results', 'backup.json'), `${JSON.stringify({ machine, results }, null, 2)}\n`);
  const rows = results.map(
    (r) =>
      `| ${r.entries.toLocaleString('en-GB')} | ${r.databaseMb} | ${r.backupMb} | ${r.steps['snapshot'] ?? ''} | ${r.steps['summary'] ?? ''} | ${r.steps['write'] ?? ''} | ${r.verifyMs} | ${r.totalMs} | ${r.inspectMs} | ${r.restoreMs} |`,
  );
  const loopRows = results.map(
    (r) =>
      `| ${r.entries.toLocaleString('en-GB')} | ${r.loop.backupMs} | ${r.loop.p50} | ${r.loop.p99} | ${r.loop.max} | ${r.loop.calls} | ${r.loop.callP50} | ${r.loop.callMax} |`,
  );
  const md = `# Backups (median of ${RUNS} runs; ${machine})

Entries of about 250 words (bench/entries.ts), written through JournalService. A backup is made and proved
as the app does it (main/backup/make.ts): **snapshot** is \`VACUUM INTO\` a work folder; **summary** counts
and digests every table of the snapshot and hashes it; **write** writes the backup file (MAC and hashes as it
goes) and fsyncs it; **verify** reads it back from the backup folder, writes the database out, and checks
it as a restore would (MAC, quick_check, foreign keys, migrations, counts and digest). "All" adds the
rename, the folder's fsync and the record. Restore is onto a computer with no journal, with the recovery key
(so without the second or so of Argon2id a passphrase costs), and includes its own full check and opening
the journal. The backup and work folders are on the same disk here; a USB drive would be slower to write.

| entries | database (MB) | backup (MB) | snapshot (ms) | summary (ms) | write (ms) | verify (ms) | all (ms) | inspect (ms) | restore (ms) |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

## The window while a backup runs (through the app's worker host and bundle)

The backup runs in the services worker. Main's event loop (which in Electron paints the window and takes
its input) is sampled every 10 ms; the delay is what was over that. Meanwhile the window asks for the journal
list every 100 ms. The worker answers between the backup's pieces of work (the file work in 1 MiB pieces, the
digest and the restore check in slices of about 50 ms), so a call waits at most for the longest single
synchronous SQLite call: \`VACUUM INTO\` (the snapshot) or \`PRAGMA quick_check\` on the copy.

| entries | backup (ms) | main's loop delay p50 (ms) | p99 (ms) | max (ms) | window calls | call wait p50 (ms) | max (ms) |
|---:|---:|---:|---:|---:|---:|---:|---:|
${loopRows.join('\n')}

The machine was shared with other work while this ran (see the load average above), so the figures are
upper bounds more than typical ones.
`;
  writeFileSync(path.join(here, 'results', 'backup.md'), md);
  console.log(md);
}

await main();
