/**
 * A restore under SIGKILL (issue 15). The last part of a restore moves the journal here aside and the restored
 * one in: a crash between two of those renames must never leave the data folder without a journal, nor lose
 * either one. A child process restores a backup over a journal with more in it than the backup, and is
 * killed exactly at each point of the swap, and at random moments of the whole restore. Each time, the next
 * start (a Vault with the app's own start-up step) finds a journal that opens with the passphrase: the
 * restored one once the swap had been decided, the old one before; and the old one, if set aside, opens
 * whole from its folder.
 */
import { promises as fs, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../common/journal/doc';
import { restorePattern } from '../../main/backup/files';
import { restoreBackup } from '../../main/backup/restore';
import { finishInterruptedRestore, RESTORE_NOTE_FILE, type RestoreNote } from '../../main/backup/swap';
import { Vault } from '../../main/vault/vault';
import {
  backupService,
  fillJournal,
  type JournalServices,
  journalServices,
  tableHashes,
} from '../support/children/backup-fixture';
import { bundledChildren, freshCopies, type KillPlan, runChild } from '../support/kill-child';
import { prng } from '../support/prng';
import { PASSPHRASE, tempDir } from '../support/temp';

const RANDOM_KILLS = Number(process.env['RESTORE_KILLS'] ?? 12);
/** The order the journal's files go aside in (swap.ts): the key file first. */
const ASIDE_ORDER = ['holding.key', 'holding.db-shm', 'holding.db-wal', 'holding.db', 'holding.opened'];
/** Every point of the swap, in order, for a journal made of `files`. */
const stepsFor = (files: string[]) => [
  'ready',
  ...ASIDE_ORDER.filter((name) => files.includes(name)).map((name) => `aside ${name}`),
  'in holding.db',
  'in holding.key',
  'noted',
  'done',
];

const restorer = bundledChildren(['backup-restorer'], 'restore-kill-');

/** Restores `file` over the journal in `dataDir` in a child; kills it at `killAt` (a step) or after `killAfterMs`. */
const runRestorer = (dataDir: string, file: string, recoveryKey: string, kill: KillPlan) =>
  runChild(restorer('backup-restorer'), [dataDir, file], { HOLDING_TEST_RECOVERY_KEY: recoveryKey }, kill);

/**
 * Opens the journal in `dataDir` as the app would at its next start, and hashes every table. The recovery key
 * opens it here (the passphrase's wrap is the same bytes, and a second of Argon2id a time adds up); the
 * first, whole run is opened with the passphrase.
 */
async function openAtNextStart(dataDir: string, secret: { passphrase: string } | { recoveryKey: string }) {
  const vault = new Vault({ dataDir, inProcess: true, prepare: () => finishInterruptedRestore(dataDir) });
  const state = (await vault.status()).state;
  if (state !== 'locked') return { state, hashes: null };
  if ('passphrase' in secret) await vault.unlock(secret.passphrase);
  else await vault.unlockWithRecoveryKey(secret.recoveryKey);
  try {
    return { state, hashes: tableHashes(vault.db(), { withoutBackups: true }) };
  } finally {
    vault.lock();
  }
}

/**
 * Restores `file` over the journal of `s` (locked) in this process, with the step `refusedAt` refused as a
 * rename refused by the system (a file held open by another program) would be.
 */
function restoreRefusedAt(s: JournalServices, file: string, refusedAt: string) {
  return restoreBackup(
    file,
    { recoveryKey: s.recoveryKey },
    { dataDir: s.dataDir, keyFilePath: s.vault.keyFilePath, now: () => new Date() },
    {
      lock: async () => undefined,
      hooks: {
        onStep: (step) => {
          if (step === refusedAt) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
        },
      },
    },
  );
}

describe('a restore under SIGKILL', () => {
  it(`leaves a whole journal in place and the other kept, at every point of the swap and at ${RANDOM_KILLS} random moments`, async () => {
    // The journal: a backup of it with 4 entries, then 3 more written, so the two can be told apart.
    const s = await journalServices();
    fillJournal(s, 4);
    const backedUp = tableHashes(s.vault.db(), { withoutBackups: true });
    const folder = await tempDir('holding-restore-kill-backups-');
    const record = await backupService(s.vault).backUp(folder);
    const file = path.join(folder, record.fileName);
    for (let i = 0; i < 3; i++) {
      const entry = s.journal.create({ title: `After the backup ${i}` });
      s.journal.save({
        id: entry.id,
        title: `After the backup ${i}`,
        body: docFromParagraphs([`later ${i}`]),
        eventDate: null,
        tags: [],
        bringToSupervision: false,
        containsClientMaterial: false,
        pinned: false,
      });
    }
    const current = tableHashes(s.vault.db(), { withoutBackups: true });
    expect(current).not.toEqual(backedUp);
    s.vault.lock();
    const template = s.dataDir;
    const files = readdirSync(template).sort();
    expect(files).toContain('holding.db');
    expect(files).toContain('holding.key');
    expect(files.filter((name) => !ASIDE_ORDER.includes(name))).toEqual([]);
    const STEPS = stepsFor(files);

    // One full run first, to learn the steps and how long a restore takes here.
    const fresh = await freshCopies(template, 'holding-restore-kill-runs-');
    const whole = fresh();
    const full = await runRestorer(whole.dataDir, file, s.recoveryKey, {});
    expect(full).toMatchObject({ killed: false, steps: STEPS });
    expect((await openAtNextStart(whole.dataDir, { passphrase: PASSPHRASE })).hashes).toEqual(backedUp);
    const fullMs = full.ms;

    const random = prng(15);
    const plans = [
      ...STEPS.map((at) => ({ at })),
      ...Array.from({ length: RANDOM_KILLS }, () => ({ afterMs: Math.floor(random() * fullMs) })),
    ];
    const outcomes: string[] = [];
    for (const plan of plans) {
      const { parent, dataDir } = fresh();
      const run = await runRestorer(dataDir, file, s.recoveryKey, plan);
      const decided = run.steps.includes('ready');
      const label = `killed ${'at' in plan ? `at ${plan.at}` : `after ${plan.afterMs} ms (last step: ${run.steps.at(-1) ?? 'none'})`}`;

      // The next start finds a journal, and the passphrase opens it: the restored one once decided.
      const opened = await openAtNextStart(dataDir, { recoveryKey: s.recoveryKey });
      expect(opened.state, label).toBe('locked');
      if (decided) expect(opened.hashes, label).toEqual(backedUp);
      else expect([backedUp, current], label).toContainEqual(opened.hashes);
      const restored = JSON.stringify(opened.hashes) === JSON.stringify(backedUp);
      outcomes.push(`${label}: ${restored ? 'restored' : 'as it was'}`);

      // Nothing half-done is left beside it; the old journal, if it was set aside, opens whole there.
      const beside = readdirSync(parent);
      expect(
        beside.filter((name) => restorePattern(dataDir).test(name)),
        label,
      ).toEqual([]);
      const asides = beside.filter((name) => name.startsWith('Holding set aside '));
      const withJournals = asides.filter((name) => readdirSync(path.join(parent, name)).length > 0);
      if (restored) {
        expect(withJournals, label).toHaveLength(1);
        const aside = path.join(parent, withJournals[0]!);
        expect((await openAtNextStart(aside, { recoveryKey: s.recoveryKey })).hashes, label).toEqual(current);
        const note = JSON.parse(await fs.readFile(path.join(dataDir, RESTORE_NOTE_FILE), 'utf8')) as RestoreNote;
        expect(note.setAsideFolder, label).toBe(aside);
        expect(note.backupFile).toBe(record.fileName);
      } else {
        // Before the swap was decided nothing moved, and no folder was made for the old journal.
        expect(asides, label).toEqual([]);
      }
      rmSync(parent, { recursive: true, force: true });
    }
    console.log(`restore kill test: a full restore took ${Math.round(fullMs)} ms here; ${outcomes.join('; ')}`);
  }, 600_000);
});

describe('a restore whose swap is refused part-way', () => {
  for (const refusedAt of ['aside holding.db', 'in holding.db', 'in holding.key']) {
    it(`puts everything back when a move is refused (${refusedAt}), and says so`, async () => {
      const s = await journalServices();
      fillJournal(s, 2);
      const folder = await tempDir('holding-restore-refused-');
      const record = await backupService(s.vault).backUp(folder);
      s.journal.create({ title: 'Written after the backup' });
      const current = tableHashes(s.vault.db(), { withoutBackups: true });
      s.vault.lock();
      const before = readdirSync(s.dataDir).sort();
      const error = await restoreRefusedAt(s, path.join(folder, record.fileName), refusedAt).catch((e: unknown) => e);
      expect(error).toMatchObject({
        message: expect.stringMatching(
          /could not put it in place of the journal in this folder, so it has left everything as it was/,
        ),
      });
      // The journal here is as it was, and nothing of the restore is left beside it.
      expect(readdirSync(s.dataDir).sort()).toEqual(before);
      expect((await openAtNextStart(s.dataDir, { recoveryKey: s.recoveryKey })).hashes).toEqual(current);
      expect(readdirSync(s.parent).filter((n) => n !== 'Holding')).toEqual([]);
    });
  }
});

describe('the journal a restore set aside', () => {
  it('is remembered inside the restored journal and shown in Settings until the person forgets it', async () => {
    const s = await journalServices();
    fillJournal(s, 2);
    const folder = await tempDir('holding-restore-note-');
    const record = await s.backups.backUp(folder);
    const { setAsideFolder } = await s.backups.restore(path.join(folder, record.fileName), {
      recoveryKey: s.recoveryKey,
    });
    expect(setAsideFolder).not.toBeNull();
    const status = await s.backupSchedule.status();
    expect(status.setAside).toEqual([
      { folder: setAsideFolder, restoredAt: expect.any(String), backupMadeAt: record.madeAt, present: true },
    ]);
    // Taken into the journal: the note file is gone from the data folder.
    expect(readdirSync(s.dataDir)).not.toContain(RESTORE_NOTE_FILE);
    // It stays across a lock, and says when the folder has gone.
    s.vault.lock();
    await s.vault.unlock(PASSPHRASE);
    await fs.rename(setAsideFolder!, `${setAsideFolder!} moved`);
    expect((await s.backupSchedule.status()).setAside).toMatchObject([{ folder: setAsideFolder, present: false }]);
    expect((await s.backupSchedule.forgetSetAside(status.setAside[0]!.restoredAt)).setAside).toEqual([]);
  });
});

describe('a restore once the restored journal is in', () => {
  for (const failedAt of ['noted', 'done']) {
    it(`counts as done when only tidying up fails (${failedAt}), and the next start tidies`, async () => {
      const s = await journalServices();
      fillJournal(s, 2);
      const backedUp = tableHashes(s.vault.db(), { withoutBackups: true });
      const folder = await tempDir('holding-restore-tidy-');
      const record = await backupService(s.vault).backUp(folder);
      s.journal.create({ title: 'Written after the backup' });
      s.vault.lock();
      const { setAsideFolder } = await restoreRefusedAt(s, path.join(folder, record.fileName), failedAt);
      expect(setAsideFolder).not.toBeNull();
      expect((await openAtNextStart(s.dataDir, { recoveryKey: s.recoveryKey })).hashes).toEqual(backedUp);
      expect(readdirSync(s.parent).filter((n) => restorePattern(s.dataDir).test(n))).toEqual([]);
      expect(readdirSync(s.dataDir)).toContain(RESTORE_NOTE_FILE);
    });
  }
});

describe('a restore that is decided but waiting', () => {
  /** A data folder beside a decided restore folder whose ready file is `ready` (written as given). */
  async function waiting(ready: string | 'a folder') {
    const parent = await tempDir('holding-restore-waiting-');
    const dataDir = path.join(parent, 'Holding');
    await fs.mkdir(dataDir);
    const restoring = path.join(parent, '.Holding.restoring-0123456789ab');
    await fs.mkdir(restoring);
    await fs.writeFile(path.join(restoring, 'holding.db'), 'the restored database');
    await fs.writeFile(path.join(restoring, 'holding.key'), '{"the restored key": true}');
    if (ready === 'a folder') await fs.mkdir(path.join(restoring, 'restore-ready.json'));
    else await fs.writeFile(path.join(restoring, 'restore-ready.json'), ready);
    return { parent, dataDir, restoring };
  }

  it('is never lost to a ready file that cannot be read or was not written by Holding, and no new journal goes over it', async () => {
    const note = (folder: string) =>
      JSON.stringify({
        setAsideFolder: folder,
        restoredAt: '2026-12-05T09:30:00.000Z',
        backupFile: 'Holding backup 2026-12-01 0900 (desk).holdingbackup',
        backupMadeAt: '2026-12-01T09:00:00.000Z',
      });
    for (const ready of [
      'a folder',
      '{"not": "a note"',
      note('/tmp/somewhere else/Holding set aside 2026-12-05 0930'),
    ]) {
      const { dataDir, restoring } = await waiting(ready);
      const errors: unknown[] = [];
      const vault = new Vault({
        dataDir,
        inProcess: true,
        prepare: () => finishInterruptedRestore(dataDir),
        onPrepareError: (error) => errors.push(error),
      });
      expect((await vault.status()).state, ready).toBe('none');
      expect(errors, ready).toHaveLength(1);
      await expect(vault.create(PASSPHRASE), ready).rejects.toMatchObject({ code: 'RESTORE_UNFINISHED' });
      // Untouched: the restored journal waits, and the data folder holds nothing new.
      expect(readdirSync(restoring).sort(), ready).toEqual(['holding.db', 'holding.key', 'restore-ready.json']);
      expect(readdirSync(dataDir), ready).toEqual([]);
    }
  });

  it('is finished at the next start, and a new restore is refused until then', async () => {
    const { parent, dataDir } = await waiting(
      JSON.stringify({
        setAsideFolder: null,
        restoredAt: '2026-12-05T09:30:00.000Z',
        backupFile: 'Holding backup 2026-12-01 0900 (desk).holdingbackup',
        backupMadeAt: '2026-12-01T09:00:00.000Z',
      }),
    );
    const error = await restoreBackup(
      path.join(parent, 'any.holdingbackup'),
      { recoveryKey: 'unused' },
      { dataDir, keyFilePath: path.join(dataDir, 'holding.key'), now: () => new Date() },
      { lock: async () => undefined },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RESTORE_UNFINISHED' });
    await finishInterruptedRestore(dataDir);
    expect(readdirSync(dataDir).sort()).toEqual(['holding.db', 'holding.key', RESTORE_NOTE_FILE]);
    expect(readdirSync(parent)).toEqual(['Holding']);
  });
});
