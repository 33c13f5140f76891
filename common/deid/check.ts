/**
 * The whole check over the texts of one export: every detector on each text, then the names pass twice,
 * so that a name found in one place is recognised everywhere else ("Grace" at the start of a sentence,
 * once "Grace" has been found in the middle of one; "kwame" in lower case, once "Kwame Mensah" has been
 * found). Texts must already be in reader form (./normalise: `readerText`).
 */
import { type Finding, findIdentifiers, findListedNames, resolveOverlaps } from './detectors';
import { findEmailsAndLinks, findPhoneNumbers } from './contact';
import { findDatesOfBirth } from './dates';
import { findPersonNames, nameWordsOf } from './names';
import { prepareLexicon } from './lexicon';
import { foldName } from './normalise';

export interface CheckTextsOptions {
  /** The person's own lists, kept in Settings. */
  names: readonly string[];
  places: readonly string[];
  /** Words the person added for this export only ("the check missed these"). */
  lookFor?: readonly string[];
  /** For judging dates of birth. */
  year: number;
  /** Whether to ask the NLP library as well (on unless a test turns it off). */
  nlp?: boolean | undefined;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

const detectorCache = new Map<string, Finding[]>();
const CACHE_LIMIT = 20_000;

/** Everything but the names pass, cached: the preview and the save check the same texts again. */
function detectorsOn(text: string, options: CheckTextsOptions): Finding[] {
  const key = `${options.year}\u0001${options.names.join('\u0000')}\u0001${options.places.join('\u0000')}\u0001${(options.lookFor ?? []).join('\u0000')}\u0001${text}`;
  const cached = detectorCache.get(key);
  if (cached) return cached;
  const found = [
    ...findIdentifiers(text, { names: options.names, places: options.places, year: options.year }),
    // Words the person picked out are found wherever they are written, ordinary words or not.
    ...findListedNames(text, options.lookFor ?? [], true).map((f) => ({ ...f, kind: 'added' as const })),
  ];
  if (detectorCache.size >= CACHE_LIMIT) detectorCache.delete(detectorCache.keys().next().value!);
  detectorCache.set(key, found);
  return found;
}

const FIRST_USES = [
  () => findDatesOfBirth('born on 1 January 1990', 2000),
  () => findPhoneNumbers('call 07700 900123'),
  () => findEmailsAndLinks('write to a@example.org'),
  () => findPersonNames('Will said so.'),
  () => findIdentifiers('Seen on Harewood Ward, 14 Acacia Avenue, LS6 2QT, NHS 943 476 5919, CHI 090488 3108.', {}),
];

/** Bumped on every lock: a check that was running then stops, and caches nothing more. */
let generation = 0;
/** Whether each library has had its first use since the app started or was last locked. */
let warmed = false;

/** Forgets every text the check has seen (on lock), and stops a check that is running. */
export function clearDetectorCache(): void {
  detectorCache.clear();
  generation += 1;
  warmed = false;
}

/**
 * The check, one text at a time, yielding after each so that a caller can give the event loop a turn. Every
 * step is cached, so a run that has already been made is quick to make again.
 */
function* steps(texts: readonly string[], options: CheckTextsOptions): Generator<void, Finding[][]> {
  const nlpOption = { nlp: options.nlp !== false };
  const first: { detected: Finding[]; names: Finding[] }[] = [];
  for (const text of texts) {
    first.push({ detected: detectorsOn(text, options), names: findPersonNames(text, nlpOption) });
    yield;
  }
  // What the whole export knows to be names: the strong ones found anywhere, and the person's list.
  const known = new Set<string>();
  for (const { detected, names } of first) for (const w of nameWordsOf([...detected, ...names])) known.add(w);
  for (const listed of options.names)
    for (const w of foldName(listed).match(WORD) ?? []) if (w.length >= 2) known.add(w);

  const out: Finding[][] = [];
  for (const [i, text] of texts.entries()) {
    const { detected, names } = first[i]!;
    // Only the known words this text holds: the cache then serves this text again whatever else changes.
    const here = [...new Set(foldName(text).match(WORD) ?? [])].filter((w) => known.has(w)).sort();
    const again = here.length ? findPersonNames(text, { ...nlpOption, known: new Set(here) }, here.join(' ')) : names;
    out.push(resolveOverlaps([...detected, ...again]));
    yield;
  }
  return out;
}

/** The findings in each text, in the same order, overlaps resolved. */
export function checkTexts(texts: readonly string[], options: CheckTextsOptions): Finding[][] {
  const run = steps(texts, options);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs the check in slices of about `sliceMs`, giving the event loop a turn between them, so that a large
 * export does not hold up everything else in main (the window's other requests, locking). Returns the
 * findings in each text, or null if the vault locked meanwhile (the check stops, and caches nothing more).
 */
export async function checkTextsInSlices(
  texts: readonly string[],
  options: CheckTextsOptions,
  sliceMs = 25,
  watch: SliceWatch = {},
): Promise<Finding[][] | null> {
  const started = generation;
  await prepareLexicon();
  // The first use of each library builds its own tables (dates, phone metadata, links, the NLP lexicon),
  // a tenth of a second or so each: one at a time, with a turn for the event loop between.
  if (!warmed) {
    for (const first of FIRST_USES) {
      first();
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    warmed = generation === started;
  }
  const run = steps(texts, options);
  // Each text is read twice (once for names across the export, once to settle): that many steps.
  const total = texts.length * 2;
  let done = 0;
  let sliceStart = performance.now();
  for (;;) {
    if (generation !== started) return null;
    const next = run.next();
    if (next.done) {
      watch.onProgress?.(total, total);
      return next.value;
    }
    done += 1;
    if (performance.now() - sliceStart > sliceMs) {
      watch.onProgress?.(done, total);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (watch.stopIfCancelled) watch.stopIfCancelled();
      sliceStart = performance.now();
    }
  }
}

/** What a caller of checkTextsInSlices may watch: how far it has gone, and a chance to stop it between slices. */
export interface SliceWatch {
  onProgress?: (done: number, total: number) => void;
  /** Called between slices; throws to stop the check. */
  stopIfCancelled?: () => void;
}
