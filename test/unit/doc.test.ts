import { describe, expect, it } from 'vitest';
import { countWords, type DocNode, isSafeHref, plainTextOf, sanitiseDoc } from '../../common/journal/doc';

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
