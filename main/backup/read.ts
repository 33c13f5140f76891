/** Reading a backup file back: its framing, then one pass that checks the MAC and writes its parts out. */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BackupFormatError, type BackupLayout, readAtHandle, readLayout, scanBackup } from './format';

export const RESTORED_DB = 'holding.db';
export const RESTORED_KEY = 'holding.key';

export interface OpenedBackup {
  handle: FileHandle;
  layout: BackupLayout;
}

/**
 * Opens a backup and reads its framing (preamble, header, key file). The caller closes `handle`. Format
 * problems throw BackupFormatError; a file that cannot be opened throws its system error.
 */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const handle = await fs.open(file, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new BackupFormatError('not-a-backup', 'not a regular file');
    const layout = await readLayout(readAtHandle(handle), stat.size);
    return { handle, layout };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Reads just the header, or null when the file is not a backup (or cannot be read). */
export async function peekHeader(file: string): Promise<BackupLayout['header'] | null> {
  try {
    const { handle, layout } = await openBackup(file);
    await handle.close();
    return layout.header;
  } catch {
    return null;
  }
}

/**
 * One pass over the backup: checks the MAC and the database's hash, and (with `into`) writes the database
 * part to `into/holding.db` and the key file, exactly as it was, to `into/holding.key` (fsynced unless
 * `durable` is false). Any
 * mismatch throws BackupFormatError('damaged'); what was written is the caller's to remove.
 */
export async function checkAndUnpack(
  opened: OpenedBackup,
  macKey: Uint8Array,
  into: string | null,
  onProgress?: (done: number, total: number) => void,
  options: { durable: boolean } = { durable: true },
): Promise<{ fileSha256: string }> {
  const { handle, layout } = opened;
  let out: FileHandle | null = null;
  try {
    if (into) out = await fs.open(path.join(into, RESTORED_DB), 'wx', 0o600);
    let written = 0;
    const target = out;
    const scan = await scanBackup(
      readAtHandle(handle),
      layout,
      macKey,
      target
        ? async (piece) => {
            let done = 0;
            while (done < piece.length) {
              const { bytesWritten } = await target.write(piece, done, piece.length - done, written + done);
              done += bytesWritten;
            }
            written += piece.length;
          }
        : undefined,
      onProgress,
    );
    if (!scan.macMatches) throw new BackupFormatError('damaged', 'the MAC does not match');
    if (scan.databaseSha256 !== layout.header.database.sha256) {
      throw new BackupFormatError('damaged', 'the database hash does not match');
    }
    if (out) {
      // A restore's copy becomes the journal, so it must be on disk; the copy that proves a new backup is
      // thrown away, and syncing it would only slow the backup.
      if (options.durable) await out.sync();
      await out.close();
      out = null;
      const key = await fs.open(path.join(into!, RESTORED_KEY), 'wx', 0o600);
      try {
        await key.writeFile(layout.keyFile);
        if (options.durable) await key.sync();
      } finally {
        await key.close();
      }
    }
    return { fileSha256: scan.fileSha256 };
  } finally {
    await out?.close().catch(() => undefined);
  }
}
