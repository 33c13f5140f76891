import { describe, expect, it } from 'vitest';
import { lookAlikeKeys, looksAlike, skeleton } from '../../main/sharing/look-alike';

const AMA = 'Dr Ama Mensah';

describe('the confusable skeleton (UTS #39)', () => {
  it('maps look-alike characters to one prototype, as confusables.txt does', () => {
    expect(skeleton('Dr Аma Mensah')).toBe(skeleton(AMA)); // Cyrillic А
    expect(skeleton('Dr Ama Mеnsаh')).toBe(skeleton(AMA)); // Cyrillic е and а
    expect(skeleton('Dr Arna Mensah')).toBe(skeleton(AMA)); // "rn" for "m"
    expect(skeleton('l')).toBe(skeleton('I'));
    expect(skeleton('0')).toBe(skeleton('O'));
  });

  it('is NFD, mapped, NFD again: precomposed and decomposed forms agree, and invisible characters go', () => {
    expect(skeleton('Jos\u00e9')).toBe(skeleton('Jose\u0301'));
    expect(skeleton('Ama\u200b')).toBe(skeleton('Ama'));
    expect(skeleton('Ama').normalize('NFD')).toBe(skeleton('Ama'));
  });

  it('keeps names that look different apart', () => {
    expect(skeleton('Dr Ama Mensah')).not.toBe(skeleton('Dr Amy Mensah'));
  });
});

describe('names that look alike', () => {
  const impostors = {
    'Cyrillic letters': 'Dr Аmа Меnsаh',
    'decomposed (NFD) accents': 'Dr Ama\u0301 Mensah'.normalize('NFD'),
    'a combining accent': 'Dr Ama Mensah\u0336',
    'a trailing blank braille cell': 'Dr Ama Mensah\u2800',
    'a zero-width space inside': 'Dr Am\u200ba Mensah',
    'a word joiner and a Hangul filler': 'Dr Ama\u2060 Mensah\u3164',
    'fullwidth letters': 'Ｄｒ Ａｍａ Ｍｅｎｓａｈ',
    '"rn" for "m"': 'Dr Arna Mensah',
    'another case': 'DR AMA MENSAH',
    'doubled spaces': 'Dr  Ama   Mensah',
    'a capital I for a small l': 'Dr Ama Mensah Iewis',
  };
  for (const [how, name] of Object.entries(impostors)) {
    it(`catches ${how}`, () => {
      const original = how.includes('capital I') ? 'Dr Ama Mensah lewis' : AMA;
      expect(looksAlike(name, original)).toBe(true);
      expect(looksAlike(original, name)).toBe(true);
    });
  }

  it('tells different names apart, in other scripts too', () => {
    expect(looksAlike(AMA, 'Dr Amy Mensah')).toBe(false);
    expect(looksAlike(AMA, 'Sam Rivers')).toBe(false);
    expect(looksAlike('Алексей', 'Алексий')).toBe(false);
    // Vowel signs in Devanagari are part of the letter: कमल and कमला are different names.
    expect(looksAlike('कमल', 'कमला')).toBe(false);
  });

  it('gives two keys, as written and lowercased', () => {
    expect(lookAlikeKeys(AMA)).toHaveLength(2);
  });
});
