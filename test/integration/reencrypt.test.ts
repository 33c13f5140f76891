/**
 * Re-encrypting the journal (issue 19): a new data key, the journal rewritten under it into a new file,
 * checked and swapped in with a new key file. Every row is equal afterwards; the old key file, the old
 * passphrase and the old recovery key no longer open the journal, and say so kindly; nothing is written
 * before the new recovery key is confirmed. (The SIGKILL test is reencrypt-kill.test.ts.)
 */
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { fillJournal, journalServices, MARKER, tableHashes } from '../support/children/backup-fixture';
import { NEW_PASSPHRASE, PASSPHRASE } from '../support/temp';

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('re-encrypting the journal', () => {
  it('keeps every row, and afterwards only the new passphrase and new recovery key open it', async () => {
    const s = await journalServices();
    fillJournal(s, 12);
    const before = tableHashes(s.vault.db());
    const keyFile = path.join(s.dataDir, 'holding.key');
    const oldKeyFile = readFileSync(keyFile);
    const oldDb = readFileSync(path.join(s.dataDir, 'holding.db'));

    await expectCode(s.vault.keys.prepareReencrypt('not my passphrase at all', NEW_PASSPHRASE), 'WRONG_PASSPHRASE');
    await expectCode(s.vault.keys.prepareReencrypt(PASSPHRASE, 'short'), 'WEAK_PASSPHRASE');
    const { recoveryKey, token } = await s.vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    expect(recoveryKey).not.toBe(s.recoveryKey);
    // Shown, not yet confirmed: nothing on disk has changed.
    expect(readFileSync(keyFile).equals(oldKeyFile)).toBe(true);

    const steps: string[] = [];
    const progress: number[] = [];
    const busy: string[] = [];
    const status = await s.vault.keys.reencrypt(
      token,
      { signal: new AbortController().signal, progress: (done) => progress.push(done) },
      {
        onStep: (step) => {
          steps.push(step);
          if (step === 'verify') {
            // Held still meanwhile: no one else reads or writes the journal being copied.
            try {
              s.journal.list({});
            } catch (error) {
              busy.push((error as AppError).code);
            }
          }
        },
      },
    );
    expect(status.state).toBe('unlocked');
    expect(busy).toEqual(['BUSY']);
    expect(steps).toEqual([
      'snapshot',
      'rekey',
      'verify',
      'key file',
      'ready',
      // The journal under the old key was closed first, which folds its write-ahead log into it and removes it.
      'aside holding.key',
      'aside holding.db',
      'in holding.db',
      'in holding.key',
      'done',
      'reopened',
    ]);
    expect(progress.at(-1)).toBe(1000);

    // Every row equal, read through the journal as it is open now, under the new key; and it carries on.
    expect(tableHashes(s.vault.db())).toEqual(before);
    expect(s.journal.list({ query: 'paragraph' }).total).toBe(12);
    s.journal.create({ title: 'Written after re-encrypting' });
    const after = tableHashes(s.vault.db());

    // The file is another: not one page is the same as before, and the old key no longer reads it.
    const newDb = readFileSync(path.join(s.dataDir, 'holding.db'));
    expect(newDb.subarray(0, 4096).equals(oldDb.subarray(0, 4096))).toBe(false);
    expect(newDb.includes(Buffer.from(MARKER))).toBe(false);
    expect(readdirSync(s.dataDir).filter((n) => !n.startsWith('holding.'))).toEqual([]);
    expect(readdirSync(s.parent)).toEqual(['Holding']);
    s.vault.lock();

    await expectCode(s.vault.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await expectCode(s.vault.unlockWithRecoveryKey(s.recoveryKey), 'WRONG_RECOVERY_KEY');
    await s.vault.unlockWithRecoveryKey(recoveryKey);
    expect(tableHashes(s.vault.db())).toEqual(after);
    s.vault.lock();
    await s.vault.unlock(NEW_PASSPHRASE);
    s.vault.lock();

    // The old key file put back: the old passphrase opens it, but it opens nothing current, and says so.
    const newKeyFile = readFileSync(keyFile);
    await fs.writeFile(keyFile, oldKeyFile);
    const present = readdirSync(s.dataDir).sort();
    const refused = await expectCode(s.vault.unlock(PASSPHRASE), 'DATABASE_UNREADABLE');
    expect(refused.message).toMatch(/key file is older than the journal .*re-encrypted/);
    expect(refused.message).toMatch(/Nothing has been changed/);
    await expectCode(s.vault.unlockWithRecoveryKey(s.recoveryKey), 'DATABASE_UNREADABLE');
    expect(s.vault.isUnlocked()).toBe(false);
    // Nothing was made by trying.
    expect(readdirSync(s.dataDir).sort()).toEqual(present);
    await fs.writeFile(keyFile, newKeyFile);
    await s.vault.unlock(NEW_PASSPHRASE);
    expect(tableHashes(s.vault.db())).toEqual(after);
    s.vault.lock();
  }, 120_000);

  it('changes nothing when the window closes or Holding locks before the new recovery key is confirmed', async () => {
    const s = await journalServices();
    fillJournal(s, 3);
    const before = tableHashes(s.vault.db());
    // Each unlock counts itself inside the database, so the key file is what must not change.
    const files = () => readFileSync(path.join(s.dataDir, 'holding.key'), 'utf8');
    s.vault.lock();
    await s.vault.unlockWithRecoveryKey(s.recoveryKey);
    const { recoveryKey: unseen, token } = await s.vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    s.vault.lock();
    const onDisk = files();
    await s.vault.unlock(PASSPHRASE);
    await expectCode(s.vault.keys.reencrypt(token), 'CHANGED');
    expect(files()).toEqual(onDisk);
    expect(tableHashes(s.vault.db())).toEqual(before);
    s.vault.lock();
    await expectCode(s.vault.unlockWithRecoveryKey(unseen), 'WRONG_RECOVERY_KEY');
    await s.vault.unlockWithRecoveryKey(s.recoveryKey);
    s.vault.lock();
  }, 60_000);

  it('puts everything back when the swap is refused part-way, and the journal carries on under its old key', async () => {
    for (const refusedAt of ['aside holding.db', 'in holding.db', 'in holding.key']) {
      const s = await journalServices();
      fillJournal(s, 2);
      const before = tableHashes(s.vault.db());
      const { token } = await s.vault.keys.prepareReencrypt(PASSPHRASE, PASSPHRASE);
      const error = await expectCode(
        s.vault.keys.reencrypt(token, undefined, {
          onStep: (step) => {
            // As a rename refused by the system (a file held open by another program) would.
            if (step === refusedAt) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
          },
        }),
        'INTERNAL',
      );
      expect(error.message, refusedAt).toMatch(/left everything as it was/);
      // Still open, and writable, under the old key.
      expect(s.vault.isUnlocked(), refusedAt).toBe(true);
      expect(tableHashes(s.vault.db()), refusedAt).toEqual(before);
      s.journal.create({ title: 'Still writing' });
      expect(readdirSync(s.parent), refusedAt).toEqual(['Holding']);
      s.vault.lock();
      await s.vault.unlockWithRecoveryKey(s.recoveryKey);
      s.vault.lock();
    }
  }, 120_000);

  it('stops when asked, before anything changes', async () => {
    const s = await journalServices();
    fillJournal(s, 2);
    const { token } = await s.vault.keys.prepareReencrypt(PASSPHRASE, NEW_PASSPHRASE);
    const controller = new AbortController();
    const error = await expectCode(
      s.vault.keys.reencrypt(
        token,
        { signal: controller.signal, progress: () => undefined },
        { onStep: (step) => step === 'rekey' && controller.abort() },
      ),
      'CANCELLED',
    );
    expect(error.message).toMatch(/Nothing was changed/);
    expect(readdirSync(s.parent)).toEqual(['Holding']);
    s.journal.create({ title: 'Still writing' });
    s.vault.lock();
    await s.vault.unlock(PASSPHRASE);
    s.vault.lock();
  }, 60_000);
});
