/** How the data key is wrapped by the passphrase and by the recovery key, and unwrapped again. */
import { AppError } from '../../common/errors';
import { assessPassphrase } from '../../common/passphrase';
import { parseRecoveryKey } from '../../common/recovery-key';
import { deriveKeyFromPassphrase, fromBase64, hashWithLabel, KEY_BYTES, type KdfParams, open, wipe } from './crypto';
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

export function unwrapWithPassphrase(keyFile: KeyFile, passphrase: string): Uint8Array | null {
  const { kdf, nonce, wrappedKey } = keyFile.passphrase;
  const params: KdfParams = { algorithm: kdf.algorithm, opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes };
  const kek = deriveKeyFromPassphrase(passphrase, fromBase64(kdf.salt), params);
  try {
    return open(
      kek,
      { nonce: fromBase64(nonce), ciphertext: fromBase64(wrappedKey) },
      wrapContext(keyFile.vaultId, 'passphrase'),
    );
  } finally {
    wipe(kek);
  }
}

export function unwrapWithRecoveryKey(keyFile: KeyFile, recoveryKey: string): Uint8Array {
  const random = parseRecoveryKey(recoveryKey, recoveryChecksum);
  if (!random) {
    throw new AppError(
      'MALFORMED_RECOVERY_KEY',
      'That recovery key does not look quite right: one of the characters may be mistyped. It has eight groups of five letters and numbers.',
    );
  }
  const kek = recoveryKek(random);
  try {
    const dataKey = open(
      kek,
      { nonce: fromBase64(keyFile.recovery.nonce), ciphertext: fromBase64(keyFile.recovery.wrappedKey) },
      wrapContext(keyFile.vaultId, 'recovery', keyFile.version),
    );
    if (!dataKey) {
      throw new AppError(
        'WRONG_RECOVERY_KEY',
        'That recovery key belongs to a different journal, so it cannot open this one.',
      );
    }
    return dataKey;
  } finally {
    wipe(kek);
    wipe(random);
  }
}
