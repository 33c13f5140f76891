import { describe, expect, it } from 'vitest';
import {
  countWords,
  type DocNode,
  isSafeHref,
  MAX_TEXT_CHARS,
  plainTextOf,
  sanitiseDoc,
} from '../../common/journal/doc';

const text = (t: string, marks?: DocNode['marks']): DocNode =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

/** Anything that could run, or take someone somewhere they did not choose. */
function assertInert(value: unknown): void {
  const json = JSON.stringify(value);
  expect(json).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(json).not.toMatch(/"on[a-z]+"\s*:/i);
  expect(json).not.toMatch(/"(script|iframe|image|img|style|object|embed)"/i);
  expect(json).not.toMatch(/"(src|style|class|target|srcdoc)"\s*:/i);
}

describe('document sanitiser', () => {
  const hostileLinks = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'http://plain.example',
    '//evil.example',
    'holding://app/index.html',
    '',
    42,
    null,
  ];

  it('drops every link that is not https: or mailto:, keeping the words', () => {
    for (const href of hostileLinks) {
      const out = sanitiseDoc(doc(para(text('click me', [{ type: 'link', attrs: { href, onclick: 'x()' } }]))));
      assertInert(out);
      expect(out.content![0]).toEqual(para(text('click me')));
    }
  });

  it('keeps safe links, with nothing but the href', () => {
    for (const href of ['https://www.bps.org.uk/', 'mailto:supervisor@example.org']) {
      const out = sanitiseDoc(
        doc(para(text('ok', [{ type: 'link', attrs: { href, target: '_blank', rel: 'x', class: 'y' } }]))),
      );
      expect(out.content![0]).toEqual(para(text('ok', [{ type: 'link', attrs: { href } }])));
    }
  });

  it('turns unknown and executable nodes into plain text or nothing', () => {
    const out = sanitiseDoc(
      doc(
        { type: 'script', content: [text('alert(1)')] },
        { type: 'iframe', attrs: { src: 'https://evil.example', srcdoc: '<script>' } },
        { type: 'image', attrs: { src: 'data:image/png;base64,AAAA', onerror: 'alert(1)' } },
        { type: 'paragraph', attrs: { onclick: 'alert(1)', style: 'x', class: 'y' }, content: [text('kept')] },
        {
          type: 'heading',
          attrs: { level: 9, onmouseover: 'x' },
          content: [text('Title', [{ type: 'bold' }, { type: 'evil' }, { type: 'bold' }])],
        },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: 'yes' }, content: [para(text('task'))] }] },
      ),
    );
    assertInert(out);
    expect(out.content).toEqual([
      para(text('alert(1)')),
      para(text('kept')),
      { type: 'heading', attrs: { level: 2 }, content: [text('Title', [{ type: 'bold' }])] },
      { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false }, content: [para(text('task'))] }] },
    ]);
  });

  it('makes something safe of anything at all', () => {
    const junk: unknown[] = [
      null,
      undefined,
      1,
      'x',
      [],
      {},
      { type: 'doc' },
      { type: 'doc', content: {} },
      { type: 'doc', content: [null, 1, 'x', [], { type: 42 }] },
      { type: 'paragraph' },
      { __proto__: { type: 'doc' } },
    ];
    for (const value of junk) {
      const out = sanitiseDoc(value);
      expect(out.type).toBe('doc');
      expect(out.content!.length).toBeGreaterThan(0);
      assertInert(out);
    }
  });

  it('limits depth and strips control characters', () => {
    let deep: DocNode = para(text('bottom'));
    for (let i = 0; i < 200; i++) deep = { type: 'blockquote', content: [deep] };
    expect(() => sanitiseDoc(doc(deep))).not.toThrow();
    const out = sanitiseDoc(doc(para(text('a\u0000b\u0002c\u0007d\te\nf'))));
    expect(out.content![0]).toEqual(para(text('abcd\te\nf')));
  });

  it('derives plain text with blocks on their own lines, and counts words in any script', () => {
    const d = sanitiseDoc(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('What?')] },
        para(text('One'), { type: 'hardBreak' }, text('two')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('three'))] }] },
      ),
    );
    expect(plainTextOf(d)).toBe('What?\nOne\ntwo\nthree');
    expect(countWords("It's a well-known fact — isn't it? 42 כן نعم 🌧️")).toBe(9);
    expect(countWords('')).toBe(0);
  });

  it('accepts only https: and mailto: as safe hrefs', () => {
    expect(isSafeHref('https://a.example')).toBe(true);
    expect(isSafeHref('mailto:a@b.c')).toBe(true);
    for (const href of hostileLinks) expect(isSafeHref(href), String(href)).toBe(false);
  });
});

