import os from 'node:os';
import path from 'node:path';
import { AppError, LockedError } from '../../common/errors';
import type { Task } from '../ipc/tasks';
import type { Vault } from '../vault/vault';
import { type BackupHooks, makeBackup } from './make';
import { peekHeader } from './read';
import { deleteRecord, listRecords, type StoredRecord } from './repository';
import { inspectBackup, restoreBackup } from './restore';
import type { BackupPreview, BackupRecord, BackupSecret } from './types';

export interface BackupServiceOptions {
  /** The app's version, written into each backup's header. */
  appVersion: string;
  /** The computer's name as people know it (defaults to os.hostname()). */
  computerName?: () => string;
  now?: () => Date;
  /**
   * How restore locks an open journal before putting the restored one in its place: the app passes its
   * gentle lock, which lets the window save what is being typed first. Defaults to `vault.lock('manual')`.
   */
  lock?: () => Promise<void>;
  /** Test seams only (a full or read-only backup folder); never set by the app. */
  hooks?: BackupHooks;
}

const publicRecord = ({ sha256: _sha256, ...record }: StoredRecord): BackupRecord => record;

/**
 * Backups proved by restoring them (docs/backup-format.md). Runs in the services worker. One backup or
 * restore at a time: a second call waits for the first.
 */
export class BackupService {
  private readonly now: () => Date;
  private readonly computerName: () => string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vault: Vault,
    private readonly options: BackupServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.computerName = options.computerName ?? (() => os.hostname());
  }

  /**
   * Makes a backup in `folder`, restores it into a temporary folder to prove it, and records it. The
   * journal must be unlocked; a lock part-way stops it (LockedError) and leaves nothing behind.
   */
  backUp(folder: string, task?: Task): Promise<BackupRecord> {
    if (!this.vault.isUnlocked()) return Promise.reject(new LockedError());
    return this.serial(async () =>
      publicRecord(
        await makeBackup(this.vault, folder, {
          appVersion: this.options.appVersion,
          computer: this.computerName(),
          now: this.now,
          task,
          hooks: this.options.hooks,
        }),
      ),
    );
  }

  /** Every verified backup Holding made of this journal, newest first. Unlocked only. */
  records(): BackupRecord[] {
    return listRecords(this.vault.db()).map(publicRecord);
  }

  /** Where the backup `id` was written, whole. */
  savedAt(id: string): string {
    const record = this.records().find((r) => r.id === id);
    if (!record) {
      throw new AppError(
        'NOT_FOUND',
        "That backup is no longer in Holding's list, so it cannot be shown. It may have been tidied away with older backups.",
      );
    }
    return path.join(record.folder, record.fileName);
  }

  /** The records with the hash of each file, for retention to check a file is still the one written. */
  storedRecords(): StoredRecord[] {
    return listRecords(this.vault.db());
  }

  lastVerified(): BackupRecord | null {
    return this.records()[0] ?? null;
  }

  /** Removes a record (retention calls this after deleting the file). A record already gone is fine. */
  forget(id: string): void {
    deleteRecord(this.vault.db(), id);
  }

  /** The readable header, without any secret; null when the file is not a Holding backup. */
  async readHeader(file: string): Promise<{ vaultId: string; madeAt: string } | null> {
    const header = await peekHeader(file);
    return header ? { vaultId: header.vaultId, madeAt: header.madeAt } : null;
  }

  /** Proves the backup opens with the secret and is whole, and says what it holds; changes nothing on disk. */
  inspect(file: string, secret: BackupSecret): Promise<BackupPreview> {
    return inspectBackup(file, secret, this.place());
  }

  /**
   * Restores the backup in place of the journal here. Nothing changes until the restored copy has passed
   * its check; then an open journal is locked (after the window has saved), the journal here, if any, is
   * moved aside whole into a dated folder beside the data folder, the restored one is moved in, and it is
   * opened with the same secret.
   */
  restore(file: string, secret: BackupSecret, task?: Task): Promise<{ setAsideFolder: string | null }> {
    return this.serial(async () => {
      // Never beside the start-up step that finishes an interrupted restore.
      await this.vault.whenPrepared();
      const lock = this.options.lock ?? (async () => this.vault.lock('manual'));
      // Each lock asked for is counted: the restore's own (one or two), and any other that comes meanwhile.
      const start = this.vault.locksSoFar();
      let own = 0;
      const result = await restoreBackup(file, secret, this.place(), {
        task,
        lock: async () => {
          if (this.vault.isUnlocked()) {
            await lock();
            own += 1;
          }
          // A lock that did not take (the window never answered) must not leave the journal open here.
          this.vault.lock('manual');
          own += 1;
        },
      });
      // A lock asked for while it restored (sleep, idle, the shortcut) stands: the person unlocks again.
      if (this.vault.locksSoFar() - start !== own) return result;
      if ('passphrase' in secret) await this.vault.unlock(secret.passphrase);
      else await this.vault.unlockWithRecoveryKey(secret.recoveryKey);
      return result;
    });
  }

  private place() {
    return {
      dataDir: this.vault.dataDir,
      keyFilePath: this.vault.keyFilePath,
      nativeBinding: this.vault.nativeBinding,
      now: this.now,
    };
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
