/**
 * The export in progress: what the person has chosen and how they have settled each finding. It waits in
 * the query cache while they look elsewhere in Holding, and goes with everything else when the vault locks.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  EMPTY_SELECTION,
  type ExportFinding,
  type ExportFormat,
  type ExportSelection,
  REDACTED,
  type Resolution,
  type Resolutions,
} from '../../../../common/export/types';
import { givesAway } from '../../../../common/export/resolve';
import type { EntryKind } from '../../../../common/journal/types';
import { addMonths, thisMonth, today } from '../supervision/format';

export const DRAFT_KEY = ['export-draft'] as const;

export interface ChosenEntry {
  id: string;
  title: string;
  kind: EntryKind;
  clientMaterial: boolean;
  /** Just a part of the entry (the passage below), rather than all of it. */
  part: boolean;
  excerpt: string;
}

/** A decision as it is being made: "keep" can wait here without its reason, but does not count until it has one. */
export type Choice = { action: 'redact' } | { action: 'pseudonym' } | { action: 'keep'; reason: string };
export type Action = Choice['action'];

export interface Decisions {
  /** For every finding with this value ("all like this"). */
  byValue: Record<string, Choice>;
  /** For one finding, by its place; kept with the words found there, so a moved finding is never mistaken for it. */
  byFinding: Record<string, { choice: Choice; text: string; valueKey: string }>;
  /** The person's own pseudonym for a value, as typed. */
  pseudonyms: Record<string, string>;
}

export interface Draft {
  step: 'choose' | 'check';
  title: string;
  entries: ChosenEntry[];
  agendas: string[];
  sessions: string[];
  hours: { on: boolean; supervisorId: string; from: string; to: string };
  checkins: { on: boolean; from: string; to: string };
  signs: boolean;
  decisions: Decisions;
  format: ExportFormat;
}

const DAY = 24 * 60 * 60 * 1000;

export function emptyDraft(now = new Date()): Draft {
  return {
    step: 'choose',
    title: EMPTY_SELECTION.title,
    entries: [],
    agendas: [],
    sessions: [],
    hours: { on: false, supervisorId: '', from: addMonths(thisMonth(now), -5), to: thisMonth(now) },
    checkins: { on: false, from: today(new Date(now.getTime() - 27 * DAY)), to: today(now) },
    signs: false,
    decisions: { byValue: {}, byFinding: {}, pseudonyms: {} },
    format: 'pdf',
  };
}

/** The draft, kept in the cache as it changes (never after the page has gone, so a lock cannot be undone). */
export function useExportDraft() {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => queryClient.getQueryData<Draft>(DRAFT_KEY) ?? emptyDraft());
  useEffect(() => {
    // Kept until the vault locks, not swept away after a few idle minutes.
    queryClient.setQueryDefaults(DRAFT_KEY, { gcTime: Infinity });
    queryClient.setQueryData<Draft>(DRAFT_KEY, draft);
  }, [queryClient, draft]);
  const reset = () => {
    queryClient.removeQueries({ queryKey: DRAFT_KEY });
    setDraft(emptyDraft());
  };
  return [draft, setDraft, reset] as const;
}

/** What goes to main: check-ins and signs only when ticked; an entry's passage only when "just a part". */
export function selectionOf(draft: Draft): ExportSelection {
  return {
    title: draft.title,
    entries: draft.entries.map((e) => ({ id: e.id, excerpt: e.part ? e.excerpt : null })),
    agendas: draft.agendas,
    sessions: draft.sessions,
    hours: draft.hours.on
      ? { supervisorId: draft.hours.supervisorId, from: draft.hours.from, to: draft.hours.to }
      : null,
    checkins: draft.checkins.on ? { from: draft.checkins.from, to: draft.checkins.to } : null,
    signs: draft.signs,
  };
}

export function itemCount(draft: Draft): number {
  return (
    draft.entries.length +
    draft.agendas.length +
    draft.sessions.length +
    (draft.hours.on ? 1 : 0) +
    (draft.checkins.on ? 1 : 0) +
    (draft.signs ? 1 : 0)
  );
}

export const MAX_REASON = 500;
export const MAX_PSEUDONYM = 60;

/** A choice that can go to main: "keep" needs its reason. */
export function settled(choice: Choice | undefined): Resolution | null {
  if (!choice) return null;
  if (choice.action !== 'keep') return choice;
  const reason = choice.reason.trim();
  return reason ? { action: 'keep', reason: reason.slice(0, MAX_REASON) } : null;
}

/** The override for this finding, if one was made for exactly these words in this place. */
export function overrideFor(finding: ExportFinding, decisions: Decisions): Choice | undefined {
  const own = decisions.byFinding[finding.id];
  return own && own.text === finding.text && own.valueKey === finding.valueKey ? own.choice : undefined;
}

/** The choice that governs a finding (its own, else its value's), settled or not. */
export function choiceFor(finding: ExportFinding, decisions: Decisions): Choice | undefined {
  return overrideFor(finding, decisions) ?? decisions.byValue[finding.valueKey];
}

/**
 * Undecided: no choice, or a "keep" still without its reason. (A finding's own unfinished "keep" does not
 * fall back on its value's decision: the person has said this one is different.)
 */
export function isUndecided(
  finding: ExportFinding,
  decisions: Decisions,
  suggested: Record<string, string> = {},
): boolean {
  const resolution = settled(choiceFor(finding, decisions));
  if (!resolution) return true;
  // A pseudonym that still holds the words it stands in for hides nothing.
  return (
    resolution.action === 'pseudonym' && givesAway(pseudonymFor(finding.valueKey, decisions, suggested), finding.text)
  );
}

export function undecidedCount(
  findings: readonly ExportFinding[],
  decisions: Decisions,
  suggested: Record<string, string>,
): number {
  return findings.filter((f) => isUndecided(f, decisions, suggested)).length;
}

/** The decisions as main takes them, for these findings. */
export function resolutionsOf(findings: readonly ExportFinding[], decisions: Decisions): Resolutions {
  const out: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
  const keys = new Set(findings.map((f) => f.valueKey));
  for (const key of keys) {
    const resolution = settled(decisions.byValue[key]);
    if (resolution) out.byValue[key] = resolution;
    const pseudonym = decisions.pseudonyms[key]?.trim();
    if (pseudonym) out.pseudonyms[key] = pseudonym.slice(0, MAX_PSEUDONYM);
  }
  for (const finding of findings) {
    const resolution = settled(overrideFor(finding, decisions));
    if (resolution) out.byFinding[finding.id] = resolution;
  }
  return out;
}

/** The words that will stand in a finding's place, or null while it is undecided. */
export function outcomeOf(
  finding: ExportFinding,
  decisions: Decisions,
  suggested: Record<string, string>,
): { action: Action; text: string } | null {
  const resolution = settled(choiceFor(finding, decisions));
  if (!resolution) return null;
  if (resolution.action === 'redact') return { action: 'redact', text: REDACTED };
  if (resolution.action === 'keep') return { action: 'keep', text: finding.text };
  return { action: 'pseudonym', text: pseudonymFor(finding.valueKey, decisions, suggested) };
}

export function pseudonymFor(valueKey: string, decisions: Decisions, suggested: Record<string, string>): string {
  return decisions.pseudonyms[valueKey]?.trim() || suggested[valueKey] || REDACTED;
}
