import { describe, expect, it } from 'vitest';
import { safeRelativePath } from '../../main/import/input-files';

describe('names inside an import', () => {
  it('refuses what could climb out or name a drive, and keeps ordinary names with a colon', () => {
    for (const bad of [
      '../x.md',
      'a/../../x.md',
      '/etc/passwd',
      'C:/Windows/x.md',
      'C:',
      'a\\b.md',
      'a\u0000.md',
      '',
    ]) {
      expect(safeRelativePath(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(safeRelativePath('Q: what went well.md')).toBe('Q: what went well.md');
    expect(safeRelativePath('journals//2026-03-14.md')).toBe('journals/2026-03-14.md');
  });
});
