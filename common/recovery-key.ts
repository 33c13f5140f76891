/**
 * Recovery keys are shown once and may be typed back in from paper, so they use
 * Crockford's base32 (no I, L, O or U; case-insensitive; common misreadings mapped)
 * in eight groups of five. 23 random bytes plus a 2-byte checksum make 200 bits,
 * exactly 40 characters. The checksum lets us tell a typo from a wrong key.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_RANDOM_BYTES = 23;
export const RECOVERY_CHECK_BYTES = 2;
const TOTAL_BYTES = RECOVERY_RANDOM_BYTES + RECOVERY_CHECK_BYTES;
const GROUP = 5;

export function encodeBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Returns null when a character is not in the alphabet. */
export function decodeBase32(text: string): Uint8Array | null {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) return null;
    value = ((value << 5) | idx) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** Upper-cases, drops separators and maps the letters people confuse with digits. */
export function normaliseRecoveryKey(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/[O]/g, '0')
    .replace(/[IL]/g, '1');
}

export function groupRecoveryKey(compact: string): string {
  const groups: string[] = [];
  for (let i = 0; i < compact.length; i += GROUP) groups.push(compact.slice(i, i + GROUP));
  return groups.join('-');
}

export type ChecksumFn = (data: Uint8Array) => Uint8Array;

export function formatRecoveryKey(random: Uint8Array, checksum: ChecksumFn): string {
  if (random.length !== RECOVERY_RANDOM_BYTES) throw new Error('recovery key: wrong random length');
  const bytes = new Uint8Array(TOTAL_BYTES);
  bytes.set(random);
  bytes.set(checksum(random).subarray(0, RECOVERY_CHECK_BYTES), RECOVERY_RANDOM_BYTES);
  return groupRecoveryKey(encodeBase32(bytes));
}

/** The random part of a typed-in key, or null when it is malformed or mistyped. */
export function parseRecoveryKey(input: string, checksum: ChecksumFn): Uint8Array | null {
  const compact = normaliseRecoveryKey(input);
  if (compact.length !== (TOTAL_BYTES * 8) / 5) return null;
  const bytes = decodeBase32(compact);
  if (!bytes || bytes.length !== TOTAL_BYTES) return null;
  const random = bytes.subarray(0, RECOVERY_RANDOM_BYTES);
  const expected = checksum(random).subarray(0, RECOVERY_CHECK_BYTES);
  const given = bytes.subarray(RECOVERY_RANDOM_BYTES);
  if (expected[0] !== given[0] || expected[1] !== given[1]) return null;
  return Uint8Array.from(random);
}
