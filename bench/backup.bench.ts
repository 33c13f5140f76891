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
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupStep } from '../main/backup/make';
import { BackupService } from '../main/backup/service';
import { writeEntries } from './entries';
import { describeMachine, eachSize, loopDelay, median, round, windowCalls, writeResults } from './figures';
import { BENCH_PASSPHRASE, benchHost, benchServices, benchServicesIn } from './services';

const SIZES = (process.env['BENCH_SIZES'] ?? '10000,100000').split(',').map((s) => Number(s.trim()));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

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

async function measure(entries: number, root: string): Promise<Measured> {
  const dataDir = path.join(root, `journal-${entries}`, 'Holding');
  const folder = path.join(root, `backups-${entries}`);
  await fs.mkdir(folder, { recursive: true });
  const services = await benchServices(dataDir);
  const { recoveryKey } = services;
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
  const elsewhere = benchServicesIn(restoredDir);
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
  const { host, call } = await benchHost(dataDir, { chooseFolder: async () => folder });
  let loop: Measured['loop'];
  try {
    await host.whenReady();
    await call('vault:unlock', { passphrase: BENCH_PASSPHRASE });
    await call('backup:chooseFolder');
    const delay = loopDelay();
    started = performance.now();
    const backup = call('backup:now');
    const waits = await windowCalls(call, backup);
    await backup;
    const backupMs = performance.now() - started;
    loop = {
      ...delay.stop(),
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
  const results = await eachSize(SIZES, 'holding-bench-backup-', measure);
  const machine = describeMachine();
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
  writeResults('backup', { machine, results }, md);
  console.log(md);
}

await main();