describe('tables in the document sanitiser', () => {
  const cell = (
    t: string,
    type = 'tableCell',
    attrs: Record<string, unknown> = { colspan: 1, rowspan: 1 },
  ): DocNode => ({
    type,
    attrs,
    content: [para(text(t))],
  });
  const row = (...cells: DocNode[]): DocNode => ({ type: 'tableRow', content: cells });
  const table = (...rows: DocNode[]): DocNode => ({ type: 'table', content: rows });
  /** What the sanitiser keeps inside a table's only cell, given with no attributes and holding `content`. */
  const keptInCell = (content: DocNode[]) =>
    sanitiseDoc(doc(table(row({ type: 'tableCell', content })))).content![0]!.content![0]!.content![0]!.content;

  it('keeps a table, its header row and its cells exactly as they are', () => {
    const grid = table(
      row(cell('Pros', 'tableHeader'), cell('Cons', 'tableHeader')),
      row(cell('calmer evenings'), {
        type: 'tableCell',
        attrs: { colspan: 1, rowspan: 2, colwidth: [180] },
        content: [para(text('less time')), para(text('more travel'))],
      }),
      row(cell('a garden')),
    );
    const input = doc(para(text('Before')), grid, para(text('After')));
    const out = sanitiseDoc(input);
    expect(out).toEqual(input);
    // Once clean, clean again changes nothing.
    expect(sanitiseDoc(out)).toEqual(out);
  });

  it('cleans spans and widths it cannot trust', () => {
    const bad: unknown[] = [0, -1, 1.5, 101, '2', null, true, [2], Number.NaN, Infinity];
    for (const value of bad) {
      const out = sanitiseDoc(doc(table(row(cell('x', 'tableCell', { colspan: value, rowspan: value })))));
      expect(out.content![0]!.content![0]!.content![0]!.attrs, String(value)).toEqual({ colspan: 1, rowspan: 1 });
    }
    const widths: unknown[] = ['100', [100, 200], [0], [-5], [1.5], [100_000], { 0: 100 }, null];
    for (const colwidth of widths) {
      const out = sanitiseDoc(doc(table(row(cell('x', 'tableCell', { colspan: 1, rowspan: 1, colwidth })))));
      expect(out.content![0]!.content![0]!.content![0]!.attrs, JSON.stringify(colwidth)).toEqual({
        colspan: 1,
        rowspan: 1,
      });
    }
    const kept = sanitiseDoc(
      doc(table(row(cell('x', 'tableHeader', { colspan: 2, rowspan: 100, colwidth: [90, 120] })))),
    );
    expect(kept.content![0]!.content![0]!.content![0]!.attrs).toEqual({
      colspan: 2,
      rowspan: 100,
      colwidth: [90, 120],
    });
    // No attributes at all: the defaults.
    const bare = sanitiseDoc(doc({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell' }] }] }));
    expect(bare.content![0]).toEqual(
      table(row({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph' }] })),
    );
  });

  it('drops rows without cells and tables without rows, and gives an empty cell its paragraph', () => {
    const out = sanitiseDoc(
      doc(
        table(row(), { type: 'tableRow', content: [text('loose'), para(text('not a cell'))] }),
        { type: 'table' },
        { type: 'table', content: [para(text('not a row'))] },
        table(row({ type: 'tableCell', content: [] }), row()),
        para(text('still here')),
      ),
    );
    expect(out.content).toEqual([
      table(row({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph' }] })),
      para(text('still here')),
    ]);
  });

  it('keeps only paragraphs in a cell, and the words of anything else', () => {
    const kept = keptInCell([
      { type: 'heading', attrs: { level: 2 }, content: [text('Heading', [{ type: 'bold' }])] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('item'))] }] },
      table(row(cell('nested'))),
      { type: 'horizontalRule' },
    ]);
    expect(kept).toEqual([para(text('Heading', [{ type: 'bold' }])), para(text('item')), para(text('nested'))]);
  });

  it('gathers words put straight into a cell into a paragraph', () => {
    const kept = keptInCell([text('one'), { type: 'hardBreak' }, text('two'), para(text('three')), text('four')]);
    expect(kept).toEqual([
      para(text('one'), { type: 'hardBreak' }, text('two')),
      para(text('three')),
      para(text('four')),
    ]);
  });

  it('treats rows and cells outside a table as unknown wrappers, keeping their words', () => {
    const out = sanitiseDoc(
      doc(row(cell('stray row')), cell('stray cell'), { type: 'bulletList', content: [{ type: 'tableRow' }] }),
    );
    expect(out.content).toEqual([para(text('stray row')), para(text('stray cell'))]);
  });

  it('drops script-ish attributes and nodes inside tables', () => {
    const out = sanitiseDoc(
      doc({
        type: 'table',
        attrs: { onclick: 'alert(1)', style: 'background:url(javascript:alert(1))', class: 'x' },
        content: [
          {
            type: 'tableRow',
            attrs: { onmouseover: 'alert(1)' },
            content: [
              {
                type: 'tableHeader',
                attrs: { colspan: 1, rowspan: 1, onclick: 'alert(1)', style: 'x', src: 'javascript:alert(1)' },
                content: [
                  para(text('safe', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
                  { type: 'script', content: [text('alert(2)')] },
                  { type: 'image', attrs: { src: 'data:image/png;base64,AAAA', onerror: 'alert(3)' } },
                ],
              },
            ],
          },
        ],
      }),
    );
    assertInert(out);
    expect(out.content![0]).toEqual(
      table(
        row({
          type: 'tableHeader',
          attrs: { colspan: 1, rowspan: 1 },
          content: [para(text('safe')), para(text('alert(2)'))],
        }),
      ),
    );
  });

  it('keeps to the depth and text budgets inside tables', () => {
    let deep: DocNode = table(row(cell('innermost')));
    for (let i = 0; i < 60; i++) deep = table(row({ type: 'tableCell', content: [deep] }));
    expect(() => sanitiseDoc(doc(deep))).not.toThrow();
    expect(JSON.stringify(sanitiseDoc(doc(deep)))).not.toContain('innermost');
    const wide = table(row(...Array.from({ length: 30 }, () => cell('x'.repeat(100_000)))));
    expect(plainTextOf(sanitiseDoc(doc(wide))).replace(/\s/g, '').length).toBe(MAX_TEXT_CHARS);
  });

  it('separates the words of neighbouring cells in plain text and word counts', () => {
    const out = sanitiseDoc(
      doc(
        para(text('Choices')),
        table(row(cell('Pros', 'tableHeader'), cell('Cons', 'tableHeader')), row(cell('calm'), cell('tired'))),
        para(text('End')),
      ),
    );
    const plain = plainTextOf(out);
    expect(plain.split(/\s+/)).toEqual(['Choices', 'Pros', 'Cons', 'calm', 'tired', 'End']);
    expect(plain).not.toMatch(/ProsCons|calmtired/);
    expect(countWords(plain)).toBe(6);
    // Even a table that never went through the sanitiser (cells holding bare text).
    const raw: DocNode = {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [text('left')] },
            { type: 'tableCell', content: [text('right')] },
          ],
        },
      ],
    };
    expect(countWords(plainTextOf(raw))).toBe(2);
  });
});
