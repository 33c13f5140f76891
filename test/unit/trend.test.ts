import { describe, expect, it } from 'vitest';
import { type CheckinPoint, suggestionsFor } from '../../common/checkins/trend';

const NOW = new Date('2026-11-21T18:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const c = (d: number, capacity: number, signs: string[] = []): CheckinPoint => ({ at: daysAgo(d), capacity, signs });
const kinds = (points: CheckinPoint[]) => suggestionsFor(points, NOW).map((s) => s.kind);

describe('check-in trend rule', () => {
  it('says nothing without enough check-ins', () => {
    expect(kinds([])).toEqual([]);
    expect(kinds([c(1, 1), c(0, 1)])).toEqual([]);
  });

  it('says nothing while capacity is steady or gently varying', () => {
    expect(kinds([c(30, 7), c(20, 6), c(12, 7), c(8, 6), c(4, 7), c(1, 6)])).toEqual([]);
    expect(kinds([c(20, 6), c(5, 5), c(3, 5), c(1, 5)])).toEqual([]); // one point down: not "falling"
  });

  it('notices a fall of two points below the person’s own baseline', () => {
    const points = [c(30, 7), c(25, 8), c(18, 7), c(6, 6), c(4, 5), c(1, 4)];
    const [s] = suggestionsFor(points, NOW);
    expect(s).toMatchObject({ kind: 'falling', recent: 5, baseline: 7 });
  });

  it('uses the first check-in of the fortnight as the baseline when there is nothing earlier', () => {
    expect(kinds([c(10, 8), c(6, 6), c(3, 5), c(1, 5)])).toEqual(['falling']);
    expect(kinds([c(10, 6), c(6, 6), c(3, 5), c(1, 5)])).toEqual([]);
  });

  it('notices capacity that is low in itself, for someone who arrived already depleted', () => {
    // Six check-ins at 0–3 in a first week: no higher baseline to fall from.
    const firstWeek = [c(6, 2), c(5, 3), c(4, 1), c(3, 0), c(2, 3), c(1, 2)];
    const [s] = suggestionsFor(firstWeek, NOW);
    expect(s).toMatchObject({ kind: 'low', key: 'low', recent: 1.7, since: daysAgo(6) });
    expect(suggestionsFor(firstWeek, NOW)).toHaveLength(1);
    // The line: every one of the last three at 3 or below; a 4 among them is not "low".
    expect(kinds([c(3, 3), c(2, 3), c(1, 3)])).toEqual(['low']);
    expect(kinds([c(3, 3), c(2, 4), c(1, 3)])).toEqual([]);
    // Falling says it already: only one of the two.
    expect(kinds([c(30, 8), c(25, 8), c(20, 8), c(5, 2), c(3, 2), c(1, 2)])).toEqual(['falling']);
    // Earlier low check-ins outside the last three do not make it.
    expect(kinds([c(10, 1), c(8, 1), c(3, 6), c(2, 5), c(1, 6)])).toEqual([]);
  });

  it('does not count a dip that has already recovered', () => {
    expect(kinds([c(25, 7), c(20, 7), c(9, 3), c(6, 7), c(3, 7), c(1, 8)])).toEqual([]);
  });

  it('ignores check-ins older than the baseline window and in the future', () => {
    // Six weeks ago capacity was high; that is too long ago to be the measure now.
    expect(kinds([c(60, 10), c(59, 10), c(5, 6), c(3, 6), c(1, 6)])).toEqual([]);
    expect(kinds([c(20, 7), c(3, 7), c(2, 7), c(1, 7), { at: daysAgo(-2), capacity: 0, signs: [] }])).toEqual([]);
  });

  it('notices an early-warning sign ticked three times in a fortnight, once per check-in', () => {
    const points = [
      c(20, 6, ['sleep']),
      c(12, 6, ['sleep']),
      c(9, 6, ['sleep', 'sleep']),
      c(5, 6, ['withdrawing']),
      c(2, 6, ['withdrawing']),
    ];
    expect(suggestionsFor(points, NOW)).toEqual([]);
    points.push(c(1, 6, ['sleep']));
    points.push(c(0.5, 6, ['sleep']));
    expect(suggestionsFor(points, NOW)).toEqual([
      expect.objectContaining({ kind: 'recurring', sign: 'sleep', times: 4 }),
    ]);
  });

  it('gives an episode start that stays the same while the situation does, so a dismissal holds', () => {
    const points = [c(10, 8), c(6, 6), c(3, 5), c(1, 5)];
    const first = suggestionsFor(points, NOW)[0]!.since;
    expect(first).toBe(daysAgo(6));
    expect(suggestionsFor(points, new Date(NOW.getTime() + 3_600_000))[0]!.since).toBe(first);
    // Another low check-in is the same episode: a dismissed suggestion does not come back.
    expect(suggestionsFor([...points, c(0, 4)], NOW)[0]!.since).toBe(first);
    // Recovery, then a new fall: a new episode, so the suggestion may be offered again.
    const again = [c(20, 8), c(13, 5), c(12, 4), c(11, 8), c(9, 8), c(3, 5), c(2, 5), c(1, 5)];
    const [before] = suggestionsFor(again.slice(0, 3), new Date(NOW.getTime() - 11 * 86_400_000));
    const [after] = suggestionsFor(again, NOW);
    expect(before?.kind).toBe('falling');
    expect(after?.kind).toBe('falling');
    expect(after!.key).toBe(before!.key);
    expect(after!.since).not.toBe(before!.since);
  });

  it('keeps a recurring sign’s episode start as the fortnight moves on, and starts anew after a clear gap', () => {
    const daily = [9, 8, 7, 6, 5, 4, 3, 2, 1].map((d) => c(d, 6, ['sleep']));
    const today = suggestionsFor(daily, NOW)[0]!.since;
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    expect(suggestionsFor([...daily, c(-0.9, 6, ['sleep'])], tomorrow)[0]!.since).toBe(today);
    const afterGap = [
      c(40, 6, ['sleep']),
      c(39, 6, ['sleep']),
      c(38, 6, ['sleep']),
      c(5, 6, ['sleep']),
      c(3, 6, ['sleep']),
      c(1, 6, ['sleep']),
    ];
    expect(suggestionsFor(afterGap, NOW)[0]).toMatchObject({ key: 'recurring:sleep', since: daysAgo(5) });
  });

  it('draws the lines exactly: two points is a fall, three ticks recur, the fortnight’s edge is outside', () => {
    expect(kinds([c(20, 7), c(5, 5), c(3, 5), c(1, 5)])).toEqual(['falling']);
    expect(kinds([c(20, 7), c(5, 6), c(3, 5), c(1, 5)])).toEqual([]); // 1.67 below: not yet
    expect(kinds([c(13, 6, ['a']), c(7, 6, ['a']), c(1, 6, ['a'])])).toEqual(['recurring']);
    expect(kinds([c(14, 6, ['a']), c(7, 6, ['a']), c(1, 6, ['a'])])).toEqual([]); // exactly a fortnight ago
    expect(kinds([c(13, 6, ['a']), c(7, 6, ['b']), c(1, 6, ['a'])])).toEqual([]);
  });

  it('copes with unsorted and malformed timestamps', () => {
    const points = [c(1, 5), { at: 'not a date', capacity: 0, signs: [] }, c(10, 8), c(3, 5), c(6, 6)];
    expect(kinds(points)).toEqual(['falling']);
  });
});
