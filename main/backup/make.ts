/**
 * Making a backup, in the services worker: snapshot with VACUUM INTO (a consistent, encrypted copy that
 * includes every commit so far, WAL included), summarise it, write the backup to a hidden partial file in
 * the chosen folder and fsync it, prove it by restoring it (read back from the folder, MAC, the database
 * opened with the key, quick_check, foreign keys, migrations, rows and digest equal to the snapshot's),
 * and only then rename it into place, fsync the folder and record it. A kill at any moment leaves no file
 * under a backup's name that has not passed that check; what it leaves is removed on the next run.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { LockedError } from '../../common/errors';
import { syncDirectory } from '../fs/atomic';
import { type Task, stopIfCancelled } from '../ipc/tasks';
import { wipe } from '../vault/crypto';
import { backupCouldNotBeChecked, destinationError, localError, notAFolder } from './errors';
import { BackupFormatError, type BackupHeader, deriveMacKey, encodeHeader, framing, MacState } from './format';
import { backupFileName, exists, partialName, removeStale, WORK_PREFIX } from './files';
import { keyFileVaultId, readKeyFileBytes } from './key-file-bytes';
import { checkAndUnpack, openBackup, RESTORED_DB } from './read';
import { insertRecord, personCounts, type StoredRecord } from './repository';
import { checkRestoredInSlices, openCopy, runInSlices, summariseInSlices } from './snapshot';

/** What a backup is made from: the Vault itself in the app, the bare database and key in the kill test. */
export interface BackupSource {
  readonly dataDir: string;
  readonly keyFilePath: string;
  readonly nativeBinding?: string | undefined;
  /** The open journal (LockedError when locked). */
  db(): Database;
  /** Lends the data key for one synchronous call (LockedError when locked). */
  useKey<T>(use: (key: Uint8Array) => T): T;
  /** Whether the journal is still open: checked between pieces of file work, so a lock stops a backup soon. */
  isUnlocked?(): boolean;
}

/**
 * Test seams for what cannot be arranged for real on every machine: a full drive, and a read-only folder
 * for a process running as root (which ignores permission bits). Never set by the app.
 */
export interface BackupHooks {
  /** Before each write to the backup folder; throw `{ code: 'ENOSPC' }` to stand for a full drive. */
  beforeWrite?(file: string, position: number): void;
  /** Before the partial file is created; throw `{ code: 'EROFS' }` to stand for a read-only folder. */
  beforeCreate?(file: string): void;
  /** Each step as it begins (the kill test reports where its kills land). */
  onStep?(step: BackupStep): void;
}

export type BackupStep = 'snapshot' | 'summary' | 'write' | 'verify' | 'place' | 'record' | 'done';

export interface MakeOptions {
  appVersion: string;
  computer: string;
  now: () => Date;
  task?: Task | undefined;
  hooks?: BackupHooks | undefined;
}

const CHUNK = 1024 * 1024;
/** Progress out of 1,000: the snapshot and its summary, writing, reading back, the restore check. */
const PROGRESS = { snapshot: 150, summary: 250, written: 550, read: 800, checked: 950, total: 1000 };

