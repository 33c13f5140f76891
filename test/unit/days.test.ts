import { describe, expect, it } from 'vitest';
import { isRealDay } from '../../common/days';
import { contract } from '../../common/ipc/contract';

describe('isRealDay', () => {
  it('takes days that exist and refuses the rest, as the contract does', () => {
    for (const day of ['2024-02-29', '2026-12-05', '1999-01-01']) expect(isRealDay(day)).toBe(true);
    for (const day of ['2025-02-29', '2026-06-31', '2026-13-01', '2026-1-05', '05/12/2026', '', '2026-12-05T00:00']) {
      expect(isRealDay(day)).toBe(false);
    }
  });

  it('is the rule the contract applies to an entry’s day', () => {
    const save = contract['journal:save'].input;
    const entry = (eventDate: string) => ({
      id: '6f1c2b8e-3d4a-4b5c-8d6e-7f8091a2b3c4',
      title: '',
      body: { type: 'doc', content: [] },
      eventDate,
      tags: [],
      bringToSupervision: false,
      containsClientMaterial: false,
      pinned: false,
    });
    expect(save.safeParse(entry('2024-02-29')).success).toBe(true);
    expect(save.safeParse(entry('2025-02-29')).success).toBe(false);
  });
});
