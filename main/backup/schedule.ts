/**
 * Backups by themselves, in the services worker: after an unlock once the last checked backup is older
 * than the person's choice (a day by default), and every few hours while the journal stays open. Only
 * when a folder is chosen and there. A lock abandons a backup under way (the service cleans up its
 * partial file), and never waits for it. A backup that fails is recorded for Settings to say, kindly;
 * nothing is thrown at the person. After each backup, retention thins the older ones.
 *
 * It also answers for the status Settings and the Journal page show, and runs "Back up now", so there
 * is only ever one backup at a time.
 */
import { promises as fs } from 'node:fs';
import {
  type BackupFailure,
  type BackupRecord,
  type BackupStatus,
  FREQUENCY_DAYS,
  type SetAsideJournal,
  NOTE_SNOOZE_DAYS,
  RETENTION_RULES,
} from '../../common/backup/types';
import { AppError } from '../../common/errors';
import type { Task } from '../ipc/tasks';
import type { SettingsService } from '../settings/settings';
import type { LockListener } from '../vault/vault';
import { applyRetention, type RetainedBackups, type RetainedRecord } from './retention';
import { backupNote, type Snooze } from './note';
import { takeRestoreNote } from './swap';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Time, as the schedule sees it: injected so tests can move it on. */
export interface Clock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the schedule needs of the backup service. */
export interface ScheduledBackups extends RetainedBackups {
  backUp(folder: string, task?: Task): Promise<BackupRecord>;
  lastVerified(): BackupRecord | null;
  /** The records with each file's SHA-256, so retention deletes only the very bytes Holding wrote. */
  storedRecords?(): RetainedRecord[];
}

export interface BackupScheduleOptions {
  vault: {
    isUnlocked(): boolean;
    onUnlock(listener: () => void): () => void;
    onLock(listener: LockListener): () => void;
  };
  backups: ScheduledBackups;
  settings: Pick<SettingsService, 'get' | 'read' | 'keep'>;
  /** This journal's vault id (retention touches only its backups). */
  vaultId: () => string;
  /** Whether the journal has any entries (a note about having no backup is only for a journal that does). */
  hasEntries: () => boolean;
  clock?: Clock;
  /** Whether a folder is there (a drive plugged in). */
  folderPresent?: (folder: string) => Promise<boolean>;
  /** How long after an unlock to look whether a backup is due (a moment, so unlocking stays quick). */
  afterUnlockMs?: number;
  /** How often to look again while the journal stays open. */
  everyMs?: number;
  logError?: (error: unknown, channel: string) => void;
  /**
   * Runs a backup the schedule starts as a task the window can see and stop (the app: on the "Back up now"
   * channel, so Settings shows its progress bar and its Stop button works for it too).
   */
  asTask?: <T>(work: (task: Task) => Promise<T>) => Promise<T>;
  /** The data folder, where a restore leaves its note for the restored journal (swap.ts). */
  dataDir?: string;
}

/** A backup is due a little before the day (or week) is quite up, so one made at 9:00 is due again at 8:00. */
const EARLY_BY_MS = HOUR;
const FAILURE_KEY = 'backupLastFailure';
const SNOOZE_KEY = 'backupNoteSnooze';
const SET_ASIDE_KEY = 'backupSetAside';

