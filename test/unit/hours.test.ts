import { describe, expect, it } from 'vitest';
import {
  describeMinutes,
  hoursByMonth,
  monthOf,
  monthsBetween,
  safeTimeZone,
  standingWords,
} from '../../common/supervision/hours';

describe('the month a session counts towards', () => {
  it('is the month it began in, where it was recorded', () => {
    // 23:30 on 31 January in London is 08:30 on 1 February in Tokyo.
    expect(monthOf('2026-01-31T23:30:00Z', 'Europe/London')).toBe('2026-01');
    expect(monthOf('2026-01-31T23:30:00Z', 'Asia/Tokyo')).toBe('2026-02');
    // In summer time London is an hour ahead of UTC: 23:30 UTC on 31 May is already June there.
    expect(monthOf('2026-05-31T23:30:00Z', 'Europe/London')).toBe('2026-06');
    expect(monthOf('2026-12-31T23:59:00Z', 'UTC')).toBe('2026-12');
    expect(monthOf('2026-12-31T23:59:00Z', 'America/New_York')).toBe('2026-12');
    expect(monthOf('2027-01-01T02:00:00Z', 'America/New_York')).toBe('2026-12');
  });

  it('falls back to UTC for a time zone the machine does not know', () => {
    expect(safeTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(monthOf('2026-03-31T23:30:00Z', 'Mars/Olympus_Mons')).toBe('2026-03');
  });
});

describe('hours by month', () => {
  const london = (startsAt: string, minutes: number) => ({ startsAt, timeZone: 'Europe/London', minutes });

  it('adds whole minutes per month and measures each month against the minimum', () => {
    const months = hoursByMonth(
      [
        london('2026-01-07T10:00:00Z', 60),
        london('2026-01-21T10:00:00Z', 30),
        // Runs past midnight into February, but began in January.
        london('2026-01-31T23:30:00Z', 90),
        london('2026-02-11T10:00:00Z', 45),
      ],
      1.5,
      { from: '2025-12', to: '2026-03' },
    );
    expect(months).toEqual([
      { month: '2025-12', minutes: 0, sessions: 0, minimumMinutes: 90, shortBy: 90, inContract: true },
      { month: '2026-01', minutes: 180, sessions: 3, minimumMinutes: 90, shortBy: 0, inContract: true },
      { month: '2026-02', minutes: 45, sessions: 1, minimumMinutes: 90, shortBy: 45, inContract: true },
      { month: '2026-03', minutes: 0, sessions: 0, minimumMinutes: 90, shortBy: 90, inContract: true },
    ]);
  });

  it('is exact with fractional hours and across a clock change', () => {
    // 1.1 hours a month is 66 minutes exactly; three 22-minute sessions meet it.
    const [march] = hoursByMonth(
      [london('2026-03-29T00:30:00Z', 22), london('2026-03-29T01:30:00Z', 22), london('2026-03-30T09:00:00Z', 22)],
      1.1,
      { from: '2026-03', to: '2026-03' },
    );
    expect(march).toMatchObject({ minutes: 66, minimumMinutes: 66, shortBy: 0 });
  });

  it('crosses years and ignores malformed times', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2026-11')).toEqual([]);
    const months = hoursByMonth([{ startsAt: 'not a date', timeZone: 'UTC', minutes: 60 }], 1, {
      from: '2026-01',
      to: '2026-01',
    });
    expect(months[0]).toMatchObject({ minutes: 0, sessions: 0 });
  });

  it('sets no minimum for months outside the contract', () => {
    const months = hoursByMonth(
      [london('2026-02-10T10:00:00Z', 30)],
      1.5,
      { from: '2026-01', to: '2026-05' },
      {
        from: '2026-02',
        to: '2026-04',
      },
    );
    expect(months.map((m) => [m.month, m.inContract, m.minimumMinutes, m.shortBy])).toEqual([
      ['2026-01', false, 0, 0],
      ['2026-02', true, 90, 60],
      ['2026-03', true, 90, 90],
      ['2026-04', true, 90, 90],
      ['2026-05', false, 0, 0],
    ]);
  });

  it('says durations in words', () => {
    expect(describeMinutes(90)).toBe('1 hour 30 minutes');
    expect(describeMinutes(45)).toBe('45 minutes');
    expect(describeMinutes(120)).toBe('2 hours');
    expect(describeMinutes(0)).toBe('0 minutes');
    expect(describeMinutes(61)).toBe('1 hour 1 minute');
  });
});

describe('how a month stands against the minimum', () => {
  const session = (startsAt: string, minutes: number) => ({ startsAt, timeZone: 'UTC', minutes });
  const months = hoursByMonth(
    [session('2026-09-10T10:00:00Z', 60), session('2026-10-10T10:00:00Z', 90), session('2026-12-01T10:00:00Z', 30)],
    1.5,
    { from: '2026-07', to: '2027-01' },
    { from: '2026-08', to: null },
  );
  const said = Object.fromEntries(months.map((m) => [m.month, standingWords(m, '2026-12')]));

  it('speaks of months that are over as they were, not as a target still to reach', () => {
    expect(said).toEqual({
      '2026-07': 'Outside the contract',
      '2026-08': 'Nothing recorded',
      '2026-09': 'Below the minimum',
      '2026-10': 'Met',
      '2026-11': 'Nothing recorded',
      '2026-12': '1 hour to go',
      '2027-01': '1 hour 30 minutes to go',
    });
  });

  it('has no minimum to speak of without one', () => {
    const [m] = hoursByMonth([], 0, { from: '2026-01', to: '2026-01' });
    expect(standingWords(m!, '2026-12')).toBe('No minimum');
  });
});
