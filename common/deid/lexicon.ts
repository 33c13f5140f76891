/**
 * The word lists the check reads, built once on first use (about 0.2 s): English words by how common they
 * are, names of every origin, towns, and US census name ranks. See scripts/build-deid-lexicon.ts for where
 * each comes from and why.
 */
import { dictionary } from '@zxcvbn-ts/language-en';
import data from './data/lexicon.json' with { type: 'json' };
import { foldName } from './normalise';

export interface Lexicon {
  /** SCOWL's frequency class of an ordinary English word: 10 (commonest) to 70 (rare); undefined if not one. */
  englishLevel(folded: string): number | undefined;
  /** Whether a word is a given or family name somewhere in the world. */
  isName(folded: string): boolean;
  /** Whether it is among the 5,000 commonest US given names (census). */
  isFirstName(folded: string): boolean;
  /** Its rank among US family names (census), 1 for Smith; undefined beyond the list. */
  surnameRank(folded: string): number | undefined;
  /** Countries and languages by their English names (from Intl): not people, and not places anyone is found by. */
  isCountryOrLanguage(folded: string): boolean;
  /** Towns whose name starts with this word (folded), each as its words (folded). */
  townsStartingWith(folded: string): readonly (readonly string[])[];
}

let lexicon: Lexicon | null = null;

/** Names of places and languages that people are given too. */
const GIVEN = new Set([
  'india',
  'israel',
  'kenya',
  'china',
  'asia',
  'shona',
  'mali',
  'malay',
  'ganda',
  'georgia',
  'jordan',
  'chad',
  'dominica',
  'cuba',
  'jersey',
  'guernsey',
  'sudan',
  'tonga',
  'samoa',
  'lao',
  'thai',
  'akan',
  'hindi',
]);

/**
 * Building the lists, as steps of a few thousand words each, so that `prepareLexicon` can give the event
 * loop a turn between them (about 0.2 s in all on 2 cores).
 */
function* build(): Generator<void, Lexicon> {
  const STEP = 10_000;
  const english = new Map<string, number>();
  for (const [level, list] of Object.entries(data.english as Record<string, string>)) {
    const words = list.split(' ');
    for (let i = 0; i < words.length; i += STEP) {
      for (const word of words.slice(i, i + STEP)) english.set(word, Number(level));
      yield;
    }
  }
  const all = data.names.split(' ');
  const names = new Set<string>();
  for (let i = 0; i < all.length; i += STEP) {
    for (const name of all.slice(i, i + STEP)) names.add(name);
    yield;
  }
  const first = new Set(dictionary['firstnames-en'] as string[]);
  const lastNames = dictionary['lastnames-en'] as string[];
  const last = new Map<string, number>();
  for (let i = 0; i < lastNames.length; i += STEP) {
    lastNames.slice(i, i + STEP).forEach((name, j) => last.set(name, i + j + 1));
    yield;
  }
  for (const name of first) names.add(name);
  for (const name of last.keys()) names.add(name);
  yield;
  const towns = new Map<string, string[][]>();
  const allTowns = data.towns.split('|');
  for (let i = 0; i < allTowns.length; i += 2_000) {
    for (const town of allTowns.slice(i, i + 2_000)) {
      const parts = foldName(town).split(/[\s]+/);
      const list = towns.get(parts[0]!) ?? [];
      list.push(parts);
      towns.set(parts[0]!, list);
    }
    yield;
  }
  const regions = countriesAndLanguages(names, first);
  return {
    englishLevel: (w) => english.get(w),
    isCountryOrLanguage: (w) => regions.has(w),
    isName: (w) => names.has(w),
    isFirstName: (w) => first.has(w),
    surnameRank: (w) => last.get(w),
    townsStartingWith: (w) => towns.get(w) ?? [],
  };
}

/** The lists, built now if `prepareLexicon` has not built them already. */
export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const run = build();
  for (;;) {
    const next = run.next();
    if (next.done) return (lexicon = next.value);
  }
}

/** Builds the lists in small steps, giving the event loop a turn between them. */
export async function prepareLexicon(): Promise<void> {
  if (lexicon) return;
  const run = build();
  for (;;) {
    const next = run.next();
    if (next.done) {
      lexicon ??= next.value;
      return;
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * The English names of countries and of the world's main languages, as the runtime's own Intl data gives
 * them: single words whole ("Libya", "Samoa", "Tetum"), and the last word of longer names where it is no
 * one's name ("Timor-Leste", "Arabia"; not "Leone" of Sierra Leone).
 */
function countriesAndLanguages(names: ReadonlySet<string>, firstNames: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  // Places and languages that are also given names are left to be judged as names are: "Jordan Healey".
  const given = (w: string) => firstNames.has(w) || GIVEN.has(w);
  const add = (name: string | undefined, code: string) => {
    if (!name || name === code) return;
    const words = foldName(name)
      .split(/[\s&()]+/)
      .filter(Boolean);
    const last = words[words.length - 1]!;
    if (given(last)) return;
    if (words.length === 1 || !names.has(last)) out.add(last);
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  const languages = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      try {
        add(regions.of(code.toUpperCase()), code.toUpperCase());
        add(languages.of(code), code);
      } catch {
        // Codes Intl does not know are skipped.
      }
    }
  }
  return out;
}
