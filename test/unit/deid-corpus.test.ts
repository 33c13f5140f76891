/**
 * The identifying-details check against the labelled corpus (test/fixtures/deid), held to issue 13's goal,
 * so that no later change can quietly make it worse. `npm run bench:deid` prints the whole table.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, ORIGINS } from '../support/deid-corpus';
import { falseAlarmsPer1000, precision, recall, scoreCorpus } from '../support/deid-score';

const YEAR = 2026;
const passages = loadCorpus();

describe('the labelled corpus', () => {
  it('is big and varied enough to measure against', () => {
    expect(passages.length).toBeGreaterThanOrEqual(400);
    expect(passages.filter((p) => !p.labels.length).length).toBeGreaterThanOrEqual(100);
    const origins = new Set(passages.flatMap((p) => p.labels.filter((l) => l.kind === 'name').map((l) => l.detail)));
    for (const origin of ORIGINS) expect(origins, origin).toContain(origin);
    for (const country of ['UK', 'IE', 'US', 'AU'])
      expect(
        passages.some((p) => p.country === country),
        country,
      ).toBe(true);
  });
});

describe('the check on the corpus, without the names list', () => {
  const score = scoreCorpus(passages, { names: [], places: [], year: YEAR });
  const show = (misses: { context: string }[]) => misses.slice(0, 20).map((m) => m.context);

  it('finds at least 97 in 100 of everything that identifies someone', () => {
    expect(recall(score.labels), JSON.stringify(show(score.misses), null, 1)).toBeGreaterThanOrEqual(0.97);
  });

  it('finds at least 95 in 100 names of every origin', () => {
    for (const origin of ORIGINS) {
      const tally = score.byOrigin.get(origin)!;
      const missed = score.misses.filter((m) => m.label.kind === 'name' && m.label.detail === origin);
      expect(recall(tally), `${origin}: ${JSON.stringify(show(missed), null, 1)}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('is right at least 3 times in 4, with at most 5 false alarms per 1,000 words', () => {
    const alarms = JSON.stringify(
      score.falseAlarms.slice(0, 20).map((f) => f.context),
      null,
      1,
    );
    expect(precision(score), alarms).toBeGreaterThanOrEqual(0.75);
    expect(falseAlarmsPer1000(score), alarms).toBeLessThanOrEqual(5);
  });
});

describe('the check on the corpus, with each passage’s names and places on the list', () => {
  const score = scoreCorpus(passages, { names: [], places: [], year: YEAR }, true);

  it('finds more, and raises no more than 5 false alarms per 1,000 words', () => {
    expect(recall(score.labels)).toBeGreaterThanOrEqual(0.98);
    expect(falseAlarmsPer1000(score)).toBeLessThanOrEqual(5);
  });
});

describe('the word lists', () => {
  it('are exactly what their packages give (npm run deid:lexicon to rebuild)', () => {
    const script = path.resolve(import.meta.dirname, '../../scripts/build-deid-lexicon.ts');
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
    expect(() => execFileSync(tsx, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
