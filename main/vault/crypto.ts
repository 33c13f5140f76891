import sodium from 'libsodium-wrappers-sumo';

/**
 * The small crypto surface Holding uses, over libsodium (sumo build: the standard
 * build has no crypto_pwhash). Every call checks lengths first so a malformed key
 * file or input fails here with a clear message rather than deep inside WASM.
 */
export const KEY_BYTES = 32;
export const SALT_BYTES = 16;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;

export interface KdfParams {
  algorithm: 'argon2id13';
  opsLimit: number;
  memLimitBytes: number;
}

let readyPromise: Promise<void> | null = null;
export function sodiumReady(): Promise<void> {
  readyPromise ??= sodium.ready;
  return readyPromise;
}

function s(): typeof sodium {
  return sodium;
}

function expectLength(name: string, bytes: Uint8Array, length: number): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new Error(`${name} must be ${length} bytes`);
  }
}

/** libsodium's MODERATE preset: the floor we accept (3 passes, 256 MiB). */
export function moderateKdf(): KdfParams {
  return {
    algorithm: 'argon2id13',
    opsLimit: s().crypto_pwhash_OPSLIMIT_MODERATE,
    memLimitBytes: s().crypto_pwhash_MEMLIMIT_MODERATE,
  };
}

/**
 * Ceilings on what a key file may ask of Argon2id, so a key file written by someone else cannot make each
 * unlock attempt take half a minute or more memory than a modest laptop has to spare (issue 19: 2 GiB, or
 * 20 passes over 1 GiB, 24 s and 1.2 GB per attempt). The ceiling is libsodium's SENSITIVE preset: at most
 * 1 GiB of memory, and no more work than 4 passes over 1 GiB (memory × passes), about 4–5 s here against
 * MODERATE's 0.85 s. Holding itself writes MODERATE (3 passes, 256 MiB), so 16 passes at that memory still
 * fit; no key file Holding wrote is refused. docs/security-model.md says the same.
 */
export const KDF_MAX_MEM_BYTES = 1024 * 1024 * 1024;
export const KDF_MAX_OPS = 16;
export const KDF_MAX_WORK = 4 * KDF_MAX_MEM_BYTES;

/** Whether Argon2id parameters fit the ceilings above. */
export function kdfAffordable(params: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>): boolean {
  return (
    params.opsLimit <= KDF_MAX_OPS &&
    params.memLimitBytes <= KDF_MAX_MEM_BYTES &&
    params.opsLimit * params.memLimitBytes <= KDF_MAX_WORK
  );
}

export function randomBytes(length: number): Uint8Array {
  return s().randombytes_buf(length);
}

export function deriveKeyFromPassphrase(passphrase: string, salt: Uint8Array, params: KdfParams): Uint8Array {
  expectLength('salt', salt, SALT_BYTES);
  const p = s();
  // The passphrase's UTF-8 bytes in a buffer of ours, zeroed after: given the string, libsodium would encode
  // it into a buffer it cannot zero, which Node frees without zeroing (issue 19).
  const utf8 = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  try {
    return p.crypto_pwhash(
      KEY_BYTES,
      utf8,
      salt,
      params.opsLimit,
      params.memLimitBytes,
      p.crypto_pwhash_ALG_ARGON2ID13,
    );
  } finally {
    utf8.fill(0);
  }
}

/** BLAKE2b with a domain label, for keys derived from high-entropy secrets (the recovery key). */
export function hashWithLabel(label: string, data: Uint8Array, length: number): Uint8Array {
  const p = s();
  const labelBytes = p.from_string(label);
  const message = new Uint8Array(labelBytes.length + 1 + data.length);
  message.set(labelBytes);
  message[labelBytes.length] = 0;
  message.set(data, labelBytes.length + 1);
  const out = p.crypto_generichash(length, message, null);
  p.memzero(message);
  return out;
}

export interface Sealed {
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: string): Sealed {
  expectLength('key', key, KEY_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = s().crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, associatedData, null, nonce, key);
  return { nonce, ciphertext };
}

/** Returns null when authentication fails (wrong key or tampered data); throws on malformed lengths. */
export function open(key: Uint8Array, sealed: Sealed, associatedData: string): Uint8Array | null {
  expectLength('key', key, KEY_BYTES);
  expectLength('nonce', sealed.nonce, NONCE_BYTES);
  if (sealed.ciphertext.length < TAG_BYTES) throw new Error('ciphertext is too short');
  try {
    return s().crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed.ciphertext, associatedData, sealed.nonce, key);
  } catch {
    return null;
  }
}

export function wipe(bytes: Uint8Array | null | undefined): void {
  if (bytes) s().memzero(bytes);
}

export function equalConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && s().memcmp(a, b);
}

export const toBase64 = (b: Uint8Array): string => s().to_base64(b, s().base64_variants.ORIGINAL);
export const fromBase64 = (t: string): Uint8Array => s().from_base64(t, s().base64_variants.ORIGINAL);
export const toHex = (b: Uint8Array): string => s().to_hex(b);
