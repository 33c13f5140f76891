/**
 * The journal benchmark's data: deterministic, realistic-looking entries, the searches and the edits
 * run over them. Used by journal.bench.ts and loop-delay.ts.
 */
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { docFromParagraphs, type DocNode } from '../common/journal/doc';
import type { Entry } from '../common/journal/types';
import { JournalService, type SaveInput } from '../main/journal/journal';
import { TemplateService } from '../main/journal/templates';
import type { Vault } from '../main/vault/vault';
import { prng } from '../test/support/prng';

/** Entries written per transaction. */
const BATCH = 1000;

// Deterministic, realistic-looking entries.

// Roughly in order of frequency: the sampler below is Zipf-like over this order.
const COMMON = `the and to of a I in was it that he she they with for on her his my but not as at be had this
  have we you me from what so by about all were one there when would if out no more like them about
  time just can up did into do could some then said how felt know only after think over also back
  because first way much before even still well see again need day told really new find own little
  feel something long while last always week might people make going never another thing where each
  same most those why away today morning evening later through right next sense quite bit seemed
  understand talk talked wanted asked left room door small quiet hard slow afternoon year home work
  family mother father sister brother friend child children partner school house tired worried hope
  hopeful angry sad afraid calm heavy light voice eyes hands face silence moment minutes hour hours
  change changed changing better worse different difficult easy important possible clear unclear
  remember remembered forget noticed notice noticing wonder wondered wondering question questions
  answer story stories word words name names reason reasons place places night nights life lives
  body breath breathing sleep sleeping eating walking sitting waiting watching listening speaking
  open closed close distance near far warm cold strong weak safe unsafe held holding letting go`;
const REFLECTIVE = `client session sessions supervision supervisor therapy therapist therapeutic counselling
  counsellor formulation transference countertransference boundary boundaries rupture repair alliance
  attunement empathy empathic containment contained containing defence defences resistance enactment
  projection projective identification attachment avoidant anxious ambivalent secure trauma traumatic
  dissociation dissociative shame guilt grief loss bereavement anxiety depression depressive panic
  self-harm risk safeguarding referral assessment contract ending endings beginning process parallel
  reflective reflection reflexivity mentalisation mentalising curiosity stuckness impasse frame
  interpretation intervention validation rumination avoidance exposure schema cognitive behavioural
  psychodynamic person-centred humanistic systemic integrative relational somatic embodied regulation
  dysregulation window tolerance overwhelm burnout self-care caseload notes disclosure confidentiality
  consent ethics ethical dilemma uncertainty competence vulnerability`;
export const VOCAB = [...new Set(`${COMMON} ${REFLECTIVE}`.split(/\s+/).filter(Boolean))];
const CUMULATIVE = (() => {
  let total = 0;
  const weights = VOCAB.map((_, i) => (total += 1 / (i + 8)));
  return weights.map((w) => w / total);
})();
const TAGS = `supervision cpd difficult-session ethics risk self-care ending new-client group couples
  children trauma grief reading training research team boundaries rupture good-session admin`.split(/\s+/);
const NAMES = ['A.', 'B.', 'C.', 'D.', 'J.', 'K.', 'M.', 'R.', 'S.', 'T.'];

export function word(rand: () => number): string {
  const r = rand();
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo]!;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function paragraphs(rand: () => number, words: number): string[] {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const sentences: string[] = [];
    let inParagraph = Math.min(left, 30 + Math.floor(rand() * 90));
    left -= inParagraph;
    while (inParagraph > 0) {
      const n = Math.min(inParagraph, 6 + Math.floor(rand() * 18));
      inParagraph -= n;
      const ws = Array.from({ length: n }, () => word(rand));
      if (n > 8 && rand() < 0.4) ws[Math.floor(n / 2)] += ',';
      sentences.push(`${capital(ws.join(' '))}${rand() < 0.1 ? '?' : '.'}`);
    }
    out.push(sentences.join(' '));
  }
  return out;
}

const START = Date.parse('2021-01-04T09:00:00Z');
const END = Date.parse('2026-10-31T18:00:00Z');

/** About how many entries are pinned, at any size (the same draws either way, so the rest is unchanged). */
export const PINNED_ENTRIES = 12;

export interface Generated {
  createdAt: Date;
  input: Omit<SaveInput, 'id'>;
  trashed: boolean;
}

export function makeEntry(rand: () => number, index: number, count: number): Generated {
  const createdAt = new Date(START + ((END - START) * index) / count + Math.floor(rand() * 3_600_000));
  const kind = rand();
  const title =
    kind < 0.35
      ? `Session with ${NAMES[Math.floor(rand() * NAMES.length)]}`
      : kind < 0.5
        ? `Supervision ${createdAt.toISOString().slice(0, 10)}`
        : kind < 0.95
          ? capital(Array.from({ length: 2 + Math.floor(rand() * 5) }, () => word(rand)).join(' '))
          : '';
  return {
    createdAt,
    input: {
      title,
      body: docFromParagraphs(paragraphs(rand, 80 + Math.floor(rand() * 321))),
      tags: Array.from({ length: Math.floor(rand() * 4) }, () => TAGS[Math.floor(rand() * TAGS.length)]!),
      eventDate: rand() < 0.6 ? createdAt.toISOString().slice(0, 10) : null,
      bringToSupervision: rand() < 0.1,
      containsClientMaterial: rand() < 0.3,
      // A dozen or so, however long the journal: a person pins a few, not a share of everything.
      pinned: rand() < PINNED_ENTRIES / count,
    },
    trashed: rand() < 0.005,
  };
}

