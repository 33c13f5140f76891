/**
 * Entry bodies are ProseMirror JSON. Whatever the renderer sends, main rebuilds it from an
 * allow-list of nodes, marks and attributes before storing it, so nothing executable, no event
 * handler and no `javascript:` or `data:` link can reach the database or any later export.
 * Plain text for search and word counts is derived here too, never taken from the renderer.
 */

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: DocMark[];
  text?: string;
}

export const EMPTY_DOC: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Generous: a 1 MB paste is fine; a runaway document is not. */
export const MAX_TEXT_CHARS = 2_000_000;
export const MAX_DEPTH = 40;
export const MAX_NODES = 200_000;

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'text',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
]);
const MARKS = new Set(['bold', 'italic', 'underline', 'strike', 'code', 'highlight', 'link']);
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);
const CELLS = new Set(['tableHeader', 'tableCell']);
/** Where each table node may stand; anywhere else it is an unknown wrapper and keeps only its words. */
const TABLE_PARENT = new Map([
  ['tableRow', 'table'],
  ['tableHeader', 'tableRow'],
  ['tableCell', 'tableRow'],
]);
/** Spans beyond this are a mistake or an attack, never a journal's table. */
export const MAX_SPAN = 100;
const MAX_COLWIDTH = 10_000;

interface Budget {
  chars: number;
  nodes: number;
}

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length > 2048) return false;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

function cleanMarks(marks: unknown): DocMark[] | undefined {
  if (!Array.isArray(marks)) return undefined;
  const out: DocMark[] = [];
  const seen = new Set<string>();
  for (const mark of marks as unknown[]) {
    if (!mark || typeof mark !== 'object') continue;
    const type = (mark as { type?: unknown }).type;
    if (typeof type !== 'string' || !MARKS.has(type) || seen.has(type)) continue;
    if (type === 'link') {
      const href = (mark as { attrs?: { href?: unknown } }).attrs?.href;
      if (!isSafeHref(href)) continue; // keep the words, drop the link
      out.push({ type, attrs: { href: href.trim() } });
    } else {
      out.push({ type });
    }
    seen.add(type);
  }
  return out.length ? out : undefined;
}

function cleanAttrs(type: string, attrs: unknown): Record<string, unknown> | undefined {
  const a = (attrs && typeof attrs === 'object' ? attrs : {}) as Record<string, unknown>;
  switch (type) {
    case 'heading': {
      const level = Number(a['level']);
      return { level: level >= 1 && level <= 3 ? Math.trunc(level) : 2 };
    }
    case 'orderedList': {
      const start = Number(a['start']);
      return { start: Number.isInteger(start) && start >= 0 && start < 1e6 ? start : 1 };
    }
    case 'taskItem':
      return { checked: a['checked'] === true };
    case 'tableHeader':
    case 'tableCell': {
      const span = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_SPAN ? v : 1);
      const out: Record<string, unknown> = { colspan: span(a['colspan']), rowspan: span(a['rowspan']) };
      // Column widths (from resizing, one per spanned column) are kept only when every one is sensible.
      const widths = a['colwidth'];
      if (
        Array.isArray(widths) &&
        widths.length === out['colspan'] &&
        widths.every((w) => typeof w === 'number' && Number.isInteger(w) && w >= 1 && w <= MAX_COLWIDTH)
      )
        out['colwidth'] = [...(widths as number[])];
      return out;
    }
    default:
      return undefined;
  }
}

/** A cell holds paragraphs only: any other block in it (a list, say) is reduced to the paragraphs of its words. */
function paragraphsWithin(node: DocNode): DocNode[] {
  if (node.type === 'paragraph') return [node];
  if (TEXT_BLOCKS.has(node.type))
    return [node.content ? { type: 'paragraph', content: node.content } : { type: 'paragraph' }];
  return (node.content ?? []).flatMap(paragraphsWithin);
}

