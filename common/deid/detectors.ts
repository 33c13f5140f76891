/**
 * De-identification detectors: find things in free text that could identify a patient or a colleague.
 *
 * Pure and platform-free. Every finding carries UTF-16 offsets into the input, so a caller can redact
 * with `text.slice(0, start) + '…' + text.slice(end)`. The detectors err towards flagging: a missed
 * identifier costs more than a redacted date.
 */

export type FindingKind =
  | 'nhs-number'
  | 'date-of-birth'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'address'
  | 'listed-name'
  | 'listed-place'
  | 'person-name'
  | 'link-address';

export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

export interface FindOptions {
  /** The user's own list of names and places to flag. */
  names?: readonly string[];
  /** The current year, for judging dates of birth; defaults to this year. */
  year?: number;
}

/** Ties of equal length go to the more specific kind (first in this list). */
const PRIORITY: readonly FindingKind[] = [
  'nhs-number',
  'email',
  'phone',
  'postcode',
  'date-of-birth',
  'address',
  'listed-name',
  'listed-place',
  'person-name',
  'link-address',
];

/** Letters, combining marks and digits: what counts as "inside a word" for boundaries. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function finding(kind: FindingKind, text: string, start: number, end: number): Finding {
  return { kind, start, end, text: text.slice(start, end) };
}

/** Keeps the longest findings (then the most specific, then the earliest) so that none overlap; sorted by start. */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start,
  );
  // Kept findings stay sorted and disjoint, so a binary search finds the only one that could overlap.
  const kept: Finding[] = [];
  for (const f of ranked) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.end <= f.start) lo = mid + 1;
      else hi = mid;
    }
    const next = kept[lo];
    if (f.end > f.start && (!next || next.start >= f.end)) kept.splice(lo, 0, f);
  }
  return kept;
}

/** Every detector, overlaps resolved. */
export function findIdentifiers(text: string, options: FindOptions = {}): Finding[] {
  return resolveOverlaps([
    ...findNhsNumbers(text),
    ...findDatesOfBirth(text, options.year),
    ...findPostcodes(text),
    ...findPhoneNumbers(text),
    ...findEmails(text),
    ...findAddresses(text),
    ...findListedNames(text, options.names ?? []),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// NHS numbers

/** Modulus 11: weights 10..2 on the first nine digits; check = 11 - (sum mod 11), 11 → 0, 10 → invalid. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Plain `9999999999`, or 3-3-4 with one kind of separator: `999 999 9999`, `999-999-9999`. */
const NHS_CANDIDATE = /(?<!\d)\d{3}([ -]?)\d{3}\1\d{4}(?!\d)/g;
const NHS_WRITTEN = /^(?:\d{10}|\d{3}([ -])\d{3}\1\d{4})$/;

export function findNhsNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(NHS_CANDIDATE)) {
    const start = m.index;
    const end = start + m[0].length;
    const sep = m[1] ?? '';
    // A spaced number must not continue a longer run of spaced digits ("+44 943 476 5919", "943 476 5919 12").
    if (sep && text[start - 1] === sep && /\d/.test(text[start - 2] ?? '')) continue;
    if (sep && text[end] === sep && /\d/.test(text[end + 1] ?? '')) continue;
    if (text[start - 1] === '+') continue;
    if (isValidNhsNumber(m[0].replace(/\D/g, ''))) out.push(finding('nhs-number', text, start, end));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates of birth

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Full names and abbreviations (Sept too), longest first so "March" wins over "Mar". */
const MONTH_NAME = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?`;
const ORDINAL = '(?:st|nd|rd|th)?';

/** "12 March 1984", "12th of March, 1984". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})${ORDINAL}(?:\s+of)?\s+(${MONTH_NAME}),?\s+(\d{4})(?![\p{L}\p{N}])`,
  'giu',
);
/** "March 12, 1984", "March 12th 1984". */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${MONTH_NAME})\s+(\d{1,2})${ORDINAL},?\s+(\d{4})(?![\p{L}\p{N}])`,
  'giu',
);
/** dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, d/m/yy (UK order), not inside a longer run of numbers. */
const NUMERIC_DMY = /(?<!\d)(?<!\d[/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![/.-]?\d)/g;
/** ISO yyyy-mm-dd (and yyyy/mm/dd). */
const NUMERIC_YMD = /(?<!\d)(?<!\d[/.-])(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?![/.-]?\d)/g;

/** Words that announce a date of birth. "b." only counts right before the date (see below). */
const DOB_CUE = /(?<![\p{L}\p{N}])(?:d\.?\s?o\.?\s?b|date\s+of\s+birth|birth(?:day|date)?s?|born)(?![\p{L}])/iu;
const B_DOT_CUE = /(?<![\p{L}\p{N}])b\.\s*$/iu;
const CUE_WINDOW = 40;
/** Dates at least this many years old are taken for birth dates even without a cue. */
const OLD_YEARS = 12;

interface DateCandidate {
  start: number;
  end: number;
  year: number;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The full year for a written one: 4 digits as they are, 2 digits as the latest year not after `current`. */
function fullYear(written: string, current: number): number {
  if (written.length === 4) return Number(written);
  const yy = Number(written);
  const century = Math.floor(current / 100) * 100;
  return century + yy <= current ? century + yy : century - 100 + yy;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

/** Every well-formed, real, plausible date; whether it is a birth date is judged afterwards. */
function dateCandidates(text: string, current: number): DateCandidate[] {
  const out: DateCandidate[] = [];
  const add = (m: RegExpMatchArray, day: string, month: number, year: string) => {
    const y = fullYear(year, current);
    const d = Number(day);
    if (y < 1900 || y > current || month < 1 || month > 12 || d < 1 || d > daysInMonth(y, month)) return;
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, year: y });
  };
  for (const m of text.matchAll(DAY_MONTH_YEAR)) add(m, m[1] ?? '', monthNumber(m[2] ?? ''), m[3] ?? '');
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m, m[2] ?? '', monthNumber(m[1] ?? ''), m[3] ?? '');
  for (const m of text.matchAll(NUMERIC_DMY)) {
    const [, day = '', sep, month = '', year = ''] = m;
    // "1.2.34" is more likely a version number than a date: dotted short years need dd.mm.yy.
    if (sep === '.' && year.length === 2 && (day.length < 2 || month.length < 2)) continue;
    add(m, day, Number(month), year);
  }
  for (const m of text.matchAll(NUMERIC_YMD)) add(m, m[4] ?? '', Number(m[3]), m[1] ?? '');
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Dates that look like dates of birth: a cue ("DOB", "D.O.B.", "date of birth", "born", "birthday", "b.")
 * within ~40 characters before (and no other date in between), or a year at least 12 years before `year`.
 */
export function findDatesOfBirth(text: string, year: number = new Date().getFullYear()): Finding[] {
  const out: Finding[] = [];
  let previousEnd = 0;
  for (const date of dateCandidates(text, year)) {
    const before = text.slice(Math.max(previousEnd, date.start - CUE_WINDOW), date.start);
    const cued = DOB_CUE.test(before) || B_DOT_CUE.test(before);
    if (cued || date.year <= year - OLD_YEARS) out.push(finding('date-of-birth', text, date.start, date.end));
    previousEnd = Math.max(previousEnd, date.end);
  }
  return resolveOverlaps(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Postcodes

/**
 * The UK format: outward code A9, A99, AA9, AA99, A9A or AA9A with the letters each position allows, then an
 * optional space and the inward code 9AA (never C, I, K, M, O or V). GIR 0AA is the one exception.
 */
const INWARD = String.raw`[ \u00A0]?\d[ABD-HJLNP-UW-Z]{2}`;
const POSTCODE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:GIR[ \u00A0]?0AA|(?:[A-PR-UWYZ]\d{1,2}|[A-PR-UWYZ][A-HK-Y]\d{1,2}|[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y])${INWARD})(?![\p{L}\p{N}])`,
  'giu',
);

