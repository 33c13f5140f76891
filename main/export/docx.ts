/**
 * The export as a Word document, built with `docx` (a well-kept library that writes Office Open XML
 * directly: no Word, no LibreOffice, nothing remote). The same plain data as the HTML, so the same words.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { textOf } from '../../common/export/document';
import { CONFIDENTIAL, longDate } from '../../common/export/html';
import {
  type Block,
  type ExportDocument,
  type Inline,
  type Inlines,
  SECTION_KIND_NAMES,
} from '../../common/export/types';

/** Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/** Whether a paragraph reads right to left: its first strong character decides, as dir="auto" does. */
function isRtl(text: string): boolean {
  for (const ch of text) {
    if (RTL.test(ch)) return true;
    if (LTR.test(ch)) return false;
  }
  return false;
}

function runsOf(inline: Inline, rtl: boolean): TextRun[] {
  const lines = inline.text.split('\n');
  return lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : 0,
        bold: inline.bold ?? false,
        italics: inline.italic ?? false,
        strike: inline.strike ?? false,
        ...(inline.underline ? { underline: {} } : {}),
        ...(inline.highlight ? { highlight: 'yellow' as const } : {}),
        ...(inline.code ? { font: 'Consolas' } : {}),
        ...(inline.href ? { style: 'Hyperlink' } : {}),
        rightToLeft: rtl,
      }),
  );
}

function childrenOf(inlines: Inlines): ParagraphChild[] {
  const rtl = isRtl(textOf(inlines));
  return inlines.flatMap((inline): ParagraphChild[] =>
    inline.href ? [new ExternalHyperlink({ link: inline.href, children: runsOf(inline, rtl) })] : runsOf(inline, rtl),
  );
}

function para(inlines: Inlines, options: ConstructorParameters<typeof Paragraph>[0] & object = {}): Paragraph {
  return new Paragraph({ ...options, bidirectional: isRtl(textOf(inlines)), children: childrenOf(inlines) });
}

interface Context {
  /** Each ordered list restarts its numbers: a new instance of the numbering. */
  lists: { next: number };
  depth: number;
  /** A paragraph style for everything inside (quotes). */
  style?: string;
}

const HEADINGS = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'C7CCD1' };

function blocksDocx(blocks: Block[], ctx: Context): (Paragraph | Table)[] {
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    switch (block.type) {
      case 'heading':
        return [para(block.content, { heading: HEADINGS[block.level - 1] ?? HeadingLevel.HEADING_3 })];
      case 'paragraph':
        return block.content.length ? [para(block.content, ctx.style ? { style: ctx.style } : {})] : [];
      case 'code':
        return textOf(block.content)
          .split('\n')
          .map((line) => new Paragraph({ style: 'Code', children: [new TextRun({ text: line, font: 'Consolas' })] }));
      case 'rule':
        return [
          new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'C7CCD1', space: 1 } } }),
        ];
      case 'quote':
        return blocksDocx(block.blocks, { ...ctx, style: 'Quote' });
      case 'list': {
        const instance = ctx.lists.next++;
        const level = Math.min(ctx.depth, 8);
        return block.items.flatMap((item) => {
          const [first, ...rest] = item.blocks;
          const lead: Inlines = first && (first.type === 'paragraph' || first.type === 'heading') ? first.content : [];
          const box: Inlines = item.checked === null ? [] : [{ text: item.checked ? '☑ ' : '☐ ' }];
          const numbering = block.ordered ? { reference: 'ordered', level, instance } : { reference: 'bullets', level };
          // A task item shows its box instead of a bullet.
          const placement =
            item.checked === null ? { numbering } : { indent: { left: 360 * (level + 1), hanging: 300 } };
          const inner = blocksDocx(lead.length || !first ? rest : item.blocks, { ...ctx, depth: ctx.depth + 1 });
          return [para([...box, ...lead], placement), ...inner];
        });
      }
      case 'table': {
        // With merged cells, each row has just its own cells (Word places them); otherwise rows are evened out.
        const merged = block.rows.some((r) => r.spans);
        const width = Math.max(1, ...block.rows.map((r) => r.cells.length));
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row) =>
                new TableRow({
                  ...(row.header ? { tableHeader: true } : {}),
                  cantSplit: true,
                  children: Array.from({ length: merged ? row.cells.length : width }, (_, i) => {
                    const cell = row.cells[i] ?? [];
                    const span = row.spans?.[i];
                    return new TableCell({
                      ...(span && span.colspan > 1 ? { columnSpan: span.colspan } : {}),
                      ...(span && span.rowspan > 1 ? { rowSpan: span.rowspan } : {}),
                      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
                      ...(row.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF1F4' } } : {}),
                      children: [para(row.header ? cell.map((c) => ({ ...c, bold: true })) : cell)],
                    });
                  }),
                }),
            ),
          }),
        ];
      }
      case 'fields':
        return block.rows.map((row, i) =>
          para([{ text: `${row.label}: `, bold: true }, ...row.value], {
            spacing: { after: i === block.rows.length - 1 ? 140 : 40 },
          }),
        );
    }
  });
}

