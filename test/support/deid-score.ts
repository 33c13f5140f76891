/**
 * Scores the identifying-details check against the labelled corpus: how much of what identifies someone
 * it finds (recall, by kind and by the origin of names), how much of what it flags is real (precision),
 * and how often it raises a false alarm in ordinary writing (per 1,000 words).
 *
 * A label counts as found only when every letter and digit of it is covered by findings: "Bogdan" alone
 * does not find "Bogdan Popescu". A finding that touches no label is a false alarm.
 */
import { checkTexts, type CheckTextsOptions } from '../../common/deid/check';
import type { Finding } from '../../common/deid/detectors';
import { readerText } from '../../common/deid/normalise';
import { type Label, type Passage, wordCount } from './deid-corpus';

export interface Miss {
  passage: string;
  label: Label;
  /** The words around it. */
  context: string;
}

export interface FalseAlarm {
  passage: string;
  finding: Finding;
  context: string;
}

export interface Tally {
  found: number;
  total: number;
}

export interface Score {
  passages: number;
  words: number;
  labels: Tally;
  byKind: Map<string, Tally>;
  byOrigin: Map<string, Tally>;
  /** Findings that touch a label, and all findings. */
  truePositives: number;
  findings: number;
  falseAlarms: FalseAlarm[];
  misses: Miss[];
  /** Words and false alarms in passages with no identifiers at all. */
  cleanWords: number;
  cleanFalseAlarms: number;
}

export const recall = (t: Tally): number => (t.total ? t.found / t.total : 1);
export const precision = (s: Score): number => (s.findings ? s.truePositives / s.findings : 1);
export const falseAlarmsPer1000 = (s: Score): number => (s.falseAlarms.length / s.words) * 1000;

/**
 * The passage split into paragraphs at blank lines, as an entry's paragraphs reach the check; a single
 * line break stays inside its paragraph, as a hard line break does in an entry.
 */
function unitsOf(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) if (m[0].trim()) out.push({ text: m[0], offset: m.index });
  return out;
}

/** All the findings in one passage, at offsets into its text. */
export function findingsFor(passage: Passage, options: CheckTextsOptions): Finding[] {
  const units = unitsOf(passage.text);
  // The corpus is plain text already; reader form changes nothing here (tests of hidden characters are apart).
  const found = checkTexts(
    units.map((u) => readerText(u.text)),
    options,
  );
  return found.flatMap((list, i) =>
    list.map((f) => ({ ...f, start: f.start + units[i]!.offset, end: f.end + units[i]!.offset })),
  );
}

const tally = (map: Map<string, Tally>, key: string, found: boolean) => {
  const t = map.get(key) ?? { found: 0, total: 0 };
  t.total += 1;
  if (found) t.found += 1;
  map.set(key, t);
};

const around = (text: string, start: number, end: number) =>
  `${text.slice(Math.max(0, start - 40), start)}⟦${text.slice(start, end)}⟧${text.slice(end, end + 40)}`.replace(
    /\s+/g,
    ' ',
  );

/**
 * The check over every passage. With `listed`, each passage is checked with its own labelled names and
 * places on the person's list, as a careful clinician would fill it in for the people in what they export.
 */
export function scoreCorpus(passages: readonly Passage[], options: CheckTextsOptions, listed = false): Score {
  const score: Score = {
    passages: passages.length,
    words: 0,
    labels: { found: 0, total: 0 },
    byKind: new Map(),
    byOrigin: new Map(),
    truePositives: 0,
    findings: 0,
    falseAlarms: [],
    misses: [],
    cleanWords: 0,
    cleanFalseAlarms: 0,
  };
  for (const passage of passages) {
    const words = wordCount(passage.text);
    score.words += words;
    const own = (kind: string) => [...new Set(passage.labels.filter((l) => l.kind === kind).map((l) => l.text))];
    const findings = findingsFor(passage, listed ? { ...options, names: own('name'), places: own('place') } : options);
    const covered = new Uint8Array(passage.text.length);
    for (const f of findings) covered.fill(1, f.start, f.end);
    for (const label of passage.labels) {
      let found = true;
      for (let i = label.start; i < label.end; i++) {
        if (/[\p{L}\p{N}]/u.test(passage.text[i]!) && !covered[i]) found = false;
      }
      score.labels.total += 1;
      if (found) score.labels.found += 1;
      tally(score.byKind, label.kind, found);
      if (label.kind === 'name') tally(score.byOrigin, label.detail ?? 'other', found);
      if (!found)
        score.misses.push({ passage: passage.id, label, context: around(passage.text, label.start, label.end) });
    }
    for (const f of findings) {
      score.findings += 1;
      if (passage.labels.some((l) => l.start < f.end && f.start < l.end)) score.truePositives += 1;
      else score.falseAlarms.push({ passage: passage.id, finding: f, context: around(passage.text, f.start, f.end) });
    }
    if (!passage.labels.length) {
      score.cleanWords += words;
      score.cleanFalseAlarms += findings.length;
    }
  }
  return score;
}