/**
 * Writes `count` entries through JournalService.create + save (so every trigger and derived column
 * is the app's own), in transactions of BATCH, on a clock set to each entry's date. The same seed
 * gives the same journal.
 */
export function populate(db: DB, count: number, seed = 1): number {
  let clock = new Date();
  const vault = { db: () => db } as unknown as Vault;
  const journal = new JournalService(vault, new TemplateService(vault), () => clock);
  const rand = prng(seed);
  // Trashed recently, so the purge on unlock leaves them alone and every run sees the same data.
  const trashedAt = new Date(Date.now() - 5 * 86_400_000);
  const start = performance.now();
  for (let done = 0; done < count; done += BATCH) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const { createdAt, input, trashed } = makeEntry(rand, i, count);
        clock = createdAt;
        const { id } = journal.create({});
        // A little later the same day: the first words are written.
        clock = new Date(createdAt.getTime() + Math.floor(rand() * 4 * 3_600_000));
        journal.save({ id, ...input });
        if (trashed) {
          clock = trashedAt;
          journal.trash(id);
        }
      }
    })();
  }
  return performance.now() - start;
}

export type QueryKind = 'word' | 'prefix' | 'phrase' | 'exclusion';
export interface Query {
  kind: QueryKind;
  text: string;
}

/** Single words, prefixes (thera*), two-word phrases taken from real entries, and word -exclusion. */
export function makeQueries(db: DB, count: number): Query[] {
  const rand = prng(42);
  const maxSeq = db.prepare('SELECT max(seq) FROM entries').pluck().get() as number;
  const bodyAt = db.prepare('SELECT body_text FROM entries WHERE seq >= ? ORDER BY seq LIMIT 1').pluck();
  const fixed = ['thera*', 'super*', 'bound*', 'trans*', 'grie*', 'attach*'];
  const long = VOCAB.filter((w) => w.length >= 6 && /^[a-z]+$/.test(w));
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const kind = (['word', 'prefix', 'phrase', 'exclusion'] as const)[i % 4]!;
    if (kind === 'word') {
      queries.push({ kind, text: rand() < 0.5 ? word(rand) : long[Math.floor(rand() * long.length)]! });
    } else if (kind === 'prefix') {
      const w = long[Math.floor(rand() * long.length)]!;
      queries.push({ kind, text: i % 8 === 1 ? fixed[(i >> 3) % fixed.length]! : `${w.slice(0, 4)}*` });
    } else if (kind === 'phrase') {
      const text = bodyAt.get(1 + Math.floor(rand() * maxSeq)) as string;
      const ws = text.toLowerCase().match(/[a-z'-]+/g)!;
      const at = Math.floor(rand() * (ws.length - 1));
      queries.push({ kind, text: `"${ws[at]} ${ws[at + 1]}"` });
    } else {
      queries.push({ kind, text: `${long[Math.floor(rand() * long.length)]} -${word(rand)}` });
    }
  }
  return queries;
}

/** A few words changed in a random existing entry, as a typing session would. */
export function makeEdits(db: DB, count: number, seed = 7): { seq: number; replacements: [number, string][] }[] {
  const rand = prng(seed);
  const maxSeq = db.prepare('SELECT max(seq) FROM entries').pluck().get() as number;
  return Array.from({ length: count }, () => ({
    seq: 1 + Math.floor(rand() * maxSeq),
    replacements: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => [rand(), word(rand)] as [number, string]),
  }));
}

export function edited(body: DocNode, replacements: [number, string][]): DocNode {
  const copy = structuredClone(body);
  const texts = (copy.content ?? []).flatMap((p) => p.content ?? []).filter((n) => typeof n.text === 'string');
  for (const [where, replacement] of replacements) {
    const node = texts[Math.floor(where * texts.length)];
    if (!node) continue;
    const ws = node.text!.split(' ');
    ws[Math.floor(where * 997) % ws.length] = replacement;
    node.text = ws.join(' ');
  }
  return copy;
}

/** The save an edit makes: the entry's words changed by `replacements`, everything else as it was. */
export function editedSave(entry: Entry, replacements: [number, string][]): SaveInput {
  return {
    id: entry.id,
    title: entry.title,
    body: edited(entry.body, replacements),
    eventDate: entry.eventDate,
    tags: entry.tags,
    bringToSupervision: entry.bringToSupervision,
    containsClientMaterial: entry.containsClientMaterial,
    pinned: entry.pinned,
  };
}