export async function renderDocx(doc: ExportDocument): Promise<Uint8Array> {
  const title = textOf(doc.title) || 'Reflections for supervision';
  const date = longDate(doc.preparedOn);
  const ctx: Context = { lists: { next: 1 }, depth: 0 };
  const body: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: CONFIDENTIAL.toUpperCase(), size: 16, color: '6B2E2E' })] }),
    para(doc.title.length ? doc.title : [{ text: title }], { heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: `Prepared on ${date}`, color: '5A5F66' })] }),
  ];
  for (const section of doc.sections) {
    body.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 360 },
        children: [new TextRun({ text: SECTION_KIND_NAMES[section.kind].toUpperCase(), size: 16, color: '4D6B7D' })],
      }),
    );
    body.push(para(section.title.length ? section.title : [{ text: 'Untitled' }], { heading: HeadingLevel.HEADING_2 }));
    if (section.meta) body.push(new Paragraph({ children: [new TextRun({ text: section.meta, color: '5A5F66' })] }));
    body.push(...blocksDocx(section.blocks, ctx));
  }

  const small = { size: 16, color: '4D5660' };
  const document = new Document({
    creator: 'Holding',
    lastModifiedBy: 'Holding',
    title,
    description: CONFIDENTIAL,
    styles: {
      default: {
        document: {
          run: { font: 'Georgia', size: 22, color: '1D1F22' },
          paragraph: { spacing: { after: 140, line: 288 } },
        },
        title: {
          run: { font: 'Calibri', size: 48, bold: true, color: '1D1F22' },
          paragraph: { spacing: { after: 80 } },
        },
        heading2: {
          run: { font: 'Calibri', size: 30, bold: true, color: '1D1F22' },
          paragraph: { spacing: { before: 60, after: 60 }, keepNext: true },
        },
        heading3: {
          run: { font: 'Calibri', size: 24, bold: true, color: '1D1F22' },
          paragraph: { spacing: { before: 220, after: 80 }, keepNext: true },
        },
        heading4: {
          run: { font: 'Calibri', size: 22, bold: true, color: '33393F' },
          paragraph: { spacing: { before: 180, after: 60 }, keepNext: true },
        },
        hyperlink: { run: { color: '1F5C85', underline: {} } },
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          run: { italics: true, color: '33393F' },
          paragraph: { indent: { left: 567 } },
        },
        { id: 'Code', name: 'Code', basedOn: 'Normal', run: { font: 'Consolas', size: 19 } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.BULLET,
            text: ['•', '◦', '▪'][level % 3]!,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1) + 360, hanging: 360 } } },
          })),
        },
        {
          reference: 'ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1) + 360, hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1247, bottom: 1134, left: 1020, right: 1020 } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: 9866 }],
                children: [new TextRun({ text: title, ...small }), new TextRun({ text: `\t${date}`, ...small })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: 9866 }],
                children: [
                  new TextRun({ text: CONFIDENTIAL, ...small }),
                  new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...small }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
