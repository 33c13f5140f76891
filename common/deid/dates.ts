/**
 * Dates of birth. chrono-node (a well-kept date parser) finds dates written any way: "14/03/1987",
 * "12th of March, 1984", "March 1992", "9 November", and, read day first as in the UK, "07/23/2010" month
 * first where the day cannot come first. A date is a birth date when a cue comes before it in the same
 * sentence ("DOB", "born", "birthday", "b."), or just after it ("12/03/1987 (DOB)"), or when it is a whole
 * date at least twelve years old.
 */
import { GB } from 'chrono-node/en';
import type { Finding } from './finding';

const CUE =
  /(?<![\p{L}\p{N}])(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birth(?:day)?s?|born|b\.(?=\s*\d)|(?:turns|turned|turning)\s+(?:\d{1,3}|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|(?:will\s+be|is\s+going\s+to\s+be)\s+(?:\d{1,3}|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+on)(?![\p{L}])/giu;
/** "born in 1948", "b. 1979": a year of birth on its own. */
const BORN_YEAR = /\b(?:born(?:\s+in)?|b\.)\s+((?:19|20)\d{2})(?!\d)/gi;
const CUE_AFTER = /^\s*[(,;–—-]?\s*(?:d\.?o\.?b|date of birth|born|birthday)\b/i;
const CUE_REACH = 140;
/** Dates at least this many years old are taken for birth dates even without a cue. */
const OLD_YEARS = 12;

interface DateFound {
  start: number;
  end: number;
  day: number | undefined;
  month: number | undefined;
  year: number | undefined;
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
/** What chrono leaves: "3.7.61" (dots, two-digit year) and "9th Nov '92". */
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?![\d.]*\d)/g;
const APOSTROPHE_YEAR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTHS})[a-z]*\.?,?\s+['’](\d{2})(?!\d)`,
  'giu',
);

function fullYear(yy: number, current: number): number {
  const century = Math.floor(current / 100) * 100;
  return century + yy <= current ? century + yy : century - 100 + yy;
}

/**
 * A date chrono read with a time beside it ("2.2.1937. 18", "12 March 1984 at 10am", "born 12th March
 * 1984⏎22 Ard na Gréine", "turns 18 on 2 February"): the date alone, as [offset, length] in the text read.
 */
function datePart(text: string, timed: boolean): [number, number] {
  if (!timed) return [0, text.length];
  const breaks = [...text.matchAll(/\s+/g)];
  for (let b = breaks.length - 1; b >= 0; b--) {
    const prefix = text.slice(0, breaks[b]!.index).replace(/[\s.,;:]+(?:at|@)?$/i, '');
    const again = GB.parse(prefix)[0];
    if (again && again.index === 0 && !again.start.isCertain('hour')) return [0, again.text.length];
  }
  for (const b of breaks) {
    const at = b.index + b[0].length;
    const again = GB.parse(text.slice(at))[0];
    if (again && again.index === 0 && !again.start.isCertain('hour')) return [at, again.text.length];
  }
  return [0, text.length];
}

function datesIn(text: string, year: number): DateFound[] {
  const out: DateFound[] = [];
  const reference = new Date(Date.UTC(year, 6, 1));
  for (const r of GB.parse(text, reference)) {
    const c = r.start;
    const certain = (k: 'day' | 'month' | 'year' | 'hour') => (c.isCertain(k) ? (c.get(k) ?? undefined) : undefined);
    const known = { day: certain('day'), month: certain('month'), year: certain('year'), hour: certain('hour') };
    // "today", "next Tuesday": relative words, not a date someone was born on.
    if (!/\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(r.text)) continue;
    const month = known.month;
    // Weekdays, "today", times and bare years are not dates of birth.
    if (month === undefined) continue;
    if (known.day === undefined && known.year === undefined) continue;
    // A two-digit year chrono put in the future ("1/2/44" as 2044) is in the past century.
    if (known.year !== undefined && known.year > year && /\d{2}$/.test(r.text) && !/\d{4}$/.test(r.text))
      known.year -= 100;
    if (known.year !== undefined && (known.year < 1900 || known.year > year)) continue;
    let [offset, length] = datePart(r.text, known.hour !== undefined);
    // "on 2 February": the date, not the word before it.
    const on = /^on\s+/i.exec(r.text.slice(offset, offset + length));
    if (on) [offset, length] = [offset + on[0].length, length - on[0].length];
    out.push({
      start: r.index + offset,
      end: r.index + offset + length,
      day: known.day,
      month,
      year: known.year,
    });
  }
  for (const m of text.matchAll(DOTTED)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (d < 1 || d > 31 || mo < 1 || mo > 12) continue;
    // "1.2.34" is more likely a version than a date: short dotted years need dd.mm.yy.
    if (
      m[3]!.length === 2 &&
      (m[1]!.length < 2 || m[2]!.length < 2) &&
      !/b\.|dob|d\.o\.b/i.test(text.slice(Math.max(0, m.index - 12), m.index))
    )
      continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      day: d,
      month: mo,
      year: m[3]!.length === 2 ? fullYear(y, year) : y,
    });
  }
  for (const m of text.matchAll(APOSTROPHE_YEAR)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      day: Number(m[1]),
      month: 1,
      year: fullYear(Number(m[3]), year),
    });
  }
  // The longest reading of each place.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateFound[] = [];
  for (const d of out) if (!kept.length || d.start >= kept[kept.length - 1]!.end) kept.push(d);
  return kept;
}

/** Whether a sentence ends between two places: a full stop, ! or ? then a capital, or a blank line. */
const sentenceEnds = (between: string) => /[!?]\s|\.\s+\p{Lu}|\n\s*\n/u.test(between);

export function findDatesOfBirth(text: string, year: number = new Date().getFullYear()): Finding[] {
  if (!/\d/.test(text)) return [];
  const dates = datesIn(text, year);
  const cued = new Set<DateFound>();
  for (const cue of text.matchAll(CUE)) {
    const from = cue.index + cue[0].length;
    // The first date after the cue, in the same sentence and within reach, is the birth date.
    const date = dates.find((d) => d.start >= from - 1 && d.start - from <= CUE_REACH);
    if (date && !sentenceEnds(text.slice(from, date.start))) cued.add(date);
  }
  for (const d of dates) if (CUE_AFTER.test(text.slice(d.end, d.end + 24))) cued.add(d);
  const out: Finding[] = [];
  for (const m of text.matchAll(BORN_YEAR)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (!dates.some((d) => d.start <= start && start < d.end))
      out.push({ kind: 'date-of-birth', start, end: start + 4, text: m[1]! });
  }
  for (const d of dates) {
    const old = d.day !== undefined && d.year !== undefined && d.year <= year - OLD_YEARS && d.year >= 1900;
    if (!cued.has(d) && !old) continue;
    // "her birthday is the 9th of November": the article goes with the date it names.
    const start =
      /\bthe\s$/i.test(text.slice(Math.max(0, d.start - 4), d.start)) && /^\d/.test(text.slice(d.start))
        ? d.start - 4
        : d.start;
    out.push({ kind: 'date-of-birth', start, end: d.end, text: text.slice(start, d.end) });
  }
  return out;
}
