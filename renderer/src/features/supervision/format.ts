import type {
  AgendaItem,
  Frequency,
  Priority,
  SessionRecord,
  SupervisionFunction,
  SupervisionType,
} from '../../../../common/supervision/types';
import { localDay, WEEKDAY_DATE, WEEKDAY_DATE_TIME, yearMonth } from '../../ui/dates';
import { FUNCTION_LABELS, SEVEN_EYED_MODES } from '../../../../common/supervision/types';

export const TYPE_LABELS: Record<SupervisionType, string> = {
  individual: 'Individual',
  group: 'Group',
  peer: 'Peer',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  'six-weekly': 'Every six weeks',
  'as-needed': 'As and when needed',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const functionLabel = (fn: SupervisionFunction) => FUNCTION_LABELS[fn].label;

export const sevenEyedLabel = (mode: number | null) => {
  const found = SEVEN_EYED_MODES.find((m) => m.id === mode);
  return found ? `${found.id}. ${found.label}` : null;
};

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const longDayFormat = new Intl.DateTimeFormat('en-GB', WEEKDAY_DATE);
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "12 Nov 2026", for an instant or a plain day (YYYY-MM-DD, read as that day wherever the person is). */
export function day(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return dayFormat.format(new Date(y, m - 1, d));
  }
  return dayFormat.format(new Date(value));
}

/** A session's day, on the calendar it was recorded in: "12 Nov 2026". */
export function sessionDay(session: Pick<SessionRecord, 'startsAt' | 'timeZone'>): string {
  try {
    return new Date(session.startsAt).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: session.timeZone,
    });
  } catch {
    return day(session.startsAt);
  }
}

/** "Thu 12 Nov 2026, 10:00", in the time zone the session was recorded in. */
export function sessionWhen(session: Pick<SessionRecord, 'startsAt' | 'timeZone'>): string {
  try {
    return new Date(session.startsAt).toLocaleString('en-GB', { ...WEEKDAY_DATE_TIME, timeZone: session.timeZone });
  } catch {
    return new Date(session.startsAt).toLocaleString('en-GB', WEEKDAY_DATE_TIME);
  }
}

export const longDay = (iso: string) => longDayFormat.format(new Date(iso));

/** Today, on this computer's calendar: YYYY-MM-DD. */
export const today = (now = new Date()) => localDay(now);

/** This month, on this computer's calendar: YYYY-MM. */
export const thisMonth = (now = new Date()) => yearMonth(now.getFullYear(), now.getMonth() + 1);

/** A month (YYYY-MM) moved on or back by a number of months. */
export function addMonths(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return yearMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** "November 2026" */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthFormat.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A due date that has come and gone, for an action still open. */
export const isPast = (due: string | null, now = new Date()) => due !== null && due < today(now);

/**
 * A number typed by a person: "1.5", "1,5" or " 2 ". Null when it is not a number at all; empty is
 * null too, so the caller can say what is missing.
 */
export function parseNumber(value: string): number | null {
  const tidy = value.trim().replace(',', '.');
  if (!tidy || !/^-?\d*\.?\d+$/.test(tidy)) return null;
  return Number(tidy);
}

/** Where an agenda item came from, in a few plain words. */
export function sourceWords(item: AgendaItem, sessions: readonly SessionRecord[] | undefined): string[] {
  const words: string[] = [];
  const source = item.source;
  if (source.kind === 'entry') {
    words.push(source.entryId ? `From your entry “${source.entryTitle || 'Untitled'}”` : 'From an entry since deleted');
  } else if (source.kind === 'trend') {
    words.push('From your check-ins');
  } else if (source.kind === 'action') {
    const session = sessions?.find((s) => s.actions.some((a) => a.id === source.actionId));
    const action = session?.actions.find((a) => a.id === source.actionId);
    words.push(session ? `An action agreed on ${sessionDay(session)}` : 'An action agreed in supervision');
    if (action?.owner) words.push(`Who: ${action.owner}`);
    if (action?.due) words.push(`Due ${day(action.due)}`);
  }
  if (item.carriedFrom && source.kind !== 'action') {
    const session = sessions?.find((s) => s.id === item.carriedFrom);
    words.push(session ? `Carried from the session on ${sessionDay(session)}` : 'Carried from an earlier session');
  }
  return words;
}
