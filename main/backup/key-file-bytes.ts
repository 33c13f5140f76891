/** The key file as a backup carries it: read whole from the data folder, parsed as strictly as the vault does. */
import { promises as fs } from 'node:fs';
import { KEY_FILE_VERSION, type KeyFile, keyFileSchema } from '../vault/key-file';
import { moderateKdf } from '../vault/crypto';
import { BackupFormatError, MAX_KEY_FILE_BYTES } from './format';

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
  const floor = moderateKdf();
  const kdf = parsed.data.passphrase.kdf;
  if (kdf.opsLimit < floor.opsLimit || kdf.memLimitBytes < floor.memLimitBytes) {
    throw new BackupFormatError('damaged', 'the key file asks for a weaker passphrase hash than Holding allows');
  }
  return parsed.data;
}
