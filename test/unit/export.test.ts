import { describe, expect, it } from 'vitest';
import { findPersonNames, nameValue } from '../../common/deid/names';
import { applyResolutions, checkDocument, seriesLetter, valueKeyOf } from '../../common/export/deid';
import { replaceRanges, tableGrid, textOf, unitsOf } from '../../common/export/document';
import { givesAway, keyOf, settledResolution } from '../../common/export/resolve';
import { escapeHtml, renderHtml } from '../../common/export/html';
import { renderMarkdown } from '../../common/export/markdown';
import type { ExportDocument, Inlines, Resolutions, TableRow } from '../../common/export/types';

const doc = (sections: ExportDocument['sections'], title = 'For supervision'): ExportDocument => ({
  title: [{ text: title }],
  preparedOn: '2026-11-21',
  sections,
});
const entry = (title: string, ...paragraphs: Inlines[]): ExportDocument['sections'][number] => ({
  kind: 'entry',
  sourceId: title,
  title: [{ text: title }],
  meta: '21 November 2026',
  blocks: paragraphs.map((content) => ({ type: 'paragraph' as const, content })),
  clientMaterial: false,
});
const none: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
const options = { names: [], places: [], year: 2026 };

describe('likely names (compromise)', () => {
  it('finds names from context, without titles’ punctuation or possessives', () => {
    const text = 'I saw Margaret Okafor on Tuesday. Afterwards Dr Patel and I talked about Daniel’s plan.';
    const found = findPersonNames(text).map((f) => f.text);
    expect(found).toContain('Margaret Okafor');
    expect(found).toContain('Dr Patel');
    expect(found).toContain('Daniel');
    for (const f of findPersonNames(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('leaves ordinary reflective writing alone', () => {
    for (const text of [
      'I felt angry and sad, and then hopeful.',
      'Hope is hard some days. Grace under pressure is a phrase I distrust.',
      'The team meeting ran over; I stayed calm.',
      'i am tired',
    ]) {
      expect(
        findPersonNames(text).map((f) => f.text),
        text,
      ).toEqual([]);
    }
  });

  it('treats "Patel" and "Patel’s" as one person, but not "Mr Patel" and "Dr Patel"', () => {
    expect(nameValue('Patel’s')).toBe('patel');
    expect(valueKeyOf('person-name', 'Patel’s')).toBe(valueKeyOf('listed-name', 'PATEL'));
    expect(valueKeyOf('person-name', 'Mr Patel')).not.toBe(valueKeyOf('person-name', 'Dr Patel'));
  });
});

describe('value keys and series', () => {
  it('matches the same number however it is spaced', () => {
    expect(valueKeyOf('nhs-number', '943 476 5919')).toBe(valueKeyOf('nhs-number', '9434765919'));
    expect(valueKeyOf('postcode', 'ls6 2qt')).toBe(valueKeyOf('postcode', 'LS62QT'));
    expect(valueKeyOf('phone', '07700 900123')).toBe(valueKeyOf('phone', '07700-900-123'));
  });

  it('letters go A to Z, then AA', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(seriesLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

describe('replacing ranges across formatted runs', () => {
  const runs: Inlines = [
    { text: 'Saw ' },
    { text: 'Keziah', bold: true },
    { text: ' at ' },
    { text: 'LS6 2QT', italic: true },
  ];

  it('keeps formatting and drops what was replaced', () => {
    const out = replaceRanges(runs, [
      { start: 4, end: 10, text: 'Client A' },
      { start: 14, end: 21, text: '[redacted]' },
    ]);
    expect(out).toEqual([
      { text: 'Saw ' },
      { text: 'Client A', bold: true },
      { text: ' at ' },
      { text: '[redacted]', italic: true },
    ]);
  });

  it('handles a finding that spans runs, once', () => {
    const split: Inlines = [{ text: 'Kez' }, { text: 'iah', bold: true }, { text: ' came' }];
    expect(textOf(replaceRanges(split, [{ start: 0, end: 6, text: 'Client A' }]))).toBe('Client A came');
    expect(textOf(replaceRanges(split, [{ start: 2, end: 4, text: '#' }]))).toBe('Ke#ah came');
  });

  it('returns the same runs when there is nothing to replace', () => {
    expect(replaceRanges(runs, [])).toBe(runs);
  });
});

describe('checking and applying decisions', () => {
  const d = doc([
    entry('Keziah again', [{ text: 'Keziah rang from 07700 900123. Keziah is ok.' }]),
    entry('Later', [{ text: 'Write to ' }, { text: 'her', href: 'mailto:keziah@example.org' }, { text: '.' }]),
  ]);
  const opts = { ...options, names: ['Keziah'], nlp: false };

  it('finds every occurrence, in order, including the title and link addresses', () => {
    const { findings, pseudonyms } = checkDocument(d, opts);
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ['listed-name', 'Keziah'],
      ['listed-name', 'Keziah'],
      ['phone', '07700 900123'],
      ['listed-name', 'Keziah'],
      ['link-address', 'mailto:keziah@example.org'],
    ]);
    expect(findings[4]!.before).toBe('a link in the text leads to ');
    expect(pseudonyms['name:keziah']).toBe('Person A');
    expect(unitsOf(d).filter((u) => u.href)).toHaveLength(1);
  });

  it('applies per value and per finding, with the person’s own pseudonym, and drops a redacted link address', () => {
    const { findings, pseudonyms } = checkDocument(d, opts);
    const resolutions: Resolutions = {
      byValue: { 'name:keziah': { action: 'pseudonym' }, [findings[2]!.valueKey]: { action: 'redact' } },
      byFinding: { [findings[1]!.id]: { action: 'keep', reason: 'Her first name is fine here' } },
      pseudonyms: { 'name:keziah': 'K' },
    };
    resolutions.byValue[findings[4]!.valueKey] = { action: 'redact' };
    const out = applyResolutions(d, findings, resolutions, pseudonyms);
    expect(textOf(out.sections[0]!.title)).toBe('K again');
    expect(textOf((out.sections[0]!.blocks[0] as { content: Inlines }).content)).toBe(
      'Keziah rang from [redacted]. K is ok.',
    );
    const link = (out.sections[1]!.blocks[0] as { content: Inlines }).content;
    expect(link.some((r) => r.href)).toBe(false);
    expect(textOf(link)).toBe('Write to her.');
  });

  it('leaves undecided findings alone (saving refuses them elsewhere)', () => {
    const { findings, pseudonyms } = checkDocument(d, opts);
    expect(applyResolutions(d, findings, none, pseudonyms)).toEqual(d);
  });
});

describe('rendering what a person wrote', () => {
  const tricky = doc(
    [
      entry(
        '<script>alert(1)</script>',
        [{ text: '# not a heading, 1. not a list, *not bold*, [not](a link) | pipe' }],
        [{ text: 'שלום, مرحبا 👋🏽 and a verylongwordwithoutanybreaks'.repeat(3) }],
      ),
    ],
    'A & B "quoted"',
  );

  it('escapes HTML, and the HTML has no script and nothing remote', () => {
    const html = renderHtml(tricky);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>A &amp; B &quot;quoted&quot;</title>');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/\bsrc=|https?:\/\/|@import|url\(/);
    expect(html).toContain('<p dir="auto">שלום');
    expect(escapeHtml(`<a href="x" onclick='y'>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;');
  });

  it('escapes Markdown so the words read back as written', () => {
    const md = renderMarkdown(tricky);
    expect(md).toContain('\\# not a heading, 1. not a list, \\*not bold\\*, [not\\](a link) \\| pipe');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('👋🏽');
    expect(renderMarkdown(doc([entry('R', [{ text: 'Her number is [redacted]; see [x]: y and [a][b]' }])]))).toContain(
      'Her number is [redacted]; see [x\\]: y and [a\\][b]',
    );
  });

  it('writes lists, quotes, tables and fields in Markdown', () => {
    const md = renderMarkdown(
      doc([
        {
          ...entry('Shapes'),
          blocks: [
            {
              type: 'list',
              ordered: true,
              start: 3,
              items: [{ checked: null, blocks: [{ type: 'paragraph', content: [{ text: 'three' }] }] }],
            },
            {
              type: 'list',
              ordered: false,
              start: 1,
              items: [{ checked: true, blocks: [{ type: 'paragraph', content: [{ text: 'done' }] }] }],
            },
            { type: 'quote', blocks: [{ type: 'paragraph', content: [{ text: 'quoted', italic: true }] }] },
            {
              type: 'table',
              rows: [
                { header: true, cells: [[{ text: 'A' }], [{ text: 'B|C' }]] },
                { header: false, cells: [[{ text: '1' }]] },
              ],
            },
            { type: 'fields', rows: [{ label: 'Outcome', value: [{ text: 'Discussed' }] }] },
          ],
        },
      ]),
    );
    expect(md).toContain('3. three');
    expect(md).toContain('- [x] done');
    expect(md).toContain('> _quoted_');
    expect(md).toContain('| A | B\\|C |\n| --- | --- |\n| 1 |   |');
    expect(md).toContain('**Outcome:** Discussed');
  });
});

describe('links in Markdown', () => {
  it('escapes every bracket inside link text, so the link holds together', () => {
    const md = renderMarkdown(doc([entry('L', [{ text: 'see ] here', href: 'https://example.org/a b' }])]));
    expect(md).toContain('[see \\] here](<https://example.org/a%20b>)');
  });
});

describe('a pseudonym that gives the name away', () => {
  it('settles nothing, so the finding stays undecided and is not applied', () => {
    const d = doc([entry('E', [{ text: 'Keziah rang.' }])]);
    const { findings, pseudonyms } = checkDocument(d, { ...options, names: ['Keziah'], nlp: false });
    const resolutions: Resolutions = {
      byValue: { 'name:keziah': { action: 'pseudonym' } },
      byFinding: {},
      pseudonyms: { 'name:keziah': 'Keziah K.' },
    };
    expect(settledResolution(findings[0]!, resolutions, pseudonyms)).toBeNull();
    expect(applyResolutions(d, findings, resolutions, pseudonyms)).toEqual(d);
    expect(givesAway('Client A', 'Keziah')).toBeNull();
    expect(givesAway('the KEZIAH one', 'keziah')).toBe('KEZIAH');
  });
});

describe('merged table cells', () => {
  const rows: TableRow[] = [
    { header: true, cells: [[{ text: 'Formulation' }], [{ text: 'Keeps it going' }]] },
    {
      header: false,
      cells: [[{ text: 'Loss' }], [{ text: 'Avoidance' }]],
      spans: [
        { colspan: 1, rowspan: 2 },
        { colspan: 1, rowspan: 1 },
      ],
    },
    { header: false, cells: [[{ text: 'Withdrawal' }]] },
    { header: false, cells: [[{ text: 'Across both' }]], spans: [{ colspan: 2, rowspan: 1 }] },
  ];

  it('lays out a grid with the covered places empty', () => {
    expect(tableGrid(rows).map((r) => r.map((c) => (c ? textOf(c) : null)))).toEqual([
      ['Formulation', 'Keeps it going'],
      ['Loss', 'Avoidance'],
      [null, 'Withdrawal'],
      ['Across both', null],
    ]);
  });

  it('keeps the spans in HTML and evens out the Markdown', () => {
    const d = doc([{ ...entry('T'), blocks: [{ type: 'table', rows }] }]);
    const html = renderHtml(d);
    expect(html).toContain('<td rowspan="2" dir="auto">Loss</td>');
    expect(html).toContain('<td colspan="2" dir="auto">Across both</td>');
    expect(renderMarkdown(d)).toContain(
      '| Formulation | Keeps it going |\n| --- | --- |\n| Loss | Avoidance |\n|   | Withdrawal |\n| Across both |   |',
    );
  });
});

describe('what people paste', () => {
  const check = (text: string, names: string[] = []) =>
    checkDocument(doc([entry('E', [{ text }])]), { ...options, names, nlp: false }).findings.map((f) => [
      f.kind,
      f.text,
    ]);

  it('finds numbers spaced with non-breaking spaces or joined by dashes, keeping the text as written', () => {
    expect(check('NHS 943\u00A0476\u00A05919 today')).toEqual([['nhs-number', '943\u00A0476\u00A05919']]);
    expect(check('NHS 943–476–5919 today')).toEqual([['nhs-number', '943–476–5919']]);
    expect(check('ring 07700\u00A0900123')).toEqual([['phone', '07700\u00A0900123']]);
  });

  it('makes every link address a finding of its own, whoever it names', () => {
    const d = doc([entry('E', [{ text: 'her page', href: 'https://social.example/k.p.1984' }])]);
    const { findings } = checkDocument(d, { ...options, nlp: false });
    expect(findings.map((f) => [f.kind, f.text])).toEqual([['link-address', 'https://social.example/k.p.1984']]);
    const kept = applyResolutions(
      d,
      findings,
      { byValue: {}, byFinding: { [findings[0]!.id]: { action: 'keep', reason: 'A public page' } }, pseudonyms: {} },
      {},
    );
    expect((kept.sections[0]!.blocks[0] as { content: Inlines }).content[0]!.href).toBe(
      'https://social.example/k.p.1984',
    );
  });
});

describe('pseudonyms that give something away', () => {
  it('counts any shared word, or four digits in a row', () => {
    expect(givesAway('Ms Patel', 'Keziah Patel')).toBe('Patel');
    expect(givesAway('Client A', 'Keziah Patel')).toBeNull();
    expect(givesAway('Dr A', 'Dr Patel')).toBeNull(); // a title alone gives nothing away
    expect(givesAway('07700 900 123', '07700 900123')).toBe('0770');
    expect(givesAway('Phone number A', '07700 900123')).toBeNull();
    // Everyday words a place's name holds may stay; its own word may not.
    expect(givesAway('the ward', 'Willow Ward')).toBeNull();
    expect(givesAway('Ward A', 'Willow Ward')).toBeNull();
    expect(givesAway('Willow', 'Willow Ward')).toBe('Willow');
    expect(givesAway('Hospital A', 'St James’s Hospital')).toBeNull();
  });
});

describe('Markdown that could mislead a reader', () => {
  it('escapes "&", keeps a heading on one line and pipes in code inside a table', () => {
    const md = renderMarkdown(
      doc([
        {
          ...entry('M'),
          blocks: [
            { type: 'paragraph', content: [{ text: 'write to k&#64;example.org' }] },
            { type: 'heading', level: 2, content: [{ text: 'Line one\n# two' }] },
            { type: 'table', rows: [{ header: true, cells: [[{ text: 'x|y', code: true }], [{ text: 'z' }]] }] },
          ],
        },
      ]),
    );
    expect(md).toContain('write to k\\&#64;example.org');
    expect(md).toContain('#### Line one \\# two');
    expect(md).toContain('| `x\\|y` | z |');
  });
});

describe('one person, one stand-in that fits', () => {
  const d = doc([
    entry(
      'Monday',
      [
        {
          text: 'Maria came in. Maria Kowalski is 34; Ms Kowalski said her brother Omar visits. Omar’s car broke down.',
        },
      ],
      [{ text: 'Dr Okafor, my supervisor, agreed. She is on Willow Ward at St James’s Hospital.' }],
      [{ text: 'Maria Lopez and Maria Kowalski met.' }],
    ),
  ]);
  const { findings, pseudonyms } = checkDocument(d, { ...options, nlp: false });
  const keyOfText = (text: string) => findings.find((f) => f.text === text)!.valueKey;

  it('groups a first name, a whole name and a titled surname as one person', () => {
    expect(keyOfText('Ms Kowalski')).toBe(keyOfText('Maria Kowalski'));
    // "Maria" alone could be either Maria, so it stays apart.
    expect(keyOfText('Maria')).not.toBe(keyOfText('Maria Kowalski'));
    expect(findings.filter((f) => f.text === 'Omar').map((f) => f.valueKey)).toEqual([
      keyOfText('Omar'),
      keyOfText('Omar'),
    ]);
  });

  it('offers stand-ins by what the context says, and replaces a place whole', () => {
    expect(pseudonyms[keyOfText('Omar')]).toBe('Relative A');
    expect(pseudonyms[keyOfText('Dr Okafor')]).toBe('Colleague A');
    expect(pseudonyms[keyOfText('Willow Ward')]).toBe('Ward A');
    expect(pseudonyms[keyOfText('St James’s Hospital')]).toBe('Hospital A');
  });

  it('gives every form its own stand-in too, for when the person splits a group', () => {
    const ms = findings.find((f) => f.text === 'Ms Kowalski')!;
    expect(ms.variantKey).not.toBe(ms.valueKey);
    expect(pseudonyms[ms.variantKey]).toMatch(/^Person [A-Z]$/);
    const resolutions: Resolutions = {
      byValue: { [ms.valueKey]: { action: 'pseudonym' }, [ms.variantKey]: { action: 'redact' } },
      byFinding: {},
      pseudonyms: {},
      split: [ms.variantKey],
    };
    const out = applyResolutions(d, findings, resolutions, pseudonyms);
    const text = textOf((out.sections[0]!.blocks[0] as { content: Inlines }).content);
    expect(text).toContain(`${pseudonyms[ms.valueKey]} is 34; [redacted] said`);
  });

  it('stands two groups in as one where the person says they are the same', () => {
    const lopez = keyOfText('Maria Lopez');
    const kowalski = keyOfText('Maria Kowalski');
    const resolutions: Resolutions = {
      byValue: { [kowalski]: { action: 'pseudonym' } },
      byFinding: {},
      pseudonyms: {},
      same: { [lopez]: kowalski },
    };
    const out = applyResolutions(d, findings, resolutions, pseudonyms);
    const text = textOf((out.sections[0]!.blocks[2] as { content: Inlines }).content);
    expect(text).toBe(`${pseudonyms[kowalski]} and ${pseudonyms[kowalski]} met.`);
  });
});

describe('people told apart, roles from the sentence, and stand-ins judged as written', () => {
  const check = (text: string) => {
    const r = checkDocument(doc([entry('E', [{ text }])]), { ...options, nlp: false });
    return r.findings.map((f) => [f.text, r.pseudonyms[f.valueKey]]);
  };

  it('keeps a surname written with different titles apart, and the client a client', () => {
    expect(
      check('Keziah Patel came in with her father. Mr Patel talked. Mrs Patel rang. Dr Patel, the GP, referred her.'),
    ).toEqual([
      ['Keziah Patel', 'Person A'],
      ['Mr Patel', 'Person B'],
      ['Mrs Patel', 'Person C'],
      ['Dr Patel', 'Colleague A'],
    ]);
  });

  it('reads a role from the title and from the same sentence only', () => {
    expect(check('Handover from Sister Okafor at 8.')).toEqual([['Okafor', 'Colleague A']]);
    expect(check('We talked about her mum. Dr Shah joined.')).toEqual([['Dr Shah', 'Colleague A']]);
    expect(check('Ward 7B, Harewood Ward and Ward 3A were full.')).toEqual([
      ['Ward 7B', 'Ward A'],
      ['Harewood Ward', 'Ward B'],
      ['Ward 3A', 'Ward C'],
    ]);
  });

  it('judges a stand-in as a reader sees it, and never reads a key from Object', () => {
    expect(givesAway('Ms Pat\u200Bel', 'Keziah Patel')).toBe('Patel');
    expect(givesAway('Ms Ｐａｔｅｌ', 'Keziah Patel')).toBe('Patel');
    const finding = checkDocument(doc([entry('E', [{ text: 'Maria came.' }])]), { ...options, nlp: false })
      .findings[0]!;
    expect(keyOf(finding, { same: { [finding.valueKey]: 'x' } })).toBe('x');
    expect(keyOf(finding, { same: { constructor: 'x' } as Record<string, string> })).toBe(finding.valueKey);
    const resolutions = {
      byValue: {},
      byFinding: {},
      pseudonyms: {},
      same: JSON.parse(`{"${finding.valueKey}":"constructor"}`),
    };
    expect(settledResolution(finding, resolutions, {})).toBeNull();
  });
});
