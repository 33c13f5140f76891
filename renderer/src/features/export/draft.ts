/**
 * The export in progress: what the person has chosen and how they have settled each finding. It waits in
 * the query cache while they look elsewhere in Holding, and goes with everything else when the vault locks.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  EMPTY_SELECTION,
  type ExportCheck,
  type ExportFinding,
  type ExportFormat,
  type ExportSelection,
  REDACTED,
  type Resolution,
  type Resolutions,
} from '../../../../common/export/types';
import { givesAway, keyOf, standInFor } from '../../../../common/export/resolve';
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
  /** For every finding decided by this key ("all like this"): see `keyOf`. */
  byValue: Record<string, Choice>;
  /** For one finding, by its place; kept with the words found there, so a moved finding is never mistaken for it. */
  byFinding: Record<string, { choice: Choice; text: string; valueKey: string }>;
  /** The person's own pseudonym for a key, as typed. */
  pseudonyms: Record<string, string>;
  /** Variant keys taken out of their group: "not the same person". */
  split: string[];
  /** Keys said to be the same as another: "the same person". Always to a key that is not itself in here. */
  same: Record<string, string>;
}

export const EMPTY_DECISIONS: Decisions = { byValue: {}, byFinding: {}, pseudonyms: {}, split: [], same: {} };

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
  /** Words the person asked the check to find in this export as well: it missed them. */
  lookFor: string[];
  /** The pseudonyms the check last suggested, as the person saw them: see `keepStandIns`. */
  seen: Record<string, string>;
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
    decisions: EMPTY_DECISIONS,
    lookFor: [],
    seen: {},
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
    // Only when there are some, so an export without them is checked exactly as before.
    ...(draft.lookFor.length ? { lookFor: draft.lookFor } : {}),
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

/** The choice that governs a finding (its own, else its group's), settled or not. */
export function choiceFor(finding: ExportFinding, decisions: Decisions): Choice | undefined {
  return overrideFor(finding, decisions) ?? decisions.byValue[keyOf(finding, decisions)];
}

/** What in a stand-in gives something away: a word of what it stands for, or of another detail the check found. */
export interface Refusal {
  word: string;
  /** The words it is part of. */
  value: string;
  /** Part of another detail the check found, not of what it stands for. */
  other: boolean;
}

/** Judges stand-ins: `(standIn, own)` gives what in it gives something away, or null. */
export type Refuse = (standIn: string, own: readonly string[]) => Refusal | null;

/**
 * Judges stand-ins as main does against `own` (the words a stand-in stands for) and `values` (everything the
 * check found), remembering each stand-in's answer for the values. Main also refuses a stand-in that reads
 * like a name or detail itself, which only its detectors can tell.
 */
export function refuser(values: readonly string[]): Refuse {
  const others = new Map<string, Refusal | null>();
  return (standIn, own) => {
    for (const value of own) {
      const word = givesAway(standIn, value);
      if (word !== null) return { word, value, other: false };
    }
    let found = others.get(standIn);
    if (found === undefined) {
      found = null;
      for (const value of values) {
        const word = givesAway(standIn, value);
        if (word !== null) {
          found = { word, value, other: true };
          break;
        }
      }
      others.set(standIn, found);
    }
    return found;
  };
}

/** Everything the check found that a stand-in must not hold: each different text once (link addresses aside). */
export function valuesOf(findings: readonly ExportFinding[]): string[] {
  return [...new Set(findings.filter((f) => f.kind !== 'link-address').map((f) => f.text))];
}

/**
 * Undecided: no choice, a "keep" still without its reason, or a pseudonym main would refuse because it gives
 * away these words (or, with `refuse` from `refuser`, anything else the check found). A finding's own unfinished
 * "keep" does not fall back on its group's decision: the person has said this one is different.
 */
export function isUndecided(
  finding: ExportFinding,
  decisions: Decisions,
  suggested: Record<string, string> = {},
  refuse: Refuse = refuser([]),
): boolean {
  const resolution = settled(choiceFor(finding, decisions));
  if (!resolution) return true;
  if (resolution.action !== 'pseudonym') return false;
  return refuse(pseudonymFor(keyOf(finding, decisions), decisions, suggested), [finding.text]) !== null;
}

export function undecidedCount(
  findings: readonly ExportFinding[],
  decisions: Decisions,
  suggested: Record<string, string>,
  refuse: Refuse = refuser(valuesOf(findings)),
): number {
  return findings.filter((f) => isUndecided(f, decisions, suggested, refuse)).length;
}

