/**
 * De-identification detectors: find things in free text that could identify a client, a relative or a
 * colleague.
 *
 * Pure and platform-free. Every finding carries UTF-16 offsets into the input, so a caller can redact
 * with `text.slice(0, start) + '…' + text.slice(end)`. The detectors err towards flagging: a missed
 * identifier costs more than a redacted date. Callers pass text through `readerText` (./normalise) first,
 * so nothing hides in invisible characters or unusual digits.
 *
 * The detectors live by kind: ./numbers (NHS, CHI, NI, SSN, Medicare, PPS, hospital numbers, postal
 * codes), ./contact (phones, e-mails, links, handles), ./dates (dates of birth), ./addresses, ./places,
 * ./names (people, with the NLP library). This file joins them, and matches the person's own lists.
 */
import { findAddresses } from './addresses';
import { findEmailsAndLinks, findPhoneNumbers, findPlatformHandles } from './contact';
import { findDatesOfBirth } from './dates';
import { type Finding, resolveOverlaps } from './finding';
import { getLexicon } from './lexicon';
import { readerText } from './normalise';
import {
  findIdNumbers,
  findMedicareNumbers,
  findNhsNumbers,
  findNiNumbers,
  findPostcodes,
  findPpsns,
  findSsns,
} from './numbers';
import { findPlaces } from './places';
import { tokenize } from './tokens';
import { GENERIC_PLACE_WORDS, PERSON_VERBS, PLACE_HEADS, RELATIONS, SAFE_PROPER, TITLES } from './vocabulary';

export { isValidNhsNumber, findNhsNumbers, findPostcodes } from './numbers';
export { findPhoneNumbers } from './contact';
export { findDatesOfBirth } from './dates';
export { findAddresses } from './addresses';
export { type Finding, type FindingKind, resolveOverlaps } from './finding';

export interface FindOptions {
  /** The person's own list of names to flag. */
  names?: readonly string[];
  /** The person's own list of places to flag. */
  places?: readonly string[];
  /** The current year, for judging dates of birth; defaults to this year. */
  year?: number;
}

/** Every detector but the names pass (./names, which needs the whole export), overlaps resolved. */
export function findIdentifiers(text: string, options: FindOptions = {}): Finding[] {
  return resolveOverlaps([
    ...findNhsNumbers(text),
    ...findNiNumbers(text),
    ...findSsns(text),
    ...findMedicareNumbers(text),
    ...findPpsns(text),
    ...findIdNumbers(text),
    ...findDatesOfBirth(text, options.year),
    ...findPostcodes(text),
    ...findPhoneNumbers(text),
    ...findEmailsAndLinks(text),
    ...findPlatformHandles(text),
    ...findAddresses(text),
    ...findPlaces(text),
    ...findListedNames(text, options.names ?? []),
    ...findListedNames(text, options.places ?? []).map((f) => ({ ...f, kind: 'listed-place' as const })),
  ]);
}

/** The e-mail addresses in a text (what `findEmailsAndLinks` calls e-mail). */
export function findEmails(text: string): Finding[] {
  return resolveOverlaps(findEmailsAndLinks(text).filter((f) => f.kind === 'email'));
}

// ---------------------------------------------------------------------------------------------------------------
// The person's lists

/**
 * Accents set aside without moving anything: each precomposed letter becomes its base letter, one code unit
 * for one, and decomposed marks stay where they are (the patterns allow them after any letter).
 */
function foldAccents(text: string): string {
  if (/^[\p{ASCII}]*$/u.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD')[0] ?? ch;
    out += base.length === ch.length && base !== ch && /\p{L}/u.test(base) ? base : ch;
  }
  return out;
}

/** A name as a pattern: regex characters escaped, any run of spaces matching any whitespace, ' matching ’. */
function namePattern(name: string): string {
  return foldAccents(name.normalize('NFC'))
    .split(/\s+/)
    .map((word) =>
      [...word]
        .map((ch) => {
          if (ch === "'" || ch === '’') return "['’]";
          const escaped = ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
          return /\p{L}/u.test(ch) ? `${escaped}\\p{M}*` : escaped;
        })
        .join(''),
    )
    .join(String.raw`\s+`);
}

interface ListTerm {
  pattern: RegExp;
  /** An ordinary English word ("Will", "Hope", "Grace"): matched only where it is written as a name. */
  ordinary: boolean;
}

const WORDS = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

