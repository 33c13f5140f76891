/**
 * The keys of an open journal, changed (issue 19): a new passphrase, a new recovery key (held until the person
 * has confirmed they kept it), and re-encrypting the whole journal under a new data key (prepared, confirmed,
 * then done). The vault (./vault.ts) makes one, reached as `vault.keys`, and lends it what it needs (KeyHolder);
 * what is prepared but not yet confirmed lives here, never on disk, and is wiped at every lock.
 */
import { promises as fs } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError, LockedError } from '../../common/errors';
import type { LockReason, VaultStatus } from '../../common/ipc/contract';
import { swapInReencrypted, SwapUnfinished } from '../backup/swap';
import type { Task } from '../ipc/tasks';
import { equalConstantTime, KEY_BYTES, randomBytes, wipe } from './crypto';
import { type KeyFile, writeKeyFile } from './key-file';
import { type ReencryptHooks, stageReencrypted } from './reencrypt';
import {
  newKeyFile,
  newRecoveryWrap,
  requireStrong,
  unwrapWithPassphrase,
  withNewPassphrase,
  wrongPassphrase,
} from './wraps';

/** What the key changes need of the vault they belong to (given by the vault, to nothing else). */
export interface KeyHolder {
  readonly dataDir: string;
  readonly keyFilePath: string;
  readonly nativeBinding: string | undefined;
  now(): Date;
  /** Runs `task` in turn with the vault's other key work (creating, unlocking, changing). */
  serial<T>(task: () => Promise<T>): Promise<T>;
  /** The open journal's data key, or LockedError. */
  activeKey(): Uint8Array;
  /** The open journal's connection (asked for only once `activeKey()` has answered). */
  liveDatabase(): Database;
  loadKeyFile(): Promise<KeyFile>;
  locksSoFar(): number;
  /** The journal in the data folder opened again with `key` (taken as the vault's own when `owned`). */
  reopen(key: Uint8Array, owned: boolean): void;
  lock(reason: LockReason): void;
  status(): Promise<VaultStatus>;
}

export class KeyLifecycle {
  /**
   * A new recovery key shown but not yet confirmed: its wrap, kept here (never on disk) until the person has
   * typed two of its groups back; `forKey` is a copy of the data key it wraps. Dropped on lock.
   */
  private pendingRecovery: { token: string; forKey: Uint8Array; recovery: KeyFile['recovery'] } | null = null;
  /** A re-encryption prepared (new data key, new key file) whose recovery key is being confirmed. Dropped on lock. */
  private pendingReencrypt: { token: string; dataKey: Uint8Array; keyFile: KeyFile } | null = null;
  /** While the journal is being re-encrypted, no one else reads or writes it (the vault's db() and useKey() say BUSY). */
  private heldStill = false;

  constructor(private readonly vault: KeyHolder) {}

  /** BUSY while the journal is being re-encrypted: it is held still, so what is checked is what is swapped in. */
  refuseWhileHeldStill(): void {
    if (this.heldStill) {
      throw new AppError(
        'BUSY',
        'Holding is re-encrypting your journal and will be ready again in a moment. Nothing you have written has been lost.',
      );
    }
  }

