import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError, LockedError } from '../../common/errors';
import type { LockReason, VaultStatus } from '../../common/ipc/contract';
import { migrate } from '../db/migrate';
import { closeWhenFree, openEncryptedDatabase } from '../db/open';
import { reportUpdate } from '../db/update-progress';
import { removeStaleTemps } from '../fs/atomic';
import { KEY_BYTES, randomBytes, sodiumReady, wipe } from './crypto';
import { type KeyFile, keyFileExists, readKeyFile, writeKeyFile } from './key-file';
import { describeForLog } from '../shell-common/log';
import {
  newKeyFile,
  requireStrong,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  withNewPassphrase,
  wrongPassphrase,
} from './wraps';
import type { Task } from '../ipc/tasks';
import { assertOffMainThread } from './thread';
import { KeyLifecycle } from './key-lifecycle';
import { noteOpening, OlderCopyNotice, OPENED_RECORD_NAME, type OpenedRecord } from './opened-record';
import { readyForNewJournal } from './new-journal';

export const KEY_FILE_NAME = 'holding.key';
export const DB_FILE_NAME = 'holding.db';

export interface VaultOptions {
  dataDir: string;
  nativeBinding?: string | undefined;
  now?: () => Date;
  /** Why the journal is locked at start (a restarted worker says so on the unlock screen). */
  lockedBecause?: LockReason | undefined;
  /** Only for the services' own tests: allows the vault on a main thread (see ./thread.ts). */
  inProcess?: boolean | undefined;
  /**
   * Work on the data folder that must finish before anyone asks whether there is a journal (a restore that
   * Holding stopped part-way through is finished: main/backup/swap.ts). A failure is reported to
   * `onPrepareError` and does not stop the vault.
   */
  prepare?: (() => Promise<unknown>) | undefined;
  onPrepareError?: ((error: unknown) => void) | undefined;
}

export type LockListener = (reason: LockReason) => void;

/**
 * The vault: the key hierarchy and the open database. Everything that reads or writes the
 * journal goes through `db()`, which throws LockedError while locked.
 */
export class Vault {
  readonly dataDir: string;
  readonly keyFilePath: string;
  readonly dbPath: string;
  /** The record of the journal this computer last opened (opened-record.ts), outside the database. */
  readonly openedRecordPath: string;
  /** The older-copy notice and the record of the journal opened here (opened-record.ts). */
  private readonly notice: OlderCopyNotice;
  private database: Database | null = null;
  private dataKey: Uint8Array | null = null;
  private lastLockReason: LockReason | null = null;
  private readonly listeners = new Set<LockListener>();
  private readonly unlockListeners = new Set<() => void>();
  private readonly now: () => Date;
  /** Counts locks, so an unlock still finishing when a lock arrives does not reopen the vault. */
  private lockEpoch = 0;
  /**
   * Changing the open journal's keys (a new passphrase, a new recovery key, re-encrypting), in turn with
   * unlocking and locking, and what is prepared for them but not yet confirmed: ./key-lifecycle.ts.
   */
  readonly keys: KeyLifecycle;
  /** Serialises create/unlock/change so two clicks cannot race each other. */
  private queue: Promise<unknown>;
  /** Settles when `options.prepare` has run. */
  private readonly prepared: Promise<void>;

  constructor(private readonly options: VaultOptions) {
    assertOffMainThread(options.inProcess);
    this.lastLockReason = options.lockedBecause ?? null;
    this.dataDir = path.resolve(options.dataDir);
    this.keyFilePath = path.join(this.dataDir, KEY_FILE_NAME);
    this.dbPath = path.join(this.dataDir, DB_FILE_NAME);
    this.openedRecordPath = path.join(this.dataDir, OPENED_RECORD_NAME);
    this.notice = new OlderCopyNotice(this.openedRecordPath);
    this.now = options.now ?? (() => new Date());
    const { prepare, onPrepareError } = options;
    this.prepared = prepare
      ? prepare().then(
          () => undefined,
          (error: unknown) => onPrepareError?.(error),
        )
      : Promise.resolve();
    this.queue = this.prepared;
    this.keys = new KeyLifecycle({
      dataDir: this.dataDir,
      keyFilePath: this.keyFilePath,
      nativeBinding: options.nativeBinding,
      now: this.now,
      serial: (task) => this.serial(task),
      activeKey: () => this.activeKey(),
      liveDatabase: () => this.database!,
      loadKeyFile: () => this.loadKeyFile(),
      locksSoFar: () => this.lockEpoch,
      reopen: (key, owned) => this.reopen(key, owned),
      lock: (reason) => this.lock(reason),
      status: () => this.status(),
    });
  }