function cleanNode(node: unknown, depth: number, budget: Budget, parent: string): DocNode | null {
  if (!node || typeof node !== 'object' || depth > MAX_DEPTH || budget.nodes <= 0) return null;
  budget.nodes -= 1;
  const type = (node as { type?: unknown }).type;
  // A row outside a table, or a cell outside a row, is treated like any unknown wrapper.
  const misplaced = typeof type === 'string' && TABLE_PARENT.has(type) && TABLE_PARENT.get(type) !== parent;
  if (typeof type !== 'string' || !BLOCKS.has(type) || misplaced) {
    // Unknown wrappers (from a paste, say) keep their text as a paragraph rather than vanish.
    const text = plainTextOf(node as DocNode)
      .trim()
      .slice(0, Math.max(0, budget.chars));
    budget.chars -= text.length;
    return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : null;
  }
  if (type === 'text') {
    const raw = (node as { text?: unknown }).text;
    if (typeof raw !== 'string' || raw.length === 0 || budget.chars <= 0) return null;
    // Control characters other than tab and newline have no place in prose.
    // eslint-disable-next-line no-control-regex -- deliberately matching control characters
    const text = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').slice(0, budget.chars);
    budget.chars -= text.length;
    if (!text) return null;
    const marks = cleanMarks((node as { marks?: unknown }).marks);
    return marks ? { type, text, marks } : { type, text };
  }
  const out: DocNode = { type };
  const attrs = cleanAttrs(type, (node as { attrs?: unknown }).attrs);
  if (attrs) out.attrs = attrs;
  const content = (node as { content?: unknown }).content;
  if (Array.isArray(content) && type !== 'horizontalRule' && type !== 'hardBreak') {
    const children = (content as unknown[])
      .map((c) => cleanNode(c, depth + 1, budget, type))
      .filter((c): c is DocNode => !!c);
    const fitting = TEXT_BLOCKS.has(type)
      ? children.filter((c) => c.type === 'text' || c.type === 'hardBreak')
      : CELLS.has(type)
        ? children // loose words in a cell are gathered into a paragraph below
        : children.filter((c) => c.type !== 'text');
    if (fitting.length) out.content = fitting;
  }
  // List containers need items; items need a paragraph.
  if ((type === 'bulletList' || type === 'orderedList') && !out.content?.some((c) => c.type === 'listItem'))
    return null;
  if (type === 'taskList' && !out.content?.some((c) => c.type === 'taskItem')) return null;
  if (type === 'bulletList' || type === 'orderedList') out.content = out.content!.filter((c) => c.type === 'listItem');
  if (type === 'taskList') out.content = out.content!.filter((c) => c.type === 'taskItem');
  if ((type === 'listItem' || type === 'taskItem' || type === 'blockquote') && !out.content?.length) {
    out.content = [{ type: 'paragraph' }];
  }
  // Tables need rows, rows need cells, and cells hold paragraphs (at least an empty one).
  if (type === 'table') {
    const rows = out.content?.filter((c) => c.type === 'tableRow') ?? [];
    if (!rows.length) return null;
    out.content = rows;
  }
  if (type === 'tableRow') {
    const cells = out.content?.filter((c) => CELLS.has(c.type)) ?? [];
    if (!cells.length) return null;
    out.content = cells;
  }
  if (CELLS.has(type)) {
    const paragraphs: DocNode[] = [];
    let loose: DocNode[] = [];
    const gather = () => {
      if (loose.length) paragraphs.push({ type: 'paragraph', content: loose });
      loose = [];
    };
    for (const child of out.content ?? []) {
      if (child.type === 'text' || child.type === 'hardBreak') loose.push(child);
      else {
        gather();
        paragraphs.push(...paragraphsWithin(child));
      }
    }
    gather();
    out.content = paragraphs.length ? paragraphs : [{ type: 'paragraph' }];
  }
  return out;
}

/** Rebuilds a document from the allow-list. Anything that is not a document becomes an empty one. */
export function sanitiseDoc(input: unknown): DocNode {
  if (!input || typeof input !== 'object' || (input as { type?: unknown }).type !== 'doc')
    return structuredClone(EMPTY_DOC);
  const budget: Budget = { chars: MAX_TEXT_CHARS, nodes: MAX_NODES };
  const content = (input as { content?: unknown }).content;
  const children = Array.isArray(content)
    ? (content as unknown[])
        .map((c) => cleanNode(c, 1, budget, 'doc'))
        .filter((c): c is DocNode => !!c && c.type !== 'text' && c.type !== 'hardBreak')
    : [];
  return { type: 'doc', content: children.length ? children : [{ type: 'paragraph' }] };
}

const BLOCK_BREAK = new Set([
  'paragraph',
  'heading',
  'listItem',
  'taskItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  // Each cell, and each row, ends a line: the words of neighbouring cells never run together.
  'tableHeader',
  'tableCell',
  'tableRow',
]);

/** Plain text: blocks on their own lines, for search, snippets, word counts and Markdown later. */
export function plainTextOf(node: DocNode): string {
  const parts: string[] = [];
  const walk = (n: DocNode) => {
    if (n.type === 'text' && typeof n.text === 'string') parts.push(n.text);
    else if (n.type === 'hardBreak') parts.push('\n');
    if (Array.isArray(n.content)) n.content.forEach(walk);
    if (BLOCK_BREAK.has(n.type)) parts.push('\n');
  };
  walk(node);
  return parts
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Words as a person would count them, in any script (letters or numbers, joined by ' or -). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** A document from plain paragraphs (imports, tests, templates). */
export function docFromParagraphs(paragraphs: string[]): DocNode {
  return {
    type: 'doc',
    content: paragraphs.map((p) =>
      p ? { type: 'paragraph', content: [{ type: 'text', text: p }] } : { type: 'paragraph' },
    ),
  };
}

/** The start of what was written, leaving out headings (a template's headings say little). */
export function excerptOf(node: DocNode, max = 220): string {
  const prose = (node.content ?? []).filter((n) => n.type !== 'heading' && n.type !== 'horizontalRule');
  return plainTextOf({ type: 'doc', content: prose }).replace(/\s+/g, ' ').trim().slice(0, max);
}
