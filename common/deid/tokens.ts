/**
 * Words with their places in the text, and what a reader knows of each at a glance: how it is written,
 * whether it starts a sentence, whether it sits in a heading written in Title Case.
 */
import { foldName } from './normalise';

export type Shape = 'lower' | 'capital' | 'caps' | 'other';

export interface Token {
  /** The word as written, a possessive included ("Omar's"). */
  text: string;
  start: number;
  /** End of the word without a possessive: "Omar's" ends after "Omar". */
  end: number;
  /** Folded (no accents, lower case), without a possessive or a contraction ("didn't" is "did"). */
  fold: string;
  /** A contraction ("didn't", "I'm"): never a name. */
  contraction: boolean;
  shape: Shape;
  /** First word of a sentence, a line, a list item or a heading: a capital there says nothing. */
  sentenceStart: boolean;
  /** In a line written in Title Case, where capitals say nothing either. */
  heading: boolean;
  /** Index in the token list. */
  index: number;
}

const WORD = /[\p{L}\p{M}]+(?:['’\-‐][\p{L}\p{M}]+)*/gu;
const POSSESSIVE = /['’]s$/iu;
/** Contractions: "didn't", "I'm", "we'll", "she'd", "they're", "I've". The word is what comes before. */
const CONTRACTION = /(?:n['’]t|['’](?:m|d|ll|ve|re))$/iu;
const IRREGULAR: Record<string, string> = { "can't": 'can', "won't": 'will', "shan't": 'shall', "ain't": 'am' };
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'st',
  'prof',
  'rev',
  'revd',
  'fr',
  'sr',
  'jr',
  'eg',
  'e.g',
  'ie',
  'i.e',
  'etc',
  'vs',
  'approx',
  'no',
  'nos',
  'cf',
  'al',
  'apt',
  'ave',
  'rd',
  'tel',
  'ref',
  'mt',
  'ft',
  'cllr',
  'sgt',
  'insp',
  'dept',
]);

function shapeOf(word: string): Shape {
  const first = word[0] ?? '';
  if (!/\p{L}/u.test(first)) return 'other';
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toLocaleUpperCase() && letters !== letters.toLocaleLowerCase())
    return 'caps';
  if (first === first.toLocaleUpperCase() && first !== first.toLocaleLowerCase()) return 'capital';
  return 'lower';
}

/** Whether the word starting at `start` begins a sentence, a line or a list item. */
function startsSentence(text: string, start: number, previous: Token | undefined): boolean {
  let i = start - 1;
  // Quotes, brackets, bullets, dashes and spaces before a word do not end what came before.
  while (i >= 0 && /[\s"'“‘([*•·\-–—>#]/u.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i -= 1;
  }
  if (i < 0) return true;
  const ch = text[i]!;
  if (/[!?;:]/.test(ch)) return true;
  if (ch === '.') {
    // "Dr. Patel", "e.g. Grace": an abbreviation's stop; "1." starts a list item.
    if (previous && previous.end === i && ABBREVIATIONS.has(previous.fold)) return false;
    // An initial: "H. Gill", "J.K. Rowling".
    if (previous && previous.end === i && /^\p{Lu}$/u.test(previous.text)) return false;
    if (/\d/.test(text[i - 1] ?? '')) return !/\d/.test(text[i + 1] ?? '');
    return true;
  }
  return /\d/.test(ch) && /(^|\n)\s*\d+$/.test(text.slice(Math.max(0, i - 4), i + 1));
}

const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'vs']);

/** Lines where most words of any length start with a capital: headings in Title Case. */
function headingLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const words = line.match(WORD) ?? [];
    const big = words.filter((w) => !SMALL.has(w.toLowerCase()));
    const capitals = big.filter((w) => shapeOf(w) !== 'lower').length;
    // Short, unpunctuated, mostly capitals: "Gibbs Reflection: What Happened On Harewood Ward".
    if (big.length >= 3 && capitals / big.length >= 0.75 && words.length <= 14 && !/[.!?]/.test(line.trim()))
      out.push({ start: lineStart, end: lineStart + line.length });
    lineStart += line.length + 1;
  }
  return out;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const headings = headingLines(text);
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const possessive = POSSESSIVE.exec(raw);
    const contraction = CONTRACTION.exec(raw);
    // "it's", "let's", "that's": a contraction, not a possessive, but the word before it is still the word.
    const bare = possessive && raw.length > 3 ? raw.slice(0, -2) : raw;
    const irregular = IRREGULAR[raw.toLowerCase().replace('’', "'")];
    const previous = tokens[tokens.length - 1];
    tokens.push({
      text: raw,
      start,
      end: start + bare.length,
      fold:
        irregular ??
        foldName(contraction && raw.length > contraction[0].length ? raw.slice(0, -contraction[0].length) : bare),
      contraction: !!contraction || !!irregular,
      shape: shapeOf(bare),
      sentenceStart: startsSentence(text, start, previous),
      heading: headings.some((h) => start >= h.start && start < h.end),
      index: tokens.length,
    });
  }
  return tokens;
}