  async status(): Promise<VaultStatus> {
    if (this.database) {
      const { olderCopy } = this.notice;
      return { state: 'unlocked', lastLockReason: null, ...(olderCopy ? { olderCopy } : {}) };
    }
    await this.prepared;
    const exists = await keyFileExists(this.keyFilePath);
    return { state: exists ? 'locked' : 'none', lastLockReason: exists ? this.lastLockReason : null };
  }

  /** The older-copy notice read: the copy open now is kept as the newest opened here (opened-record.ts). */
  async olderCopySeen(): Promise<void> {
    if (!this.notice.read()) return;
    // In turn with the key changes (never during a re-encryption, which holds the journal still).
    await this.serial(async () => {
      if (this.database) await this.notice.adopt(() => this.db(), this.now());
    });
  }

  isUnlocked(): boolean {
    return this.database !== null;
  }

  /** Settles once the start-up work on the data folder (`options.prepare`) has run. */
  whenPrepared(): Promise<void> {
    return this.prepared;
  }

  /** The addon the journal is opened with; a backup opens its copies with the same one. */
  get nativeBinding(): string | undefined {
    return this.options.nativeBinding;
  }

  /**
   * Lends the open journal's data key to `use` for one synchronous call (opening a backup's copy of the
   * database, deriving a backup's MAC key), so the key never outlives a lock: LockedError when locked.
   * `use` must not keep the key or a copy of it.
   */
  useKey<T>(use: (key: Uint8Array) => T): T {
    const key = this.activeKey();
    this.keys.refuseWhileHeldStill();
    return use(key);
  }

  /** The open database, or LockedError (BUSY for the moments the journal is being re-encrypted). */
  db(): Database {
    if (!this.database) throw new LockedError();
    this.keys.refuseWhileHeldStill();
    return this.database;
  }

