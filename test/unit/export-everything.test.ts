/**
 * "Export everything", piece by piece: the table list against the journal's schema, each entry's Markdown
 * and front matter against golden files (and read back by a second parser, micromark with GFM and front
 * matter, to what was written), safe and unique names, and which folders sync elsewhere.
 *
 * To write the golden files afresh after a deliberate change: UPDATE_GOLDEN=1 npx vitest run <this file>,
 * then read the difference before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Heading, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DocNode } from '../../common/journal/doc';
import { migrate } from '../../main/db/migrate';
import {
  docToMdast,
  type EntryFrontMatter,
  entryMarkdown,
  frontMatterYaml,
} from '../../main/export/everything/markdown';
import { safeStem, UniqueNames } from '../../main/export/everything/names';
import { syncedService } from '../../main/export/everything/synced';
import { TABLES } from '../../main/export/everything/tables';
import { NOT_EXPORTED } from '../../main/export/everything/format';

const GOLDEN = path.resolve('test/fixtures/export-everything');

const text = (t: string, ...marks: (string | { type: 'link'; href: string })[]): DocNode => ({
  type: 'text',
  text: t,
  ...(marks.length
    ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : { type: 'link', attrs: { href: m.href } })) }
    : {}),
});
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const h = (level: number, ...content: DocNode[]): DocNode => ({ type: 'heading', attrs: { level }, content });
const item = (...content: DocNode[]): DocNode => ({ type: 'listItem', content });
const task = (checked: boolean, ...content: DocNode[]): DocNode => ({ type: 'taskItem', attrs: { checked }, content });
const cell = (type: 'tableHeader' | 'tableCell', ...paragraphs: DocNode[]): DocNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1 },
  content: paragraphs.length ? paragraphs : [p()],
});
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

const front = (id: string, title: string, extra: Partial<EntryFrontMatter> = {}): EntryFrontMatter => ({
  id,
  kind: 'journal',
  title,
  created: '2026-11-14T09:30:00.000Z',
  updated: '2026-11-14T10:02:11.500Z',
  day: null,
  tags: [],
  flags: [],
  template: null,
  links: [],
  ...extra,
});

/** A varied set: every kind of block and mark, and text that looks like Markdown. */
const CASES: { name: string; front: EntryFrontMatter; body: DocNode }[] = [
  {
    name: 'headings-and-emphasis',
    front: front('e1', 'A session that stayed with me', {
      day: '2026-11-13',
      tags: ['endings', 'supervision'],
      flags: ['pinned', 'bring-to-supervision'],
    }),
    body: doc(
      h(1, text('What happened')),
      p(
        text('It was '),
        text('hard', 'bold'),
        text(' and '),
        text('quiet', 'italic'),
        text(', and '),
        text('both', 'bold', 'italic'),
        text('.'),
      ),
      h(2, text('What I felt')),
      p(
        text('Struck out', 'strike'),
        text(' and '),
        text('underlined', 'underline'),
        text(' and '),
        text('marked', 'highlight'),
        text(' and '),
        text('code()', 'code'),
        text('.'),
      ),
      h(3, text('Afterwards')),
      p(
        text('A link to '),
        text('the guidance', { type: 'link', href: 'https://example.org/guide_(2026)?a=1&b=2' }),
        text(' and an '),
        text('e-mail', { type: 'link', href: 'mailto:me@example.org' }),
        text('.'),
      ),
    ),
  },
  {
    name: 'lists-and-tasks',
    front: front('e2', 'Lists', { template: { id: 'builtin:after-session', name: 'After a session' } }),
    body: doc(
      {
        type: 'bulletList',
        content: [
          item(p(text('one'))),
          item(p(text('two')), { type: 'bulletList', content: [item(p(text('nested')))] }),
        ],
      },
      { type: 'orderedList', attrs: { start: 3 }, content: [item(p(text('third'))), item(p(text('fourth')))] },
      { type: 'taskList', content: [task(true, p(text('Book leave'))), task(false, p(text('Ring Sam back')))] },
      { type: 'blockquote', content: [p(text('Quoted words,')), p(text('in two paragraphs.'))] },
      { type: 'codeBlock', content: [text('const a = 1;\n```\nstill code')] },
      { type: 'horizontalRule' },
      p(text('After the rule.')),
    ),
  },
  {
    name: 'table',
    front: front('e3', 'Hours | and things'),
    body: doc({
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [cell('tableHeader', p(text('Day'))), cell('tableHeader', p(text('What | why')))],
        },
        {
          type: 'tableRow',
          content: [cell('tableCell', p(text('Monday', 'bold'))), cell('tableCell', p(text('Two')), p(text('lines')))],
        },
        { type: 'tableRow', content: [cell('tableCell', p(text('Tuesday'))), cell('tableCell')] },
      ],
    }),
  },
  {
    name: 'escapes',
    front: front('e4', '# Not a heading: [x] *really*', { tags: ['#hash', 'with space'] }),
    body: doc(
      p(text('# not a heading')),
      p(text('* not a list')),
      p(text('1. not a numbered list')),
      p(text('2026. A year, not a list')),
      p(text('[x] not a task and [link](not-a-link)')),
      p(text('Stars *around* and _underscores_ and `backticks` and <b>tags</b> and \\ backslash')),
      p(text('> not a quote')),
      p(text('---')),
      p(text('| not | a | table |')),
      p(text('Line one'), { type: 'hardBreak' }, text('line two')),
    ),
  },
  {
    name: 'unicode',
    front: front('e5', 'Ünïcödé — שלום, 你好, 🌱', { day: '2026-02-28' }),
    body: doc(p(text('Ünïcödé, שלום, 你好 and 🌱 — with “quotes” and a tab\there.')), p(text('Ελληνικά ', 'italic'))),
  },
  {
    name: 'empty',
    front: front('e6', ''),
    body: doc(p()),
  },
  {
    name: 'two-truths',
    front: {
      ...front('e7', 'I am good at this work, and yet I doubt myself', { flags: ['contains-client-material'] }),
      kind: 'two-truths',
      prompt: 'builtin:help-1',
      links: [
        {
          id: 'e1',
          title: 'A session that stayed with me',
          file: '../../2026/11/2026-11-13 A session that stayed with me.md',
        },
      ],
    },
    body: doc(
      h(2, text('One truth')),
      p(text('I am good at this work')),
      h(2, text('And yet')),
      p(text('I doubt myself')),
    ),
  },
];

