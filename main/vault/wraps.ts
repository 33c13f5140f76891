/** How the data key is wrapped by the passphrase and by the recovery key, and unwrapped again. */
import { AppError } from '../../common/errors';
import { assessPassphrase } from '../../common/passphrase';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_RANDOM_BYTES } from '../../common/recovery-key';
import {
  deriveKeyFromPassphrase,
  fromBase64,
  hashWithLabel,
  KEY_BYTES,
  type KdfParams,
  moderateKdf,
  open,
  randomBytes,
  SALT_BYTES,
  seal,
  type Sealed,
  TAG_BYTES,
  toBase64,
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

/** `dataKey` wrapped by `passphrase`: a fresh salt, Argon2id at the moderate preset, its key wiped at once. */
function wrapByPassphrase(
  dataKey: Uint8Array,
  passphrase: string,
  vaultId: string,
  version: number,
): KeyFile['passphrase'] {
  const salt = randomBytes(SALT_BYTES);
  const kdf = moderateKdf();
  const kek = deriveKeyFromPassphrase(passphrase, salt, kdf);
  try {
    const wrapped = seal(kek, dataKey, wrapContext(vaultId, 'passphrase', version));
    return {
      kdf: { ...kdf, salt: toBase64(salt) },
      nonce: toBase64(wrapped.nonce),
      wrappedKey: toBase64(wrapped.ciphertext),
    };
  } finally {
    wipe(kek);
  }
}

/**
 * `dataKey` wrapped by a new recovery key, and that key as it is shown, once (its random bytes and the key
 * they make are wiped before this returns).
 */
export function newRecoveryWrap(
  dataKey: Uint8Array,
  vaultId: string,
  version: number,
): { recovery: KeyFile['recovery']; recoveryKey: string } {
  const random = randomBytes(RECOVERY_RANDOM_BYTES);
  const rkek = recoveryKek(random);
  try {
    const wrapped = seal(rkek, dataKey, wrapContext(vaultId, 'recovery', version));
    return {
      recovery: {
        kdf: { algorithm: 'blake2b-256' },
        nonce: toBase64(wrapped.nonce),
        wrappedKey: toBase64(wrapped.ciphertext),
      },
      recoveryKey: formatRecoveryKey(random, recoveryChecksum),
    };
  } finally {
    wipe(rkek);
    wipe(random);
  }
}

/** `keyFile` with its passphrase wrap replaced by one for `next` (the recovery wrap is kept as it is). */
export function withNewPassphrase(keyFile: KeyFile, dataKey: Uint8Array, next: string, now: Date): KeyFile {
  return {
    ...keyFile,
    updatedAt: now.toISOString(),
    passphrase: wrapByPassphrase(dataKey, next, keyFile.vaultId, keyFile.version),
  };
}

/**
 * A whole new key file at the current version for `dataKey` (a new journal, or one re-encrypted): wrapped by
 * `passphrase` and by a new recovery key, which is returned to be shown once.
 */
export function newKeyFile(
  dataKey: Uint8Array,
  passphrase: string,
  about: { vaultId: string; createdAt: string; updatedAt: string },
): { keyFile: KeyFile; recoveryKey: string } {
  const byPassphrase = wrapByPassphrase(dataKey, passphrase, about.vaultId, KEY_FILE_VERSION);
  const { recovery, recoveryKey } = newRecoveryWrap(dataKey, about.vaultId, KEY_FILE_VERSION);
  const keyFile: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    vaultId: about.vaultId,
    createdAt: about.createdAt,
    updatedAt: about.updatedAt,
    passphrase: byPassphrase,
    recovery,
  };
  return { keyFile, recoveryKey };
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
