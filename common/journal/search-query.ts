/**
 * Turns what a person types into a safe FTS5 query. Supported, in plain terms:
 *   words            all must appear (in any order)
 *   "a phrase"       the words together, in that order
 *   wor*             words starting with "wor"
 *   -word            entries without that word (needs at least one other term)
 * Everything is quoted before it reaches FTS5, so its operators (AND, OR, NOT, NEAR, ^, :, parentheses)
 * are just words, and no input can make the query fail.
 */
export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when nothing searchable was typed. */
  match: string | null;
  /** The positive terms, for highlighting in the renderer. */
  terms: string[];
}

const MAX_TERMS = 16;
const MAX_TERM_CHARS = 100;
const searchable = (s: string) => /[\p{L}\p{N}]/u.test(s);
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

interface Term {
  text: string;
  phrase: boolean;
  prefix: boolean;
  negated: boolean;
}

function tokenise(input: string): Term[] {
  const terms: Term[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input.slice(0, 1000))) && terms.length < MAX_TERMS * 2) {
    if (m[2] !== undefined) {
      const text = m[2].trim().replace(/\s+/g, ' ').slice(0, MAX_TERM_CHARS);
      if (searchable(text)) terms.push({ text, phrase: true, prefix: false, negated: m[1] === '-' });
      continue;
    }
    let word = m[3]!;
    let negated = false;
    if (word.startsWith('-') && word.length > 1) {
      negated = true;
      word = word.slice(1);
    }
    let prefix = false;
    if (word.endsWith('*')) {
      prefix = true;
      word = word.replace(/\*+$/, '');
    }
    word = word.replaceAll('"', '').slice(0, MAX_TERM_CHARS);
    if (searchable(word)) terms.push({ text: word, phrase: false, prefix, negated });
  }
  return terms;
}

export function parseSearchQuery(input: string): ParsedQuery {
  const all = tokenise(input);
  const positive = all.filter((t) => !t.negated).slice(0, MAX_TERMS);
  // "-word" alone would mean "everything except", which FTS5 cannot express; search for it instead.
  const negative = positive.length ? all.filter((t) => t.negated).slice(0, MAX_TERMS) : [];
  const used = positive.length ? positive : all.slice(0, MAX_TERMS).map((t) => ({ ...t, negated: false }));
  if (used.length === 0) return { match: null, terms: [] };
  const render = (t: Term) => `${quote(t.text)}${t.prefix ? '*' : ''}`;
  const match = [used.map(render).join(' '), ...negative.map((t) => `NOT ${render(t)}`)].join(' ');
  return { match, terms: used.map((t) => t.text) };
}

/** Snippet markers: control characters that cannot occur in stored text (the sanitiser strips them). */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/** Splits a snippet into plain and highlighted parts, for rendering as text (never as HTML). */
export function splitHighlights(snippet: string): { text: string; highlight: boolean }[] {
  const parts: { text: string; highlight: boolean }[] = [];
  const re = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`, 'g');
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), highlight: false });
    parts.push({ text: m[1]!, highlight: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), highlight: false });
  return parts.filter((p) => p.text.length > 0);
}
