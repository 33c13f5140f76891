/**
 * Inspecting and restoring a backup. Both work with the journal locked, and with no journal at all (the
 * first screen on a new computer): all they need is the file and the passphrase the journal had when the
 * backup was made, or the recovery key. Nothing on disk changes until the backup has been restored into a
 * new folder beside the data folder and checked as a backup is when it is made; then the journal here, if
 * there is one, is moved aside whole into a dated folder (never overwritten, never deleted) and the
 * restored one moved in.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { latestVersion } from '../db/migrate';
import { syncDirectory } from '../fs/atomic';
import { type Task, stopIfCancelled } from '../ipc/tasks';
import { sodiumReady, wipe } from '../vault/crypto';
import { kdfProblem, KEY_FILE_VERSION, type KeyFile, keyFileSchema } from '../vault/key-file';
import { unwrapWithPassphrase, unwrapWithRecoveryKey } from '../vault/wraps';
import {
  backupFromNewerHolding,
  cannotPutInPlace,
  damagedBackup,
  formatError,
  localError,
  restoreUnfinished,
  wrongBackupPassphrase,
  wrongBackupRecoveryKey,
} from './errors';
import { BackupFormatError, deriveMacKey } from './format';
import { restoreFolderName } from './files';
import { checkAndUnpack, openBackup, type OpenedBackup, RESTORED_DB } from './read';
import { personCounts } from './repository';
import { checkRestoredInSlices, openCopy, runInSlices } from './snapshot';
import { finishInterruptedRestore, type SwapHooks, swapIn, SwapUnfinished } from './swap';
import type { BackupPreview, BackupSecret } from './types';

export interface RestorePlace {
  dataDir: string;
  keyFilePath: string;
  nativeBinding?: string | undefined;
  now: () => Date;
}

interface Unlocked {
  opened: OpenedBackup;
  dataKey: Uint8Array;
  macKey: Uint8Array;
}

/**
 * A backup's key file: UTF-8 JSON that passes the vault's own schema, Argon2id no weaker than the MODERATE
 * floor. A newer key-file version is "from a newer Holding"; anything else wrong is damage.
 */
export function parseKeyFileBytes(bytes: Uint8Array): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BackupFormatError('damaged', 'the key file is not JSON');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > KEY_FILE_VERSION) {
    throw new BackupFormatError('newer-version', `key file version ${version}`);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new BackupFormatError('damaged', 'the key file is not valid');
  const problem = kdfProblem(parsed.data.passphrase.kdf);
  if (problem === 'weaker') {
    throw new BackupFormatError('damaged', 'the key file asks for a weaker passphrase hash than Holding allows');
  }
  if (problem === 'too-costly') {
    throw new BackupFormatError('damaged', 'the key file asks for a costlier passphrase hash than Holding allows');
  }
  return parsed.data;
}

const couldNotOpen = () =>
  new AppError('INVALID_INPUT', 'Holding could not open that file: it may have been moved or deleted.');

/** Opens the file, checks its framing and header, and unwraps its data key with the secret. */
async function unlockBackup(file: string, secret: BackupSecret): Promise<Unlocked> {
  await sodiumReady();
  let opened: OpenedBackup;
  try {
    opened = await openBackup(file);
  } catch (error) {
    if (error instanceof BackupFormatError) throw formatError(error);
    throw couldNotOpen();
  }
  try {
    const { header, keyFile: keyFileBytes } = opened.layout;
    if (header.schemaVersion > latestVersion()) throw backupFromNewerHolding();
    let keyFile;
    try {
      keyFile = parseKeyFileBytes(keyFileBytes);
    } catch (error) {
      throw formatError(error);
    }
    if (keyFile.vaultId !== header.vaultId) throw damagedBackup();
    let dataKey: Uint8Array | null;
    if ('passphrase' in secret) {
      dataKey = unwrapWithPassphrase(keyFile, secret.passphrase);
      if (!dataKey) throw wrongBackupPassphrase();
    } else {
      try {
        dataKey = unwrapWithRecoveryKey(keyFile, secret.recoveryKey);
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_RECOVERY_KEY') throw wrongBackupRecoveryKey();
        throw error;
      }
    }
    return { opened, dataKey, macKey: deriveMacKey(dataKey) };
  } catch (error) {
    await opened.handle.close();
    throw error;
  }
}

