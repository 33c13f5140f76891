import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupRecord } from '../../common/backup/types';
import { AppError } from '../../common/errors';
import type { Settings } from '../../common/ipc/contract';
import type { Task } from '../../main/ipc/tasks';
import { backupNote } from '../../main/backup/note';
import { BackupSchedule, systemClock } from '../../main/backup/schedule';
import { DEFAULT_SETTINGS } from '../../main/settings/settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T09:00:00Z');

/** The services the schedule leans on, in memory, under the test's control. */
function world(
  options: {
    present?: boolean;
    settings?: Partial<Settings>;
    asTask?: <T>(work: (task: Task) => Promise<T>) => Promise<T>;
  } = {},
) {
  const unlockListeners = new Set<() => void>();
  const lockListeners = new Set<(reason: 'manual') => void>();
  let unlocked = false;
  const vault = {
    isUnlocked: () => unlocked,
    onUnlock: (l: () => void) => (unlockListeners.add(l), () => unlockListeners.delete(l)),
    onLock: (l: (reason: 'manual') => void) => (lockListeners.add(l), () => lockListeners.delete(l)),
    unlock() {
      unlocked = true;
      unlockListeners.forEach((l) => l());
    },
    lock() {
      unlocked = false;
      lockListeners.forEach((l) => l('manual'));
    },
  };
  let settings: Settings = { ...DEFAULT_SETTINGS, backupFolder: '/media/drive/Holding', ...options.settings };
  const kept = new Map<string, unknown>();
  const store = {
    get: () => settings,
    set: (next: Partial<Settings>) => (settings = { ...settings, ...next }),
    read: (key: string) => kept.get(key),
    keep: (key: string, value: unknown) => (value === null ? kept.delete(key) : kept.set(key, value)),
  };
  let records: BackupRecord[] = [];
  const made: { folder: string; task: Task | undefined }[] = [];
  const forgotten: string[] = [];
  /** What the next backUp does: by default it is made at once. */
  let next: (task: Task | undefined) => Promise<void> = async () => undefined;
  const backups = {
    backUp: async (folder: string, task?: Task) => {
      made.push({ folder, task });
      await next(task);
      const at = new Date().toISOString();
      const record: BackupRecord = {
        id: `b${made.length}`,
        folder,
        fileName: `b${made.length}.holdingbackup`,
        madeAt: at,
        verifiedAt: at,
        bytes: 100,
        counts: { entries: 3, checkins: 0, sessions: 0 },
        computer: 'desk',
      };
      records = [record, ...records];
      return record;
    },
    records: () => records,
    lastVerified: () => records[0] ?? null,
    readHeader: async () => ({ vaultId: 'this-journal', madeAt: '' }),
    forget: (id: string) => {
      forgotten.push(id);
      records = records.filter((r) => r.id !== id);
    },
  };
  let present = options.present ?? true;
  const schedule = new BackupSchedule({
    vault,
    backups,
    settings: store,
    vaultId: () => 'this-journal',
    hasEntries: () => true,
    clock: systemClock,
    folderPresent: async () => present,
    afterUnlockMs: 20_000,
    everyMs: 3 * HOUR,
    ...(options.asTask ? { asTask: options.asTask } : {}),
  });
  schedule.start();
  return {
    vault,
    schedule,
    store,
    kept,
    made,
    forgotten,
    setRecords: (list: BackupRecord[]) => (records = list),
    setPresent: (p: boolean) => (present = p),
    onNext: (work: (task: Task | undefined) => Promise<void>) => (next = work),
  };
}

const record = (id: string, madeAt: number): BackupRecord => ({
  id,
  folder: '/media/drive/Holding',
  fileName: `${id}.holdingbackup`,
  madeAt: new Date(madeAt).toISOString(),
  verifiedAt: new Date(madeAt).toISOString(),
  bytes: 100,
  counts: { entries: 1, checkins: 0, sessions: 0 },
  computer: 'desk',
});

