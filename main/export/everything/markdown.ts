/**
 * An entry as Markdown with YAML front matter, for "Export everything". The document (ProseMirror JSON,
 * common/journal/doc.ts) becomes an mdast tree, and mdast-util-to-markdown with GFM (tables, task lists,
 * strikethrough) writes it: every character a reader's Markdown would take for syntax (`*`, `#`, `[x]`,
 * "1." at the start of a line) is escaped by the library, never by hand. The front matter is written by
 * the `yaml` package. What Markdown has no syntax for (underline, highlight, a line break in a table cell)
 * is written as the HTML every Markdown reader passes through: <u>, <mark>, <br>.
 */
import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { type Options, toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import type { DocMark, DocNode } from '../../../common/journal/doc';

/** A run of text with its marks, or a line break, flattened out of a text block. */
interface Run {
  text: string;
  br?: boolean;
  marks: Map<string, string | true>;
}

/** Marks from the outside in: a link holds bold text, not the other way round; code is always innermost. */
const MARK_ORDER = ['link', 'strike', 'bold', 'italic', 'underline', 'highlight'] as const;

function runsOf(node: DocNode): Run[] {
  const runs: Run[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text' && child.text) {
      const marks = new Map<string, string | true>();
      for (const mark of child.marks ?? ([] as DocMark[])) {
        if (mark.type === 'link') {
          const href = mark.attrs?.['href'];
          if (typeof href === 'string') marks.set('link', href);
        } else marks.set(mark.type, true);
      }
      runs.push({ text: child.text, marks });
    } else if (child.type === 'hardBreak') runs.push({ text: '\n', br: true, marks: new Map() });
  }
  return runs;
}

const html = (value: string): PhrasingContent => ({ type: 'html', value });

function leaf(run: Run, inCell: boolean): PhrasingContent[] {
  if (run.br) return [inCell ? html('<br>') : { type: 'break' }];
  if (run.marks.has('code')) return [{ type: 'inlineCode', value: run.text }];
  return [{ type: 'text', value: run.text }];
}

function wrap(mark: (typeof MARK_ORDER)[number], value: string | true, children: PhrasingContent[]): PhrasingContent[] {
  switch (mark) {
    case 'link':
      return [{ type: 'link', url: value as string, children }];
    case 'strike':
      return [{ type: 'delete', children }];
    case 'bold':
      return [{ type: 'strong', children }];
    case 'italic':
      return [{ type: 'emphasis', children }];
    case 'underline':
      return [html('<u>'), ...children, html('</u>')];
    case 'highlight':
      return [html('<mark>'), ...children, html('</mark>')];
  }
}

/**
 * Runs become nested phrasing: neighbouring runs that share a mark share one node for it (so "**a** and
 * **b**" in one bold stretch is one strong, not two that a reader would have to join).
 */
function phrasing(runs: Run[], inCell: boolean, depth = 0): PhrasingContent[] {
  const mark = MARK_ORDER[depth];
  if (!mark) return runs.flatMap((r) => leaf(r, inCell));
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < runs.length) {
    const value = runs[i]!.marks.get(mark);
    let j = i + 1;
    // A line break joins whatever stretch it is in, so bold text over two lines stays one bold.
    while (j < runs.length && (runs[j]!.marks.get(mark) === value || (runs[j]!.br && value !== undefined))) j++;
    while (j > i + 1 && runs[j - 1]!.br && value !== undefined) j--;
    const group = runs.slice(i, j);
    const inner = phrasing(group, inCell, depth + 1);
    out.push(...(value === undefined ? inner : wrap(mark, value, inner)));
    i = j;
  }
  return out;
}

function inlineOf(node: DocNode, inCell = false): PhrasingContent[] {
  return phrasing(runsOf(node), inCell);
}

function textOf(node: DocNode): string {
  return runsOf(node)
    .map((r) => r.text)
    .join('');
}

