/**
 * Re-encrypting a journal (issue 19): a new data key, the journal written out with VACUUM INTO, that copy
 * rekeyed, checked row for row against the journal, and swapped in with a new key file, as the app does it
 * (Vault.prepareReencrypt, then Vault.reencrypt). Each step timed; every table's rows compared after each run.
 *
 *   npm run bench:reencrypt                      10,000 entries: writes bench/results/reencrypt.json and .md
 *   BENCH_SIZES=10000,100000 npm run bench:reencrypt
 *
 * The entries (about 250 words each) are written by bench/entries.ts's writeEntries, as the backup benchmark's.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { summarise } from '../main/backup/snapshot';
import type { ReencryptStep } from '../main/vault/reencrypt';
import { writeEntries } from './entries';
import { describeMachine, eachSize, median, round, writeResults } from './figures';
import { BENCH_PASSPHRASE, benchServices, NEW_PASSPHRASE as NEXT } from './services';

const SIZES = (process.env['BENCH_SIZES'] ?? '10000').split(',').map((s) => Number(s.trim()));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

interface Measured {
  entries: number;
  databaseMb: number;
  /** Argon2id twice (the current passphrase checked, the new one derived) and the new keys made. */
  prepareMs: number;
  /** Median ms of each step. */
  steps: Record<string, number>;
  reencryptMs: number;
  rowsEqual: boolean;
}

async function measure(entries: number, root: string): Promise<Measured> {
  const dataDir = path.join(root, `journal-${entries}`, 'Holding');
  const services = await benchServices(dataDir);
  console.log(`${entries} entries: writing them`);
  writeEntries(services.vault.db(), entries);
  services.vault.db().pragma('wal_checkpoint(TRUNCATE)');
  const databaseMb = Math.round(statSync(services.vault.dbPath).size / 1e5) / 10;
  const before = summarise(services.vault.db());

  const stepMs: Record<string, number[]> = {};
  const prepares: number[] = [];
  const totals: number[] = [];
  let rowsEqual = true;
  let passphrase = BENCH_PASSPHRASE;
  for (let run = 0; run < RUNS; run++) {
    const next = run % 2 ? BENCH_PASSPHRASE : NEXT;
    let at = performance.now();
    const { token } = await services.vault.keys.prepareReencrypt(passphrase, next);
    prepares.push(performance.now() - at);
    let current: ReencryptStep | null = null;
    at = performance.now();
    const started = at;
    await services.vault.keys.reencrypt(token, undefined, {
      onStep: (step) => {
        const now = performance.now();
        if (current) (stepMs[current] ??= []).push(now - at);
        current = step;
        at = now;
      },
    });
    const now = performance.now();
    if (current) (stepMs[current] ??= []).push(now - at);
    totals.push(now - started);
    passphrase = next;
    const after = summarise(services.vault.db());
    rowsEqual &&= JSON.stringify(after) === JSON.stringify(before);
    console.log(`  run ${run + 1}: ${round(now - started)} ms, rows equal: ${rowsEqual}`);
  }
  services.dispose();
  // The swap's renames are grouped as one step: they take a few milliseconds between them.
  const grouped: Record<string, number> = {};
  for (const [step, times] of Object.entries(stepMs)) {
    const name = /^(aside|in) /.test(step) || ['ready', 'done', 'reopened'].includes(step) ? 'swap' : step;
    grouped[name] = (grouped[name] ?? 0) + median(times);
  }
  return {
    entries,
    databaseMb,
    prepareMs: round(median(prepares)),
    steps: Object.fromEntries(Object.entries(grouped).map(([k, v]) => [k, round(v)])),
    reencryptMs: round(median(totals)),
    rowsEqual,
  };
}

async function main(): Promise<void> {
  const results = await eachSize(SIZES, 'holding-bench-reencrypt-', measure);
  const machine = describeMachine();
  const rows = results.map(
    (r) =>
      `| ${r.entries.toLocaleString('en-GB')} | ${r.databaseMb} | ${r.prepareMs} | ${r.steps['snapshot'] ?? ''} | ${r.steps['rekey'] ?? ''} | ${r.steps['verify'] ?? ''} | ${r.steps['key file'] ?? ''} | ${r.steps['swap'] ?? ''} | ${r.reencryptMs} | ${r.rowsEqual ? 'yes' : 'NO'} |`,
  );
  const md = `# Re-encrypting the journal (median of ${RUNS} runs; ${machine})

Entries of about 250 words (bench/entries.ts), written through JournalService. Re-encrypted as the app does it
(main/vault/reencrypt.ts): **prepare** is before the new recovery key is shown (Argon2id for the current
passphrase and for the new one, about a second each, and the new keys made); the rest runs once it is
confirmed. **snapshot** is \`VACUUM INTO\` a staging folder under the old key plus the digest of every row of
the open journal; **rekey** rekeys that private copy (rollback-journal mode) to the new key; **verify** checks
the old key no longer opens it, and quick_check, foreign keys and every table's rows and digest with the new
key; **key file** writes the new key file and makes both durable; **swap** is the decided swap of the files
(main/backup/swap.ts), removing the old copy, and opening the journal under the new key. "All" is
from confirmation to the journal open again. "Rows equal" compares every table's rows and digest before the
first run and after each.

| entries | database (MB) | prepare (ms) | snapshot (ms) | rekey (ms) | verify (ms) | key file (ms) | swap (ms) | all (ms) | rows equal |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|
${rows.join('\n')}

The journal is held still while this runs (other calls are told Holding is busy for a moment); the worker
still answers between the slices of the digests. The machine was shared with other work while this ran (see
the load average above), so the figures are upper bounds more than typical ones.
`;
  writeResults('reencrypt', { machine, results }, md);
  console.log(md);
}

await main();