/**
 * A tree without what only one side has: positions, list spread (the parser decides it by blank lines), and
 * empty optional fields (a link's title, a code block's language), which the parser sets to null.
 */
function normalise(node: Nodes): unknown {
  const { position: _position, ...rest } = node as Nodes & { position?: unknown; spread?: unknown };
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
  delete out['spread'];
  if ('children' in node) {
    const children: Nodes[] = [];
    for (const child of node.children as Nodes[]) {
      const last = children[children.length - 1];
      // Neighbouring text is one text to a reader.
      if (child.type === 'text' && last?.type === 'text')
        children[children.length - 1] = { ...last, value: last.value + child.value };
      else children.push(child);
    }
    out['children'] = children.map(normalise);
  }
  return out;
}

function readBack(markdown: string): { front: unknown; body: Root } {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const [first, ...rest] = tree.children;
  expect(first?.type).toBe('yaml');
  return { front: parse((first as { value: string }).value), body: { type: 'root', children: rest } };
}

describe('entries as Markdown', () => {
  for (const c of CASES) {
    it(`${c.name}: matches its golden file, and a second parser reads back what was written`, () => {
      const markdown = entryMarkdown(c.front, c.body);
      const file = path.join(GOLDEN, `${c.name}.md`);
      if (process.env['UPDATE_GOLDEN'] || !existsSync(file)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, markdown);
      }
      expect(markdown).toBe(readFileSync(file, 'utf8'));

      const { front: readFront, body } = readBack(markdown);
      expect(readFront).toEqual(JSON.parse(JSON.stringify(c.front)));
      const written = docToMdast(c.body, 1);
      const title = c.front.title.trim()
        ? [{ type: 'heading', depth: 1, children: [{ type: 'text', value: c.front.title }] } satisfies Heading]
        : [];
      expect(normalise(body)).toEqual(normalise({ type: 'root', children: [...title, ...written.children] }));
    });
  }
});

describe('the table list', () => {
  it('names every column of every table of the journal, with its type, or says why a table stays behind', () => {
    const db = new Database(':memory:');
    migrate(db);
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'entries_fts%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const listed = new Set([...TABLES.map((t) => t.name), ...Object.keys(NOT_EXPORTED)]);
    expect(tables.filter((t) => !listed.has(t))).toEqual([]);
    for (const spec of TABLES) {
      const columns = db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all(spec.name) as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }[];
      expect(columns.map((c) => c.name).sort(), spec.name).toEqual(
        [...Object.keys(spec.columns), ...Object.keys(spec.stayBehind ?? {})].sort(),
      );
      for (const column of columns) {
        // A column that stays behind must be one the journal it goes into can do without.
        if (spec.stayBehind?.[column.name]) {
          expect(column.notnull, `${spec.name}.${column.name} stays behind, so may be null`).toBe(0);
          continue;
        }
        const want = spec.columns[column.name]!;
        expect(column.type.toLowerCase(), `${spec.name}.${column.name}`).toBe(want.type);
        expect(!column.notnull && !column.pk, `${spec.name}.${column.name} nullable`).toBe(want.nullable);
      }
      // The key is the primary key, or (for entries, whose primary key is the search index's number) a unique one.
      const key = columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const unique = (
        db.prepare('SELECT name FROM pragma_index_list(?) WHERE "unique" = 1').pluck().all(spec.name) as string[]
      ).map(
        (index) => db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as string[],
      );
      expect(
        [key, ...unique].map((k) => k.join(',')),
        `${spec.name} key`,
      ).toContain(spec.key.join(','));
    }
    db.close();
  });
});

