/**
 * Which decision applies to a finding, and what stands in its place: shared by main (which applies them)
 * and the window (which shows them). No NLP here, so the window's bundle stays small.
 */
import { type ExportFinding, REDACTED, type Resolution, type Resolutions } from './types';

export function resolutionFor(finding: ExportFinding, resolutions: Resolutions): Resolution | null {
  return resolutions.byFinding[finding.id] ?? resolutions.byValue[finding.valueKey] ?? null;
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
  return resolutions.pseudonyms[finding.valueKey]?.trim() || suggested[finding.valueKey] || REDACTED;
}

const wordsOf = (s: string) => s.toLocaleLowerCase('en-GB').match(/[\p{L}\p{N}]+/gu) ?? [];
/** Titles and little words a pseudonym may share with a name without giving it away. */
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
]);

/**
 * Whether a stand-in gives away what it stands for: any word of it ("Ms Patel" for "Keziah Patel"), or,
 * for numbers, four or more of its digits in a row ("07700 900 123" for "07700 900123").
 */
export function givesAway(pseudonym: string, value: string): boolean {
  const words = new Set(wordsOf(pseudonym));
  if (wordsOf(value).some((w) => w.length > 1 && !SHAREABLE.has(w) && !/^\d+$/.test(w) && words.has(w))) return true;
  const digits = value.replace(/\D/g, '');
  const theirs = pseudonym.replace(/\D/g, '');
  for (let i = 0; digits.length >= 4 && i + 4 <= digits.length; i++) {
    if (theirs.includes(digits.slice(i, i + 4))) return true;
  }
  return false;
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