/**
 * Each name on the list, and each part of a name of several words ("Kwame Mensah" also finds "Kwame" and
 * "Mensah" on their own), but not titles, little words or words like "Ward" and "Hospital".
 */
function termsOf(names: readonly string[], withParts: boolean): { text: string; ordinary: boolean }[] {
  const lex = getLexicon();
  const out = new Map<string, boolean>();
  const ordinary = (word: string) => {
    const fold = foldAccents(word).toLocaleLowerCase('en-GB');
    return lex.englishLevel(fold) !== undefined || SAFE_PROPER.has(fold) || /^(?:may|june|april|august)$/.test(fold);
  };
  for (const name of names) {
    // As a reader sees it, like the text it is matched against: "Ｋｗａｍｅ" is "Kwame".
    const trimmed = readerText(name).trim().normalize('NFC');
    if (!trimmed) continue;
    const parts = trimmed.match(WORDS) ?? [];
    out.set(trimmed, parts.length === 1 && parts[0] === trimmed && ordinary(trimmed));
    if (parts.length < 2 || !withParts) continue;
    for (const word of parts) {
      const part = word.replace(/['’]s$/i, '');
      const fold = foldAccents(part).toLocaleLowerCase('en-GB');
      if (
        part.length < 2 ||
        TITLES.has(fold) ||
        GENERIC_PLACE_WORDS.has(fold) ||
        PLACE_HEADS[fold] ||
        /^(?:van|von|de|der|den|la|le|bin|ibn|al|el|ap|ab|mac|mc|nic|ni|o|ui|ua|te|da|di|du|dos|st|saint)$/.test(fold)
      )
        continue;
      if (!out.has(part)) out.set(part, ordinary(part));
    }
  }
  return [...out].map(([text, ord]) => ({ text, ordinary: ord }));
}

/** The compiled terms for a list, kept for the last few lists: an export checks every paragraph against them. */
const compiled = new Map<string, ListTerm[]>();

function termsFor(names: readonly string[], withParts: boolean): ListTerm[] {
  const key = `${withParts ? 1 : 0}\u0001${names.join('\u0000')}`;
  const known = compiled.get(key);
  if (known) return known;
  const terms = termsOf(names, withParts).map(({ text, ordinary }) => ({
    pattern: new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])${namePattern(text)}(?![\p{L}\p{M}\p{N}])`, 'giu'),
    ordinary,
  }));
  if (compiled.size >= 8) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, terms);
  return terms;
}

/** Whether an ordinary word at this place is written as a name: "Will said", "with Grace", not "I will". */
function writtenAsName(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!/^\p{Lu}/u.test(word)) return false;
  const tokens = tokenize(text.slice(Math.max(0, start - 80), Math.min(text.length, end + 40)));
  const offset = Math.max(0, start - 80);
  const i = tokens.findIndex((t) => t.start + offset === start);
  const t = tokens[i];
  if (!t) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const prevFold = prev && /^\.?[ \t]+$/.test(text.slice(prev.end + offset, start)) ? prev.fold : '';
  if (TITLES.has(prevFold) || RELATIONS.has(prevFold)) return true;
  if (!t.sentenceStart && !t.heading)
    return !/^(?:the|a|an|this|that|in|on|of|last|next|since|until|by|every)$/.test(prevFold);
  return (
    !!next &&
    ((next.shape === 'capital' && !next.sentenceStart) || (next.shape === 'lower' && PERSON_VERBS.has(next.fold)))
  );
}

/**
 * Whole-word matches of the person's names, whatever the case and accents ("Siân" and "Sian" either way),
 * never inside a longer word ("Ann" in "Annual"). A listed word that is also an ordinary word ("Will",
 * "Hope", "Ward") counts only where it is written as a name. Where names overlap, the longest wins.
 */
export function findListedNames(text: string, names: readonly string[], asWritten = false): Finding[] {
  if (!names.length) return [];
  const out: Finding[] = [];
  const folded = foldAccents(text);
  // The person's list finds each word of a whole name on its own too; words picked for one export are found
  // as they were picked ("Pepper's lead" is not every "lead").
  for (const term of termsFor(names, !asWritten)) {
    for (const m of folded.matchAll(term.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (term.ordinary && !asWritten && !writtenAsName(text, start, end)) continue;
      out.push({ kind: 'listed-name', start, end, text: text.slice(start, end) });
    }
  }
  return resolveOverlaps(out);
}

/** Forgets the compiled lists (on lock: they are the person's names). */
export function clearListPatterns(): void {
  compiled.clear();
}
