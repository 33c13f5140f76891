/**
 * Supervision hours by month, against the contract's minimum.
 *
 * A session counts towards the month in which it began, on the calendar of the time zone it was
 * recorded in: a session at 23:30 on 31 January in London counts for January, even though it ends in
 * February, and even if the same instant was already 1 February in Tokyo. Durations are whole minutes,
 * so clock changes do not alter them and sums never drift.
 */
export interface TimedSession {
  startsAt: string;
  timeZone: string;
  minutes: number;
}

export interface HoursMonth {
  /** YYYY-MM. */
  month: string;
  minutes: number;
  sessions: number;
  minimumMinutes: number;
  /** Minutes still to go to reach the minimum (0 when met). */
  shortBy: number;
  /** False for a month before the contract began or after it ended: no minimum applies. */
  inContract: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const knownZones = new Map<string, string>();

/**
 * A time zone the machine knows, or UTC: an unknown name in old data must not stop the log. Remembered,
 * since making a formatter to find out costs far more than the rest (an export of everything asks per row).
 */
export function safeTimeZone(zone: string): string {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      known = zone;
    } catch {
      known = 'UTC';
    }
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

/** The month (YYYY-MM) an instant falls in, on the calendar of `timeZone`. */
export function monthOf(startsAt: string, timeZone: string): string {
  const zone = safeTimeZone(timeZone);
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
    formatters.set(zone, format);
  }
  const parts = format.formatToParts(new Date(startsAt));
  const year = parts.find((p) => p.type === 'year')!.value;
  const month = parts.find((p) => p.type === 'month')!.value;
  return `${year}-${month}`;
}

/** The time zone this machine is set to. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const monthNames = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A month (YYYY-MM) in words: "March 2026". */
export function monthName(month: string): string {
  return monthNames.format(new Date(`${month}-01T12:00:00Z`));
}

/** The day (YYYY-MM-DD) an instant falls on, on the calendar of `timeZone`. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

export function dayOf(startsAt: string, timeZone: string): string {
  const zone = safeTimeZone(timeZone);
  let format = dayFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(zone, format);
  }
  const parts = format.formatToParts(new Date(startsAt));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Every month from `from` to `to` (both YYYY-MM), in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [toY, toM] = to.split('-').map(Number) as [number, number];
  while (y < toY || (y === toY && m <= toM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 1200) break;
  }
  return out;
}

/** Whole minutes for a number of hours: 1.5 hours is 90 minutes, never 89.99999. */
export const minutesOf = (hours: number) => Math.round(hours * 60);

/** Each month of the range with its sessions' minutes, the minimum, and what is still to go. */
export function hoursByMonth(
  sessions: readonly TimedSession[],
  minHoursPerMonth: number,
  range: { from: string; to: string },
  contract: { from: string; to: string | null } = { from: '0000-01', to: null },
): HoursMonth[] {
  const minimumMinutes = minutesOf(minHoursPerMonth);
  const totals = new Map<string, { minutes: number; sessions: number }>();
  for (const s of sessions) {
    if (!Number.isFinite(Date.parse(s.startsAt))) continue;
    const month = monthOf(s.startsAt, s.timeZone);
    const t = totals.get(month) ?? { minutes: 0, sessions: 0 };
    t.minutes += Math.max(0, Math.round(s.minutes));
    t.sessions += 1;
    totals.set(month, t);
  }
  return monthsBetween(range.from, range.to).map((month) => {
    const t = totals.get(month) ?? { minutes: 0, sessions: 0 };
    const inContract = month >= contract.from && (contract.to === null || month <= contract.to);
    const minimum = inContract ? minimumMinutes : 0;
    return { month, ...t, minimumMinutes: minimum, shortBy: Math.max(0, minimum - t.minutes), inContract };
  });
}

/** "1 hour 30 minutes", "45 minutes", "2 hours". */
export function describeMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const h = hours ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '';
  const m = minutes || !hours ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '';
  return [h, m].filter(Boolean).join(' ');
}

/** How a month stands against the contract's minimum. */
export type MonthStanding = 'outside-contract' | 'no-minimum' | 'met' | 'to-go' | 'nothing-recorded' | 'less';

/**
 * How a month stands, given the month it is now (YYYY-MM, on the person's calendar). Only this month, or
 * one still to come, has time to go; a month that is over is described as it was, never as a target still
 * to reach: either nothing was recorded in it, or what was recorded came to less than the minimum.
 */
export function standingOf(m: HoursMonth, current: string): MonthStanding {
  if (!m.inContract) return 'outside-contract';
  if (!m.minimumMinutes) return 'no-minimum';
  if (m.shortBy === 0) return 'met';
  if (m.month >= current) return 'to-go';
  return m.minutes === 0 ? 'nothing-recorded' : 'less';
}

/**
 * The month's standing in words, as the hours log and its exports say it (beside the month, its time and
 * the minimum, so a month that is over needs no figure of its own).
 */
export function standingWords(m: HoursMonth, current: string): string {
  switch (standingOf(m, current)) {
    case 'outside-contract':
      return 'Outside the contract';
    case 'no-minimum':
      return 'No minimum';
    case 'met':
      return 'Met';
    case 'to-go':
      return `${describeMinutes(m.shortBy)} to go`;
    case 'nothing-recorded':
      return 'Nothing recorded';
    case 'less':
      return 'Below the minimum';
  }
}
