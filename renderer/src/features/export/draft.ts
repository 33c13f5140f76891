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
  type RefusedStandIn,
  type Resolution,
  type Resolutions,
} from '../../../../common/export/types';
import { foldName, readerText } from '../../../../common/deid/normalise';
import { type Countable, itemCount as countItems } from '../../../../common/export/items';
import { givesAway, keyOf, seriesLetter, standInFor } from '../../../../common/export/resolve';
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
  /**
   * Stand-ins kept as the person saw them when the check read everything again and lettered its suggestions
   * afresh (see `keepStandIns`). Not typed by the person, so never taken for their own words, but sent to main
   * with theirs so that what leaves is what they saw.
   */
  pinned: Record<string, string>;
}

export const EMPTY_DECISIONS: Decisions = {
  byValue: {},
  byFinding: {},
  pseudonyms: {},
  split: [],
  same: {},
  pinned: {},
};

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
  /**
   * A contact id: the person's replies to that supervisor's comments go with this share ('' for none). Missing
   * from a draft kept from before replies existed.
   */
  replies?: string | undefined;
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
    replies: '',
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

/** The parts of a draft that say what is chosen (not the decisions, the format or the step). */
export type DraftSelection = Pick<
  Draft,
  'title' | 'entries' | 'agendas' | 'sessions' | 'hours' | 'checkins' | 'signs' | 'lookFor' | 'replies'
>;

/** What goes to main: check-ins and signs only when ticked; an entry's passage only when "just a part". */
export function selectionOf(draft: DraftSelection): ExportSelection {
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
    // Likewise: an export without replies is checked exactly as before.
    ...(draft.replies ? { replies: draft.replies } : {}),
  };
}

/**
 * How many items the export will hold, counted as everywhere else (common/export/items.ts). An agenda counts
 * what is on it, given in `agendaSizes` once known (until then it counts as one).
 */
