/**
 * Likely person names, found by compromise (a small, well-kept English NLP library that runs locally:
 * no network, no model download). It tags words in context, so "Sarah seemed tired" finds Sarah while
 * "I felt hope" finds nothing. It misses some names and flags the odd word; the person's own list of
 * names (findListedNames) is the dependable part, and this catches what they did not think to list.
 */
import nlp from 'compromise';
import type { Finding } from './detectors';

/** Titles: a title on its own ("Dr") is not a name. */
const TITLES = /^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|nurse|sister)\.?\s+/i;
/** Words compromise sometimes takes for names in reflective writing; never worth flagging on their own. */
const NOT_NAMES = new Set(['i', 'me', 'god', 'mum', 'dad', 'mother', 'father', 'supervisor', 'client', 'patient']);

const cache = new Map<string, Finding[]>();

/** Forgets every paragraph the names pass has seen (on lock). */
export function clearNameCache(): void {
  cache.clear();
}
const CACHE_LIMIT = 20_000;

interface Term {
  text: string;
  offset: { start: number; length: number };
}

export function findPersonNames(text: string): Finding[] {
  if (!/\p{Lu}/u.test(text)) return []; // names are written with capitals; nothing to tag
  const cached = cache.get(text);
  if (cached) return cached;
  const out: Finding[] = [];
  const people = nlp(text).people().json({ offset: true }) as Term[];
  for (const person of people) {
    let start = person.offset.start;
    let end = start + person.offset.length;
    // compromise's spans can carry the punctuation after a word, and possessives.
    while (end > start && /[\s\p{P}]/u.test(text[end - 1]!)) end -= 1;
    const possessive = /['’]s$/i.exec(text.slice(start, end));
    if (possessive) end -= possessive[0].length;
    while (start < end && /[\s\p{P}]/u.test(text[start]!)) start += 1;
    const value = text.slice(start, end);
    if (!/\p{Lu}/u.test(value)) continue; // lower-case words are not names here
    if (NOT_NAMES.has(value.toLowerCase()) || (TITLES.test(`${value} `) && value.split(/\s+/).length === 1)) continue;
    out.push({ kind: 'person-name', start, end, text: value });
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, out);
  return out;
}

/**
 * A name's value for "all like this" and pseudonyms: no possessive, one case. Titles stay: "Mr Patel" and
 * "Dr Patel" may well be different people, and one decision must not cover both.
 */
export function nameValue(name: string): string {
  return name
    .normalize('NFC')
    .replace(/['’]s$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en-GB');
}

/**
 * Runs the names pass over many texts in slices, giving the event loop a turn between them, so that a
 * large export does not hold up everything else in main (the window's other requests, locking). The
 * results are cached, so the check that follows is quick.
 */
export async function warmPersonNames(texts: readonly string[], sliceMs = 25): Promise<void> {
  let sliceStart = performance.now();
  for (const text of texts) {
    findPersonNames(text);
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}
