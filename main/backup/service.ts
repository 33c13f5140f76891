import type { Task } from '../ipc/tasks';
import type { Vault } from '../vault/vault';
import type { BackupPreview, BackupRecord, BackupSecret } from './types';

export interface BackupServiceOptions {
  /** The app's version, written into each backup's header. */
  appVersion: string;
  /** The computer's name as people know it (defaults to os.hostname()). */
  computerName?: () => string;
  now?: () => Date;
}

/**
 * Backups proved by restoring them. Skeleton: the API the UI codes against; the work follows.
 */
export class BackupService {
  constructor(
    private readonly vault: Vault,
    private readonly options: BackupServiceOptions,
  ) {}

  /** Makes a backup in `folder`, restores it into a temporary folder to prove it, and records it. Unlocked only. */
  backUp(_folder: string, _task?: Task): Promise<BackupRecord> {
    throw new Error('not yet');
  }

  /** Every verified backup Holding made of this journal, newest first. Unlocked only. */
  records(): BackupRecord[] {
    throw new Error('not yet');
  }

  lastVerified(): BackupRecord | null {
    throw new Error('not yet');
  }

  /** Removes a record (retention calls this after deleting the file). */
  forget(_id: string): void {
    throw new Error('not yet');
  }

  /** The readable header, without any secret; null when the file is not a Holding backup. */
  readHeader(_file: string): Promise<{ vaultId: string; madeAt: string } | null> {
    throw new Error('not yet');
  }

  /** Proves the backup opens with the secret and says what it holds; changes nothing on disk. */
  inspect(_file: string, _secret: BackupSecret): Promise<BackupPreview> {
    throw new Error('not yet');
  }

  /** Restores the backup in place of the journal here (kept aside whole if there is one); afterwards the journal is open. */
  restore(_file: string, _secret: BackupSecret, _task?: Task): Promise<{ setAsideFolder: string | null }> {
    throw new Error('not yet');
  }
}
