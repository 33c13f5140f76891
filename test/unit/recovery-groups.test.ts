/**
 * The recovery key is checked by two of its groups chosen at random (issue 18): never the same group twice,
 * in the key's order, and over many journals every group and many pairs are asked for, not always the last.
 */
import { describe, expect, it } from 'vitest';
import { twoGroups } from '../../renderer/src/features/vault/recoveryGroups';
import { prng } from '../support/prng';

describe('the two groups asked for when a recovery key is checked', () => {
  it('are two different groups, in order, chosen at random from all eight', () => {
    const random = prng(18);
    const asked = Array.from({ length: 400 }, () => twoGroups(8, random));
    for (const [a, b] of asked) {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(8);
      expect(a).toBeLessThan(b);
    }
    // Every group is asked for at some time, and most of the 28 pairs come up: not one fixed choice.
    expect(new Set(asked.flat())).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(new Set(asked.map((pair) => pair.join())).size).toBeGreaterThan(20);
    // Not the last group every time, as the check once asked (while the key was still on screen).
    expect(asked.filter(([, b]) => b === 7).length).toBeLessThan(asked.length / 2);
  });

  it('still asks for two different groups when the random source repeats itself', () => {
    const values = [0.5, 0.5, 0.5, 0.1];
    expect(twoGroups(8, () => values.shift() ?? 0)).toEqual([0, 4]);
  });
});
