/**
 * Which decision applies to a finding, and what stands in its place: shared by main (which applies them)
 * and the window (which shows them). No word lists or NLP here, so the window's bundle stays small.
 */
import { readerText } from '../deid/normalise';
import { type ExportFinding, REDACTED, type Resolution, type Resolutions } from './types';

/** A record's own entry, never one inherited from Object ("constructor", "__proto__"). */
const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

const splitSets = new WeakMap<readonly string[], Set<string>>();
const splitSet = (split: readonly string[]): Set<string> => {
  let set = splitSets.get(split);
  if (!set) splitSets.set(split, (set = new Set(split)));
  return set;
};

type Grouping = Pick<Resolutions, 'split' | 'same'>;

/**
 * The key a finding is decided by: its group's ("Maria Kowalski" for "Maria"), or its own words' where the
 * person split it off, or, where they said it is the same as another, that one's.
 */
export function keyOf(finding: ExportFinding, grouping: Grouping): string {
  const key =
    grouping.split && splitSet(grouping.split).has(finding.variantKey) ? finding.variantKey : finding.valueKey;
  return own(grouping.same, key) ?? key;
}

export function resolutionFor(finding: ExportFinding, resolutions: Resolutions): Resolution | null {
  return own(resolutions.byFinding, finding.id) ?? own(resolutions.byValue, keyOf(finding, resolutions)) ?? null;
}

/** The stand-in for a key: the person's own, else the suggested one. */
export function standInFor(
  key: string,
  resolutions: Pick<Resolutions, 'pseudonyms'>,
  suggested: Record<string, string>,
): string {
  return own(resolutions.pseudonyms, key)?.trim() || own(suggested, key) || REDACTED;
}

/** The decisions with every stand-in as a reader sees it: judged, and written, the same. */
export function inReaderForm(resolutions: Resolutions): Resolutions {
  const pseudonyms: Record<string, string> = {};
  for (const [key, value] of Object.entries(resolutions.pseudonyms)) pseudonyms[key] = readerText(value);
  return { ...resolutions, pseudonyms };
}

/** What stands in a finding's place. */
export function replacementFor(
  finding: ExportFinding,
  resolution: Resolution,
  resolutions: Resolutions,
  suggested: Record<string, string>,
): string {
  if (resolution.action === 'redact') return REDACTED;
  if (resolution.action === 'keep') return finding.text;
  return standInFor(keyOf(finding, resolutions), resolutions, suggested);
}

const wordsOf = (s: string) =>
  readerText(s)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en-GB')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Words a stand-in may share with what it replaces without giving it away: titles and little words, the
 * kinds of place and of person ("Willow Ward" may become "the ward" or "Ward A"), and our own stand-in words.
 */
const SHAREABLE = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'prof',
  'the',
  'of',
  'and',
  'de',
  'la',
  'van',
  'von',
  'st',
  'saint',
  'ward',
  'unit',
  'hospital',
  'infirmary',
  'surgery',
  'practice',
  'health',
  'medical',
  'centre',
  'center',
  'clinic',
  'school',
  'primary',
  'academy',
  'college',
  'university',
  'nursery',
  'high',
  'house',
  'home',
  'care',
  'hostel',
  'prison',
  'hmp',
  'church',
  'mosque',
  'temple',
  'team',
  'service',
  'trust',
  'road',
  'street',
  'lane',
  'avenue',
  'close',
  'drive',
  'way',
  'flat',
  'apartment',
  'unit',
  'general',
  'community',
  'client',
  'detail',
  'person',
  'relative',
  'colleague',
  'place',
  'workplace',
  'address',
  'number',
  'date',
  'phone',
  'postcode',
  'reference',
  'mum',
  'dad',
  'mother',
  'father',
  'brother',
  'sister',
  'son',
  'daughter',
  'nhs',
]);

/**
 * What in a stand-in gives away what it stands for, or null: a word of it ("Ms Patel" for "Keziah Patel"
 * gives away "Patel"), or, for numbers, four or more of its digits in a row ("07700 900 123" for
 * "07700 900123" gives away "0770").
 */
export function givesAway(pseudonym: string, value: string): string | null {
  pseudonym = readerText(pseudonym);
  const words = new Set(wordsOf(pseudonym));
  const shared = wordsOf(value).find((w) => w.length > 1 && !SHAREABLE.has(w) && !/^\d+$/.test(w) && words.has(w));
  if (shared)
    return pseudonym.match(new RegExp(`[\\p{L}\\p{M}]+`, 'gu'))?.find((w) => wordsOf(w)[0] === shared) ?? shared;
  const digits = readerText(value).replace(/\D/g, '');
  const theirs = pseudonym.replace(/\D/g, '');
  for (let i = 0; digits.length >= 4 && i + 4 <= digits.length; i++) {
    if (theirs.includes(digits.slice(i, i + 4))) return digits.slice(i, i + 4);
  }
  return null;
}

/**
 * The decision that settles a finding, or null while it is undecided. A pseudonym that gives the value
 * away ("Ms Patel" for "Keziah Patel"), or that `alsoRefuse` objects to, settles nothing.
 */
export function settledResolution(
  finding: ExportFinding,
  resolutions: Resolutions,
  suggested: Record<string, string>,
  alsoRefuse: (pseudonym: string) => boolean = () => false,
): Resolution | null {
  const resolution = resolutionFor(finding, resolutions);
  if (resolution?.action === 'pseudonym') {
    const pseudonym = replacementFor(finding, resolution, resolutions, suggested);
    if (givesAway(pseudonym, finding.text) || alsoRefuse(pseudonym)) return null;
  }
  return resolution;
}

/** Whether a text holds nothing but words a stand-in may use ("Ward", "Person", "Hospital", "A"). */
export function onlyStandInWords(text: string): boolean {
  return wordsOf(text).every((w) => SHAREABLE.has(w) || /^[a-z]{1,2}$/.test(w));
}

/** A, B, … Z, AA, AB, …: the letters of stand-ins, the same in main and in the window. */
export function seriesLetter(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}