export async function isFolderPresent(folder: string): Promise<boolean> {
  try {
    return (await fs.stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

const asFailure = (value: unknown): BackupFailure | null => {
  const f = value as Partial<BackupFailure> | undefined;
  return f && typeof f.at === 'string' && typeof f.message === 'string'
    ? { at: f.at, message: f.message, automatic: f.automatic === true }
    : null;
};

/** The journals restores set aside, as kept (whether each folder is still there is looked at each time). */
const asSetAside = (value: unknown): Omit<SetAsideJournal, 'present'>[] =>
  Array.isArray(value)
    ? value.flatMap((item: Partial<SetAsideJournal> | null) =>
        item &&
        typeof item.folder === 'string' &&
        typeof item.restoredAt === 'string' &&
        typeof item.backupMadeAt === 'string'
          ? [{ folder: item.folder, restoredAt: item.restoredAt, backupMadeAt: item.backupMadeAt }]
          : [],
      )
    : [];

const asSnooze = (value: unknown): Snooze | null => {
  const s = value as Partial<Snooze> | undefined;
  return s && typeof s.note === 'string' && typeof s.until === 'string' ? { note: s.note, until: s.until } : null;
};

export class BackupSchedule {
  private readonly clock: Clock;
  private readonly folderPresent: (folder: string) => Promise<boolean>;
  private readonly afterUnlockMs: number;
  private readonly everyMs: number;
  private timer: unknown = null;
  private current: { promise: Promise<BackupRecord>; controller: AbortController } | null = null;
  /** Counts locks: whatever started before one is abandoned, and records nothing. */
  private epoch = 0;
  private stops: (() => void)[] = [];
  /** How far the backup under way has got, 0–1. */
  private progress = 0;
  /** Settles once the note a restore left (if any) is in the journal. */
  private noteTaken: Promise<void> = Promise.resolve();

  constructor(private readonly options: BackupScheduleOptions) {
    this.clock = options.clock ?? systemClock;
    this.folderPresent = options.folderPresent ?? isFolderPresent;
    this.afterUnlockMs = options.afterUnlockMs ?? 20_000;
    this.everyMs = options.everyMs ?? 3 * HOUR;
  }

  /** Starts listening for unlocks and locks. */
  start(): void {
    if (this.stops.length) return;
    this.stops = [
      this.options.vault.onUnlock(() => {
        this.noteTaken = this.takeRestoreNote();
        this.arm(this.afterUnlockMs);
      }),
      this.options.vault.onLock(() => this.abandon()),
    ];
    if (this.options.vault.isUnlocked()) {
      this.noteTaken = this.takeRestoreNote();
      this.arm(this.afterUnlockMs);
    }
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.abandon();
  }

  isRunning(): boolean {
    return this.current !== null;
  }

  /**
   * Makes a backup now, because the person asked; a backup already under way is waited for instead.
   * Stopping the task (app:cancel) or a lock abandons it.
   */
  async backUpNow(task?: Task): Promise<BackupRecord> {
    if (this.current) return this.current.promise;
    const folder = this.options.settings.get().backupFolder;
    if (!folder) throw new AppError('INVALID_INPUT', 'Please choose a folder for your backups first.');
    if (!(await this.folderPresent(folder))) {
      throw new AppError(
        'INVALID_INPUT',
        'Your backup folder isn’t there at the moment. If it is on a drive, please check the drive is plugged in, then try again.',
      );
    }
    return this.run(folder, false, task);
  }

  /**
   * Makes a backup if one is due (the schedule's own look, also for tests): resolves the record, or null
   * when none was due, none could be made, or a lock came first.
   */
  async check(): Promise<BackupRecord | null> {
    const epoch = this.epoch;
    try {
      if (!this.options.vault.isUnlocked() || this.current) return null;
      const { backupFolder: folder, backupFrequency } = this.options.settings.get();
      const days = FREQUENCY_DAYS[backupFrequency];
      if (days === null || !folder) return null;
      const last = this.options.backups.lastVerified();
      if (last && this.clock.now().getTime() - Date.parse(last.madeAt) < days * DAY - EARLY_BY_MS) return null;
      if (!(await this.folderPresent(folder)) || epoch !== this.epoch || this.current) return null;
      const { asTask } = this.options;
      return await (asTask ? asTask((task) => this.run(folder, true, task)) : this.run(folder, true));
    } catch {
      // Recorded by run() when it was the backup itself; a lock meanwhile is nothing to report.
      return null;
    }
  }

  async status(): Promise<BackupStatus> {
    await this.noteTaken;
    const { settings, backups } = this.options;
    const { backupFolder: folder, backupFrequency: frequency, backupKeep: keep } = settings.get();
    const folderPresent = folder ? await this.folderPresent(folder) : false;
    const last = backups.lastVerified();
    const now = this.clock.now();
    return {
      folder,
      frequency,
      keep,
      folderPresent,
      last,
      lastFailure: asFailure(settings.read(FAILURE_KEY)),
      running: this.current !== null,
      progress: this.current !== null ? this.progress : null,
      setAside: await this.setAside(),
      note: backupNote({
        folder,
        folderPresent,
        last,
        hasEntries: last ? true : this.options.hasEntries(),
        now,
        snooze: asSnooze(settings.read(SNOOZE_KEY)),
      }),
    };
  }

  /** Forgets the reminder of a journal a restore set aside (the folder itself is never touched). */
  async forgetSetAside(restoredAt: string): Promise<BackupStatus> {
    const { settings } = this.options;
    settings.keep(
      SET_ASIDE_KEY,
      asSetAside(settings.read(SET_ASIDE_KEY)).filter((item) => item.restoredAt !== restoredAt),
    );
    return this.status();
  }

  private async setAside(): Promise<SetAsideJournal[]> {
    const kept = asSetAside(this.options.settings.read(SET_ASIDE_KEY));
    return Promise.all(kept.map(async (item) => ({ ...item, present: await this.folderPresent(item.folder) })));
  }

  /** Keeps, inside the journal, where a restore set the previous journal aside (the restore left a note). */
  private async takeRestoreNote(): Promise<void> {
    const { dataDir } = this.options;
    if (!dataDir) return;
    try {
      await takeRestoreNote(dataDir, (note) => {
        if (!note.setAsideFolder) return;
        const { settings } = this.options;
        // The same note twice (a start that tidied after a crash) is kept once.
        const kept = asSetAside(settings.read(SET_ASIDE_KEY)).filter((item) => item.restoredAt !== note.restoredAt);
        settings.keep(SET_ASIDE_KEY, [
          ...kept,
          { folder: note.setAsideFolder, restoredAt: note.restoredAt, backupMadeAt: note.backupMadeAt },
        ]);
      });
    } catch (error) {
      // Locked meanwhile, or the data folder unreadable: the note stays for the next unlock.
      this.options.logError?.(error, 'backup restore note');
    }
  }

  /** Sets the Journal page's note aside for a few days (a different note still shows). */
  async dismissNote(): Promise<BackupStatus> {
    const { note } = await this.status();
    if (note) {
      const until = new Date(this.clock.now().getTime() + NOTE_SNOOZE_DAYS * DAY).toISOString();
      this.options.settings.keep(SNOOZE_KEY, { note, until } satisfies Snooze);
    }
    return this.status();
  }

  private arm(ms: number): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.check().finally(() => {
        if (this.options.vault.isUnlocked() && this.timer === null) this.arm(this.everyMs);
      });
    }, ms);
  }

  /** A lock: no more looking until the next unlock, and the backup under way is given up. */
  private abandon(): void {
    this.epoch += 1;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.current?.controller.abort();
  }

  private run(folder: string, automatic: boolean, task?: Task): Promise<BackupRecord> {
    // One at a time: two asks that both passed their checks while a folder was looked at join one backup.
    if (this.current) return this.current.promise;
    const epoch = this.epoch;
    const controller = new AbortController();
    const stop = () => controller.abort();
    task?.signal.addEventListener('abort', stop, { once: true });
    this.progress = 0;
    const inner: Task = {
      signal: controller.signal,
      progress: (done, total) => {
        this.progress = total > 0 ? Math.min(1, done / total) : 0;
        task?.progress(done, total);
      },
    };
    const promise = (async () => {
      try {
        const record = await this.options.backups.backUp(folder, inner);
        if (epoch === this.epoch) {
          this.options.settings.keep(FAILURE_KEY, null);
          await this.retain();
        }
        return record;
      } catch (error) {
        if (!controller.signal.aborted && epoch === this.epoch) this.recordFailure(error, automatic);
        throw error;
      } finally {
        task?.signal.removeEventListener('abort', stop);
        if (this.current?.controller === controller) this.current = null;
      }
    })();
    this.current = { promise, controller };
    return promise;
  }

  private recordFailure(error: unknown, automatic: boolean): void {
    if (!(error instanceof AppError)) this.options.logError?.(error, 'backup');
    if (error instanceof AppError && (error.code === 'LOCKED' || error.code === 'CANCELLED')) return;
    const message =
      error instanceof AppError && error.code !== 'INTERNAL'
        ? error.message
        : 'Something went wrong on our side while making it. Nothing in your journal has been lost.';
    try {
      this.options.settings.keep(FAILURE_KEY, {
        at: this.clock.now().toISOString(),
        automatic,
        message,
      } satisfies BackupFailure);
    } catch {
      // Locked meanwhile: there is nothing to keep it in.
    }
  }

  private async retain(): Promise<void> {
    try {
      const { backups } = this.options;
      await applyRetention({
        backups: {
          records: () => backups.storedRecords?.() ?? backups.records(),
          readHeader: (file) => backups.readHeader(file),
          forget: (id) => backups.forget(id),
        },
        vaultId: this.options.vaultId(),
        rule: RETENTION_RULES[this.options.settings.get().backupKeep],
        now: this.clock.now(),
      });
    } catch (error) {
      // Old backups stay a little longer; the new one is made and checked.
      this.options.logError?.(error, 'backup retention');
    }
  }
}
