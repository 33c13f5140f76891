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

/** Whether `text`'s words appear, together and in order, among `inside`'s: a pseudonym that holds them hides nothing. */
export function holdsWords(inside: string, text: string): boolean {
  const hay = wordsOf(inside);
  const needle = wordsOf(text);
  if (!needle.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((w, j) => hay[i + j] === w)) return true;
  }
  return false;
}

/**
 * The decision that settles a finding, or null while it is undecided. A pseudonym that still holds the
 * words it stands in for ("Keziah K.") settles nothing.
 */
export function settledResolution(
  finding: ExportFinding,
  resolutions: Resolutions,
  suggested: Record<string, string>,
): Resolution | null {
  const resolution = resolutionFor(finding, resolutions);
  if (
    resolution?.action === 'pseudonym' &&
    holdsWords(replacementFor(finding, resolution, resolutions, suggested), finding.text)
  ) {
    return null;
  }
  return resolution;
}
