/** How the data key is wrapped by the passphrase and by the recovery key, and unwrapped again. */
import { AppError } from '../../common/errors';
import { assessPassphrase } from '../../common/passphrase';
import { parseRecoveryKey } from '../../common/recovery-key';
import {
  deriveKeyFromPassphrase,
  fromBase64,
  hashWithLabel,
  KEY_BYTES,
  type KdfParams,
  open,
  type Sealed,
  TAG_BYTES,
  wipe,
} from './crypto';
import { KEY_FILE_FORMAT, KEY_FILE_VERSION, type KeyFile } from './key-file';

/** Binds format, version, vault and purpose into each wrap, so a wrap cannot be moved between them. */
export const wrapContext = (vaultId: string, purpose: 'passphrase' | 'recovery', version = KEY_FILE_VERSION) =>
  `${KEY_FILE_FORMAT}|v${version}|${vaultId}|${purpose}`;

export const recoveryChecksum = (random: Uint8Array) => hashWithLabel('holding recovery key checksum v1', random, 2);
export const recoveryKek = (random: Uint8Array) => hashWithLabel('holding recovery key wrapping v1', random, KEY_BYTES);

export function requireStrong(passphrase: string): void {
  const assessment = assessPassphrase(passphrase);
  if (!assessment.acceptable) throw new AppError('WEAK_PASSPHRASE', assessment.hint);
}

export function wrongPassphrase(
  message = 'That passphrase did not open your journal. Please check it and try again.',
): AppError {
  return new AppError('WRONG_PASSPHRASE', message);
}

/**
 * A wrap as stored, or a kind sentence when it cannot be one: a wrapped data key is always the key and its
 * tag (48 bytes), so an empty or cut-short one is damage to the key file, said as such before any work is
 * done, rather than an internal error (empty) or "wrong passphrase" (cut short).
 */
function storedWrap(wrap: { nonce: string; wrappedKey: string }, purpose: 'passphrase' | 'recovery'): Sealed {
  let ciphertext: Uint8Array | null = null;
  try {
    ciphertext = fromBase64(wrap.wrappedKey);
  } catch {
    // Not base64 at all: damaged, as below.
  }
  if (ciphertext?.length !== KEY_BYTES + TAG_BYTES) {
    const other = purpose === 'passphrase' ? 'your recovery key' : 'your passphrase';
    throw new AppError(
      'KEY_FILE_INVALID',
      `The part of the key file that your ${purpose === 'passphrase' ? 'passphrase' : 'recovery key'} opens is damaged or cut short, so it cannot open your journal. Your journal itself is untouched: ${other} may still open it, or, if you have a backup, restoring it brings back a whole key file.`,
    );
  }
  return { nonce: fromBase64(wrap.nonce), ciphertext };
}

export function unwrapWithPassphrase(keyFile: KeyFile, passphrase: string): Uint8Array | null {
  const { kdf } = keyFile.passphrase;
  const sealed = storedWrap(keyFile.passphrase, 'passphrase');
  const params: KdfParams = { algorithm: kdf.algorithm, opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes };
  const kek = deriveKeyFromPassphrase(passphrase, fromBase64(kdf.salt), params);
  try {
    return open(kek, sealed, wrapContext(keyFile.vaultId, 'passphrase'));
  } finally {
    wipe(kek);
  }
}

export function unwrapWithRecoveryKey(keyFile: KeyFile, recoveryKey: string): Uint8Array {
  const sealed = storedWrap(keyFile.recovery, 'recovery');
  const random = parseRecoveryKey(recoveryKey, recoveryChecksum);
  if (!random) {
    throw new AppError(
      'MALFORMED_RECOVERY_KEY',
      'That recovery key does not look quite right: one of the characters may be mistyped. It has eight groups of five letters and numbers.',
    );
  }
  const kek = recoveryKek(random);
  try {
    const dataKey = open(kek, sealed, wrapContext(keyFile.vaultId, 'recovery', keyFile.version));
    if (!dataKey) {
      throw new AppError(
        'WRONG_RECOVERY_KEY',
        'That recovery key does not open this journal: it belongs to a different journal, or it has been replaced by a newer recovery key.',
      );
    }
    return dataKey;
  } finally {
    wipe(kek);
    wipe(random);
  }
}
