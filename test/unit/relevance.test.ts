import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../common/journal/search-query';
import { migrate } from '../../main/db/migrate';
import { blocksOf, rankingLimits } from '../../main/journal/blocks';
import { prefixMerges, ROWID_BETWEEN } from '../../main/journal/relevance';

describe('prefixMerges', () => {
  const merges = (typed: string) => prefixMerges(parseSearchQuery(typed).match!);

  it('reads a prefix of 2 to 6 letters or digits from its own list, and merges any other', () => {
    for (const typed of [
      'th*',
      'the*',
      'ther*',
      'thera*',
      'therap*',
      'été*',
      '20*',
      'supervision th*',
      'ther* -quiet',
    ]) {
      expect(merges(typed), typed).toBe(false);
    }
    for (const typed of ['t*', 'therapi*', 'self-c*', 'o’br*', 'ther* t*', 'quiet therapist*']) {
      expect(merges(typed), typed).toBe(true);
    }
  });

  it('says nothing merges in a search with no prefix', () => {
    for (const typed of ['therapy', '"a phrase"', 'word -other', 'self-care']) expect(merges(typed), typed).toBe(false);
  });
});

describe('blocksOf', () => {
  const usual = { ...rankingLimits };
  afterEach(() => {
    Object.assign(rankingLimits, usual);
  });

  it('has no blocks for a match found at most rankingLimits.matches times', () => {
    expect(blocksOf(usual.matches, 20_000, 1)).toBeNull();
    expect(blocksOf(0, null, null)).toBeNull();
  });

  it('spreads the range of entry numbers over blocks of about that many matches each', () => {
    // 99,000 matches over numbers 1–100,000: blocks of 10,102 numbers, about 10,000 matches each.
    expect(blocksOf(99_000, 100_000, 1)).toEqual({ high: 100_000, low: 1, size: 10_102 });
    rankingLimits.matches = 10;
    // Eleven matches among numbers 5–104: two blocks of 91 numbers.
    expect(blocksOf(11, 104, 5)).toEqual({ high: 104, low: 5, size: 91 });
  });
});

describe('ROWID_BETWEEN', () => {
  it('has FTS5 read only the matches in the range, with the bounds bound as JavaScript numbers', () => {
    const db = new Database(':memory:');
    migrate(db);
    const add = db.prepare('INSERT INTO entries_fts (rowid, title, body_text, tags_text) VALUES (?, ?, ?, ?)');
    for (let seq = 1n; seq <= 2_000n; seq += 1n) add.run(seq, '', 'common words', '');
    // Called for each match FTS5 hands back, before SQLite checks the range again itself.
    let read = 0;
    db.function('read_by_fts5', () => (read += 1));
    const count = (between: string) => {
      read = 0;
      const found = db
        .prepare(`SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'common' AND read_by_fts5() AND ${between}`)
        .pluck()
        .get({ low: 100, high: 199 });
      return { found, read };
    };
    expect(count(ROWID_BETWEEN)).toEqual({ found: 100, read: 100 });
    // What it is there for: bound as numbers (doubles), FTS5 ignores the range and reads every match.
    expect(count('rowid BETWEEN @low AND @high')).toEqual({ found: 100, read: 2_000 });
    db.close();
  });
});
