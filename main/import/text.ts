/**
 * Text and JSON as they come out of another app's export: strict UTF-8, JSON that is not nested past
 * any journal's needs, Markdown that the parser can read in bounded time, and days in the writer's own
 * time zone.
 */
import { ImportRefusedError } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The text of a file, or null if it is not valid UTF-8 (the caller decides whether to skip or refuse). */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Deeper than any export's JSON (Day One's is five or six levels): refused before JSON.parse builds it. */
export const MAX_JSON_DEPTH = 64;

/** JSON.parse, after a pass that refuses nesting past MAX_JSON_DEPTH (counted outside strings). */
export function parseJson(text: string, what: string): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        throw new ImportRefusedError(
          `${what} is nested far deeper than any journal’s export, so Holding did not read it. Nothing was imported.`,
        );
      }
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportRefusedError(`${what} is damaged: it is not complete JSON. Nothing was imported.`);
  }
}

/** Markdown longer than this (in characters) is more than one journal entry can hold. */
export const MAX_MARKDOWN_CHARS = 2_000_000;
/** Markdown the parser is given at most: longer text is kept as plain lines. */
const MAX_PARSED_CHARS = 300_000;
/** Block quote and list markers at the start of one line (`> > - -`): deeper than any writing. */
const MAX_LINE_MARKERS = 8;
/** Block quote and list markers at the starts of all the lines together. */
const MAX_ALL_LINE_MARKERS = 20_000;
/** Spaces and tabs at the start of one line. */
const MAX_LINE_INDENT = 64;
/** A run of one punctuation character longer than this (`*****…`) is not formatting. */
const MAX_PUNCTUATION_RUN = 48;
/** Emphasis, link and HTML markers in one text: far more than any entry uses (each costs the parser). */
const MAX_MARKERS = 20_000;
const LINE_MARKERS = new Set(['>', '-', '*', '+', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const RUN_CHARS = new Set(['*', '_', '~', '`', '[', ']', '<', '>', '!', '(', ')', '\\', '-', '=', '#', '|']);
const MARKERS = new Set(['*', '_', '~', '`', '[', ']', '<', '!', '\\']);

/**
 * Whether the Markdown parser can read this in bounded time. CommonMark's nesting (block quotes and
 * lists inside each other, dozens deep over many lines) and masses of emphasis or link markers make
 * micromark take minutes or overflow its stack (measured: 2,000 lines of lists 40 deep, 106 s; 2 MB of
 * asterisks, 48 s). No journal writes like that, so such text is kept as plain lines instead.
 */
export function markdownIsTame(text: string): boolean {
  if (text.length > MAX_PARSED_CHARS) return false;
  let lineStart = true;
  let markers = 0;
  let indent = 0;
  let run = 0;
  let runChar = '';
  let total = 0;
  let lineMarkers = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      markers = 0;
      indent = 0;
      run = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t') {
        indent += 1;
        if (indent > MAX_LINE_INDENT) return false;
      } else if (LINE_MARKERS.has(c)) {
        markers += 1;
        lineMarkers += 1;
        if (markers > MAX_LINE_MARKERS || lineMarkers > MAX_ALL_LINE_MARKERS) return false;
      } else lineStart = false;
    }
    if (MARKERS.has(c)) {
      total += 1;
      if (total > MAX_MARKERS) return false;
    }
    if (RUN_CHARS.has(c)) {
      run = c === runChar ? run + 1 : 1;
      runChar = c;
      if (run > MAX_PUNCTUATION_RUN) return false;
    } else {
      run = 0;
      runChar = '';
    }
  }
  return true;
}

/** Lines as plain paragraphs: for text the Markdown parser is not given. */
export function plainParagraphs(text: string): {
  type: 'doc';
  content: { type: string; content?: { type: string; text: string }[] }[];
} {
  const lines = text.slice(0, MAX_MARKDOWN_CHARS).split('\n');
  return {
    type: 'doc',
    content: lines.map((line) =>
      line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
    ),
  };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day (YYYY-MM-DD) an instant falls on in a time zone; null if the zone is not one the system knows. */
export function dayIn(instant: Date, timeZone: string): string | null {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return null;
    }
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A real calendar day written as YYYY-MM-DD (or with _ or . between, as Logseq and others name daily notes). */
export function dayFromName(name: string): string | null {
  if (name.length !== 10) return null;
  const sep = name[4];
  if ((sep !== '-' && sep !== '_' && sep !== '.') || name[7] !== sep) return null;
  const digits = name.slice(0, 4) + name.slice(5, 7) + name.slice(8, 10);
  for (const c of digits) if (c < '0' || c > '9') return null;
  const day = `${name.slice(0, 4)}-${name.slice(5, 7)}-${name.slice(8, 10)}`;
  return isCalendarDay(day) ? day : null;
}

export function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/**
 * An instant from a date written in front matter or JSON: ISO 8601 with or without an offset (without
 * one, it is read as UTC, which keeps its day as written), or a bare day. Null if it is not a date.
 * Also the day as the writer wrote it: the date part of what they wrote, in their own time.
 */
export function readWhen(value: unknown): { instant: string; day: string } | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { instant: value.toISOString(), day: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    // Milliseconds since 1970 (Joplin, Notesnook) when large, seconds otherwise.
    const date = new Date(value > 1e11 ? value : value * 1000);
    return Number.isNaN(date.getTime()) ? null : { instant: date.toISOString(), day: date.toISOString().slice(0, 10) };
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length < 10 || text.length > 40) return null;
  const day = text.slice(0, 10);
  if (!isCalendarDay(day) || day[4] !== '-' || day[7] !== '-') return null;
  if (text.length === 10) return { instant: `${day}T00:00:00.000Z`, day };
  const rest = text.slice(10);
  const hasZone = rest.endsWith('Z') || rest.endsWith('z') || /[+-]\d\d:?\d\d$/.test(rest);
  const iso = `${day}T${rest.slice(1).trim()}${hasZone ? '' : 'Z'}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return { instant: date.toISOString(), day };
}
