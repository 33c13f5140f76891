import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docFromParagraphs } from '../../common/journal/doc';
import { parseSearchQuery } from '../../common/journal/search-query';
import { migrate } from '../../main/db/migrate';
import { JournalService } from '../../main/journal/journal';
import { rankLog, rankSettings, rankSql } from '../../main/journal/rank';
import { scoredWithoutWholeRuns } from '../../main/journal/relevance';
import { TemplateService } from '../../main/journal/templates';
import type { Vault } from '../../main/vault/vault';
import { prng } from '../support/prng';

/**
 * holding_rank() (packages/search-rank) against FTS5's own bm25(), row by row, on a journal of varied
 * entries: the same value to the bit for a query of several phrases, and for one phrase the same order
 * (every score bm25()'s divided by one and the same weight).
 */

const open: DB[] = [];
const usual = { ...rankSettings };
afterEach(() => {
  while (open.length) open.pop()!.close();
  Object.assign(rankSettings, usual);
  rankLog.warned = false;
  vi.restoreAllMocks();
});

// Common words and rare ones, so that weights differ and some phrases are in more than half the entries.
const COMMON = ['the', 'and', 'to', 'of', 'in', 'it', 'was', 'as'];
const RARE = ['rupture', 'repair', 'supervision', 'boundary', 'tired', 'hope', 'self-care', 'café', 'naïve', 'grief'];

function journal(seed: number, entries = 400) {
  const db = new Database(':memory:');
  open.push(db);
  db.pragma('foreign_keys = ON');
  migrate(db);
  const vault = { db: () => db } as unknown as Vault;
  const service = new JournalService(vault, new TemplateService(vault));
  const rand = prng(seed);
  const word = () =>
    rand() < 0.7 ? COMMON[Math.floor(rand() * rand() * COMMON.length)]! : RARE[Math.floor(rand() * RARE.length)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  for (let i = 0; i < entries; i += 1) {
    const entry = service.create({ title: rand() < 0.5 ? words(1 + Math.floor(rand() * 4)) : '' });
    service.save({
      id: entry.id,
      title: entry.title,
      // From a few words to a few hundred: document length is half of bm25's arithmetic.
      body: docFromParagraphs([words(3 + Math.floor(rand() ** 3 * 300)), words(Math.floor(rand() * 20))]),
      eventDate: null,
      tags: RARE.filter(() => rand() < 0.08).map((t) => t.replace(/[^a-z]/g, '')),
      bringToSupervision: false,
      containsClientMaterial: false,
      pinned: false,
    });
  }
  return db;
}

const QUERIES = [
  'the',
  'rupture',
  'supervision',
  'grief',
  'cafe',
  'self-care',
  'sup*',
  'th*',
  'r*',
  '"as the"',
  '"the and"',
  '"repair the"',
  'the and',
  'rupture repair',
  'supervision the of',
  '"as the" grief',
  'hope -the',
  'the -rupture -grief',
  '"in it" -tired',
  'boundary* to',
  'nothingmatchesthis',
];

function scores(db: DB, fn: string, match: string, weights = '8.0, 1.0, 4.0') {
  return db
    .prepare(
      `SELECT rowid, ${fn}(entries_fts${weights ? `, ${weights}` : ''}) AS score FROM entries_fts WHERE entries_fts MATCH ?`,
    )
    .raw()
    .all(match) as [number, number][];
}

/** Entry numbers best first, ties by number: the order a score gives. */
const ranking = (rows: [number, number][]) =>
  [...rows].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([rowid]) => rowid);