/** Makes, proves and records one backup in `folder`; resolves its record. */
export async function makeBackup(source: BackupSource, folder: string, options: MakeOptions): Promise<StoredRecord> {
  const { task, hooks } = options;
  const step = (s: BackupStep) => hooks?.onStep?.(s);
  /** Called between pieces of work: a lock or a cancel stops the backup there, not at its end. */
  const stillWanted = () => {
    if (source.isUnlocked?.() === false) throw new LockedError();
    stopIfCancelled(task);
  };
  const progress = (done: number) => {
    stillWanted();
    task?.progress(Math.round(done), PROGRESS.total);
  };
  const destination = path.resolve(folder);
  await removeStale(source.dataDir, destination, options.computer, options.now());

  let stat;
  try {
    stat = await fs.stat(destination);
  } catch (error) {
    throw destinationError(error);
  }
  if (!stat.isDirectory()) throw notAFolder();
  stopIfCancelled(task);

  const work = path.join(source.dataDir, `${WORK_PREFIX}${randomBytes(6).toString('hex')}`);
  let partial: string | null = null;
  let macKey: Uint8Array | null = null;
  try {
    try {
      await fs.mkdir(work, { mode: 0o700 });
    } catch (error) {
      throw localError(error, 'backup');
    }

    // 1. The snapshot: one read transaction, so it holds every commit made before it began.
    step('snapshot');
    const madeAt = options.now();
    const snapshot = path.join(work, 'snapshot.db');
    try {
      source.db().prepare('VACUUM INTO ?').run(snapshot);
    } catch (error) {
      throw localError(error, 'backup');
    }
    progress(PROGRESS.snapshot);
    stopIfCancelled(task);

    // 2. What it holds, and the key file that opens it.
    step('summary');
    // In slices, so the worker answers the window's calls while the rows are digested.
    const summary = await runInSlices(
      () => source.useKey((key) => openCopy(snapshot, key, { readonly: true, nativeBinding: source.nativeBinding })),
      summariseInSlices,
      stillWanted,
    );
    const keyFile = await readKeyFileBytes(source.keyFilePath);
    if (keyFileVaultId(keyFile) !== summary.vaultId) {
      throw new Error('the key file and the open journal name different vaults');
    }
    macKey = source.useKey(deriveMacKey);
    const database = await hashFile(snapshot);
    const header: BackupHeader = {
      vaultId: summary.vaultId,
      madeAt: madeAt.toISOString(),
      appVersion: options.appVersion.slice(0, 64) || 'unknown',
      schemaVersion: summary.schemaVersion,
      computer: options.computer.slice(0, 200) || 'computer',
      counts: summary.counts,
      keyFile: { bytes: keyFile.length, sha256: createHash('sha256').update(keyFile).digest('hex') },
      database,
      contentDigest: summary.contentDigest,
    };
    progress(PROGRESS.summary);
    stopIfCancelled(task);

    // 3. The backup, to a hidden partial file in the folder, fsynced.
    step('write');
    partial = path.join(destination, partialName(options.computer));
    let written: { bytes: number; sha256: string };
    try {
      written = await writeBackupFile(partial, encodeHeader(header), keyFile, snapshot, database.bytes, macKey, {
        hooks,
        onProgress: (done, total) =>
          progress(PROGRESS.summary + ((PROGRESS.written - PROGRESS.summary) * done) / total),
      });
    } catch (error) {
      // Every write here goes to the backup folder: a full drive there is that folder's.
      throw destinationError(error);
    }
    stopIfCancelled(task);

    // 4. Prove it: read it back from the folder and restore it into the work folder.
    step('verify');
    const verify = path.join(work, 'verify');
    await fs.mkdir(verify, { mode: 0o700 });
    try {
      const opened = await openBackup(partial);
      try {
        const { fileSha256 } = await checkAndUnpack(
          opened,
          macKey,
          verify,
          (done, total) => progress(PROGRESS.written + ((PROGRESS.read - PROGRESS.written) * done) / total),
          { durable: false },
        );
        if (fileSha256 !== written.sha256) throw new BackupFormatError('damaged', 'read back differently');
        if (!equalBytes(opened.layout.keyFile, keyFile)) throw new BackupFormatError('damaged', 'key file');
      } finally {
        await opened.handle.close();
      }
      stopIfCancelled(task);
      const restored = path.join(verify, RESTORED_DB);
      await runInSlices(
        () => source.useKey((key) => openCopy(restored, key, { readonly: false, nativeBinding: source.nativeBinding })),
        (db) => checkRestoredInSlices(db, header),
        stillWanted,
      );
    } catch (error) {
      if (error instanceof BackupFormatError) throw backupCouldNotBeChecked();
      throw destinationError(localError(error, 'backup'));
    }
    progress(PROGRESS.checked);
    stopIfCancelled(task);

    // 5. Into place under its own name, never over another file, and the rename made durable.
    step('place');
    let fileName = '';
    try {
      for (let n = 1; ; n++) {
        fileName = backupFileName(madeAt, options.computer, n);
        if (!(await exists(path.join(destination, fileName)))) break;
      }
      await fs.rename(partial, path.join(destination, fileName));
      partial = null;
      await syncDirectory(destination);
    } catch (error) {
      throw destinationError(error);
    }

    // 6. Only now does it count.
    step('record');
    const record: StoredRecord = {
      id: randomUUID(),
      folder: destination,
      fileName,
      madeAt: header.madeAt,
      verifiedAt: options.now().toISOString(),
      bytes: written.bytes,
      sha256: written.sha256,
      counts: personCounts(header.counts),
      computer: header.computer,
    };
    insertRecord(source.db(), record, header.counts);
    progress(PROGRESS.total);
    step('done');
    return record;
  } finally {
    wipe(macKey);
    if (partial) await fs.rm(partial, { force: true }).catch(() => undefined);
    await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'r');
  let bytes = 0;
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, bytes);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Writes the backup file: preamble, header, key file, the snapshot's bytes and the MAC over all of them,
 * then fsyncs it. The file is created new (never over another) with permissions 0600.
 */
async function writeBackupFile(
  target: string,
  headerBytes: Uint8Array,
  keyFile: Uint8Array,
  snapshot: string,
  databaseBytes: number,
  macKey: Uint8Array,
  options: { hooks?: BackupHooks | undefined; onProgress?: (done: number, total: number) => void },
): Promise<{ bytes: number; sha256: string }> {
  const mac = new MacState(macKey);
  const fileHash = createHash('sha256');
  const { beforeHeader, beforeKeyFile, beforeDatabase } = framing(headerBytes, keyFile, databaseBytes);
  const total = beforeHeader.length + headerBytes.length + 4 + keyFile.length + 8 + databaseBytes + 32;
  options.hooks?.beforeCreate?.(target);
  const out = await fs.open(target, 'wx', 0o600);
  let position = 0;
  const put = async (bytes: Uint8Array, authenticated = true) => {
    options.hooks?.beforeWrite?.(target, position);
    if (authenticated) mac.update(bytes);
    fileHash.update(bytes);
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await out.write(bytes, done, bytes.length - done, position + done);
      done += bytesWritten;
    }
    position += bytes.length;
    options.onProgress?.(position, total);
  };
  let input: FileHandle | null = null;
  try {
    await put(beforeHeader);
    await put(headerBytes);
    await put(beforeKeyFile);
    await put(keyFile);
    await put(beforeDatabase);
    input = await fs.open(snapshot, 'r');
    const buffer = Buffer.alloc(CHUNK);
    let copied = 0;
    while (copied < databaseBytes) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, databaseBytes - copied), copied);
      if (bytesRead === 0) throw new Error('the snapshot ended early');
      await put(buffer.subarray(0, bytesRead));
      copied += bytesRead;
    }
    await put(mac.final(), false);
    await out.sync();
  } finally {
    await input?.close().catch(() => undefined);
    await out.close().catch(() => undefined);
  }
  return { bytes: position, sha256: fileHash.digest('hex') };
}
