/**
 * The export as CommonMark. What a person wrote is escaped so it reads back as the same words: a line
 * that starts "1." or "#" stays text, and asterisks stay asterisks.
 */
import { tableGrid, textOf } from './document';
import { CONFIDENTIAL, longDate } from './html';
import { type Block, type ExportDocument, type Inline, type Inlines, SECTION_KIND_NAMES } from './types';

/**
 * Characters that mean something anywhere in a line. Square brackets only make a link when a "]" is
 * followed by "(", "[" or ":", so "[redacted]" can stay as it is and still read as plain words.
 */
function escapeInline(text: string, inLinkText = false): string {
  // "&" too: "k&#64;example.org" would read as an e-mail address in any viewer, unseen by the check.
  return text.replace(inLinkText ? /[\\`*_<>|~&[\]]/g : /[\\`*_<>|~&]|\](?=[([:])/g, (c) => `\\${c}`);
}

/** …and at the start of a line: headings, quotes, list markers, rules. */
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

function wrap(text: string, marker: string): string {
  // Emphasis cannot start or end with a space: keep the spaces outside the markers.
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : text;
}

function inlineMd(run: Inline): string {
  if (run.code) {
    const ticks = '`'.repeat(Math.max(1, ...(run.text.match(/`+/g) ?? []).map((t) => t.length + 1)));
    const pad = run.text.startsWith('`') || run.text.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${run.text.replace(/\n/g, ' ')}${pad}${ticks}`;
  }
  let md = escapeInline(run.text, !!run.href).replace(/\n/g, '\\\n');
  if (run.highlight) md = wrap(md, '==');
  if (run.strike) md = wrap(md, '~~');
  if (run.italic) md = wrap(md, '_');
  if (run.bold) md = wrap(md, '**');
  if (run.href) md = `[${md}](<${run.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  return md;
}

function inlinesMd(inlines: Inlines): string {
  return escapeLineStarts(inlines.map(inlineMd).join(''));
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || !line ? line : by + line))
    .join('\n');
}

function blockMd(block: Block): string {
  switch (block.type) {
    case 'heading':
      // A heading is one line: its line breaks become spaces.
      return `${'#'.repeat(block.level + 2)} ${inlinesMd(block.content).replace(/\\\n/g, ' ')}`;
    case 'paragraph':
      return inlinesMd(block.content);
    case 'code': {
      const text = textOf(block.content);
      const fence = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((t) => t.length + 1)));
      return `${fence}\n${text}\n${fence}`;
    }
    case 'rule':
      return '---';
    case 'quote':
      return blocksMd(block.blocks)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}.` : '-';
          const box = item.checked === null ? '' : item.checked ? '[x] ' : '[ ] ';
          const body = blocksMd(item.blocks) || ' ';
          return `${marker} ${box}${indent(body, ' '.repeat(marker.length + 1))}`;
        })
        .join('\n');
    case 'table': {
      if (!block.rows.length) return '';
      // Markdown has no merged cells: a merged cell's words go in its first place, the rest stay empty.
      const grid = tableGrid(block.rows);
      const width = grid[0]!.length;
      // Every "|" in a cell is escaped, inside code too (GFM reads "\|" there as the character).
      const cell = (c: Inlines | null) =>
        (c
          ? inlinesMd(c)
              .replace(/\\?\n/g, ' ')
              .replace(/(?<!\\)\|/g, '\\|')
          : '') || ' ';
      const line = (cells: (Inlines | null)[]) => `| ${cells.map(cell).join(' | ')} |`;
      const [first, ...rest] = grid;
      return [line(first!), `|${' --- |'.repeat(width)}`, ...rest.map(line)].join('\n');
    }
    case 'fields':
      return block.rows.map((r) => `**${escapeInline(r.label)}:** ${inlinesMd(r.value)}`).join('  \n');
  }
}

function blocksMd(blocks: Block[]): string {
  return blocks
    .map(blockMd)
    .filter((b) => b.trim())
    .join('\n\n');
}

export function renderMarkdown(doc: ExportDocument): string {
  const parts = [
    `# ${inlinesMd(doc.title) || 'Reflections for supervision'}`,
    `_${CONFIDENTIAL}. Prepared on ${longDate(doc.preparedOn)}._`,
  ];
  for (const section of doc.sections) {
    parts.push('---');
    parts.push(`## ${inlinesMd(section.title) || 'Untitled'}`);
    parts.push(`_${SECTION_KIND_NAMES[section.kind]}${section.meta ? ` · ${escapeInline(section.meta)}` : ''}_`);
    const body = blocksMd(section.blocks);
    if (body) parts.push(body);
  }
  return `${parts.join('\n\n')}\n`;
}
