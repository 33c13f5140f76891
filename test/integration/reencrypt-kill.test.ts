/**
 * Re-encrypting under SIGKILL (issue 19). A child process re-encrypts a journal (a new data key, the journal
 * rewritten into a new file, checked, and swapped in with a new key file) and is killed exactly at each of
 * its steps, and at random moments of the whole. Each time, the next start (a Vault with the app's own
 * start-up step) finds a journal, whole: either the old one, which the old passphrase and old recovery key
 * open, or the new one, which the new passphrase and new recovery key open. Never neither, never half. Once
 * the swap is decided (its ready file written) it is always the new one; and nothing of the work is left
 * beside the data folder.
 */
import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { finishInterruptedRestore } from '../../main/backup/swap';
import { Vault } from '../../main/vault/vault';
import { fillJournal, journalServices, tableHashes } from '../support/children/backup-fixture';
import { bundledChildren, freshCopies, type KillPlan, runChild } from '../support/kill-child';
import { prng } from '../support/prng';
import { NEW_PASSPHRASE, PASSPHRASE } from '../support/temp';

const RANDOM_KILLS = Number(process.env['REENCRYPT_KILLS'] ?? 8);
const child = bundledChildren(['reencrypter'], 'reencrypt-kill-');

const runReencrypter = (dataDir: string, recoveryKey: string, kill: KillPlan) =>
  runChild(
    child('reencrypter'),
    [dataDir],
    {
      HOLDING_TEST_RECOVERY_KEY: recoveryKey,
      HOLDING_TEST_PASSPHRASE: PASSPHRASE,
      HOLDING_TEST_NEW_PASSPHRASE: NEW_PASSPHRASE,
    },
    kill,
  );

type Secret = { passphrase: string } | { recoveryKey: string };

/**
 * Opens the journal in `dataDir` as the app would at its next start: with `secret`, hashing every table, or
 * null when `secret` does not open it (its wrong-secret code); any other failure fails the test.
 */
async function openAtNextStart(dataDir: string, secret: Secret) {
  const vault = new Vault({ dataDir, inProcess: true, prepare: () => finishInterruptedRestore(dataDir) });
  const state = (await vault.status()).state;
  if (state !== 'locked') return { state, hashes: null };
  try {
    if ('passphrase' in secret) await vault.unlock(secret.passphrase);
    else await vault.unlockWithRecoveryKey(secret.recoveryKey);
  } catch (error) {
    if (error instanceof AppError && ['WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY'].includes(error.code)) {
      return { state, hashes: null };
    }
    throw error;
  }
  try {
    return { state, hashes: tableHashes(vault.db()) };
  } finally {
    vault.lock();
  }
}

describe('re-encrypting under SIGKILL', () => {
  it(`leaves the old journal or the new one, whole, at every step and at ${RANDOM_KILLS} random moments`, async () => {
    const s = await journalServices();
    fillJournal(s, 12);
    const before = tableHashes(s.vault.db());
    s.vault.lock();
    const template = s.dataDir;

    const fresh = await freshCopies(template, 'holding-reencrypt-kill-runs-');

    // One whole run first, to learn the steps and how long re-encrypting takes here.
    const whole = fresh();
    const full = await runReencrypter(whole.dataDir, s.recoveryKey, {});
    expect(full.killed).toBe(false);
    const STEPS = full.steps;
    expect(STEPS).toEqual(expect.arrayContaining(['snapshot', 'rekey', 'verify', 'key file', 'ready', 'done']));
    const fullKey = full.said.find((line) => line.startsWith('recovery '))!.slice('recovery '.length);
    expect((await openAtNextStart(whole.dataDir, { passphrase: NEW_PASSPHRASE })).hashes).toEqual(before);
    expect((await openAtNextStart(whole.dataDir, { recoveryKey: fullKey })).hashes).toEqual(before);
    expect((await openAtNextStart(whole.dataDir, { recoveryKey: s.recoveryKey })).hashes).toBeNull();
    rmSync(whole.parent, { recursive: true, force: true });

    const random = prng(19);
    const plans: KillPlan[] = [
      ...STEPS.map((at) => ({ at })),
      ...Array.from({ length: RANDOM_KILLS }, () => ({ afterMs: Math.floor(random() * full.ms) })),
    ];
    const outcomes: string[] = [];
    for (const plan of plans) {
      const { parent, dataDir } = fresh();
      const run = await runReencrypter(dataDir, s.recoveryKey, plan);
      const newKey = run.said.find((line) => line.startsWith('recovery '))?.slice('recovery '.length);
      const decided = run.steps.includes('ready');
      const label = `killed ${plan.at !== undefined ? `at ${plan.at}` : `after ${plan.afterMs} ms (last step: ${run.steps.at(-1) ?? 'none'})`}`;
      // A random moment may come after a quicker run has finished: then it is simply the new journal.
      if (plan.at !== undefined) expect(run.killed, label).toBe(true);

      // The next start finds a journal: the new one if the new recovery key opens it, else the old one.
      const asNew = newKey ? await openAtNextStart(dataDir, { recoveryKey: newKey }) : null;
      expect(asNew?.state ?? 'locked', label).toBe('locked');
      const newHashes = asNew?.hashes ?? null;
      const isNew = newHashes !== null;
      if (decided) expect(isNew, label).toBe(true);
      if (isNew) {
        expect(newHashes, label).toEqual(before);
        expect((await openAtNextStart(dataDir, { recoveryKey: s.recoveryKey })).hashes, label).toBeNull();
        // The new passphrase opens it too (checked once: Argon2id takes a second or more a time here).
        if (!outcomes.some((o) => o.endsWith(': new'))) {
          expect((await openAtNextStart(dataDir, { passphrase: NEW_PASSPHRASE })).hashes, label).toEqual(before);
        }
      } else {
        expect((await openAtNextStart(dataDir, { recoveryKey: s.recoveryKey })).hashes, label).toEqual(before);
        if (!outcomes.some((o) => o.endsWith(': old'))) {
          expect((await openAtNextStart(dataDir, { passphrase: PASSPHRASE })).hashes, label).toEqual(before);
        }
      }
      outcomes.push(`${label}: ${isNew ? 'new' : 'old'}`);

      // Nothing of the work is left beside the data folder, nor anything under the old key inside it.
      expect(readdirSync(parent), label).toEqual(['Holding']);
      expect(
        readdirSync(dataDir).filter((name) => !/^holding\.(db|db-wal|db-shm|key|opened)$/.test(name)),
        label,
      ).toEqual([]);
      rmSync(parent, { recursive: true, force: true });
    }
    console.log(
      `re-encrypt kill test: a whole re-encryption took ${Math.round(full.ms)} ms here; ${outcomes.join('; ')}`,
    );
  }, 1_800_000);
});
