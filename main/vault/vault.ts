import { promises as fs } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError, LockedError } from '../../common/errors';
import type { LockReason, OlderCopy, VaultStatus } from '../../common/ipc/contract';
import { formatRecoveryKey, RECOVERY_RANDOM_BYTES } from '../../common/recovery-key';
import { migrate } from '../db/migrate';
import { reportUpdate } from '../db/update-progress';
import { openEncryptedDatabase } from '../db/open';
import { removeStaleTemps } from '../fs/atomic';
import {
  deriveKeyFromPassphrase,
  equalConstantTime,
  KEY_BYTES,
  moderateKdf,
  randomBytes,
  SALT_BYTES,
  seal,
  sodiumReady,
  toBase64,
  wipe,
} from './crypto';
import { KEY_FILE_FORMAT, KEY_FILE_VERSION, type KeyFile, keyFileExists, readKeyFile, writeKeyFile } from './key-file';
import { describeForLog } from '../shell-common/log';
import {
  recoveryChecksum,
  recoveryKek,
  requireStrong,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrapContext,
  wrongPassphrase,
} from './wraps';
import { assertOffMainThread } from './thread';
import { type ReencryptHooks, stageReencrypted } from './reencrypt';
import { swapInReencrypted, SwapUnfinished } from '../backup/swap';
import type { Task } from '../ipc/tasks';
import {
  adoptOpenedCopy,
  noteOpening,
  OPENED_RECORD_NAME,
  type OpenedRecord,
  readOpenedRecord,
  writeOpenedRecord,
} from './opened-record';

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
  /** Set at unlock when the journal opened is older than the one last opened here; cleared on lock. */
  private olderCopy: OlderCopy | null = null;
  /** The record's count when an older copy was opened, until the person has read the notice. */
  private olderRecordCount: number | null = null;
  private database: Database | null = null;
  private dataKey: Uint8Array | null = null;
  private lastLockReason: LockReason | null = null;
  private readonly listeners = new Set<LockListener>();
  private readonly unlockListeners = new Set<() => void>();
  private readonly now: () => Date;
  /** Counts locks, so an unlock still finishing when a lock arrives does not reopen the vault. */
  private lockEpoch = 0;
  /**
   * A new recovery key shown but not yet confirmed: its wrap, kept here (never on disk) until the person has
   * typed two of its groups back; `forKey` is a copy of the data key it wraps. Dropped on lock.
   */
  private pendingRecovery: { token: string; forKey: Uint8Array; recovery: KeyFile['recovery'] } | null = null;
  /** A re-encryption prepared (new data key, new key file) whose recovery key is being confirmed. Dropped on lock. */
  private pendingReencrypt: { token: string; dataKey: Uint8Array; keyFile: KeyFile } | null = null;
  /** While the journal is being re-encrypted, no one else reads or writes it (db() and useKey() say BUSY). */
  private heldStill = false;
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
    this.now = options.now ?? (() => new Date());
    const { prepare, onPrepareError } = options;
    this.prepared = prepare
      ? prepare().then(
          () => undefined,
          (error: unknown) => onPrepareError?.(error),
        )
      : Promise.resolve();
    this.queue = this.prepared;
  }

  async status(): Promise<VaultStatus> {
    if (this.database) {
      return { state: 'unlocked', lastLockReason: null, ...(this.olderCopy ? { olderCopy: this.olderCopy } : {}) };
    }
    await this.prepared;
    const exists = await keyFileExists(this.keyFilePath);
    return { state: exists ? 'locked' : 'none', lastLockReason: exists ? this.lastLockReason : null };
  }

  /** The older-copy notice read: the copy open now is kept as the newest opened here (opened-record.ts). */
  async olderCopySeen(): Promise<void> {
    const seen = this.olderCopy;
    this.olderCopy = null;
    if (!seen) return;
    // In turn with the key changes (never during a re-encryption, which holds the journal still).
    await this.serial(async () => {
      const count = this.olderRecordCount;
      if (!this.database || count === null) return;
      try {
        await this.recordOpening(adoptOpenedCopy(this.db(), count, this.now()));
      } catch {
        // Passed over: the notice comes again at the next unlock, and nothing else changes.
      }
      this.olderRecordCount = null;
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
    if (this.heldStill) throw heldStillError();
    return use(key);
  }

  /** The open database, or LockedError (BUSY for the moments the journal is being re-encrypted). */
  db(): Database {
    if (!this.database) throw new LockedError();
    if (this.heldStill) throw heldStillError();
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
      // A restore Holding could not finish at start is tried again: a new journal never goes over one.
      try {
        await this.options.prepare?.();
      } catch (error) {
        this.options.onPrepareError?.(error);
        throw new AppError(
          'RESTORE_UNFINISHED',
          'Holding is still finishing restoring your journal from a backup, so it will not start a new one over it. Please close Holding and open it again. If this keeps happening, the restored journal and the one it replaced are both kept in folders beside your data folder.',
        );
      }
      if (await keyFileExists(this.keyFilePath)) {
        throw new AppError('VAULT_EXISTS', 'There is already a journal in this folder. Unlock it instead.');
      }
      requireStrong(passphrase);
      await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      await this.setAsideOrphanedDatabase();

      const vaultId = randomUUID();
      const dataKey = randomBytes(KEY_BYTES);
      const recoveryRandom = randomBytes(RECOVERY_RANDOM_BYTES);
      const salt = randomBytes(SALT_BYTES);
      const kdf = moderateKdf();
      const kek = deriveKeyFromPassphrase(passphrase, salt, kdf);
      const rkek = recoveryKek(recoveryRandom);
      try {
        const byPassphrase = seal(kek, dataKey, wrapContext(vaultId, 'passphrase'));
        const byRecovery = seal(rkek, dataKey, wrapContext(vaultId, 'recovery'));
        const stamp = this.now().toISOString();
        const keyFile: KeyFile = {
          format: KEY_FILE_FORMAT,
          version: KEY_FILE_VERSION,
          vaultId,
          createdAt: stamp,
          updatedAt: stamp,
          passphrase: {
            kdf: { ...kdf, salt: toBase64(salt) },
            nonce: toBase64(byPassphrase.nonce),
            wrappedKey: toBase64(byPassphrase.ciphertext),
          },
          recovery: {
            kdf: { algorithm: 'blake2b-256' },
            nonce: toBase64(byRecovery.nonce),
            wrappedKey: toBase64(byRecovery.ciphertext),
          },
        };
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
        if (opened) await this.recordOpening(opened);
        return { recoveryKey: formatRecoveryKey(recoveryRandom, recoveryChecksum) };
      } catch (error) {
        wipe(dataKey);
        throw error;
      } finally {
        wipe(kek);
        wipe(rkek);
        wipe(recoveryRandom);
      }
    });
  }

  /** `task` hears how far bringing the journal up to date after an update has got (its migrations). */
  unlock(passphrase: string, task?: Task): Promise<VaultStatus> {
    const epoch = this.lockEpoch;
    return this.serial(async () => {
      if (this.database) return this.status();
      const keyFile = await this.loadKeyFile();
      const dataKey = unwrapWithPassphrase(keyFile, passphrase);
      if (!dataKey) throw wrongPassphrase();
      await this.openWith(dataKey, keyFile, epoch, task);
      return this.status();
    });
  }

  unlockWithRecoveryKey(recoveryKey: string, task?: Task): Promise<VaultStatus> {
    const epoch = this.lockEpoch;
    return this.serial(async () => {
      if (this.database) return this.status();
      const keyFile = await this.loadKeyFile();
      const dataKey = unwrapWithRecoveryKey(keyFile, recoveryKey);
      await this.openWith(dataKey, keyFile, epoch, task);
      return this.status();
    });
  }

  /** Re-wraps the data key only; the database bytes are untouched. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.serial(async () => {
      const active = this.activeKey();
      const keyFile = await this.loadKeyFile();
      const fromFile = unwrapWithPassphrase(keyFile, current);
      if (!fromFile) throw wrongPassphrase('That is not your current passphrase. Nothing has been changed.');
      const same = equalConstantTime(fromFile, active);
      wipe(fromFile);
      if (!same)
        throw new AppError(
          'KEY_FILE_INVALID',
          'The key file no longer matches the open journal. Nothing has been changed.',
        );
      requireStrong(next);
      await writeKeyFile(this.keyFilePath, this.rewrapPassphrase(keyFile, active, next));
    });
  }

  /**
   * A new recovery key to replace the old (issue 19), after the passphrase proves ownership: the data key
   * wrapped under a new random key, held here and not written until the person has confirmed they kept the
   * key (keepNewRecoveryKey). Until then the old recovery key goes on working, so someone who closes the
   * window half-way still has a recovery key they saw. The database is untouched, so a copy of the key file
   * from before (a backup, a copied folder) still opens with the old recovery key (docs/security-model.md).
   */
  newRecoveryKey(passphrase: string): Promise<{ recoveryKey: string; token: string }> {
    return this.serial(async () => {
      const active = this.activeKey();
      const keyFile = await this.loadKeyFile();
      await this.proveCurrent(keyFile, passphrase, active, 'That is not your passphrase. Nothing has been changed.');
      const random = randomBytes(RECOVERY_RANDOM_BYTES);
      const rkek = recoveryKek(random);
      try {
        const wrapped = seal(rkek, active, wrapContext(keyFile.vaultId, 'recovery', keyFile.version));
        this.dropPending();
        const token = randomUUID();
        this.pendingRecovery = {
          token,
          forKey: new Uint8Array(active),
          recovery: {
            kdf: { algorithm: 'blake2b-256' },
            nonce: toBase64(wrapped.nonce),
            wrappedKey: toBase64(wrapped.ciphertext),
          },
        };
        return { recoveryKey: formatRecoveryKey(random, recoveryChecksum), token };
      } finally {
        wipe(rkek);
        wipe(random);
      }
    });
  }

  /** The person has kept the new recovery key `token` names: it goes into the key file, and the old one stops. */
  keepNewRecoveryKey(token: string): Promise<void> {
    return this.serial(async () => {
      const active = this.activeKey();
      const pending = this.pendingRecovery;
      if (!pending || pending.token !== token) throw notPending('recovery');
      this.pendingRecovery = null;
      try {
        if (!equalConstantTime(pending.forKey, active)) throw notPending('recovery');
        const keyFile = await this.loadKeyFile();
        await writeKeyFile(this.keyFilePath, {
          ...keyFile,
          updatedAt: this.now().toISOString(),
          recovery: pending.recovery,
        });
      } finally {
        wipe(pending.forKey);
      }
    });
  }

  /** The person chose not to go on: a new recovery key or re-encryption not yet confirmed is forgotten, wiped. */
  forgetPending(): Promise<void> {
    // In turn: a confirmation already on its way finishes first.
    return this.serial(async () => this.dropPending());
  }

  /**
   * Re-encrypting, first half: after the current passphrase, a new random data key, a new recovery key and
   * the new key file (new passphrase `next`, which may be the same as now, and the new recovery key) are made
   * and held here; nothing on disk changes. The recovery key is shown and confirmed; only then does
   * `reencrypt` rewrite the journal. Closing the window before that leaves everything as it was.
   */
  prepareReencrypt(current: string, next: string): Promise<{ recoveryKey: string; token: string }> {
    return this.serial(async () => {
      const active = this.activeKey();
      const keyFile = await this.loadKeyFile();
      await this.proveCurrent(
        keyFile,
        current,
        active,
        'That is not your current passphrase. Nothing has been changed.',
      );
      requireStrong(next);
      const dataKey = randomBytes(KEY_BYTES);
      const recoveryRandom = randomBytes(RECOVERY_RANDOM_BYTES);
      const salt = randomBytes(SALT_BYTES);
      const kdf = moderateKdf();
      const kek = deriveKeyFromPassphrase(next, salt, kdf);
      const rkek = recoveryKek(recoveryRandom);
      try {
        const byPassphrase = seal(kek, dataKey, wrapContext(keyFile.vaultId, 'passphrase', KEY_FILE_VERSION));
        const byRecovery = seal(rkek, dataKey, wrapContext(keyFile.vaultId, 'recovery', KEY_FILE_VERSION));
        const staged: KeyFile = {
          format: KEY_FILE_FORMAT,
          version: KEY_FILE_VERSION,
          vaultId: keyFile.vaultId,
          createdAt: keyFile.createdAt,
          updatedAt: this.now().toISOString(),
          passphrase: {
            kdf: { ...kdf, salt: toBase64(salt) },
            nonce: toBase64(byPassphrase.nonce),
            wrappedKey: toBase64(byPassphrase.ciphertext),
          },
          recovery: {
            kdf: { algorithm: 'blake2b-256' },
            nonce: toBase64(byRecovery.nonce),
            wrappedKey: toBase64(byRecovery.ciphertext),
          },
        };
        this.dropPending();
        const token = randomUUID();
        this.pendingReencrypt = { token, dataKey, keyFile: staged };
        return { recoveryKey: formatRecoveryKey(recoveryRandom, recoveryChecksum), token };
      } catch (error) {
        wipe(dataKey);
        throw error;
      } finally {
        wipe(kek);
        wipe(rkek);
        wipe(recoveryRandom);
      }
    });
  }

  /**
   * Re-encrypting, second half, once the new recovery key has been confirmed: the journal rewritten under the
   * new data key into a new file, checked row for row, and swapped in with the new key file
   * (./reencrypt.ts). The journal stays open throughout, under its new key at the end. A lock part-way stops
   * it before the swap is decided (nothing changed) or, once decided, lets it finish and stays locked.
   */
  reencrypt(token: string, task?: Task, hooks?: ReencryptHooks): Promise<VaultStatus> {
    return this.serial(async () => {
      const active = this.activeKey();
      const pending = this.pendingReencrypt;
      if (!pending || pending.token !== token) throw notPending('reencrypt');
      this.pendingReencrypt = null;
      const epoch = this.lockEpoch;
      const stillWanted = () => {
        if (epoch !== this.lockEpoch) throw new LockedError();
      };
      const live = this.database!;
      // A lock meanwhile wipes the vault's own key: the work keeps a copy of its own, wiped at the end.
      const oldKey = new Uint8Array(active);
      let newKey: Uint8Array | null = pending.dataKey;
      this.heldStill = true;
      try {
        const staging = await stageReencrypted({
          dataDir: this.dataDir,
          db: live,
          oldKey,
          newKey,
          keyFile: pending.keyFile,
          nativeBinding: this.options.nativeBinding,
          task,
          hooks,
          stillWanted,
        });
        // Decided from here on: the journal under the old key is closed, and the new one swapped in.
        try {
          stillWanted();
        } catch (error) {
          await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
          throw error;
        }
        live.close();
        try {
          await swapInReencrypted(this.dataDir, staging, this.now(), hooks);
        } catch (error) {
          if (error instanceof SwapUnfinished) {
            this.lock('manual');
            throw new AppError(
              'RESTORE_UNFINISHED',
              'Your journal was re-encrypted and checked, but Holding could not finish putting it in place just now. Please close Holding and open it again: it will finish then, and your new passphrase and new recovery key will open it.',
            );
          }
          // Put back as it was: the journal under the old key opens again, as before.
          await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
          if (epoch === this.lockEpoch) {
            try {
              this.reopen(oldKey, false);
            } catch {
              this.lock('manual');
            }
          }
          throw new AppError(
            'INTERNAL',
            'Holding could not put the re-encrypted journal in place of the old one, so it has left everything as it was: your passphrase and recovery key have not changed, and the recovery key just shown will not open your journal. Please check Holding may write to its data folder, and try again.',
          );
        }
        if (epoch === this.lockEpoch) {
          try {
            this.reopen(newKey, true);
            newKey = null;
          } catch {
            // The journal is re-encrypted and in place, but would not open again just now: locked, with every
            // key wiped, rather than "open" with no journal behind it and the old key still held.
            this.lock('manual');
            throw new AppError(
              'DATABASE_UNREADABLE',
              'Your journal has been re-encrypted, but Holding could not open it again just now, so it has locked. Please unlock it with your new passphrase (or your new recovery key).',
            );
          }
          hooks?.onStep?.('reopened');
        }
        task?.progress(1000, 1000);
        return this.status();
      } finally {
        // Stopped before the swap was decided, the journal under the old key is still open, as it was.
        this.heldStill = false;
        wipe(oldKey);
        wipe(newKey);
      }
    });
  }
  /** Forgotten passphrase: the recovery key proves ownership, a new passphrase is set, and the vault opens. */
  resetPassphrase(recoveryKey: string, next: string, task?: Task): Promise<VaultStatus> {
    const epoch = this.lockEpoch;
    return this.serial(async () => {
      const keyFile = await this.loadKeyFile();
      const dataKey = unwrapWithRecoveryKey(keyFile, recoveryKey);
      try {
        requireStrong(next);
        await writeKeyFile(this.keyFilePath, this.rewrapPassphrase(keyFile, dataKey, next));
      } catch (error) {
        wipe(dataKey);
        throw error;
      }
      if (this.database) {
        wipe(dataKey);
      } else {
        await this.openWith(dataKey, keyFile, epoch, task);
      }
      return this.status();
    });
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
    this.olderCopy = null;
    this.olderRecordCount = null;
    wipe(this.dataKey);
    this.dataKey = null;
    this.dropPending();
    if (open) closeWhenFree(open);
    if (open) {
      this.lastLockReason = reason;
      for (const listener of this.listeners) {
        try {
          listener(reason);
        } catch (error) {
          console.error(`[holding] after-lock task failed: ${describeForLog(error)}`);
        }
      }
    }
  }

  private activeKey(): Uint8Array {
    if (!this.dataKey || !this.database) throw new LockedError();
    return this.dataKey;
  }

  /** Proves `passphrase` opens the key file, and that the key file is the open journal's; throws otherwise. */
  private async proveCurrent(keyFile: KeyFile, passphrase: string, active: Uint8Array, wrong: string): Promise<void> {
    const fromFile = unwrapWithPassphrase(keyFile, passphrase);
    if (!fromFile) throw wrongPassphrase(wrong);
    const same = equalConstantTime(fromFile, active);
    wipe(fromFile);
    if (!same) {
      throw new AppError(
        'KEY_FILE_INVALID',
        'The key file no longer matches the open journal. Nothing has been changed.',
      );
    }
  }

  /** Forgets a recovery key or re-encryption shown but not yet confirmed, wiping its keys. */
  private dropPending(): void {
    if (this.pendingRecovery) wipe(this.pendingRecovery.forKey);
    if (this.pendingReencrypt) wipe(this.pendingReencrypt.dataKey);
    this.pendingRecovery = null;
    this.pendingReencrypt = null;
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

  private rewrapPassphrase(keyFile: KeyFile, dataKey: Uint8Array, next: string): KeyFile {
    const salt = randomBytes(SALT_BYTES);
    const kdf = moderateKdf();
    const kek = deriveKeyFromPassphrase(next, salt, kdf);
    try {
      const wrapped = seal(kek, dataKey, wrapContext(keyFile.vaultId, 'passphrase', keyFile.version));
      return {
        ...keyFile,
        updatedAt: this.now().toISOString(),
        passphrase: {
          kdf: { ...kdf, salt: toBase64(salt) },
          nonce: toBase64(wrapped.nonce),
          wrappedKey: toBase64(wrapped.ciphertext),
        },
      };
    } finally {
      wipe(kek);
    }
  }

  private async loadKeyFile(): Promise<KeyFile> {
    await sodiumReady();
    return readKeyFile(this.keyFilePath);
  }

  private async openWith(dataKey: Uint8Array, keyFile: KeyFile, epoch: number, task?: Task): Promise<void> {
    try {
      const lastOpened = await readOpenedRecord(this.openedRecordPath);
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
        // It only ever warns: a count that cannot be kept (a full disk, a read-only file) never stops the unlock.
        try {
          const noted = noteOpening(db, keyFile.vaultId, lastOpened, this.now());
          this.olderCopy = noted.olderCopy;
          this.olderRecordCount = noted.olderCopy ? (lastOpened?.openCount ?? null) : null;
          opened = noted.record;
        } catch {
          // Passed over: the journal opens as ever.
        }
      });
      if (opened) await this.recordOpening(opened);
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

  /** Remembers the journal just opened, outside it; a record that cannot be written is passed over. */
  private async recordOpening(record: OpenedRecord): Promise<void> {
    try {
      await writeOpenedRecord(this.openedRecordPath, record);
    } catch (error) {
      console.error(`[holding] could not note the journal opened: ${describeForLog(error)}`);
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
    for (const listener of this.unlockListeners) {
      try {
        listener();
      } catch (error) {
        console.error(`[holding] after-unlock task failed: ${describeForLog(error)}`);
      }
    }
  }

  /** A database with no key file can never be opened; keep it aside rather than delete anything. */
  private async setAsideOrphanedDatabase(): Promise<void> {
    for (const suffix of ['', '-wal', '-shm']) {
      const file = this.dbPath + suffix;
      try {
        await fs.rename(file, `${file}.orphaned-${Date.now()}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * Closes `db` now if it can be, or else as soon as whatever is stepping through its rows lets it go (checked
 * every few milliseconds, for up to a minute; a worker that has locked is ended in any case, taking SQLite's
 * copy of the key with it: main/worker/host.ts).
 */
function closeWhenFree(db: Database, tries = 6000): void {
  try {
    db.close();
  } catch (error) {
    if (tries <= 0) {
      console.error(`[holding] the journal's connection could not be closed: ${describeForLog(error)}`);
      return;
    }
    setTimeout(() => closeWhenFree(db, tries - 1), 10).unref?.();
  }
}

const heldStillError = () =>
  new AppError(
    'BUSY',
    'Holding is re-encrypting your journal and will be ready again in a moment. Nothing you have written has been lost.',
  );

/** A confirmation that comes after the key it confirms was dropped (a lock, a restart, or another attempt). */
function notPending(what: 'recovery' | 'reencrypt'): AppError {
  return new AppError(
    'CHANGED',
    what === 'recovery'
      ? 'Holding locked, or another new key was asked for, before this one was confirmed, so it has not been kept: your recovery key is still the one you had before. Please make a new one again.'
      : 'Holding locked, or was asked again, before your journal was re-encrypted, so nothing has been changed: your passphrase and recovery key are as they were, and the recovery key just shown will never open your journal. Please start again.',
  );
}
