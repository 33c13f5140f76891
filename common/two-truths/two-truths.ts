import type { DocNode } from '../journal/doc';

/** The parts of a two-truths entry. Plain text; each may run to several paragraphs. */
export interface TwoTruthsFields {
  truthA: string;
  contextA: string;
  truthB: string;
  contextB: string;
  /** What honouring both could look like. Optional: nothing here asks for a resolution. */
  honouring: string;
  /** The prompt the entry began from, if any. */
  promptId: string | null;
}

export const EMPTY_TWO_TRUTHS: TwoTruthsFields = {
  truthA: '',
  contextA: '',
  truthB: '',
  contextB: '',
  honouring: '',
  promptId: null,
};

/** Per part: far more than anyone writes in one box, far less than could slow the app. */
export const MAX_TRUTH_CHARS = 50_000;

export const TRUTH_HEADINGS = {
  truthA: 'One truth',
  contextA: 'Where this comes from',
  truthB: 'And yet',
  contextB: 'Where this comes from',
  honouring: 'What honouring both could look like',
} as const;

const TEXT_KEYS = ['truthA', 'contextA', 'truthB', 'contextB', 'honouring'] as const;

/** Tidies what the renderer sent: strings only, line endings made plain, trailing space dropped. */
export function normaliseTwoTruths(input: Partial<TwoTruthsFields>): TwoTruthsFields {
  const out = { ...EMPTY_TWO_TRUTHS, promptId: input.promptId ?? null };
  for (const key of TEXT_KEYS) {
    const value = input[key];
    out[key] = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(/\s+$/u, '') : '';
  }
  return out;
}

function paragraphs(text: string): DocNode[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim())
    .map((p) => {
      const lines = p.split('\n');
      const content: DocNode[] = [];
      lines.forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        if (line) content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    });
}

/**
 * The document a two-truths entry is shown, searched, versioned and exported as. Empty parts are left
 * out, so an entry with only its two truths reads as just that.
 */
export function twoTruthsDoc(fields: TwoTruthsFields): DocNode {
  const content: DocNode[] = [];
  const section = (heading: string, text: string, level = 2) => {
    if (!text.trim()) return;
    content.push({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: heading }] });
    content.push(...paragraphs(text));
  };
  section(TRUTH_HEADINGS.truthA, fields.truthA);
  section(TRUTH_HEADINGS.contextA, fields.contextA, 3);
  section(TRUTH_HEADINGS.truthB, fields.truthB);
  section(TRUTH_HEADINGS.contextB, fields.contextB, 3);
  section(TRUTH_HEADINGS.honouring, fields.honouring);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/** What the person wrote, without the form's own headings: for counting words. */
export function twoTruthsText(fields: TwoTruthsFields): string {
  return TEXT_KEYS.map((key) => fields[key]).join('\n');
}

/**
 * A name for the entry: "first truth, and yet second truth", shortened to `max` characters between words
 * (never mid-word), with an ellipsis to show there is more.
 */
export function twoTruthsLabel(
  fields: Pick<TwoTruthsFields, 'truthA' | 'truthB'>,
  max = 90,
  { keepCase = false }: { keepCase?: boolean } = {},
): string {
  const clip = (s: string) =>
    s
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.!?…]+$/u, '');
  const a = clip(fields.truthA);
  const b = clip(fields.truthB);
  // "The work…" reads on as "and yet the work…"; "I…" and "NHS…" keep their capitals.
  // Not in what leaves the journal (keepCase): "and yet maria…" would hide a name from the export's check.
  const lower = !keepCase && /^\p{Lu}\p{Ll}/u.test(b) ? `${b.charAt(0).toLowerCase()}${b.slice(1)}` : b;
  const label = a && b ? `${a}, and yet ${lower}` : a || b;
  return shortenBetweenWords(label, max);
}

/**
 * Text shortened to at most `max` characters, ellipsis included, at the end of a word: "…hard to ask for…",
 * never "…hard to ask for he…". A dangling ", and yet" or a trailing comma goes too. Only a single word
 * longer than the room is cut inside itself, as nothing else could fit.
 */
export function shortenBetweenWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const atWordEnd = /\s/.test(text.charAt(max - 1)) ? room : room.replace(/\s+\S*$/u, '');
  const kept = (atWordEnd.trim() ? atWordEnd : room).replace(/,?\s+and(\s+yet)?$/u, '').replace(/[\s,;:–—-]+$/u, '');
  return `${kept || room.trimEnd()}…`;
}
