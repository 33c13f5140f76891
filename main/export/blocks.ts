/**
 * A journal document (TipTap's shape, common/journal/doc.ts) as the export's plain blocks and inlines
 * (common/export/types.ts), which the check reads and every format writes.
 */
import type { DocMark, DocNode } from '../../common/journal/doc';
import type { Block, Inline, Inlines, ListItem } from '../../common/export/types';

/**
 * Invisible characters that only hint at line breaks (soft hyphens, zero-width spaces, word joiners, a
 * stray byte-order mark) go: a name split by one would slip past the check, and no reader sees them.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
const visible = (text: string) => text.replace(INVISIBLE, '');

export const plain = (text: string): Inlines => (visible(text) ? [{ text: visible(text) }] : []);

function marksOf(marks: DocMark[] | undefined, out: Inline): Inline {
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strike':
      case 'code':
      case 'highlight':
        out[mark.type] = true;
        break;
      case 'link':
        if (typeof mark.attrs?.['href'] === 'string') out.href = mark.attrs['href'];
        break;
    }
  }
  return out;
}

function inlinesOf(node: DocNode): Inlines {
  const out: Inlines = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text' && child.text && visible(child.text)) {
      out.push(marksOf(child.marks, { text: visible(child.text) }));
    } else if (child.type === 'hardBreak') out.push({ text: '\n' });
    else if (child.content) out.push(...inlinesOf(child));
  }
  return out;
}

/** Merged cells' spans, only when a row has any (most tables have none). */
function spansOf(cells: DocNode[]): { spans?: { colspan: number; rowspan: number }[] } {
  const span = (value: unknown) => (Number.isInteger(value) && (value as number) > 1 ? (value as number) : 1);
  const spans = cells.map((c) => ({ colspan: span(c.attrs?.['colspan']), rowspan: span(c.attrs?.['rowspan']) }));
  return spans.some((s) => s.colspan > 1 || s.rowspan > 1) ? { spans } : {};
}

/** A table cell's paragraphs, joined by line breaks. */
function cellInlines(cell: DocNode): Inlines {
  const out: Inlines = [];
  for (const block of cell.content ?? []) {
    if (out.length) out.push({ text: '\n' });
    out.push(...inlinesOf(block));
  }
  return out;
}

export function blocksOf(nodes: readonly DocNode[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        blocks.push({ type: 'paragraph', content: inlinesOf(node) });
        break;
      case 'heading': {
        const level = Number(node.attrs?.['level']);
        blocks.push({ type: 'heading', level: level === 1 || level === 3 ? level : 2, content: inlinesOf(node) });
        break;
      }
      case 'codeBlock':
        blocks.push({ type: 'code', content: inlinesOf(node).map((i) => ({ text: i.text })) });
        break;
      case 'horizontalRule':
        blocks.push({ type: 'rule' });
        break;
      case 'blockquote':
        blocks.push({ type: 'quote', blocks: blocksOf(node.content ?? []) });
        break;
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        const items: ListItem[] = (node.content ?? []).map((item) => ({
          checked: node.type === 'taskList' ? item.attrs?.['checked'] === true : null,
          blocks: blocksOf(item.content ?? []),
        }));
        const start = Number(node.attrs?.['start']);
        blocks.push({
          type: 'list',
          ordered: node.type === 'orderedList',
          start: Number.isInteger(start) && start >= 0 ? start : 1,
          items,
        });
        break;
      }
      case 'table':
        blocks.push({
          type: 'table',
          rows: (node.content ?? []).map((row) => ({
            header: (row.content ?? []).length > 0 && (row.content ?? []).every((c) => c.type === 'tableHeader'),
            cells: (row.content ?? []).map(cellInlines),
            ...spansOf(row.content ?? []),
          })),
        });
        break;
      default:
        if (node.content) blocks.push(...blocksOf(node.content));
    }
  }
  return blocks;
}

/** Paragraphs from plain text: blank lines part paragraphs, single line breaks stay. */
export function paragraphsOf(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph' as const, content: plain(p) }));
}
