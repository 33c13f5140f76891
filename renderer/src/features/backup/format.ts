import type { BackupCounts, BackupFailure, BackupRecord, RetentionRule } from '../../../../common/backup/types';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const clock = (d: Date) => `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
const DAY = 86_400_000;

/** A day and time as a person would say it: "this morning at 9:30", "yesterday at 21:10", "on 3 March at 9:30". */
export function when(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'at a time Holding cannot read';
  const minutes = Math.round((now.getTime() - d.getTime()) / 60_000);
  if (minutes >= 0 && minutes < 2) return 'just now';
  if (minutes >= 2 && minutes < 60) return `${minutes} minutes ago`;
  const days = Math.round((startOfDay(now) - startOfDay(d)) / DAY);
  if (days === 0) {
    const part = d.getHours() < 12 ? 'this morning' : d.getHours() < 18 ? 'this afternoon' : 'this evening';
    return `${part} at ${clock(d)}`;
  }
  if (days === 1) return `yesterday at ${clock(d)}`;
  if (days > 1 && days < 7) return `on ${WEEKDAYS[d.getDay()]} at ${clock(d)}`;
  const date = `${d.getDate()} ${MONTHS[d.getMonth()]}`;
  return d.getFullYear() === now.getFullYear() ? `on ${date} at ${clock(d)}` : `on ${date} ${d.getFullYear()}`;
}

/** A date in full, for the restore screen: "Tuesday 3 March 2026 at 9:30". */
export function fullDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'an unknown date';
  return `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} at ${clock(d)}`;
}

export const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export const entriesIn = (counts: BackupCounts) => count(counts.entries, 'entry', 'entries');

/** What a backup holds, in the words a person recognises. */
export function holds(counts: BackupCounts): string[] {
  return [
    entriesIn(counts),
    count(counts.checkins, 'check-in', 'check-ins'),
    count(counts.sessions, 'supervision session', 'supervision sessions'),
  ];
}

/** "Last checked backup: this morning at 9:30, on Ama's laptop, 1,204 entries." */
export function lastBackupInWords(record: BackupRecord, now = new Date()): string {
  return `${when(record.madeAt, now)}, on ${record.computer}, ${entriesIn(record.counts)}`;
}

export function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
  if (bytes < 1024 * 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} GB`;
}

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const inWords = (n: number) => NUMBER_WORDS[n] ?? n.toLocaleString('en-GB');
const per = (n: number, unit: string) => (n === 1 ? `for a ${unit}` : `for ${inWords(n)} ${unit}s`);

/** The rule in one plain sentence. */
export function ruleInWords(rule: RetentionRule | null): string {
  if (!rule) return 'Holding keeps every backup it makes; none is ever deleted, so the folder will grow over time.';
  const recent = rule.recentHours === 48 ? 'two days' : `${inWords(rule.recentHours)} hours`;
  return `Holding keeps every backup from the last ${recent}, then one a day ${per(rule.daily, 'day')}, one a week ${per(rule.weekly, 'week')} and one a month ${per(rule.monthly, 'month')}, and always your newest; older ones it made are deleted from the folder.`;
}

/** Why the last backup could not be made, said gently. */
export function failureInWords(failure: BackupFailure, now = new Date()): string {
  const which = failure.automatic ? 'The backup Holding tried to make' : 'The backup you asked for';
  return `${which} ${when(failure.at, now)} could not be made. ${failure.message}`;
}