  /** Re-wraps the data key only; the database bytes are untouched. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.vault.serial(async () => {
      const active = this.vault.activeKey();
      const keyFile = await this.vault.loadKeyFile();
      proveCurrent(keyFile, current, active, 'That is not your current passphrase. Nothing has been changed.');
      requireStrong(next);
      await writeKeyFile(this.vault.keyFilePath, withNewPassphrase(keyFile, active, next, this.vault.now()));
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
    return this.vault.serial(async () => {
      const active = this.vault.activeKey();
      const keyFile = await this.vault.loadKeyFile();
      proveCurrent(keyFile, passphrase, active, 'That is not your passphrase. Nothing has been changed.');
      const { recovery, recoveryKey } = newRecoveryWrap(active, keyFile.vaultId, keyFile.version);
      this.dropPending();
      const token = randomUUID();
      this.pendingRecovery = { token, forKey: new Uint8Array(active), recovery };
      return { recoveryKey, token };
    });
  }

  /** The person has kept the new recovery key `token` names: it goes into the key file, and the old one stops. */
  keepNewRecoveryKey(token: string): Promise<void> {
    return this.vault.serial(async () => {
      const active = this.vault.activeKey();
      const pending = this.pendingRecovery;
      if (!pending || pending.token !== token) throw notPending('recovery');
      this.pendingRecovery = null;
      try {
        if (!equalConstantTime(pending.forKey, active)) throw notPending('recovery');
        const keyFile = await this.vault.loadKeyFile();
        await writeKeyFile(this.vault.keyFilePath, {
          ...keyFile,
          updatedAt: this.vault.now().toISOString(),
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
    return this.vault.serial(async () => this.dropPending());
  }

  /**
   * Forgets a recovery key or re-encryption shown but not yet confirmed, wiping its keys (at once: a lock).
   * Public for Vault.lock alone, which calls it outside `serial` on purpose (a lock must never wait); anything
   * else goes through forgetPending, in turn.
   */
  dropPending(): void {
    if (this.pendingRecovery) wipe(this.pendingRecovery.forKey);
    if (this.pendingReencrypt) wipe(this.pendingReencrypt.dataKey);
    this.pendingRecovery = null;
    this.pendingReencrypt = null;
  }

  /**
   * Re-encrypting, first half: after the current passphrase, a new random data key, a new recovery key and
   * the new key file (new passphrase `next`, which may be the same as now, and the new recovery key) are made
   * and held here; nothing on disk changes. The recovery key is shown and confirmed; only then does
   * `reencrypt` rewrite the journal. Closing the window before that leaves everything as it was.
   */
  prepareReencrypt(current: string, next: string): Promise<{ recoveryKey: string; token: string }> {
    return this.vault.serial(async () => {
      const active = this.vault.activeKey();
      const keyFile = await this.vault.loadKeyFile();
      proveCurrent(keyFile, current, active, 'That is not your current passphrase. Nothing has been changed.');
      requireStrong(next);
      const dataKey = randomBytes(KEY_BYTES);
      try {
        const staged = newKeyFile(dataKey, next, {
          vaultId: keyFile.vaultId,
          createdAt: keyFile.createdAt,
          updatedAt: this.vault.now().toISOString(),
        });
        this.dropPending();
        const token = randomUUID();
        this.pendingReencrypt = { token, dataKey, keyFile: staged.keyFile };
        return { recoveryKey: staged.recoveryKey, token };
      } catch (error) {
        wipe(dataKey);
        throw error;
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
    const vault = this.vault;
    return vault.serial(async () => {
      const active = vault.activeKey();
      const pending = this.pendingReencrypt;
      if (!pending || pending.token !== token) throw notPending('reencrypt');
      this.pendingReencrypt = null;
      const epoch = vault.locksSoFar();
      const stillWanted = () => {
        if (epoch !== vault.locksSoFar()) throw new LockedError();
      };
      const live = vault.liveDatabase();
      // A lock meanwhile wipes the vault's own key: the work keeps a copy of its own, wiped at the end.
      const oldKey = new Uint8Array(active);
      let newKey: Uint8Array | null = pending.dataKey;
      this.heldStill = true;
      try {
        const staging = await stageReencrypted({
          dataDir: vault.dataDir,
          db: live,
          oldKey,
          newKey,
          keyFile: pending.keyFile,
          nativeBinding: vault.nativeBinding,
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
          await swapInReencrypted(vault.dataDir, staging, vault.now(), hooks);
        } catch (error) {
          if (error instanceof SwapUnfinished) {
            vault.lock('manual');
            throw new AppError(
              'RESTORE_UNFINISHED',
              'Your journal was re-encrypted and checked, but Holding could not finish putting it in place just now. Please close Holding and open it again: it will finish then, and your new passphrase and new recovery key will open it.',
            );
          }
          // Put back as it was: the journal under the old key opens again, as before.
          await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
          if (epoch === vault.locksSoFar()) {
            try {
              vault.reopen(oldKey, false);
            } catch {
              vault.lock('manual');
            }
          }
          throw new AppError(
            'INTERNAL',
            'Holding could not put the re-encrypted journal in place of the old one, so it has left everything as it was: your passphrase and recovery key have not changed, and the recovery key just shown will not open your journal. Please check Holding may write to its data folder, and try again.',
          );
        }
        if (epoch === vault.locksSoFar()) {
          try {
            vault.reopen(newKey, true);
            newKey = null;
          } catch {
            // The journal is re-encrypted and in place, but would not open again just now: locked, with every
            // key wiped, rather than "open" with no journal behind it and the old key still held.
            vault.lock('manual');
            throw new AppError(
              'DATABASE_UNREADABLE',
              'Your journal has been re-encrypted, but Holding could not open it again just now, so it has locked. Please unlock it with your new passphrase (or your new recovery key).',
            );
          }
          hooks?.onStep?.('reopened');
        }
        task?.progress(1000, 1000);
        return vault.status();
      } finally {
        // Stopped before the swap was decided, the journal under the old key is still open, as it was.
        this.heldStill = false;
        wipe(oldKey);
        wipe(newKey);
      }
    });
  }
}

/** Proves `passphrase` opens the key file, and that the key file is the open journal's; throws otherwise. */
function proveCurrent(keyFile: KeyFile, passphrase: string, active: Uint8Array, wrong: string): void {
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

/** A confirmation that comes after the key it confirms was dropped (a lock, a restart, or another attempt). */
function notPending(what: 'recovery' | 'reencrypt'): AppError {
  return new AppError(
    'CHANGED',
    what === 'recovery'
      ? 'Holding locked, or another new key was asked for, before this one was confirmed, so it has not been kept: your recovery key is still the one you had before. Please make a new one again.'
      : 'Holding locked, or was asked again, before your journal was re-encrypted, so nothing has been changed: your passphrase and recovery key are as they were, and the recovery key just shown will never open your journal. Please start again.',
  );
}
