/**
 * Backups proved by restoring them (issue 15): made through BackupService on a real encrypted journal, then
 * restored with the passphrase, with the recovery key, after a later passphrase change, onto a journal that
 * is there (kept aside whole) and onto a computer with none.
 */
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_EXTENSION } from '../../main/backup/format';
import { Vault } from '../../main/vault/vault';
import {
  backupService,
  COMPUTER,
  fillJournal,
  journalServices,
  MARKER,
  tableHashes,
} from '../support/children/backup-fixture';
import { NEW_PASSPHRASE, PASSPHRASE, tempDir } from '../support/temp';

/** A journal with something in every table, its recovery key, and a backup of it. */
async function journalAndBackup() {
  const s = await journalServices();
  fillJournal(s);
  const before = tableHashes(s.vault.db());
  const folder = await tempDir('holding-backups-');
  const backups = backupService(s.vault);
  const record = await backups.backUp(folder);
  return { s, recoveryKey: s.recoveryKey, before, folder, backups, record, file: path.join(folder, record.fileName) };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

describe('a backup', () => {
  it('is written under a dated name with the computer in it, recorded as verified, and holds no plaintext', async () => {
    const { s, folder, backups, record, file } = await journalAndBackup();
    expect(record.fileName).toMatch(
      new RegExp(`^Holding backup \\d{4}-\\d{2}-\\d{2} \\d{4} \\(May-s-Laptop\\)\\${BACKUP_EXTENSION}$`),
    );
    expect(record.computer).toBe(COMPUTER);
    expect(record.counts.entries).toBe(12);
    expect(record.counts.checkins).toBe(3);
    expect(record.counts.sessions).toBe(1);
    expect(record.counts['entry_tags']).toBeGreaterThan(0);
    expect(record.counts['vault_meta']).toBeGreaterThan(0);
    expect(record.bytes).toBe((await fs.stat(file)).size);
    expect(backups.records()).toEqual([record]);
    expect(backups.lastVerified()).toEqual(record);
    // Nothing else in the folder: the partial file became the backup.
    expect(readdirSync(folder)).toEqual([record.fileName]);
    // No work folder left in the data folder.
    expect(readdirSync(s.dataDir).filter((n) => n.startsWith('.holding-backup'))).toEqual([]);

    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('paragraph 3.1'))).toBe(false);
    expect((await backups.readHeader(file))?.vaultId).toBe(
      JSON.parse(readFileSync(s.vault.keyFilePath, 'utf8')).vaultId,
    );

    // Nor does anything written on the way: the snapshot, the copy that proves it, the partial file.
    let scanned = 0;
    const scanning = backupService(s.vault, {
      hooks: {
        onStep: (step) => {
          if (step !== 'place') return;
          const work = readdirSync(s.dataDir).filter((n) => n.startsWith('.holding-backup-work-'));
          const files = [
            ...work.flatMap((w) => walk(path.join(s.dataDir, w))),
            ...readdirSync(folder)
              .filter((n) => n.endsWith('.partial'))
              .map((n) => path.join(folder, n)),
          ];
          for (const file of files) {
            expect(readFileSync(file).includes(Buffer.from(MARKER)), file).toBe(false);
            scanned += 1;
          }
        },
      },
    });
    // A second backup in the same minute gets a name of its own.
    const second = await scanning.backUp(folder);
    expect(scanned).toBeGreaterThanOrEqual(3);
    expect(second.fileName).not.toBe(record.fileName);
    expect(backups.records().map((r) => r.id)).toEqual([second.id, record.id]);
    backups.forget(record.id);
    expect(backups.records().map((r) => r.id)).toEqual([second.id]);
    // One no longer listed cannot be shown in its folder, and the person is told why, plainly.
    expect(path.basename(backups.savedAt(second.id))).toBe(second.fileName);
    expect(() => backups.savedAt(record.id)).toThrow(
      "That backup is no longer in Holding's list, so it cannot be shown. It may have been tidied away with older backups.",
    );
  });

  it('restores with the passphrase over the journal here, which is kept aside whole', async () => {
    const { s, before, backups, file } = await journalAndBackup();
    // Written after the backup: it must be in the set-aside journal, not lost.
    const later = s.journal.create({ title: 'Written after the backup' });
    // Opened once more after the backup: the restored journal is older than the one last opened here.
    s.vault.lock();
    await s.vault.unlock(PASSPHRASE);
    const keyBefore = readFileSync(s.vault.keyFilePath);
    expect(s.vault.isUnlocked()).toBe(true);

    const preview = await backups.inspect(file, { passphrase: PASSPHRASE });
    expect(preview).toMatchObject({ sameJournal: true, computer: COMPUTER, appVersion: '0.0.0-test' });
    expect(preview.counts.entries).toBe(12);

    const { setAsideFolder } = await backups.restore(file, { passphrase: PASSPHRASE });
    expect(s.vault.isUnlocked()).toBe(true);
    expect(tableHashes(s.vault.db())).toEqual(before);
    expect(() => s.journal.get(later.id)).toThrow();
    // Older on purpose: the record of the journal last opened here went aside with it, so no notice.
    expect((await s.vault.status()).olderCopy).toBeUndefined();
    expect(readdirSync(setAsideFolder!)).toContain('holding.opened');

    expect(setAsideFolder).not.toBeNull();
    expect(path.dirname(setAsideFolder!)).toBe(path.dirname(s.dataDir));
    expect(path.basename(setAsideFolder!)).toMatch(/ set aside \d{4}-\d{2}-\d{2} \d{4}$/);
    expect(readFileSync(path.join(setAsideFolder!, 'holding.key'))).toEqual(keyBefore);
    // The journal set aside still opens, with the entry written after the backup in it.
    const aside = new Vault({ dataDir: setAsideFolder!, inProcess: true });
    await aside.unlock(PASSPHRASE);
    expect(aside.db().prepare('SELECT count(*) FROM entries WHERE id = ?').pluck().get(later.id)).toBe(1);
    aside.lock();
    // Nothing left of the restore beside the data folder.
    expect(readdirSync(s.parent).filter((n) => n.includes('.restoring-'))).toEqual([]);
  });

  it('leaves the journal locked when a lock (sleep, idle) comes while it restores', async () => {
    const { s, before, backups, file } = await journalAndBackup();
    let slept = false;
    const task = {
      signal: new AbortController().signal,
      progress: (done: number, total: number) => {
        // Part-way through proving the restored copy, before the journal here is set aside: the computer sleeps.
        if (!slept && done > 0 && done < total) {
          slept = true;
          s.vault.lock('suspend');
        }
      },
    };
    await backups.restore(file, { passphrase: PASSPHRASE }, task);
    expect(slept).toBe(true);
    expect(s.vault.isUnlocked()).toBe(false);
    // The restored journal is in place and opens as usual.
    await s.vault.unlock(PASSPHRASE);
    expect(tableHashes(s.vault.db())).toEqual(before);
  });

  it('restores with the recovery key onto a computer with no journal', async () => {
    const { before, file, recoveryKey } = await journalAndBackup();
    const fresh = path.join(await tempDir('holding-backup-test-'), 'Holding');
    const vault = new Vault({ dataDir: fresh, inProcess: true });
    expect((await vault.status()).state).toBe('none');
    const backups = backupService(vault);
    const preview = await backups.inspect(file, { recoveryKey });
    expect(preview.sameJournal).toBe(false);
    const { setAsideFolder } = await backups.restore(file, { recoveryKey });
    expect(setAsideFolder).toBeNull();
    expect(vault.isUnlocked()).toBe(true);
    expect(tableHashes(vault.db())).toEqual(before);
    vault.lock();
    // The passphrase it had then opens it too.
    await vault.unlock(PASSPHRASE);
    vault.lock();
  });

  it('still opens with the passphrase it was made under, and the recovery key, after a later passphrase change', async () => {
    const { s, before, file, recoveryKey, backups } = await journalAndBackup();
    await s.vault.keys.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
    await expect(backups.inspect(file, { passphrase: NEW_PASSPHRASE })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringMatching(/passphrase your journal had when it was made, or with your recovery key/),
    });
    expect((await backups.inspect(file, { passphrase: PASSPHRASE })).sameJournal).toBe(true);
    expect((await backups.inspect(file, { recoveryKey })).sameJournal).toBe(true);

    for (const secret of [{ passphrase: PASSPHRASE }, { recoveryKey }]) {
      const vault = new Vault({
        dataDir: path.join(await tempDir('holding-backup-test-'), 'Holding'),
        inProcess: true,
      });
      await backupService(vault).restore(file, secret);
      expect(tableHashes(vault.db())).toEqual(before);
      vault.lock();
    }
    // Restored in place, the journal opens with the passphrase of the backup's day.
    await backups.restore(file, { passphrase: PASSPHRASE });
    expect(tableHashes(s.vault.db())).toEqual(before);
    s.vault.lock();
    await expect(s.vault.unlock(NEW_PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await s.vault.unlock(PASSPHRASE);
  });

  it('refuses a wrong secret, a file that is not a backup, and a backup from a newer Holding, changing nothing', async () => {
    const { s, file, backups } = await journalAndBackup();
    const listing = readdirSync(s.parent).sort();
    await expect(backups.restore(file, { passphrase: 'not the passphrase at all' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(
      backups.restore(file, { recoveryKey: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/RECOVERY_KEY/) });
    const other = path.join(await tempDir(), 'notes.holdingbackup');
    await fs.writeFile(other, 'Dear diary');
    await expect(backups.inspect(other, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'NOT_A_BACKUP' });
    expect(await backups.readHeader(other)).toBeNull();
    await expect(
      backups.inspect(path.join(path.dirname(other), 'gone'), { passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(s.vault.isUnlocked()).toBe(true);
    expect(readdirSync(s.parent).sort()).toEqual(listing);
  });

  it('needs the journal unlocked to back up, and stops if it locks part-way, leaving nothing behind', async () => {
    const { s, folder, backups } = await journalAndBackup();
    s.vault.lock();
    await expect(backups.backUp(folder)).rejects.toMatchObject({ code: 'LOCKED' });
    expect(() => backups.records()).toThrow();
    await s.vault.unlock(PASSPHRASE);
    const locking = backupService(s.vault, {
      hooks: { onStep: (step) => (step === 'write' ? s.vault.lock() : undefined) },
    });
    // The lock lands after the snapshot: the next step that needs the key finds none.
    await expect(locking.backUp(folder)).rejects.toMatchObject({ code: 'LOCKED' });
    expect(readdirSync(folder)).toHaveLength(1);
    expect(readdirSync(s.dataDir).filter((n) => n.startsWith('.holding-backup'))).toEqual([]);

    // Cancelled part-way (app:cancel), with progress reported until then.
    await s.vault.unlock(PASSPHRASE);
    const controller = new AbortController();
    const seen: number[] = [];
    const cancelling = backupService(s.vault, {
      hooks: { onStep: (step) => (step === 'verify' ? controller.abort() : undefined) },
    });
    const task = { signal: controller.signal, progress: (done: number) => seen.push(done) };
    await expect(cancelling.backUp(folder, task)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.length).toBeGreaterThan(2);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(readdirSync(s.dataDir).filter((n) => n.startsWith('.holding-backup'))).toEqual([]);
    expect(cancelling.records()).toHaveLength(1);
  });
});