  onLock(listener: LockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs after every unlock (and after creation); a failing listener never blocks the unlock. */
  onUnlock(listener: () => void): () => void {
    this.unlockListeners.add(listener);
    return () => this.unlockListeners.delete(listener);
  }

  create(passphrase: string): Promise<{ recoveryKey: string }> {
    const epoch = this.lockEpoch;
    return this.serial(async () => {
      await sodiumReady();
      const { dataDir, keyFilePath, dbPath } = this;
      await readyForNewJournal({ ...this.options, dataDir, keyFilePath, dbPath }, passphrase);
      const vaultId = randomUUID();
      const dataKey = randomBytes(KEY_BYTES);
      try {
        const stamp = this.now().toISOString();
        const { keyFile, recoveryKey } = newKeyFile(dataKey, passphrase, {
          vaultId,
          createdAt: stamp,
          updatedAt: stamp,
        });
        // The database first, then the key file: if we stop in between, the folder still reads
        // as "no journal yet" and the orphaned database is set aside on the next attempt.
        const db = openEncryptedDatabase(this.dbPath, dataKey, {
          create: true,
          nativeBinding: this.options.nativeBinding,
        });
        let opened: OpenedRecord | null = null;
        await this.adopt(db, dataKey, epoch, async () => {
          migrate(db);
          db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)').run('vault_id', vaultId);
          db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)').run('created_at', stamp);
          opened = noteOpening(db, vaultId, null, this.now()).record;
          await writeKeyFile(this.keyFilePath, keyFile);
        });
        await this.notice.record(opened);
        return { recoveryKey };
      } catch (error) {
        wipe(dataKey);
        throw error;
      }
    });
  }

  /** `task` hears how far bringing the journal up to date after an update has got (its migrations). */
  unlock(passphrase: string, task?: Task): Promise<VaultStatus> {
    return this.openBy((keyFile) => {
      const dataKey = unwrapWithPassphrase(keyFile, passphrase);
      if (!dataKey) throw wrongPassphrase();
      return dataKey;
    }, task);
  }

  unlockWithRecoveryKey(recoveryKey: string, task?: Task): Promise<VaultStatus> {
    return this.openBy((keyFile) => unwrapWithRecoveryKey(keyFile, recoveryKey), task);
  }

  /** Forgotten passphrase: the recovery key proves ownership, a new passphrase is set, and the vault opens. */
  resetPassphrase(recoveryKey: string, next: string, task?: Task): Promise<VaultStatus> {
    return this.openBy(
      (keyFile) => unwrapWithRecoveryKey(keyFile, recoveryKey),
      task,
      async (keyFile, dataKey) => {
        requireStrong(next);
        await writeKeyFile(this.keyFilePath, withNewPassphrase(keyFile, dataKey, next, this.now()));
      },
    );
  }

  /** Counts every lock asked for, taken or not: work that locked the journal itself can tell whether another came. */
  locksSoFar(): number {
    return this.lockEpoch;
  }

  /**
   * Closes the database and wipes the key. Safe to call when already locked, and never refused: a connection
   * that cannot close at once (a statement still stepping through rows) is let go here and closed as soon as
   * it can be (closeWhenFree), while the key is wiped, the listeners told and the vault locked all the same.
   */
  lock(reason: LockReason = 'manual'): void {
    this.lockEpoch += 1;
    const open = this.database;
    this.database = null;
    this.notice.forget();
    wipe(this.dataKey);
    this.dataKey = null;
    this.keys.dropPending();
    if (open) closeWhenFree(open);
    if (open) {
      this.lastLockReason = reason;
      tellEach(this.listeners, (listener) => listener(reason), 'after-lock');
    }
  }

  private activeKey(): Uint8Array {
    if (!this.dataKey || !this.database) throw new LockedError();
    return this.dataKey;
  }

  /**
   * After a re-encryption's swap (or one undone): the journal in the data folder opened with `key`, in place
   * of the connection closed for the swap. The vault takes `key` as its own when `owned`; otherwise a copy.
   */
  private reopen(key: Uint8Array, owned: boolean): void {
    const db = openEncryptedDatabase(this.dbPath, key, { create: false, nativeBinding: this.options.nativeBinding });
    const previous = this.dataKey;
    this.database = db;
    this.dataKey = owned ? key : new Uint8Array(key);
    if (previous !== this.dataKey) wipe(previous);
  }

  private async loadKeyFile(): Promise<KeyFile> {
    await sodiumReady();
    return readKeyFile(this.keyFilePath);
  }

  /**
   * The ways in (the passphrase, the recovery key, a new passphrase set with the recovery key): the key file
   * read, the data key unwrapped from it by `unwrap`, `rewrite` (if any) given it to write a new key file, and
   * the journal opened with it (`task` told how far its migrations have got). Already open, there is nothing to open: with nothing to rewrite, nothing is
   * unwrapped either; otherwise the key is wiped once the key file is written.
   */
  private openBy(
    unwrap: (keyFile: KeyFile) => Uint8Array,
    task?: Task,
    rewrite?: (keyFile: KeyFile, dataKey: Uint8Array) => Promise<void>,
  ): Promise<VaultStatus> {
    const epoch = this.lockEpoch;
    return this.serial(async () => {
      if (this.database && !rewrite) return this.status();
      const keyFile = await this.loadKeyFile();
      const dataKey = unwrap(keyFile);
      if (rewrite) {
        try {
          await rewrite(keyFile, dataKey);
        } catch (error) {
          wipe(dataKey);
          throw error;
        }
      }
      if (this.database) wipe(dataKey);
      else await this.openWith(dataKey, keyFile, epoch, task);
      return this.status();
    });
  }

  private async openWith(dataKey: Uint8Array, keyFile: KeyFile, epoch: number, task?: Task): Promise<void> {
    try {
      const lastOpened = await this.notice.lastOpened();
      const db = openEncryptedDatabase(this.dbPath, dataKey, {
        create: false,
        nativeBinding: this.options.nativeBinding,
      });
      let opened: OpenedRecord | null = null;
      await this.adopt(db, dataKey, epoch, () => {
        // Check it is this vault's journal before any migration writes to it.
        const id = db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get('vault_id');
        if (id !== keyFile.vaultId) {
          throw new AppError('DATABASE_UNREADABLE', 'The journal file does not belong to this key file.');
        }
        migrate(db, undefined, task && reportUpdate(db, (done, total, detail) => task.progress(done, total, detail)));
        opened = this.notice.note(db, keyFile.vaultId, lastOpened, this.now());
      });
      await this.notice.record(opened);
      // A key file or record whose writing a crash interrupted left a temporary file here: tidied away.
      await removeStaleTemps(this.dataDir);
    } catch (error) {
      wipe(dataKey);
      if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') {
        throw new AppError(
          'DATABASE_UNREADABLE',
          'Your key was accepted, but the journal file is missing from this folder. If you have a backup, restoring it should help.',
        );
      }
      throw error;
    }
  }

  /** Prepares a freshly opened database; on success the vault holds it and the key, on failure it is closed. */
  private async adopt(
    db: Database,
    dataKey: Uint8Array,
    epoch: number,
    prepare: () => void | Promise<void>,
  ): Promise<void> {
    try {
      await prepare();
    } catch (error) {
      db.close();
      throw error;
    }
    if (epoch !== this.lockEpoch) {
      // A lock (sleep, idle, Ctrl+L) arrived while we were finishing: honour it.
      db.close();
      wipe(dataKey);
      return;
    }
    this.database = db;
    this.dataKey = dataKey;
    this.lastLockReason = null;
    tellEach(this.unlockListeners, (listener) => listener(), 'after-unlock');
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Tells each listener; one that fails is logged, and never stops the others (or the lock, or the unlock). */
function tellEach<L>(listeners: Iterable<L>, tell: (listener: L) => void, what: string): void {
  for (const listener of listeners) {
    try {
      tell(listener);
    } catch (error) {
      console.error(`[holding] ${what} task failed: ${describeForLog(error)}`);
    }
  }
}