describe('file names', () => {
  it('are safe on every system', () => {
    // Each title, and the stem of the file name it is given.
    const stems = {
      CON: 'CON (entry)',
      'lpt1.txt': 'lpt1.txt (entry)',
      'Ends with dots...': 'Ends with dots',
      '  trailing spaces   ': 'trailing spaces',
      'a/b\\c:d*e?f"g<h>i|j': 'a b c d e f g h i j',
      'tab\there\u0000and\u001fcontrol': 'tab here and control',
    };
    for (const [title, stem] of Object.entries(stems)) expect(safeStem(title, 'x'), JSON.stringify(title)).toBe(stem);
    expect(safeStem('...', 'Untitled')).toBe('Untitled');
    expect(safeStem('', 'Untitled')).toBe('Untitled');
    const long = safeStem('🌱'.repeat(200), 'x');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(120);
    expect(long).toBe('🌱'.repeat(30));
    expect(safeStem('e\u0301', 'x')).toBe('é');
  });

  it('are unique in their folder however they are cased, so same-second, same-title entries never collide', () => {
    const names = new UniqueNames();
    expect(names.take('entries/2026/11', '2026-11-14 Notes', 'md')).toBe('entries/2026/11/2026-11-14 Notes.md');
    expect(names.take('entries/2026/11', '2026-11-14 Notes', 'md')).toBe('entries/2026/11/2026-11-14 Notes (2).md');
    expect(names.take('entries/2026/11', '2026-11-14 NOTES', 'md')).toBe('entries/2026/11/2026-11-14 NOTES (3).md');
    expect(names.take('entries/2026/11', '2026-11-14 Notes (2)', 'md')).toBe(
      'entries/2026/11/2026-11-14 Notes (2) (2).md',
    );
    expect(names.take('entries/2026/12', '2026-11-14 Notes', 'md')).toBe('entries/2026/12/2026-11-14 Notes.md');
    expect(names.take('entries/2026/11', '2026-11-14 Notes', 'html')).toBe('entries/2026/11/2026-11-14 Notes.html');
  });
});

describe('synced folders', () => {
  it('are recognised by the folders the services make', () => {
    const synced = {
      '/home/may/Dropbox/Exports': 'Dropbox',
      '/Users/may/Library/CloudStorage/Dropbox-Personal': 'Dropbox',
      'C:\\Users\\May\\OneDrive - NHS Trust\\Documents': 'OneDrive',
      '/Users/may/Library/Mobile Documents/com~apple~CloudDocs/Holding': 'iCloud Drive',
      '/Users/may/Library/CloudStorage/GoogleDrive-may@example.org/My Drive': 'Google Drive',
      'G:\\My Drive': 'Google Drive',
    };
    for (const [folder, service] of Object.entries(synced)) expect(syncedService(folder), folder).toBe(service);
    expect(syncedService('/home/may/Documents/Exports')).toBeNull();
    expect(syncedService('/media/may/USB STICK')).toBeNull();
  });
});

describe('front matter read by a YAML 1.1 reader too', () => {
  it('keeps words YAML 1.1 would take for booleans, times or numbers as the words they are', () => {
    const front = {
      id: 'e1',
      kind: 'journal',
      title: 'No',
      created: '2026-11-14T09:30:00.000Z',
      updated: '2026-11-14T09:30:00.000Z',
      day: '2026-11-14',
      tags: ['on', 'y', '12:30', '1_000', 'off'],
      flags: [],
      template: null,
      links: [],
    };
    for (const version of ['1.1', '1.2'] as const) {
      const read = parse(frontMatterYaml(front), { version }) as typeof front;
      expect(read.title, version).toBe('No');
      expect(read.tags, version).toEqual(['on', 'y', '12:30', '1_000', 'off']);
      expect(read.created, version).toBe('2026-11-14T09:30:00.000Z');
      expect(read.day, version).toBe('2026-11-14');
    }
  });
});
