import { localDay, localTime, WEEKDAY_DATE_TIME } from '../../ui/dates';
import { CAPACITY_WORDS, type Checkin, type Level, LEVEL_WORDS } from '../../../../common/checkins/types';

export const DAY_MS = 24 * 60 * 60 * 1000;

export type LevelKind = keyof typeof LEVEL_WORDS;

/** Capacity in the person's own words first, the number second. */
export function capacityWords(capacity: number): string {
  const exact = CAPACITY_WORDS[capacity];
  if (exact) return exact;
  if (capacity <= 2) return 'Very little';
  if (capacity <= 4) return 'A little';
  if (capacity <= 7) return 'A fair amount';
  return 'A good amount';
}

export const capacityPhrase = (capacity: number) => `${capacityWords(capacity)} (${capacity} of 10)`;

export const levelWord = (kind: LevelKind, value: number | null) =>
  value === null ? null : (LEVEL_WORDS[kind][value - 1] ?? null);

const whenFormat = new Intl.DateTimeFormat('en-GB', WEEKDAY_DATE_TIME);
const shortWhenFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/** "Tue 3 Mar 2026, 14:20" */
export const when = (iso: string | number) => whenFormat.format(new Date(iso));
/** "3 Mar, 14:20": for button names, where the year would only be noise. */
export const shortWhen = (iso: string | number) => shortWhenFormat.format(new Date(iso));
/** "Tue 3 Mar" */
export const dayLabel = (t: number) => dayFormat.format(new Date(t));

/** The value a datetime-local input wants, in local time. */
export const toLocalInput = (date: Date) => `${localDay(date)}T${localTime(date)}`;

/** A datetime-local value (local time) as an ISO timestamp, or null when it is not a real time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const PERIODS = [
  { id: 'week', label: 'Week', days: 7, words: 'the past week' },
  { id: 'month', label: 'Month', days: 30, words: 'the past month' },
  { id: 'year', label: 'Year', days: 365, words: 'the past year' },
] as const;

export type PeriodId = (typeof PERIODS)[number]['id'];

export interface TrendPoint {
  id: string;
  t: number;
  capacity: number;
  energy: Level | null;
  sleep: Level | null;
  load: Level | null;
  signs: string[];
  withSign: boolean;
}

/** The check-ins within a period, oldest first, as points for the chart and its table. */
export function pointsWithin(checkins: readonly Checkin[], start: number, end: number): TrendPoint[] {
  return checkins
    .map((c) => ({
      id: c.id,
      t: Date.parse(c.at),
      capacity: c.capacity,
      energy: c.energy,
      sleep: c.sleep,
      load: c.load,
      signs: c.signs.map((sign) => sign.name),
      withSign: c.signs.length > 0,
    }))
    .filter((p) => p.t >= start && p.t <= end)
    .sort((a, b) => a.t - b.t);
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short' });
const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric' });

/** Ticks at local midnights (week, month) or the first of each month (year), with how to label them. */
export function ticksFor(
  period: PeriodId,
  start: number,
  end: number,
): { ticks: number[]; format: (t: number) => string } {
  const ticks: number[] = [];
  const cursor = new Date(start);
  if (period === 'year') {
    cursor.setHours(0, 0, 0, 0);
    cursor.setDate(1);
    cursor.setMonth(cursor.getMonth() + 1);
    while (cursor.getTime() <= end) {
      ticks.push(cursor.getTime());
      cursor.setMonth(cursor.getMonth() + 1);
    }
    return { ticks, format: (t) => monthFormat.format(new Date(t)) };
  }
  cursor.setHours(0, 0, 0, 0);
  cursor.setDate(cursor.getDate() + 1);
  const step = period === 'week' ? 1 : 7;
  while (cursor.getTime() <= end) {
    ticks.push(cursor.getTime());
    cursor.setDate(cursor.getDate() + step);
  }
  return {
    ticks,
    format: (t) => (period === 'week' ? weekdayFormat.format(new Date(t)) : dayMonthFormat.format(new Date(t))),
  };
}

const spokenDay = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
const spokenDayYear = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const spokenTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "Today", "Yesterday", "Tuesday 3 December", or with the year when it is not this one. */
function spokenDate(t: number, now: number): string {
  const day = new Date(t);
  day.setHours(0, 0, 0, 0);
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const daysBack = Math.round((today.getTime() - day.getTime()) / DAY_MS);
  if (daysBack === 0) return 'Today';
  if (daysBack === 1) return 'Yesterday';
  const date = new Date(t);
  return (date.getFullYear() === new Date(now).getFullYear() ? spokenDay : spokenDayYear).format(date).replace(',', '');
}

/**
 * One check-in on the chart in words, as a screen reader says it when the arrow keys reach it: "Tuesday 3
 * December, 14:20: capacity 4 out of 10, a little. Energy low, sleep patchy, load heavy. Sign ticked: Not
 * sleeping well. 3 of 14."
 */
export function describePoint(point: TrendPoint, index: number, count: number, now: number): string {
  const parts = [
    `${spokenDate(point.t, now)}, ${spokenTime.format(new Date(point.t))}: capacity ${point.capacity} out of 10, ${capacityWords(point.capacity).toLowerCase()}.`,
  ];
  const levels = (['energy', 'sleep', 'load'] as const)
    .map((kind) => {
      const word = levelWord(kind, point[kind]);
      return word ? `${kind} ${word.toLowerCase()}` : null;
    })
    .filter((text): text is string => text !== null);
  if (levels.length) parts.push(`${levels.join(', ').replace(/^./, (c) => c.toUpperCase())}.`);
  if (point.signs.length)
    parts.push(`${point.signs.length === 1 ? 'Sign' : 'Signs'} ticked: ${point.signs.join(', ')}.`);
  parts.push(`${index + 1} of ${count}.`);
  return parts.join(' ');
}
