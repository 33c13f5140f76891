import { describe, expect, it } from 'vitest';
import { MAX_TAG_CHARS, MAX_TAGS, normaliseTags } from '../../common/journal/tags';

describe('normaliseTags', () => {
  it('trims, drops a leading #, folds spaces and keeps the first of each tag whatever its case', () => {
    expect(normaliseTags(['#Risk', 'risk', '  supervision  ', '', '##two  words', 'Two Words'])).toEqual([
      'Risk',
      'supervision',
      'two words',
    ]);
  });

  it('reads control characters as spaces, so no tag can hold the separator the rows list tags with', () => {
    expect(normaliseTags(['one\u001ftwo', 'tab\there', 'bell\u0007', '\u0000'])).toEqual([
      'one two',
      'tab here',
      'bell',
    ]);
  });

  it(`keeps at most ${MAX_TAGS} tags of at most ${MAX_TAG_CHARS} characters`, () => {
    const many = Array.from({ length: MAX_TAGS + 5 }, (_, i) => `tag ${i}`);
    expect(normaliseTags(many)).toHaveLength(MAX_TAGS);
    expect(normaliseTags(['x'.repeat(MAX_TAG_CHARS + 10)])[0]).toHaveLength(MAX_TAG_CHARS);
  });
});
