/**
 * Walking an export document's text units, in one fixed order, so a check and the later apply agree on
 * where every finding is. A unit is a run of inlines (a paragraph, a heading, a table cell, a title) or a
 * link's address, which is checked too: an e-mail can hide in a mailto: behind friendly words.
 */
import type { Block, ExportDocument, Inlines, TableRow } from './types';

export interface UnitVisitor {
  /** Called for each run of inlines; returns what should stand in its place. */
  (inlines: Inlines, sectionIndex: number): Inlines;
}

export function textOf(inlines: Inlines): string {
  return inlines.map((i) => i.text).join('');
}

function mapBlocks(blocks: Block[], visit: (i: Inlines) => Inlines): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'code':
        return { ...block, content: visit(block.content) };
      case 'list':
        return { ...block, items: block.items.map((item) => ({ ...item, blocks: mapBlocks(item.blocks, visit) })) };
      case 'quote':
        return { ...block, blocks: mapBlocks(block.blocks, visit) };
      case 'table':
        return { ...block, rows: block.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => visit(cell)) })) };
      case 'fields':
        return { ...block, rows: block.rows.map((row) => ({ ...row, value: visit(row.value) })) };
      case 'rule':
        return block;
    }
  });
}

/** A new document with every unit passed through `visit`, in the fixed order. Section -1 is the title. */
export function mapUnits(doc: ExportDocument, visit: UnitVisitor): ExportDocument {
  return {
    ...doc,
    title: visit(doc.title, -1),
    sections: doc.sections.map((section, index) => {
      const title = visit(section.title, index);
      return { ...section, title, blocks: mapBlocks(section.blocks, (i) => visit(i, index)) };
    }),
  };
}

/** Every unit's text with its section, in order: each run of inlines, then the addresses of its links. */
export function unitsOf(doc: ExportDocument): { text: string; sectionIndex: number; href: boolean }[] {
  const units: { text: string; sectionIndex: number; href: boolean }[] = [];
  mapUnits(doc, (inlines, sectionIndex) => {
    units.push({ text: textOf(inlines), sectionIndex, href: false });
    for (const run of inlines) if (run.href) units.push({ text: run.href, sectionIndex, href: true });
    return inlines;
  });
  return units;
}

/**
 * Replaces [start, end) ranges of a unit's text (sorted, disjoint). A replacement takes the formatting of
 * the run it starts in; runs left empty disappear.
 */
export function replaceRanges(
  inlines: Inlines,
  replacements: readonly { start: number; end: number; text: string }[],
): Inlines {
  if (!replacements.length) return inlines;
  const out: Inlines = [];
  let offset = 0;
  let r = 0;
  for (const run of inlines) {
    const runStart = offset;
    const runEnd = offset + run.text.length;
    offset = runEnd;
    let cursor = runStart;
    let text = '';
    const flush = () => {
      if (text) out.push({ ...run, text });
      text = '';
    };
    while (cursor < runEnd) {
      const next = replacements[r];
      if (!next || next.start >= runEnd) {
        text += run.text.slice(cursor - runStart);
        cursor = runEnd;
      } else if (next.start > cursor) {
        text += run.text.slice(cursor - runStart, next.start - runStart);
        cursor = next.start;
      } else {
        // A replacement starting here (or carried over from an earlier run, whose text it already wrote).
        if (next.start >= runStart) {
          flush();
          out.push({ ...run, text: next.text });
        }
        if (next.end <= runEnd) {
          cursor = Math.max(cursor, next.end);
          r += 1;
        } else cursor = runEnd;
      }
    }
    flush();
  }
  return out.filter((run) => run.text.length > 0);
}

/** Counts of what was chosen: sections and words the person wrote. */
export function wordCountOf(doc: ExportDocument): number {
  let words = 0;
  mapUnits(doc, (inlines) => {
    words += textOf(inlines).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    return inlines;
  });
  return words;
}

/**
 * A table laid out on a grid: merged cells take their places, and the places they cover are null. For
 * formats without merged cells (Markdown), so each row has one cell per column.
 */
export function tableGrid(rows: readonly TableRow[]): (Inlines | null)[][] {
  const grid: (Inlines | null | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    row.cells.forEach((cell, i) => {
      while (grid[r]![c] !== undefined) c += 1;
      const { colspan = 1, rowspan = 1 } = row.spans?.[i] ?? {};
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell : null;
      }
      c += colspan;
    });
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
}