/** A table on a grid (merged cells take their first place; the places they cover are left empty). */
function tableOf(node: DocNode): Table {
  const rows = (node.content ?? []).filter((r) => r.type === 'tableRow');
  const grid: (PhrasingContent[] | null | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.content ?? []) {
      while (grid[r]![col] !== undefined) col++;
      const colspan = Number(cell.attrs?.['colspan']) || 1;
      const rowspan = Number(cell.attrs?.['rowspan']) || 1;
      const paragraphs = (cell.content ?? []).map((p) => inlineOf(p, true));
      const content = paragraphs.flatMap((p, i) => (i ? [html('<br>'), ...p] : p));
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++)
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![col + dc] = dr === 0 && dc === 0 ? content : null;
      col += colspan;
    }
  });
  const width = Math.max(1, ...grid.map((row) => row.length));
  const children: TableRow[] = grid.map((row) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i): TableCell => ({ type: 'tableCell', children: row[i] ?? [] })),
  }));
  return { type: 'table', align: Array.from({ length: width }, () => null), children };
}

function blocksOf(nodes: readonly DocNode[], headingShift: number): BlockContent[] {
  const out: BlockContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph': {
        // An empty paragraph is a blank line in the editor; Markdown has no empty paragraph to keep it in.
        const children = inlineOf(node);
        if (children.length) out.push({ type: 'paragraph', children });
        break;
      }
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.attrs?.['level']) || 2) + headingShift);
        const children = inlineOf(node);
        if (children.length) out.push({ type: 'heading', depth: level as Heading['depth'], children });
        break;
      }
      case 'codeBlock':
        out.push({ type: 'code', value: textOf(node) });
        break;
      case 'horizontalRule':
        out.push({ type: 'thematicBreak' });
        break;
      case 'blockquote':
        out.push({ type: 'blockquote', children: blocksOf(node.content ?? [], headingShift) });
        break;
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        const start = Number(node.attrs?.['start']);
        const list: List = {
          type: 'list',
          ordered: node.type === 'orderedList',
          spread: false,
          children: (node.content ?? []).map((item): ListItem => ({
            type: 'listItem',
            spread: false,
            checked: node.type === 'taskList' ? item.attrs?.['checked'] === true : null,
            children: blocksOf(item.content ?? [], headingShift),
          })),
        };
        if (list.ordered) list.start = Number.isInteger(start) && start >= 0 ? start : 1;
        out.push(list);
        break;
      }
      case 'table':
        out.push(tableOf(node));
        break;
      default:
        if (node.content) out.push(...blocksOf(node.content, headingShift));
    }
  }
  return out;
}

const MARKDOWN_OPTIONS: Options = {
  extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml'])],
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
};

/** The mdast tree of a document, its headings moved down by `headingShift` (under a title of its own). */
export function docToMdast(doc: DocNode, headingShift = 0): Root {
  return { type: 'root', children: blocksOf(doc.content ?? [], headingShift) };
}

export function mdastToMarkdown(tree: Root): string {
  return toMarkdown(tree, MARKDOWN_OPTIONS);
}

/** The front matter of one entry file (docs/export-format.md, "Entry files"). */
export interface EntryFrontMatter {
  id: string;
  kind: string;
  title: string;
  created: string;
  updated: string;
  /** The day the entry is about (YYYY-MM-DD), if the person gave one. */
  day: string | null;
  tags: string[];
  flags: string[];
  template: { id: string; name: string | null } | null;
  links: { id: string; title: string; file: string | null }[];
  /** When it went into the trash, if it is there. */
  deleted?: string;
  /** The prompt a two-truths entry began from. */
  prompt?: string;
}

/** A YAML mapping in a fixed order, every string quoted only where YAML needs it. */
export function frontMatterYaml(front: EntryFrontMatter): string {
  // Written as YAML 1.1 reads it too (Obsidian and others): "No", "on", "12:30" and dates are quoted.
  return stringify(front, { version: '1.1', lineWidth: 0, defaultKeyType: 'PLAIN' }).trimEnd();
}

/** A whole entry file: front matter, the title as a heading, then the body with its headings one level down. */
export function entryMarkdown(front: EntryFrontMatter, body: DocNode): string {
  const tree = docToMdast(body, 1);
  const children: RootContent[] = [{ type: 'yaml', value: frontMatterYaml(front) }];
  if (front.title.trim())
    children.push({ type: 'heading', depth: 1, children: [{ type: 'text', value: front.title }] });
  children.push(...tree.children);
  return mdastToMarkdown({ type: 'root', children });
}

/** Markdown from an mdast tree made by hand (warning signs, templates): the same options as entries. */
export function markdownOf(children: RootContent[]): string {
  return mdastToMarkdown({ type: 'root', children });
}