async function release(unlocked: Unlocked): Promise<void> {
  wipe(unlocked.dataKey);
  wipe(unlocked.macKey);
  await unlocked.opened.handle.close().catch(() => undefined);
}

/** The vault id of the journal in the data folder, if there is one Holding can read. */
async function localVaultId(keyFilePath: string): Promise<string | null> {
  try {
    const text = await fs.readFile(keyFilePath, 'utf8');
    const id = (JSON.parse(text) as { vaultId?: unknown }).vaultId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** Proves the secret opens the backup and that its bytes are whole (the MAC), and says what it holds. */
export async function inspectBackup(file: string, secret: BackupSecret, place: RestorePlace): Promise<BackupPreview> {
  const unlocked = await unlockBackup(file, secret);
  try {
    await checkAndUnpack(unlocked.opened, unlocked.macKey, null).catch((error: unknown) => {
      throw formatError(error);
    });
    const { header, fileBytes } = unlocked.opened.layout;
    return {
      fileName: path.basename(file),
      vaultId: header.vaultId,
      madeAt: header.madeAt,
      computer: header.computer,
      appVersion: header.appVersion,
      schemaVersion: header.schemaVersion,
      counts: personCounts(header.counts),
      bytes: fileBytes,
      sameJournal: (await localVaultId(place.keyFilePath)) === header.vaultId,
    };
  } finally {
    await release(unlocked);
  }
}

/**
 * Restores `file` in place of the journal in the data folder. `lock` is called once the restored copy has
 * passed its check, just before anything in the data folder is touched (the service locks the journal there,
 * after the window has saved). Resolves the folder the previous journal was moved to, if there was one.
 */
export async function restoreBackup(
  file: string,
  secret: BackupSecret,
  place: RestorePlace,
  options: { lock: () => Promise<void>; task?: Task | undefined; hooks?: SwapHooks | undefined },
): Promise<{ setAsideFolder: string | null }> {
  const { task } = options;
  const progress = (done: number) => task?.progress(Math.round(done), 1000);
  const dataDir = path.resolve(place.dataDir);
  // What an earlier restore left before it had decided anything goes; one that had decided and is still
  // waiting (it could not finish, and Holding has not started again since) comes first.
  if (await finishInterruptedRestore(dataDir, { finish: false })) throw restoreUnfinished();
  const unlocked = await unlockBackup(file, secret);
  const parent = path.dirname(dataDir);
  const restoring = path.join(parent, restoreFolderName(dataDir));
  let keepRestoring = false;
  try {
    try {
      await fs.mkdir(parent, { recursive: true, mode: 0o700 });
      await fs.mkdir(restoring, { mode: 0o700 });
    } catch (error) {
      const said = localError(error, 'restore');
      throw said === error ? cannotPutInPlace() : said;
    }
    // 1. Into a new folder, checked as when it was made.
    try {
      await checkAndUnpack(unlocked.opened, unlocked.macKey, restoring, (done, total) =>
        progress((700 * done) / total),
      );
      stopIfCancelled(task);
      const restored = path.join(restoring, RESTORED_DB);
      const { dataKey } = unlocked;
      await runInSlices(
        () => openCopy(restored, dataKey, { readonly: false, nativeBinding: place.nativeBinding }),
        (db) => checkRestoredInSlices(db, unlocked.opened.layout.header),
        () => stopIfCancelled(task),
      );
      await syncDirectory(restoring);
    } catch (error) {
      if (error instanceof BackupFormatError) throw damagedBackup();
      throw localError(error, 'restore');
    }
    progress(900);
    stopIfCancelled(task);

    // 2. The journal here, if any, aside whole; the restored one in (swap.ts: finished at the next start if
    // Holding stops part-way).
    await options.lock();
    let setAsideFolder: string | null;
    try {
      const { header } = unlocked.opened.layout;
      setAsideFolder = await swapIn(
        dataDir,
        restoring,
        { backupFile: path.basename(file), backupMadeAt: header.madeAt },
        place.now(),
        options.hooks,
      );
    } catch (error) {
      keepRestoring = error instanceof SwapUnfinished;
      throw keepRestoring ? restoreUnfinished() : cannotPutInPlace();
    }
    progress(1000);
    return { setAsideFolder };
  } finally {
    await release(unlocked);
    if (!keepRestoring) await fs.rm(restoring, { recursive: true, force: true }).catch(() => undefined);
  }
}
