import { describe, expect, it } from 'vitest';
import { assessPassphrase, MIN_PASSPHRASE_LENGTH } from '../../common/passphrase';

describe('passphrase policy', () => {
  it('refuses short passphrases with a helpful hint', () => {
    const a = assessPassphrase('abc');
    expect(a).toMatchObject({ acceptable: false, label: 'too short' });
    expect(a.hint).toContain(String(MIN_PASSPHRASE_LENGTH));
  });

  it('refuses long but guessable ones', () => {
    for (const weak of ['password123', 'qwertyuiop', 'aaaaaaaaaaaa', '1234567890', 'supervision1']) {
      expect(assessPassphrase(weak).acceptable, weak).toBe(false);
    }
  });

  it('accepts a few unrelated words', () => {
    for (const strong of [
      'quiet harbour lantern meadow',
      'copper kettle under willow rain',
      'Tŷ bach twt, glaw mân 🌧️',
    ]) {
      const a = assessPassphrase(strong);
      expect(a.acceptable, strong).toBe(true);
      expect(a.hint).toBe('');
    }
  });

  it('assesses the longest allowed input without failing', () => {
    expect(assessPassphrase('x'.repeat(1024))).toMatchObject({ acceptable: false, label: 'weak' });
    expect(assessPassphrase(`${'quiet harbour lantern meadow '.repeat(30)}`).acceptable).toBe(true);
  });
});
