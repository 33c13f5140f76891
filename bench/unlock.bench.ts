/**
 * Unlock time and its parts: Argon2id (the deliberate cost), unwrapping the data key, opening
 * the encrypted database (key, pragmas, migrations check) and the first query.
 *
 *   npm run bench            writes bench/results/unlock.json and unlock.md
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../main/db/migrate';
import { openEncryptedDatabase } from '../main/db/open';
import { deriveKeyFromPassphrase, fromBase64, open, wipe } from '../main/vault/crypto';
import { readKeyFile } from '../main/vault/key-file';
import { Vault } from '../main/vault/vault';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const PASSPHRASE = 'quiet harbour lantern meadow';
const here = path.dirname(fileURLToPath(import.meta.url));

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { min: round(sorted[0]!), median: round(at(0.5)), max: round(sorted.at(-1)!) };
};

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'holding-bench-'));
try {
  const vault = new Vault({ dataDir, inProcess: true });
  await vault.create(PASSPHRASE);
  vault.lock();
  const keyFile = await readKeyFile(vault.keyFilePath);
  const { kdf } = keyFile.passphrase;

  const parts = {
    kdfMs: [] as number[],
    unwrapMs: [] as number[],
    openMs: [] as number[],
    firstQueryMs: [] as number[],
  };
  const totals: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [kek, kdfMs] = time(() => deriveKeyFromPassphrase(PASSPHRASE, fromBase64(kdf.salt), kdf));
    const [dataKey, unwrapMs] = time(() =>
      open(
        kek,
        { nonce: fromBase64(keyFile.passphrase.nonce), ciphertext: fromBase64(keyFile.passphrase.wrappedKey) },
        `holding.key|v1|${keyFile.vaultId}|passphrase`,
      ),
    );
    if (!dataKey) throw new Error('benchmark could not unwrap its own key');
    const [db, openMs] = time(() => {
      const d = openEncryptedDatabase(vault.dbPath, dataKey, { create: false });
      migrate(d);
      return d;
    });
    const [, firstQueryMs] = time(() => db.prepare('SELECT key, value FROM settings').all());
    db.close();
    wipe(kek);
    wipe(dataKey);
    parts.kdfMs.push(kdfMs);
    parts.unwrapMs.push(unwrapMs);
    parts.openMs.push(openMs);
    parts.firstQueryMs.push(firstQueryMs);

    const start = performance.now();
    await vault.unlock(PASSPHRASE);
    totals.push(performance.now() - start);
    vault.lock();
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const result = {
    benchmark: 'unlock',
    date: new Date().toISOString(),
    machine: { cpu, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    runs: RUNS,
    kdf: { algorithm: kdf.algorithm, opsLimit: kdf.opsLimit, memLimitMiB: kdf.memLimitBytes / 2 ** 20 },
    totalMs: stats(totals),
    parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, stats(v)])),
  };
  const outDir = path.join(here, 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'unlock.json'), `${JSON.stringify(result, null, 2)}\n`);
  const row = (name: string, s: { min: number; median: number; max: number }) =>
    `| ${name} | ${s.median} | ${s.min} | ${s.max} |`;
  const md = [
    '# Unlock benchmark',
    '',
    `${result.date.slice(0, 10)} · ${cpu} · ${result.machine.cores} cores · Node ${process.version} · ${RUNS} runs`,
    '',
    `Argon2id ${kdf.opsLimit} passes, ${result.kdf.memLimitMiB} MiB (libsodium MODERATE, WASM).`,
    '',
    '| step | median ms | min ms | max ms |',
    '|---|---|---|---|',
    row('whole unlock (Vault.unlock)', result.totalMs),
    row('Argon2id key derivation', result.parts['kdfMs']!),
    row('unwrap data key (XChaCha20-Poly1305)', result.parts['unwrapMs']!),
    row('open database (key, verify, pragmas, migrations)', result.parts['openMs']!),
    row('first query', result.parts['firstQueryMs']!),
    '',
    'Nearly all of unlocking is the key derivation, which is deliberate: it is what makes a copied key file slow to attack.',
    '',
  ].join('\n');
  writeFileSync(path.join(outDir, 'unlock.md'), md);
  console.log(md);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