export function itemCount(draft: Draft, agendaSizes: Readonly<Record<string, number>> = {}): number {
  const things: Countable[] = [
    ...draft.entries.map(() => ({ kind: 'entry' as const })),
    ...draft.agendas.map((id) => ({ kind: 'agenda' as const, parts: { length: agendaSizes[id] ?? 0 } })),
    ...draft.sessions.map(() => ({ kind: 'session' as const })),
    ...(draft.hours.on ? [{ kind: 'hours' as const }] : []),
    ...(draft.checkins.on ? [{ kind: 'checkins' as const }] : []),
    ...(draft.signs ? [{ kind: 'signs' as const }] : []),
  ];
  return countItems(things);
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
 * What else keeps a pseudonym from settling anything, beyond what `refuse` finds in it: worked out for all the
 * findings at once.
 */
export interface StandInChecks {
  /** Groups whose own typed pseudonym also stands in for another group: "are these the same?" waits for an answer. */
  clashes?: ReadonlyMap<string, string>;
  /** Stand-ins main refused, by key, where the stand-in shown is still the one refused (`refusedNow`). */
  refused?: ReadonlyMap<string, RefusedStandIn>;
}

/**
 * Undecided: no choice, a "keep" still without its reason, or a pseudonym that cannot be used yet: one that
 * gives away these words (or, with `refuse` from `refuser`, anything else the check found), one main refused,
 * or one the person typed that stands in for another group too, until they say whether the two are one. A
 * finding's own unfinished "keep" does not fall back on its group's decision: the person has said this one is
 * different.
 */
export function isUndecided(
  finding: ExportFinding,
  decisions: Decisions,
  suggested: Record<string, string> = {},
  refuse: Refuse = refuser([]),
  checks: StandInChecks = {},
): boolean {
  const resolution = settled(choiceFor(finding, decisions));
  if (!resolution) return true;
  if (resolution.action !== 'pseudonym') return false;
  const key = keyOf(finding, decisions);
  if (checks.clashes?.has(key) || checks.refused?.has(key)) return true;
  return refuse(pseudonymFor(key, decisions, suggested), [finding.text]) !== null;
}

export function undecidedCount(
  findings: readonly ExportFinding[],
  decisions: Decisions,
  suggested: Record<string, string>,
  refuse: Refuse = refuser(valuesOf(findings)),
  checks: StandInChecks = { clashes: clashesOf(findings, decisions, suggested) },
): number {
  return findings.filter((f) => isUndecided(f, decisions, suggested, refuse, checks)).length;
}

/**
 * Groups whose own typed pseudonym is also the stand-in shown for another group with a pseudonym in use, each
 * to the first such group in reading order. The question "Are these the same person?" is asked where the
 * pseudonym was typed, and until it is answered (yes, or another pseudonym) the group is not decided: two
 * people must not leave as one without the person saying so.
 */
export function clashesOf(
  findings: readonly ExportFinding[],
  decisions: Decisions,
  suggested: Record<string, string>,
): Map<string, string> {
  const inUse: string[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const key = keyOf(f, decisions);
    if (seen.has(key) || choiceFor(f, decisions)?.action !== 'pseudonym') continue;
    seen.add(key);
    inUse.push(key);
  }
  const byStandIn = new Map<string, string[]>();
  for (const key of inUse) {
    const shown = standInFold(pseudonymFor(key, decisions, suggested));
    byStandIn.set(shown, [...(byStandIn.get(shown) ?? []), key]);
  }
  const out = new Map<string, string>();
  for (const key of inUse) {
    const typed = decisions.pseudonyms[key]?.trim();
    const other = typed ? byStandIn.get(standInFold(typed))?.find((k) => k !== key) : undefined;
    if (other) out.set(key, other);
  }
  return out;
}

/** Main's refusals that still stand: the stand-in shown for the key is still the one main refused. */
export function refusedNow(
  refused: readonly RefusedStandIn[],
  decisions: Decisions,
  suggested: Record<string, string>,
): Map<string, RefusedStandIn> {
  return new Map(
    refused.filter((r) => sameStandIn(pseudonymFor(r.key, decisions, suggested), r.pseudonym)).map((r) => [r.key, r]),
  );
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
    const pseudonym = decisions.pseudonyms[key]?.trim() || pinnedFor(key, decisions);
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

const pinnedFor = (key: string, decisions: Pick<Decisions, 'pinned'>): string | undefined =>
  Object.hasOwn(decisions.pinned, key) ? decisions.pinned[key] : undefined;

/**
 * The stand-in shown for a key: the person's own, else the one kept as they saw it, else the suggested one
 * (as `standInFor` in main, which is sent the kept ones with the person's own).
 */
export function pseudonymFor(key: string, decisions: Decisions, suggested: Record<string, string>): string {
  const pinned = pinnedFor(key, decisions);
  return standInFor(key, decisions, pinned ? { [key]: pinned } : suggested);
}

/** Stand-ins compared as a reader would: "Person A", "person a" and "Person\u200B A" are one. */
export const sameStandIn = (a: string, b: string): boolean => standInFold(a) === standInFold(b);
const standInFold = (s: string) => readerText(s).replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');

// --- One person, one stand-in: splitting a group and joining two -------------------------------------------------

/** The key a finding has before any "the same person": its group's, or its own words' once split off. */
export function ownKeyOf(finding: ExportFinding, decisions: Pick<Decisions, 'split'>): string {
  return decisions.split.includes(finding.variantKey) ? finding.variantKey : finding.valueKey;
}

/**
 * "Not the same person": takes a finding's words out of the group they are shown in.
 *
 * - Where the person had said the words' own group is the same as another, that is undone, for the whole of
 *   their own group ("Maria Kowalski", and "Ms Kowalski" with it, goes back to being herself).
 * - Otherwise the words are split off their group and start afresh: with the group's decision where that was
 *   to redact or to use a pseudonym (a different one of their own), never with a reason to keep given for
 *   someone else, nor with anything decided for them before they were last put back.
 *
 * A pseudonym the person typed to match the group's (to say they were one) would make them one again, so it
 * goes. It is compared with the stand-in actually shown for the group: typed, kept or suggested (`suggested`).
 */
export function takeOut(finding: ExportFinding, decisions: Decisions, suggested: Record<string, string>): Decisions {
  const from = keyOf(finding, decisions);
  const own = ownKeyOf(finding, decisions);
  const next: Decisions = {
    ...decisions,
    byValue: { ...decisions.byValue },
    pseudonyms: { ...decisions.pseudonyms },
    same: { ...decisions.same },
    split: [...decisions.split],
  };
  let to: string;
  if (own !== from) {
    delete next.same[own];
    to = own;
  } else {
    to = finding.variantKey;
    if (to === from) return decisions;
    next.split.push(to);
    delete next.byValue[to];
    delete next.pseudonyms[to];
    delete next.same[to];
  }
  const carried = decisions.byValue[from];
  if (!next.byValue[to] && carried && carried.action !== 'keep') next.byValue[to] = carried;
  const typed = next.pseudonyms[to]?.trim();
  if (typed && sameStandIn(typed, pseudonymFor(from, decisions, suggested))) delete next.pseudonyms[to];
  return next;
}

/**
 * Puts split-off words back with their group. Anything said to be the same as them goes with them, and where
 * their group had been said to be the same as them, it is one group again.
 */
export function putBack(finding: ExportFinding, decisions: Decisions): Decisions {
  const variant = finding.variantKey;
  const same = { ...decisions.same };
  delete same[variant];
  if (same[finding.valueKey] === variant) delete same[finding.valueKey];
  const into = same[finding.valueKey] ?? finding.valueKey;
  for (const [from, to] of Object.entries(same)) {
    if (to !== variant) continue;
    if (from === into) delete same[from];
    else same[from] = into;
  }
  return { ...decisions, same, split: decisions.split.filter((v) => v !== variant) };
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
 * When the check reads everything again (words added, an entry edited or chosen), it letters its suggested
 * pseudonyms afresh in reading order, so a stand-in could change under the person ("Person J" now "Person L",
 * or theirs given to someone new). So, with `before` the suggestions they saw last time:
 *
 * 1. every group decided as a pseudonym keeps the stand-in shown for it (unless they typed their own);
 * 2. every other group shown before keeps its stand-in too, where no group in 1 has it;
 * 3. new groups, and the forms that could be split off, take their suggestion where it is free, and otherwise
 *    the next letter nobody uses or types ("Person C" when "Person A" and "Person B" are taken);
 *
 * and last, for groups with a pseudonym of their own, what would stand in if they cleared it. Only stand-ins
 * that differ from the new suggestions are kept (in `pinned`); nothing else changes.
 */
export function keepStandIns(decisions: Decisions, before: Record<string, string>, after: ExportCheck): Decisions {
  const suggested = after.pseudonyms;
  const groups: string[] = [];
  const isGroup = new Set<string>();
  const decided = new Set<string>();
  for (const f of after.findings) {
    const key = keyOf(f, decisions);
    if (!isGroup.has(key)) {
      isGroup.add(key);
      groups.push(key);
    }
    if (choiceFor(f, decisions)?.action === 'pseudonym') decided.add(key);
  }
  const typed = (key: string) => !!decisions.pseudonyms[key]?.trim();
  const shownBefore = (key: string) =>
    pinnedFor(key, decisions) ?? (isGroup.has(key) && Object.hasOwn(before, key) ? before[key] : undefined);
  const order = [
    ...groups.filter((k) => decided.has(k) && !typed(k)),
    ...groups.filter((k) => !decided.has(k) && !typed(k)),
    ...Object.keys(suggested).filter((k) => !isGroup.has(k)),
    ...groups.filter(typed),
  ];
  const wanted = (key: string) => shownBefore(key) ?? suggested[key];
  // The person's own stand-ins: a stand-in they saw stays even where they typed the same (and are asked whether
  // the two are one), but nothing new is given one of theirs.
  const own = new Set(groups.filter(typed).map((k) => standInFold(decisions.pseudonyms[k]!)));
  const taken = new Set<string>();
  // What keys still to come ask for: a fresh letter is not one of those.
  const asked = new Map<string, number>();
  for (const key of order) {
    const want = wanted(key);
    if (want) asked.set(standInFold(want), (asked.get(standInFold(want)) ?? 0) + 1);
  }
  const free = (value: string) => !taken.has(standInFold(value)) && !own.has(standInFold(value));
  const pinned: Record<string, string> = {};
  for (const key of order) {
    const want = wanted(key);
    if (!want) continue;
    asked.set(standInFold(want), asked.get(standInFold(want))! - 1);
    let value = want;
    const seen = !typed(key) && shownBefore(key) !== undefined;
    if (seen ? taken.has(standInFold(want)) : !free(want)) {
      const label = /^(.*\S)\s+[A-Z]+$/.exec(want)?.[1] ?? want;
      for (let n = 0; ; n++) {
        value = `${label} ${seriesLetter(n)}`;
        if (free(value) && !asked.get(standInFold(value))) break;
      }
    }
    taken.add(standInFold(value));
    if (value !== suggested[key]) pinned[key] = value;
  }
  const unchanged =
    Object.keys(pinned).length === Object.keys(decisions.pinned).length &&
    Object.entries(pinned).every(([k, v]) => decisions.pinned[k] === v);
  return unchanged ? decisions : { ...decisions, pinned };
}

// --- Words the check missed, brought to it by the person ------------------------------------------------------

/** How words the person picked out are brought to the check. */
export type MissedVia = 'look-for' | 'names';

/** Case, accents, spacing and the shape of apostrophes set aside, as the check sets them aside. */
const wordsFold = (s: string) => foldName(readerText(s)).replace(/\s+/g, ' ').trim();
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

export interface Found {
  /** The findings that are these words (for the names list, a word of them), in reading order. */
  findings: ExportFinding[];
  /** The words as found, each spelling once ("Kwame", "Mensah"). */
  texts: string[];
  /** Where none are found on their own: longer findings the words are part of ("Dr Biscuit" for "Biscuit"). */
  within: ExportFinding[];
}

/**
 * What the check found of words the person asked it to look for. Looked for in this export, they are found as
 * a whole and wherever they are written (findings of kind 'added', or a place made of them). Put on the names
 * list, each word of a whole name is found on its own as well ('listed-name'). Found only inside something
 * longer the check found already, they are `within` that.
 */
export function foundFor(check: ExportCheck, words: string, via: MissedVia): Found {
  const whole = wordsFold(words);
  const parts = new Set((whole.match(WORD) ?? []).map(wordsFold));
  const findings = check.findings.filter((f) => {
    const text = wordsFold(f.text);
    if (via === 'look-for') return (f.kind === 'added' || f.kind === 'listed-place') && text === whole;
    return f.kind === 'listed-name' && (text === whole || (text.match(WORD) ?? []).every((w) => parts.has(w)));
  });
  const texts = new Map<string, string>();
  for (const f of findings) if (!texts.has(wordsFold(f.text))) texts.set(wordsFold(f.text), f.text);
  const escaped = whole.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const inside = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'u');
  const within = findings.length ? [] : check.findings.filter((f) => inside.test(wordsFold(f.text)));
  return { findings, texts: [...texts.values()], within };
}

/**
 * "Redact this" or "Give it a pseudonym" for words the check found: said of these words, so it is the
 * decision for every group they are in, in place of anything decided for those groups before (and of any
 * finding in them decided on its own).
 */
export function decideFound(
  decisions: Decisions,
  findings: readonly ExportFinding[],
  found: readonly ExportFinding[],
  action: 'redact' | 'pseudonym',
): Decisions {
  const keys = new Set(found.map((f) => keyOf(f, decisions)));
  const byValue = { ...decisions.byValue };
  for (const key of keys) byValue[key] = { action };
  const byFinding = { ...decisions.byFinding };
  for (const f of findings) if (keys.has(keyOf(f, decisions))) delete byFinding[f.id];
  return { ...decisions, byValue, byFinding };
}

/**
 * Words selected in the Markdown as a reader would write them: without the marks around emphasis and code
 * ("**Biscuit**", "_Biscuit_", "`Biscuit`") or the backslashes that keep a character as it is ("Tom\_Hill").
 */
export function markdownToWords(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])|[*_`~]+/g, (_, escaped: string | undefined) => escaped ?? '');
}
