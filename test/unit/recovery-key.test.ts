import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeBase32,
  encodeBase32,
  formatRecoveryKey,
  parseRecoveryKey,
  RECOVERY_RANDOM_BYTES,
} from '../../common/recovery-key';

const checksum = (data: Uint8Array) => createHash('sha256').update(data).digest().subarray(0, 2);

describe('recovery key format', () => {
  it('round-trips through base32', () => {
    for (let n = 0; n < 50; n++) {
      const bytes = randomBytes(25);
      expect(Buffer.from(decodeBase32(encodeBase32(bytes))!)).toEqual(bytes);
    }
  });

  it('is eight groups of five from an unambiguous alphabet', () => {
    const key = formatRecoveryKey(randomBytes(RECOVERY_RANDOM_BYTES), checksum);
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(key).not.toMatch(/[ILOU]/);
  });

  it('accepts the key however it is typed', () => {
    const random = randomBytes(RECOVERY_RANDOM_BYTES);
    const key = formatRecoveryKey(random, checksum);
    const variants = [
      key,
      key.toLowerCase(),
      key.replaceAll('-', ' '),
      key.replaceAll('-', ''),
      `  ${key}\n`,
      key.replaceAll('0', 'O').replaceAll('1', 'l'),
    ];
    for (const typed of variants) expect(Buffer.from(parseRecoveryKey(typed, checksum)!), typed).toEqual(random);
  });

  it('catches typos and the wrong length', () => {
    const key = formatRecoveryKey(randomBytes(RECOVERY_RANDOM_BYTES), checksum);
    let caught = 0;
    const positions = key.replaceAll('-', '').length;
    for (let i = 0; i < positions; i++) {
      const compact = key.replaceAll('-', '');
      const swapped = compact.slice(0, i) + (compact[i] === 'A' ? 'B' : 'A') + compact.slice(i + 1);
      if (parseRecoveryKey(swapped, checksum) === null) caught++;
    }
    // A 16-bit checksum misses about one typo in 65,536.
    expect(caught).toBe(positions);
    expect(parseRecoveryKey(key.slice(0, -1), checksum)).toBeNull();
    expect(parseRecoveryKey(`${key}A`, checksum)).toBeNull();
    expect(parseRecoveryKey('', checksum)).toBeNull();
    expect(parseRecoveryKey('!'.repeat(40), checksum)).toBeNull();
  });
});