describe('holding_rank()', () => {
  it('loads on a search connection (a failure here means the extension was not built)', () => {
    const db = journal(1, 5);
    expect(rankSql(db)).toBe('holding_rank(entries_fts, 8.0, 1.0, 4.0)');
  });

  it.each([1, 2, 3])('is bm25() to the bit for several phrases, and in bm25() order for one (journal %i)', (seed) => {
    const db = journal(seed);
    rankSql(db);
    let several = 0;
    let one = 0;
    for (const query of QUERIES) {
      const match = parseSearchQuery(query).match!;
      // The app's weights, and others bm25() takes as well: fewer than the columns, none, zero, negative.
      for (const weights of ['8.0, 1.0, 4.0', '1.0, 1.0, 1.0', '0.5, 2.0', '', '0, 1, 0', '1, -1, 1', '-8, 1, 4']) {
        const bm25 = scores(db, 'bm25', match, weights);
        const ours = scores(db, 'holding_rank', match, weights);
        expect(
          ours.map(([rowid]) => rowid),
          query,
        ).toEqual(bm25.map(([rowid]) => rowid));
        if (bm25.length === 0) continue;
        if (scoredWithoutWholeRuns(db, match)) {
          one += 1;
          expect(ranking(ours), `${query} (${weights})`).toEqual(ranking(bm25));
          // One weight for every row: bm25()'s score over ours is the same number throughout.
          // (A row scores 0 when its columns' weights are 0: then in both.)
          const scored = ours.findIndex(([, score]) => score !== 0);
          const ratio = scored < 0 ? 1 : bm25[scored]![1] / ours[scored]![1];
          expect(ratio).toBeGreaterThan(0);
          for (const [i, [, score]] of ours.entries()) {
            if (score === 0) expect(bm25[i]![1] === 0).toBe(true);
            else expect(bm25[i]![1] / score).toBeCloseTo(ratio, 12);
          }
        } else {
          several += 1;
          // The same arithmetic in the same order: the same doubles where, as here, the compiler fuses no
          // multiply-add in one build and not the other (it may on ARM, hence closeness there).
          if (process.arch === 'x64') expect(ours, `${query} (${weights})`).toEqual(bm25);
          else for (const [i, [, score]] of ours.entries()) expect(score).toBeCloseTo(bm25[i]![1], 12);
        }
      }
    }
    expect(one).toBeGreaterThan(30);
    expect(several).toBeGreaterThan(20);
  });

  it('scores one phrase by what each entry holds alone: a rare word and a common one score alike', () => {
    // The same entries with a rare word and then a common one in the same places: bm25() weighs the two
    // differently, holding_rank() gives each entry the same score for either.
    const db = new Database(':memory:');
    open.push(db);
    rankSql(db);
    db.exec('CREATE VIRTUAL TABLE t USING fts5(title, body, tags)');
    const add = db.prepare('INSERT INTO t (title, body, tags) VALUES (?, ?, ?)');
    const rows = (word: string) => {
      db.exec('DELETE FROM t');
      add.run('', `${word} ${word} and`, '');
      add.run(word, 'and and and', '');
      add.run('', `${word} and and and and and and`, word);
      for (let i = 0; i < 40; i += 1) add.run('', i < 30 ? 'the and the' : 'and and', '');
      const score = (fn: string) =>
        db
          .prepare(`SELECT rowid, ${fn}(t, 8.0, 1.0, 4.0) FROM t WHERE t MATCH ? ORDER BY rowid`)
          .raw()
          .all(`"${word}"`);
      return { ours: score('holding_rank'), bm25: score('bm25') };
    };
    const rare = rows('grief');
    const common = rows('the');
    expect(rare.ours.length).toBe(3);
    expect(common.ours.slice(0, 3)).toEqual(rare.ours);
    expect(common.bm25.slice(0, 3)).not.toEqual(rare.bm25);
  });

  it('falls back to bm25() where the extension cannot be loaded, and says so in the log once', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    rankSettings.extension = '/nowhere/holding_search_rank.node';
    const first = journal(5, 5);
    const second = journal(6, 5);
    expect(rankSql(first)).toBe('bm25(entries_fts, 8.0, 1.0, 4.0)');
    expect(rankSql(second)).toBe('bm25(entries_fts, 8.0, 1.0, 4.0)');
    expect(scoredWithoutWholeRuns(first, '"the"')).toBe(false);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toMatch(/^\[holding\] search ranking falls back to bm25\(\)/);
    expect(String(logged.mock.calls[0]![0])).not.toContain('/nowhere/');
  });

  it('waits for a connection busy with a statement, giving bm25() that once and logging nothing', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = journal(8, 5);
    const rows = db.prepare('SELECT seq FROM entries').iterate();
    rows.next();
    expect(rankSql(db)).toBe('bm25(entries_fts, 8.0, 1.0, 4.0)');
    rows.return?.();
    expect(rankSql(db)).toBe('holding_rank(entries_fts, 8.0, 1.0, 4.0)');
    expect(logged).not.toHaveBeenCalled();
  });

  it('leaves a connection with bm25() when told to, and the search gives the same page either way', () => {
    const ids = (extension: string | null) => {
      rankSettings.extension = extension;
      const db = journal(7);
      const vault = { db: () => db } as unknown as Vault;
      const service = new JournalService(vault, new TemplateService(vault));
      const fn = rankSql(db).split('(')[0];
      const seqOf = db.prepare('SELECT seq FROM entries WHERE id = ?').pluck();
      return {
        fn,
        // Entries are made with random ids: each is named by its place in the journal, the same in both.
        pages: QUERIES.map((query) => service.list({ query, limit: 50 })).map((page) => ({
          total: page.total,
          seqs: page.items.map((item) => seqOf.get(item.id)),
        })),
      };
    };
    const ours = ids(usual.extension);
    const bm25 = ids(null);
    expect([ours.fn, bm25.fn]).toEqual(['holding_rank', 'bm25']);
    expect(ours.pages).toEqual(bm25.pages);
    expect(ours.pages.some((p) => p.total > 10)).toBe(true);
  });
});