describe('the backup schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('backs up a moment after an unlock when there is no backup yet, then not again until a day has passed', async () => {
    const w = world();
    w.vault.unlock();
    expect(w.made).toEqual([]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(w.made.map((m) => m.folder)).toEqual(['/media/drive/Holding']);
    const status = await w.schedule.status();
    expect(status.last?.id).toBe('b1');
    expect(status.note).toBeNull();
    // Every few hours it looks again; nothing is due until the day is (nearly) up.
    await vi.advanceTimersByTimeAsync(21 * HOUR);
    expect(w.made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(w.made).toHaveLength(2);
    w.schedule.stop();
  });

  it('after an unlock, backs up only when the last checked backup is older than the chosen interval', async () => {
    const w = world({ settings: { backupFrequency: 'weekly' } });
    w.setRecords([record('old', START - 3 * DAY)]);
    w.vault.unlock();
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(w.made).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * DAY + HOUR);
    expect(w.made).toHaveLength(1);
    w.schedule.stop();
  });

  it('never backs up by itself when the person backs up only when they ask, or has no folder', async () => {
    const manual = world({ settings: { backupFrequency: 'manual' } });
    manual.vault.unlock();
    await vi.advanceTimersByTimeAsync(10 * DAY);
    expect(manual.made).toEqual([]);
    manual.schedule.stop();

    const noFolder = world({ settings: { backupFolder: null } });
    noFolder.vault.unlock();
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(noFolder.made).toEqual([]);
    expect((await noFolder.schedule.status()).note).toBe('never');
    noFolder.schedule.stop();
  });

  it('waits for a folder that is not there (a drive unplugged), and the Journal page hears of it', async () => {
    const w = world({ present: false });
    w.vault.unlock();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(w.made).toEqual([]);
    const status = await w.schedule.status();
    expect(status).toMatchObject({ folderPresent: false, note: 'folder-missing', lastFailure: null });
    w.setPresent(true);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(w.made).toHaveLength(1);
    w.schedule.stop();
  });

  it('a lock abandons a backup under way at once, records no failure, and stops the schedule until the next unlock', async () => {
    const w = world();
    let signal: AbortSignal | undefined;
    w.onNext(
      (task) =>
        new Promise<void>((_resolve, reject) => {
          signal = task?.signal;
          task?.signal.addEventListener('abort', () => reject(new AppError('CANCELLED', 'Stopped.')));
        }),
    );
    w.vault.unlock();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(w.schedule.isRunning()).toBe(true);
    w.vault.lock();
    expect(signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(w.schedule.isRunning()).toBe(false);
    expect(w.kept.get('backupLastFailure')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5 * DAY);
    expect(w.made).toHaveLength(1);
    // The next unlock looks again.
    w.onNext(async () => undefined);
    w.vault.unlock();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(w.made).toHaveLength(2);
    w.schedule.stop();
  });

  it('records a failure kindly, without throwing, and clears it with the next backup that works', async () => {
    const w = world();
    w.onNext(async () => {
      throw new AppError(
        'INVALID_INPUT',
        'Holding could not write the backup there: the disk is full. Nothing in your journal has changed.',
      );
    });
    w.vault.unlock();
    await vi.advanceTimersByTimeAsync(20_000);
    const failed = await w.schedule.status();
    expect(failed.lastFailure).toEqual({
      at: new Date(START + 20_000).toISOString(),
      automatic: true,
      message: 'Holding could not write the backup there: the disk is full. Nothing in your journal has changed.',
    });
    expect(failed.last).toBeNull();

    // A fault of our own is not shown as it is.
    w.onNext(async () => {
      throw new Error('SQLITE_IOERR at /home/someone');
    });
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect((await w.schedule.status()).lastFailure?.message).toMatch(/^Something went wrong on our side/);

    w.onNext(async () => undefined);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(await w.schedule.status()).toMatchObject({ lastFailure: null, last: { id: 'b3' } });
    w.schedule.stop();
  });

  it('“Back up now” makes one at once, joins one under way, and Stop records no failure', async () => {
    const w = world({ settings: { backupFrequency: 'manual' } });
    w.vault.unlock();
    const made = await w.schedule.backUpNow();
    expect(made.id).toBe('b1');

    let release: () => void = () => undefined;
    w.onNext((task) => {
      return new Promise<void>((resolve, reject) => {
        release = resolve;
        task?.signal.addEventListener('abort', () => reject(new AppError('CANCELLED', 'Stopped.')));
      });
    });
    const first = w.schedule.backUpNow();
    await vi.advanceTimersByTimeAsync(0);
    const second = w.schedule.backUpNow();
    expect((await w.schedule.status()).running).toBe(true);
    release();
    expect((await first).id).toBe('b2');
    expect((await second).id).toBe('b2');

    const controller = new AbortController();
    const stopped = w.schedule.backUpNow({ signal: controller.signal, progress: () => undefined });
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await expect(stopped).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(w.kept.get('backupLastFailure')).toBeUndefined();

    // Two asks in the same moment, both looking for the folder at once, still make one backup.
    w.onNext(async () => undefined);
    const both = Promise.all([w.schedule.backUpNow(), w.schedule.backUpNow()]);
    await vi.advanceTimersByTimeAsync(0);
    const together = await both;
    expect(together.map((r) => r.id)).toEqual(['b4', 'b4']);
    expect((await w.schedule.status()).running).toBe(false);

    w.schedule.stop();
  });

  it('says so kindly when asked to back up with no folder, or one that is not there', async () => {
    const none = world({ settings: { backupFolder: null } });
    none.vault.unlock();
    await expect(none.schedule.backUpNow()).rejects.toThrow('Please choose a folder for your backups first.');
    const gone = world({ present: false });
    gone.vault.unlock();
    await expect(gone.schedule.backUpNow()).rejects.toThrow(/isn’t there at the moment/);
    none.schedule.stop();
    gone.schedule.stop();
  });

  it('thins the older backups after each one, by the person’s choice', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'holding-schedule-'));
    try {
      const olderOnes = () =>
        Array.from({ length: 60 }, (_, i) => {
          const r = { ...record(`old${i}`, START - (i + 3) * DAY), folder: dir, bytes: 6 };
          writeFileSync(path.join(dir, r.fileName), 'backup');
          return r;
        });
      const w = world({ settings: { backupFrequency: 'manual' } });
      w.setRecords(olderOnes());
      w.vault.unlock();
      await w.schedule.backUpNow();
      expect(w.forgotten.length).toBeGreaterThan(30);
      expect(w.forgotten).not.toContain('b1');
      expect(readdirSync(dir)).toHaveLength(60 - w.forgotten.length);

      const all = world({ settings: { backupFrequency: 'manual', backupKeep: 'all' } });
      all.setRecords(olderOnes());
      all.vault.unlock();
      await all.schedule.backUpNow();
      expect(all.forgotten).toEqual([]);
      w.schedule.stop();
      all.schedule.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs a backup it starts by itself as a task the window sees: its progress in the status, and Stop works', async () => {
    const controller = new AbortController();
    const reported: number[] = [];
    const w = world({
      asTask: (work) =>
        work({ signal: controller.signal, progress: (done, total) => reported.push(Math.round((100 * done) / total)) }),
    });
    let release = () => undefined as void;
    w.onNext(async (task) => {
      task?.progress(30, 100);
      await new Promise<void>((resolve) => (release = resolve));
      task?.progress(100, 100);
    });
    w.vault.unlock();
    await vi.advanceTimersByTimeAsync(20_000);
    const during = await w.schedule.status();
    expect(during).toMatchObject({ running: true, progress: 0.3 });
    expect(reported).toEqual([30]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(await w.schedule.status()).toMatchObject({ running: false, progress: null, last: { id: 'b1' } });
    expect(reported).toEqual([30, 100]);

    // Stop (app:cancel on the task's channel) gives the next one up, with no failure recorded.
    vi.setSystemTime(START + 2 * DAY);
    w.onNext(
      (task) => new Promise((_, reject) => task?.signal.addEventListener('abort', () => reject(new Error('stopped')))),
    );
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect((await w.schedule.status()).running).toBe(true);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(await w.schedule.status()).toMatchObject({ running: false, lastFailure: null });
    w.schedule.stop();
  });

  it('sets the Journal page’s note aside for a few days; a different note still shows', async () => {
    const w = world({ settings: { backupFrequency: 'manual' } });
    w.vault.unlock();
    expect((await w.schedule.status()).note).toBe('never');
    expect((await w.schedule.dismissNote()).note).toBeNull();
    vi.setSystemTime(START + 2 * DAY);
    expect((await w.schedule.status()).note).toBeNull();
    w.setPresent(false);
    expect((await w.schedule.status()).note).toBe('folder-missing');
    w.setPresent(true);
    vi.setSystemTime(START + 4 * DAY);
    expect((await w.schedule.status()).note).toBe('never');
    w.schedule.stop();
  });
});

describe('backupNote', () => {
  const now = new Date(START);
  const base = { folder: '/f', folderPresent: true, last: null, hasEntries: true, now, snooze: null };
  it('speaks of a missing folder first, then of no backup (only with entries), then of an old one', () => {
    expect(backupNote({ ...base, folderPresent: false, last: record('a', START) })).toBe('folder-missing');
    expect(backupNote(base)).toBe('never');
    expect(backupNote({ ...base, hasEntries: false })).toBeNull();
    expect(backupNote({ ...base, folder: null, folderPresent: false })).toBe('never');
    expect(backupNote({ ...base, last: record('a', START - 6 * DAY) })).toBeNull();
    expect(backupNote({ ...base, last: record('a', START - 8 * DAY) })).toBe('old');
  });
});
