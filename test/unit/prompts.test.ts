import { describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS, promptOfTheDay, THEMES } from '../../common/two-truths/prompts';

describe('two-truths prompt library', () => {
  it('has at least 40 pairs, at least six in every theme, with unique ids and no repeats', () => {
    expect(BUILTIN_PROMPTS.length).toBeGreaterThanOrEqual(40);
    for (const theme of THEMES)
      expect(BUILTIN_PROMPTS.filter((p) => p.theme === theme.id).length, theme.id).toBeGreaterThanOrEqual(6);
    expect(new Set(BUILTIN_PROMPTS.map((p) => p.id)).size).toBe(BUILTIN_PROMPTS.length);
    expect(new Set(BUILTIN_PROMPTS.map((p) => p.a + p.b)).size).toBe(BUILTIN_PROMPTS.length);
  });

  it('is written as plain, complete sentences without clinical labels', () => {
    for (const p of BUILTIN_PROMPTS) {
      for (const line of [p.a, p.b]) {
        expect(line, p.id).toMatch(/^[A-Z].*[.]$/);
        expect(line.length, p.id).toBeLessThan(90);
        expect(line, p.id).not.toMatch(/\b(disorder|symptom|diagnos|patholog|score)/i);
        // "and yet" is the app's to add between the two truths.
        expect(line, p.id).not.toMatch(/^and yet/i);
      }
    }
  });

  it('gives the same prompt all day and varies across days', () => {
    const today = promptOfTheDay(BUILTIN_PROMPTS, '2026-11-21');
    expect(promptOfTheDay(BUILTIN_PROMPTS, '2026-11-21')).toBe(today);
    const month = new Set(
      Array.from(
        { length: 30 },
        (_, d) => promptOfTheDay(BUILTIN_PROMPTS, `2026-11-${String(d + 1).padStart(2, '0')}`)?.id,
      ),
    );
    expect(month.size).toBeGreaterThan(15);
    expect(promptOfTheDay([], '2026-11-21')).toBeNull();
  });
});
