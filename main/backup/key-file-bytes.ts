/** The key file as a backup carries it: read whole from the data folder. */
import { promises as fs } from 'node:fs';
import { MAX_KEY_FILE_BYTES } from './format';

/** The journal's key file, byte for byte (it is at most 64 KiB). */
export async function readKeyFileBytes(file: string): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const stat = await handle.stat();
    if (stat.size < 1 || stat.size > MAX_KEY_FILE_BYTES) throw new Error('the key file is not of a possible size');
    const buffer = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
    if (bytesRead !== stat.size) throw new Error('the key file changed while it was read');
    return new Uint8Array(buffer);
  } finally {
    await handle.close();
  }
}

/**
 * The vault id a key file names, read lightly: the vault has already read this key file strictly to unlock
 * the journal, and a restore reads the backup's copy strictly again (parseKeyFileBytes in restore.ts).
 */
export function keyFileVaultId(bytes: Uint8Array): string | null {
  try {
    const id = (JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as { vaultId?: unknown }).vaultId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
