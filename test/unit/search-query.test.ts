import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END, HIGHLIGHT_START, parseSearchQuery, splitHighlights } from '../../common/journal/search-query';
import { hasPhrase } from '../../main/journal/relevance';

describe('search query', () => {
  it('quotes every word so FTS operators are only words', () => {
    expect(parseSearchQuery('parallel process').match).toBe('"parallel" "process"');
    expect(parseSearchQuery('NEAR AND OR NOT').match).toBe('"NEAR" "AND" "OR" "NOT"');
    expect(parseSearchQuery('title:risk').match).toBe('"title:risk"');
  });

  it('supports phrases, prefixes and exclusions', () => {
    expect(parseSearchQuery('"two truths" hold*').match).toBe('"two truths" "hold"*');
    expect(parseSearchQuery('risk -team').match).toBe('"risk" NOT "team"');
    expect(parseSearchQuery('risk -"the team"').match).toBe('"risk" NOT "the team"');
    expect(parseSearchQuery('-team').match).toBe('"team"');
  });

  it('ignores what cannot be searched and never produces broken syntax', () => {
    for (const input of ['', '   ', '"', '""', '*', '-', '-*', '()', ':', '^', '"unclosed phrase', 'a"b', '💬']) {
      const { match } = parseSearchQuery(input);
      if (match !== null) {
        // Balanced quotes, and every quoted part non-empty.
        expect((match.match(/"/g) ?? []).length % 2, input).toBe(0);
        expect(match, input).not.toMatch(/""(?!")/);
      }
    }
    expect(parseSearchQuery('"unclosed phrase').match).toBe('"unclosed phrase"');
    expect(parseSearchQuery('a"b').match).toBe('"ab"');
    expect(parseSearchQuery('*').match).toBeNull();
  });

  it('caps very long queries', () => {
    const { terms } = parseSearchQuery('word '.repeat(500));
    expect(terms.length).toBeLessThanOrEqual(16);
  });

  it('splits snippets into text and highlights without HTML', () => {
    const s = `before ${HIGHLIGHT_START}<b>hit</b>${HIGHLIGHT_END} after`;
    expect(splitHighlights(s)).toEqual([
      { text: 'before ', highlight: false },
      { text: '<b>hit</b>', highlight: true },
      { text: ' after', highlight: false },
    ]);
  });
  it('tells a phrase (more than one word inside quotes, as the index splits them) from words and prefixes', () => {
    const phrase = (typed: string) => hasPhrase(parseSearchQuery(typed).match!);
    for (const typed of ['"on and"', 'self-care', "don't", 'hold "the line" -quiet', '"a b"']) {
      expect(phrase(typed), typed).toBe(true);
    }
    for (const typed of [
      'therapy session',
      'hold -quiet',
      'ther* session',
      'thera*',
      '日本語',
      'cafe\u0301',
      '"one"',
    ]) {
      expect(phrase(typed), typed).toBe(false);
    }
  });
});
