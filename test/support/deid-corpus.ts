/**
 * Reads the labelled corpus in test/fixtures/deid/corpus (format: test/fixtures/deid/README.md): each
 * passage's plain text, and where in it every identifier stands.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../fixtures/deid/corpus');

export const KINDS = [
  'name',
  'dob',
  'phone',
  'email',
  'address',
  'nhs',
  'id',
  'postcode',
  'place',
  'url',
  'handle',
] as const;
export type LabelKind = (typeof KINDS)[number];

export const ORIGINS = [
  'anglo',
  'irish',
  'traveller',
  'welsh',
  'gaelic',
  'south-asian',
  'tamil',
  'east-asian',
  'vietnamese',
  'west-african',
  'east-african',
  'somali',
  'caribbean',
  'arabic',
  'turkish',
  'jewish',
  'polish',
  'eastern-european',
  'roma',
  'hispanic',
  'other',
] as const;
const ROLES = ['client', 'relative', 'colleague', 'other'] as const;
const COUNTRIES = ['UK', 'IE', 'US', 'AU', 'CA', 'NZ'] as const;

export interface Label {
  kind: LabelKind;
  /** The origin of a name, the subtype of a place or number, the country of a phone number. */
  detail: string | null;
  /** For names: client, relative, colleague or other, where given. */
  role: string | null;
  start: number;
  end: number;
  text: string;
}

export interface Passage {
  id: string;
  file: string;
  country: string;
  genre: string;
  text: string;
  labels: Label[];
}

export class CorpusError extends Error {}

const MARK = /\[\[([a-z-]+)(?::([a-z-]+))?(?::([a-z-]+))?\|([^\]|]+)\]\]/g;

/** One passage's body: the markup taken out, each label's place kept. */
export function parseBody(body: string, where: string): { text: string; labels: Label[] } {
  const labels: Label[] = [];
  let text = '';
  let last = 0;
  for (const m of body.matchAll(MARK)) {
    const [whole, kind = '', detail, role, surface = ''] = m;
    text += body.slice(last, m.index);
    if (!(KINDS as readonly string[]).includes(kind)) throw new CorpusError(`${where}: unknown kind "${kind}"`);
    if (kind === 'name') {
      if (!detail || !(ORIGINS as readonly string[]).includes(detail))
        throw new CorpusError(`${where}: a name needs an origin (got "${detail ?? ''}") in ${whole}`);
      if (role && !(ROLES as readonly string[]).includes(role))
        throw new CorpusError(`${where}: unknown role "${role}" in ${whole}`);
    }
    if (surface !== surface.trim()) throw new CorpusError(`${where}: spaces at the edge of ${whole}`);
    labels.push({
      kind: kind as LabelKind,
      detail: detail ?? null,
      role: kind === 'name' ? (role ?? null) : null,
      start: text.length,
      end: text.length + surface.length,
      text: surface,
    });
    text += surface;
    last = m.index + whole.length;
  }
  text += body.slice(last);
  if (/\[\[|\]\]/.test(text)) {
    const at = text.search(/\[\[|\]\]/);
    throw new CorpusError(`${where}: markup that does not parse near "${text.slice(Math.max(0, at - 30), at + 40)}"`);
  }
  return { text, labels };
}

/** Every passage in one file. */
export function parseCorpusFile(content: string, file: string): Passage[] {
  const passages: Passage[] = [];
  const parts = content.split(/^### /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const header = (newline === -1 ? part : part.slice(0, newline)).trim();
    const [id = '', country = '', genre = ''] = header.split('|').map((s) => s.trim());
    const where = `${file} ${id}`;
    if (!id) throw new CorpusError(`${file}: a passage without an id`);
    if (!(COUNTRIES as readonly string[]).includes(country))
      throw new CorpusError(`${where}: unknown country "${country}"`);
    const { text, labels } = parseBody(newline === -1 ? '' : part.slice(newline + 1).trim(), where);
    if (!text.trim()) throw new CorpusError(`${where}: no text`);
    passages.push({ id, file, country, genre, text, labels });
  }
  return passages;
}

/** The whole corpus (or the files whose names pass `only`), ids checked for repeats. */
export function loadCorpus(only: (file: string) => boolean = () => true): Passage[] {
  const out: Passage[] = [];
  const ids = new Set<string>();
  for (const file of readdirSync(CORPUS_DIR).sort()) {
    if (!file.endsWith('.txt') || !only(file)) continue;
    for (const p of parseCorpusFile(readFileSync(path.join(CORPUS_DIR, file), 'utf8'), file)) {
      if (ids.has(p.id)) throw new CorpusError(`${file}: the id ${p.id} is used twice`);
      ids.add(p.id);
      out.push(p);
    }
  }
  return out;
}

export const wordCount = (text: string): number => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
