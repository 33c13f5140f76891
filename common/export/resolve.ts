/**
 * Which decision applies to a finding, and what stands in its place: shared by main (which applies them)
 * and the window (which shows them). No NLP here, so the window's bundle stays small.
 */
import { type ExportFinding, REDACTED, type Resolution, type Resolutions } from './types';

export function resolutionFor(finding: ExportFinding, resolutions: Resolutions): Resolution | null {
  return resolutions.byFinding[finding.id] ?? resolutions.byValue[finding.valueKey] ?? null;
}

export function unresolvedCount(findings: readonly ExportFinding[], resolutions: Resolutions): number {
  return findings.filter((f) => !resolutionFor(f, resolutions)).length;
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