export function findPostcodes(text: string): Finding[] {
  return [...text.matchAll(POSTCODE)].map((m) => finding('postcode', text, m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers

/**
 * A prefix (`+44`, `+44 (0)`, `(0121)` or a bare leading 0) then up to six digit groups joined by single spaces
 * or hyphens. `findPhoneNumbers` trims trailing groups until what is left is a valid UK number.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}_+/])(\+44[ -]?(?:\(0\)[ -]?)?|\(0\d{2,5}\)[ -]?|(?=0))(\d{1,11}(?:[ -]\d{1,11}){0,5})/gu;

/** After +44 → 0: 10 or 11 digits, a real UK range (01, 02, 03, 05, 07, 08, 09); 10 digits only for 01 and 08. */
function isUkNumber(digits: string): boolean {
  if (!/^0[1235789]\d{8,9}$/.test(digits)) return false;
  return digits.length === 11 || /^0[18]/.test(digits);
}

/** The end of the longest valid number in a candidate, if any. */
function phoneEnd(text: string, start: number, prefix: string, tail: string): number | undefined {
  const tailStart = start + prefix.length;
  // Where the number may end: the whole candidate, then before each separator, longest first.
  const cuts = [tail.length];
  for (let i = tail.length - 1; i > 0; i--) if (tail[i] === ' ' || tail[i] === '-') cuts.push(i);
  for (const cut of cuts) {
    const end = tailStart + cut;
    // Not glued to a word or a longer number, nor running on into a date or time ("01/02", "09:30").
    if (WORD_CHAR.test(text[end] ?? '') || /^[/.:]\d/.test(text.slice(end, end + 2))) continue;
    const groups = tail.slice(0, cut).split(/[ -]/);
    // Real numbers come in groups: an area code of 2+ digits, then groups of 3+ ("07 12 15 18" is not one).
    const firstMin = prefix.startsWith('(') ? 3 : 2;
    if (groups.some((g, i) => g.length < (i === 0 ? firstMin : 3))) continue;
    const raw = text.slice(start, end);
    let digits = raw.replace(/\D/g, '');
    if (prefix.startsWith('+')) digits = '0' + digits.slice(2).replace(/^0/, '');
    if (!isUkNumber(digits)) continue;
    // A valid NHS number written as one is left to the NHS detector.
    if (!prefix && NHS_WRITTEN.test(raw) && isValidNhsNumber(digits)) return undefined;
    return end;
  }
  return undefined;
}

export function findPhoneNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  const re = new RegExp(PHONE_CANDIDATE);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = phoneEnd(text, m.index, m[1] ?? '', m[2] ?? '');
    if (end === undefined) {
      // Try again from the next character: a number may start inside a run that did not fit ("0 07700 900123").
      re.lastIndex = m.index + 1;
    } else {
      out.push(finding('phone', text, m.index, end));
      re.lastIndex = end;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// E-mail addresses

/** A character of an e-mail local part other than the dot. */
const LOCAL_CHAR = /[\p{L}\p{N}_%+-]/u;
/** Dotted domain labels and a letters-only TLD, read from just after the @; trailing punctuation left out. */
const DOMAIN = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}_-])/uy;

/**
 * local@domain.tld. Works outwards from each @ (linear time, whatever the text): the local part is the longest
 * run of letters, digits and _%+- before it, with single dots inside but not at either end.
 */
export function findEmails(text: string): Finding[] {
  const out: Finding[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0) {
      const ch = text[start - 1] ?? '';
      const dotInside = ch === '.' && start < at && LOCAL_CHAR.test(text[start - 2] ?? '');
      if (!LOCAL_CHAR.test(ch) && !dotInside) break;
      start--;
    }
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (domain) out.push(finding('email', text, start, at + 1 + domain[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Street addresses

const STREET_TYPES = [
  'Road',
  'Rd',
  'Street',
  'St',
  'Avenue',
  'Ave',
  'Lane',
  'Ln',
  'Drive',
  'Dr',
  'Close',
  'Way',
  'Court',
  'Crescent',
  'Place',
  'Gardens',
  'Grove',
  'Terrace',
  'Square',
  'Hill',
  'Park',
  'Row',
  'Mews',
  'Walk',
];
const HOUSE_NUMBER = String.raw`\d{1,4}[A-Za-z]?(?:[-–]\d{1,4}[A-Za-z]?)?`;
const GAP = String.raw`[ \t\u00A0]+`;
/**
 * Optional "Flat 3, " then a house number ("14", "221b", "12-14"), one to four capitalised words and a street
 * type, all on one line: "14 Acacia Avenue", "Flat 3, 12 Mill Lane", "12 St Mary's Road".
 */
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:[Ff]lat|[Aa]partment|[Aa]pt|[Uu]nit)\.?${GAP}\d{1,4}[A-Za-z]?,?${GAP})?` +
    String.raw`${HOUSE_NUMBER},?${GAP}(?:\p{Lu}[\p{L}'’.-]*${GAP}){1,4}(?:${STREET_TYPES.join('|')})(?![\p{L}\p{N}])`,
  'gu',
);

export function findAddresses(text: string): Finding[] {
  return [...text.matchAll(ADDRESS)].map((m) => finding('address', text, m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------------------------------------------------------
// Listed names

/** A name as a pattern: regex characters escaped, any run of spaces matching any whitespace, ' matching ’. */
function namePattern(name: string): string {
  return name
    .split(/\s+/)
    .map((word) =>
      [...word].map((ch) => (ch === "'" || ch === '’' ? "['’]" : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))).join(''),
    )
    .join(String.raw`\s+`);
}

/**
 * Case-insensitive whole-word matches of the user's names, Unicode-aware: a name never matches inside a longer
 * word ("Ann" in "Annual"). Both composed and decomposed accents match ("Siân" either way).
 * Where names overlap, the longest wins.
 */
export function findListedNames(text: string, names: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const re of patternsFor(names)) {
    for (const m of text.matchAll(re)) out.push(finding('listed-name', text, m.index, m.index + m[0].length));
  }
  return resolveOverlaps(out);
}

/** The compiled patterns for a list, kept for the last few lists: an export checks every paragraph against them. */
const compiled = new Map<string, RegExp[]>();

function patternsFor(names: readonly string[]): RegExp[] {
  const key = names.join('\u0000');
  const known = compiled.get(key);
  if (known) return known;
  const variants = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (!trimmed) continue;
    variants.add(trimmed.normalize('NFC'));
    variants.add(trimmed.normalize('NFD'));
  }
  const patterns = [...variants].map(
    (name) => new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])${namePattern(name)}(?![\p{L}\p{M}\p{N}])`, 'giu'),
  );
  if (compiled.size >= 8) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, patterns);
  return patterns;
}

/** Forgets the compiled lists (on lock: they are the person's names). */
export function clearListPatterns(): void {
  compiled.clear();
}