/** The decisions as main takes them, for these findings. */
export function resolutionsOf(findings: readonly ExportFinding[], decisions: Decisions): Resolutions {
  const out: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
  // Only the splits and merges these findings meet, so that what goes to main (and so the preview's query)
  // stays the same while nothing that matters has changed.
  const variants = new Set(findings.map((f) => f.variantKey));
  const split = decisions.split.filter((v) => variants.has(v)).sort();
  if (split.length) out.split = split;
  const owns = new Set(findings.map((f) => (split.includes(f.variantKey) ? f.variantKey : f.valueKey)));
  const same = Object.fromEntries(
    Object.entries(decisions.same)
      .filter(([from]) => owns.has(from))
      .sort(),
  );
  if (Object.keys(same).length) out.same = same;
  const keys = new Set(findings.map((f) => keyOf(f, out)));
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
  return { action: 'pseudonym', text: pseudonymFor(keyOf(finding, decisions), decisions, suggested) };
}

/** The stand-in for a key: the person's own, else the suggested one (as `standInFor` in main). */
export function pseudonymFor(key: string, decisions: Decisions, suggested: Record<string, string>): string {
  return standInFor(key, decisions, suggested);
}

// --- One person, one stand-in: splitting a group and joining two -------------------------------------------------

/** The key a finding has before any "the same person": its group's, or its own words' once split off. */
export function ownKeyOf(finding: ExportFinding, decisions: Pick<Decisions, 'split'>): string {
  return decisions.split.includes(finding.variantKey) ? finding.variantKey : finding.valueKey;
}

/**
 * Takes a finding's words out of the group it is in ("not the same person"): undoing a "the same person" that
 * brought them in, or splitting them off their own group. A split-off group starts with its group's decision
 * where that was to redact or to use a pseudonym (its own, different one); a reason to keep is not carried
 * over, since it was given for someone else.
 */
export function takeOut(finding: ExportFinding, decisions: Decisions): Decisions {
  const from = keyOf(finding, decisions);
  const own = ownKeyOf(finding, decisions);
  const next: Decisions = { ...decisions, same: { ...decisions.same }, split: [...decisions.split] };
  if (own !== from && own === finding.variantKey) delete next.same[own];
  else if (!next.split.includes(finding.variantKey)) next.split.push(finding.variantKey);
  const to = keyOf(finding, next);
  const carried = decisions.byValue[from];
  if (to !== from && !next.byValue[to] && carried && carried.action !== 'keep') {
    next.byValue = { ...next.byValue, [to]: carried };
  }
  // A pseudonym typed to match the group's (to say they were one) would make them one again: it goes.
  const typed = next.pseudonyms[to]?.trim().toLocaleLowerCase('en-GB');
  if (to !== from && typed && typed === next.pseudonyms[from]?.trim().toLocaleLowerCase('en-GB')) {
    const { [to]: _dropped, ...pseudonyms } = next.pseudonyms;
    next.pseudonyms = pseudonyms;
  }
  return next;
}

/** Puts split-off words back with their group. */
export function putBack(finding: ExportFinding, decisions: Decisions): Decisions {
  return { ...decisions, split: decisions.split.filter((v) => v !== finding.variantKey) };
}

/** "These are the same person": `key` is decided and stood in for as `other` from now on. */
export function join(key: string, other: string, decisions: Decisions): Decisions {
  const target = decisions.same[other] ?? other;
  if (target === key) return decisions;
  const same: Record<string, string> = {};
  // Whatever was joined to `key` goes along with it, so no chain is ever needed.
  for (const [from, to] of Object.entries(decisions.same)) same[from] = to === key ? target : to;
  same[key] = target;
  return { ...decisions, same };
}

/**
 * When the check reads everything again (words added, an entry edited or chosen), its suggested pseudonyms are
 * lettered afresh, and one the person chose could change under them ("Person J" now "Person L"). Each pseudonym
 * they chose by its suggestion keeps the one they saw (`before`), unless something else now stands in as it.
 */
export function keepStandIns(decisions: Decisions, before: Record<string, string>, after: ExportCheck): Decisions {
  const keys = new Set(after.findings.map((f) => keyOf(f, decisions)));
  const taken = new Set([...keys].map((k) => pseudonymFor(k, decisions, after.pseudonyms).toLocaleLowerCase('en-GB')));
  const pins: Record<string, string> = {};
  for (const key of keys) {
    if (decisions.byValue[key]?.action !== 'pseudonym' || decisions.pseudonyms[key]?.trim()) continue;
    const was = before[key];
    if (!was || was === after.pseudonyms[key] || taken.has(was.toLocaleLowerCase('en-GB'))) continue;
    pins[key] = was;
    taken.add(was.toLocaleLowerCase('en-GB'));
  }
  return Object.keys(pins).length ? { ...decisions, pseudonyms: { ...decisions.pseudonyms, ...pins } } : decisions;
}
