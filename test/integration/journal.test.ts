import { afterEach, describe, expect, it, vi } from 'vitest';
import { docFromParagraphs } from '../../common/journal/doc';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../common/journal/search-query';
import type { Entry } from '../../common/journal/types';
import { LARGE_CHANGE_CHARS, REVISION_INTERVAL_MS } from '../../main/journal/journal';
import { expectCode } from '../support/errors';
import { servicesPerTest } from '../support/vault';

const open = servicesPerTest();
afterEach(() => {
  vi.useRealTimers();
});

function save(
  s: Awaited<ReturnType<typeof open>>,
  entry: Entry,
  changes: Partial<Parameters<typeof s.journal.save>[0]> = {},
) {
  return s.journal.save({
    id: entry.id,
    title: entry.title,
    body: entry.body,
    eventDate: entry.eventDate,
    tags: entry.tags,
    bringToSupervision: entry.bringToSupervision,
    containsClientMaterial: entry.containsClientMaterial,
    pinned: entry.pinned,
    ...changes,
  });
}

describe('journal', () => {
  it('creates an entry from the Gibbs template with its sections as headings', async () => {
    const s = await open();
    const entry = s.journal.create({ templateId: 'builtin:gibbs' });
    expect(entry.templateId).toBe('builtin:gibbs');
    const headings = entry.body.content!.filter((n) => n.type === 'heading').map((n) => n.content![0]!.text);
    expect(headings).toEqual(['Description', 'Feelings', 'Evaluation', 'Analysis', 'Conclusion', 'Action plan']);
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('saves title, body, tags and flags, and derives text and word count itself', async () => {
    const s = await open();
    const entry = s.journal.create({});
    const result = save(s, entry, {
      title: '  A  hard   afternoon ',
      body: docFromParagraphs(['I felt out of my depth.', 'And yet I stayed with it.']),
      tags: ['#Risk', 'risk', ' supervision ', ''],
      eventDate: '2026-11-20',
      bringToSupervision: true,
    });
    expect(result.wordCount).toBe(3 + 6 + 6);
    const saved = s.journal.get(entry.id);
    expect(saved).toMatchObject({
      title: 'A hard afternoon',
      tags: ['Risk', 'supervision'],
      eventDate: '2026-11-20',
      bringToSupervision: true,
      containsClientMaterial: false,
      version: 2,
    });
    expect(saved.excerpt).toBe('I felt out of my depth. And yet I stayed with it.');
  });

  it('rewrites an entry’s tags only when they change, and every change of them is kept', async () => {
    const s = await open();
    const entry = s.journal.create({});
    save(s, entry, { tags: ['supervision', 'endings'] });
    // Every row of entry_tags written or removed from here on, counted by a trigger of this connection's own.
    const db = s.vault.db();
    db.exec(`CREATE TEMP TABLE tag_writes (n INTEGER);
      CREATE TEMP TRIGGER tags_in AFTER INSERT ON main.entry_tags BEGIN INSERT INTO tag_writes VALUES (1); END;
      CREATE TEMP TRIGGER tags_out AFTER DELETE ON main.entry_tags BEGIN INSERT INTO tag_writes VALUES (1); END;`);
    const writes = () => db.prepare('SELECT count(*) FROM tag_writes').pluck().get() as number;
    // The same tags, in another order, with the text changed: not one row of them is written.
    save(s, s.journal.get(entry.id), { tags: ['endings', 'supervision'], body: docFromParagraphs(['New words.']) });
    expect(writes()).toBe(0);
    expect(s.journal.get(entry.id).body).toEqual(docFromParagraphs(['New words.']));
    expect(s.journal.get(entry.id).tags).toEqual(['endings', 'supervision']);
    // Another letter case, one taken away, one added, all of them gone: each is what is read back.
    for (const tags of [['Endings', 'supervision'], ['Endings'], ['Endings', 'rupture'], []]) {
      save(s, s.journal.get(entry.id), { tags });
      expect(s.journal.get(entry.id).tags).toEqual(tags);
      expect(
        s.journal
          .tags()
          .map((t) => t.tag)
          .sort(),
      ).toEqual([...tags].sort());
    }
  });

  it('keeps the old text as a revision when an entry is emptied', async () => {
    const s = await open();
    const entry = s.journal.create({});
    save(s, entry, { body: docFromParagraphs(['Something I do not want to lose.']) });
    save(s, entry, { body: { type: 'doc', content: [] } });
    const revisions = s.journal.revisions(entry.id);
    expect(revisions.map((r) => r.reason)).toEqual(['emptied']);
    expect(s.journal.revision(revisions[0]!.id).text).toBe('Something I do not want to lose.');
  });

  it('coalesces revisions while writing, and keeps one after a pause or a large change', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T10:00:00Z'));
    const s = await open();
    const entry = s.journal.create({});
    let text = '';
    for (let i = 0; i < 30; i++) {
      text += 'word ';
      save(s, entry, { body: docFromParagraphs([text]) });
    }
    expect(s.journal.revisions(entry.id)).toHaveLength(0);
    vi.setSystemTime(Date.now() + REVISION_INTERVAL_MS);
    save(s, entry, { body: docFromParagraphs([`${text} more`]) });
    expect(s.journal.revisions(entry.id).map((r) => r.reason)).toEqual(['edited']);
    save(s, entry, { body: docFromParagraphs([`${text} more ${'pasted '.repeat(LARGE_CHANGE_CHARS / 7 + 1)}`]) });
    expect(s.journal.revisions(entry.id).map((r) => r.reason)).toEqual(['large-change', 'edited']);
  });

  it('restores an earlier version and keeps the current one as a revision', async () => {
    const s = await open();
    const entry = s.journal.create({});
    save(s, entry, { title: 'First', body: docFromParagraphs(['The first way I wrote it.']) });
    save(s, entry, { title: 'Second', body: { type: 'doc', content: [] } });
    const [emptied] = s.journal.revisions(entry.id);
    const restored = s.journal.restoreRevision(entry.id, emptied!.id);
    expect(restored.title).toBe('First');
    expect(restored.excerpt).toBe('The first way I wrote it.');
    expect(s.journal.revisions(entry.id).map((r) => r.reason)).toEqual(['before-restore', 'emptied']);
  });

  it('moves to trash, restores, deletes for good only from the trash, and purges after 30 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T09:00:00Z'));
    const s = await open();
    const keep = s.journal.create({ title: 'Keep me' });
    const old = s.journal.create({ title: 'Old' });
    expectCode(() => s.journal.deleteForever(keep.id), 'INVALID_INPUT');
    s.journal.trash(keep.id);
    s.journal.trash(old.id);
    expect(s.journal.list({}).total).toBe(0);
    expect(s.journal.list({ trash: true }).total).toBe(2);
    expectCode(() => save(s, keep, { title: 'edited in trash' }), 'ENTRY_IN_TRASH');
    s.journal.restore(keep.id);
    expect(s.journal.list({}).items.map((e) => e.title)).toEqual(['Keep me']);

    vi.setSystemTime(new Date('2026-12-02T09:00:00Z'));
    expect(s.journal.purgeExpired()).toBe(1);
    expectCode(() => s.journal.get(old.id), 'NOT_FOUND');
    expect(s.journal.get(keep.id).title).toBe('Keep me');
  });

  it('deleting for good leaves no trace in any table, the search index’s own pages included', async () => {
    const s = await open();
    const keep = s.journal.create({});
    save(s, keep, { title: 'kept', body: docFromParagraphs(['An ordinary entry that stays.']) });
    const entry = s.journal.create({});
    const secret = 'xylophonequartzmarker';
    save(s, entry, { title: `gone ${secret}`, tags: [secret], body: docFromParagraphs([`${secret} `.repeat(50)]) });
    save(s, entry, { title: `gone ${secret}`, tags: [secret], body: { type: 'doc', content: [] } }); // a revision too
    expect(s.journal.list({ query: secret, trash: false }).total).toBe(1);
    s.journal.trash(entry.id);
    s.journal.deleteForever(entry.id);
    expect(s.journal.list({ query: secret, trash: true }).total).toBe(0);

    // Read every row of every table, decrypted, as text and as bytes: shadow tables hold index terms in blobs.
    const db = s.vault.db();
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
      .pluck()
      .all() as string[];
    expect(tables).toContain('entries_fts_data');
    const found: string[] = [];
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]) {
        for (const cell of row) {
          const bytes = typeof cell === 'string' ? Buffer.from(cell) : Buffer.isBuffer(cell) ? cell : null;
          if (bytes?.includes(secret)) found.push(table);
        }
      }
    }
    expect(found).toEqual([]);
    expect(s.journal.list({ query: 'ordinary' }).total).toBe(1);
  });

  it('finds words, prefixes and phrases with highlighted snippets, and copes with FTS syntax', async () => {
    const s = await open();
    const a = s.journal.create({});
    save(s, a, {
      title: 'Supervision thoughts',
      body: docFromParagraphs(['The parallel process showed up again in the session.']),
    });
    const b = s.journal.create({});
    save(s, b, {
      title: 'Café evening',
      body: docFromParagraphs(['Process notes, nothing parallel here. Naïve hopes.']),
    });

    expect(s.journal.list({ query: 'parallel process' }).total).toBe(2);
    expect(s.journal.list({ query: '"parallel process"' }).total).toBe(1);
    expect(s.journal.list({ query: 'paral*' }).total).toBe(2);
    expect(s.journal.list({ query: 'process -session' }).items.map((e) => e.id)).toEqual([b.id]);
    expect(s.journal.list({ query: 'cafe naive' }).items.map((e) => e.id)).toEqual([b.id]);
    const hit = s.journal.list({ query: '"parallel process"' }).items[0]!;
    expect(hit.excerpt).toContain(
      // A matched phrase is highlighted as one span.
      `${HIGHLIGHT_START}parallel process${HIGHLIGHT_END}`,
    );
    expect(s.journal.list({ query: 'supervision' }).items[0]!.titleHighlighted).toBe(
      `${HIGHLIGHT_START}Supervision${HIGHLIGHT_END} thoughts`,
    );

    for (const awkward of [
      '"',
      '""',
      '*',
      '-',
      'NEAR',
      'NEAR(a b)',
      'a OR',
      'AND',
      '(',
      ')',
      ':',
      '^',
      "'",
      '"unclosed',
      'title:x',
      '-*',
      '💬',
      'שלום',
    ]) {
      expect(() => s.journal.list({ query: awkward }), awkward).not.toThrow();
    }
    expect(s.journal.list({ query: '   ' }).total).toBe(2);
  });

  it('filters by date range, tags, template and flags, and sorts', async () => {
    const s = await open();
    const make = (title: string, changes: Partial<Parameters<typeof s.journal.save>[0]>, templateId?: string) => {
      const e = s.journal.create({ templateId: templateId ?? null });
      save(s, e, { title, ...changes });
      return e;
    };
    make('Alpha', { eventDate: '2026-01-10', tags: ['risk'], bringToSupervision: true }, 'builtin:gibbs');
    make('Bravo', { eventDate: '2026-02-10', tags: ['risk', 'team'], containsClientMaterial: true });
    make('Charlie', { eventDate: '2026-03-10', tags: ['team'], pinned: true });

    const titles = (input: Parameters<typeof s.journal.list>[0]) => s.journal.list(input).items.map((e) => e.title);
    expect(titles({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['Bravo']);
    expect(titles({ tags: ['risk'], sort: 'title' })).toEqual(['Alpha', 'Bravo']);
    expect(titles({ tags: ['risk', 'team'] })).toEqual(['Bravo']);
    expect(titles({ templateId: 'builtin:gibbs' })).toEqual(['Alpha']);
    expect(titles({ bringToSupervision: true })).toEqual(['Alpha']);
    expect(titles({ containsClientMaterial: true })).toEqual(['Bravo']);
    // Pinned first, then the chosen order.
    expect(titles({ sort: 'event' })).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(titles({ sort: 'title' })).toEqual(['Charlie', 'Alpha', 'Bravo']);
    expect(s.journal.tags()).toEqual([
      { tag: 'risk', count: 2 },
      { tag: 'team', count: 2 },
    ]);
    const page = s.journal.list({ sort: 'title', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1, items: [{ title: 'Alpha' }] });
  });

  it('survives awkward input: empty titles, a 1 MB paste, emoji and right-to-left text, malformed bodies', async () => {
    const s = await open();
    const entry = s.journal.create({});
    const big = 'Lorem ipsum dolor sit amet. '.repeat(40_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    save(s, entry, { title: '', body: docFromParagraphs([big]) });
    expect(s.journal.get(entry.id).wordCount).toBe(200_000);
    save(s, entry, { title: '🌧️ שלום עליכם', body: docFromParagraphs(['مرحبا 👋🏽 and hello']) });
    expect(s.journal.get(entry.id).title).toBe('🌧️ שלום עליכם');
    expect(s.journal.list({ query: 'مرحبا' }).total).toBe(1);
    for (const body of [
      null,
      42,
      'text',
      [],
      { type: 'doc', content: 'nope' },
      { type: 'paragraph' },
      { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] },
    ]) {
      expect(() => save(s, entry, { body })).not.toThrow();
    }
    expect(s.journal.get(entry.id).body.content![0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'alert(1)' }],
    });
  });
});

describe('templates', () => {
  it('lists the built-in models and lets the person create, edit, duplicate and delete their own', async () => {
    const s = await open();
    const names = s.templates.list().map((t) => t.name);
    for (const model of [
      'Free writing',
      "Gibbs' reflective cycle",
      "Driscoll's What? So what? Now what?",
      "Johns' structured reflection",
      "Kolb's learning cycle",
      'Schön: reflection in and on action',
      "Rolfe's reflective framework",
    ]) {
      expect(names).toContain(model);
    }
    const mine = s.templates.save({
      name: 'After a hard shift',
      description: '',
      sections: [
        { heading: 'What stayed with me', prompt: 'What is still with you?' },
        { heading: '  ', prompt: 'dropped' },
      ],
    });
    expect(mine).toMatchObject({ builtin: false, sections: [{ heading: 'What stayed with me' }] });
    const edited = s.templates.save({
      id: mine.id,
      name: 'After a long shift',
      description: 'Short',
      sections: mine.sections,
    });
    expect(edited.name).toBe('After a long shift');
    const copy = s.templates.duplicate('builtin:driscoll');
    expect(copy).toMatchObject({ name: "Driscoll's What? So what? Now what? (my copy)", builtin: false });
    const entry = s.journal.create({ templateId: mine.id });
    s.templates.delete(mine.id);
    expect(s.journal.get(entry.id).templateId).toBeNull();
    expectCode(() => s.templates.delete('builtin:gibbs'), 'BUILTIN_TEMPLATE');
    expectCode(
      () => s.templates.save({ id: 'builtin:gibbs', name: 'x', description: '', sections: [] }),
      'BUILTIN_TEMPLATE',
    );
    expectCode(() => s.templates.save({ name: '   ', description: '', sections: [] }), 'INVALID_INPUT');
  });
});

describe('revision rules', () => {
  it('keeps the old text when most of it is replaced faster than autosave, but not for small edits', async () => {
    const { removedChars } = await import('../../main/journal/journal');
    expect(removedChars('hello world', 'hello brave world')).toBe(0);
    expect(removedChars('hello world', 'hello')).toBe(6);
    expect(removedChars('abc', 'xyz')).toBe(3);
    expect(removedChars('', 'new')).toBe(0);
    expect(removedChars('aaaa', 'aa')).toBe(2);

    const s = await open();
    const entry = s.journal.create({});
    save(s, entry, { body: docFromParagraphs(['We talked about the move, and I noticed my own tiredness.']) });
    save(s, entry, { body: docFromParagraphs(['We talked about the move, and I noticed my own tiredness today.']) });
    expect(s.journal.revisions(entry.id)).toHaveLength(0);
    save(s, entry, { body: docFromParagraphs(['Second thoughts.']) });
    const [kept] = s.journal.revisions(entry.id);
    expect(kept?.reason).toBe('large-change');
    expect(s.journal.revision(kept!.id).text).toBe('We talked about the move, and I noticed my own tiredness today.');
  });
});

describe('search at scale', () => {
  it('gives the same totals, order, excerpts and highlights as one plain query, and runs the match few times', async () => {
    const s = await open();
    const words = ['handover', 'handwriting', 'handle', 'handful', 'hands', 'quiet', 'busy'];
    const ids: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const entry = s.journal.create({ title: `Shift ${i % 9}` });
      // Bodies of the same length tie in relevance, many of them across a page's end.
      const body = `The ${words[i % words.length]} was ${words[(i * 3) % words.length]} today, number ${i}.`;
      save(s, entry, { body: docFromParagraphs([body]), pinned: i % 7 === 0 });
      ids.push(entry.id);
    }
    for (const i of [3, 14, 21, 40]) s.journal.trash(ids[i]!);
    const db = s.vault.db();

    // The same page as one plain query over the table gives: totals, order, excerpts and highlights.
    const SORTS: Record<string, string> = {
      relevance: 'bm25(entries_fts, 8.0, 1.0, 4.0), e.updated_at DESC',
      title: "e.title = '', e.title COLLATE NOCASE ASC, e.updated_at DESC",
      updated: 'e.updated_at DESC',
    };
    const reference = (match: string, sort: string, offset: number, limit: number, trash = false) => {
      const where = `entries_fts MATCH @match AND e.deleted_at IS ${trash ? 'NOT NULL' : 'NULL'}`;
      const order = trash ? 'e.deleted_at DESC, e.seq DESC' : `e.pinned DESC, ${SORTS[sort]}, e.seq DESC`;
      const from = 'FROM entries_fts JOIN entries e ON e.seq = entries_fts.rowid';
      return {
        total: db.prepare(`SELECT count(*) ${from} WHERE ${where}`).pluck().get({ match }),
        items: db
          .prepare(
            `SELECT e.id, snippet(entries_fts, 1, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 24) AS excerpt,
               highlight(entries_fts, 0, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}') AS title
             ${from} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
          )
          .all({ match }),
      };
    };
    const shown = (list: ReturnType<typeof s.journal.list>) => ({
      total: list.total,
      items: list.items.map((item) => ({ id: item.id, excerpt: item.excerpt, title: item.titleHighlighted })),
    });
    const queries: [string, string][] = [
      ['hand*', '"hand"*'],
      ['handle', '"handle"'],
      ['"was handle"', '"was handle"'],
      ['hand* -quiet', '"hand"* NOT "quiet"'],
      ['shift', '"shift"'],
    ];
    let compared = 0;
    for (const [query, match] of queries) {
      for (const sort of ['relevance', 'title', 'updated'] as const) {
        for (const [offset, limit] of [
          [0, 5],
          [0, 20],
          [5, 5],
          [20, 20],
          [40, 20],
        ] as const) {
          const page = s.journal.list({ query, sort, offset, limit });
          expect(shown(page), `${query} ${sort} ${offset}`).toEqual(reference(match, sort, offset, limit));
          compared += page.items.length;
        }
      }
      expect(shown(s.journal.list({ query, trash: true }))).toEqual(reference(match, 'relevance', 0, 50, true));
    }
    expect(compared).toBeGreaterThan(500);

    // Many entries exactly alike tie in relevance beyond what is read past the page's end: the page
    // is then ordered through the index, and still matches.
    const copies: Entry[] = [];
    for (let i = 0; i < 110; i += 1) {
      const entry = s.journal.create({ title: 'Copy' });
      save(s, entry, { body: docFromParagraphs(['The same words, every single time.']), pinned: i % 50 === 0 });
      copies.push(s.journal.get(entry.id));
    }
    // Changed later, oldest last, and still tied: last changed no longer follows the entry's number.
    for (const entry of copies.filter((_, i) => i % 3 === 0).reverse()) {
      save(s, entry, { body: docFromParagraphs(['The same words, every single hour.']) });
    }
    for (const [offset, limit] of [
      [0, 20],
      [30, 20],
      [100, 20],
    ] as const) {
      const page = s.journal.list({ query: 'same', offset, limit });
      expect(shown(page)).toEqual(reference('"same"', 'relevance', offset, limit));
    }
    expect(s.journal.list({ query: 'hand*' }).items[0]!.excerpt).toContain(HIGHLIGHT_START);

    const statements: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof db.prepare);
    s.journal.list({ query: 'handwrit*', limit: 20 });
    s.journal.list({ query: 'hand*', limit: 20 });
    s.journal.list({ query: 'handle', limit: 20 });
    spy.mockRestore();
    const params = { match: '"hand"*', limit: 20, offset: 0, read: 100, seqs: '[1]', marked: '[1]', low: 1, high: 1 };
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    const withMatch = statements.filter((sql) => /entries_fts MATCH/.test(sql));
    // The usual search: a count and a scoring pass over every match, from the index alone (the
    // trash and the pinned entries read from their own small indexes), never a table per match.
    const overAllMatches = withMatch.filter((sql) => !sql.includes('json_each'));
    expect(overAllMatches).toHaveLength(6);
    for (const sql of overAllMatches) {
      const detail = plan(sql);
      expect(detail).toContain('SCAN entries_fts VIRTUAL TABLE');
      expect(detail).not.toMatch(/SEARCH e |entries_by_seq|SCAN entries /);
    }
    // The page's rows: a word's match, or a prefix's the index keeps a list for (2 to 6 letters), runs
    // once per row (a short seek); a longer prefix's once over the range of entry numbers, never once
    // per row (which would merge every word it begins each time).
    const pageRows = withMatch.filter((sql) => sql.includes('snippet('));
    expect(pageRows).toHaveLength(3);
    expect(plan(pageRows[0]!)).not.toMatch(/INDEX 0:=/);
    expect(plan(pageRows[1]!)).toMatch(/INDEX 0:=/);
    expect(plan(pageRows[2]!)).toMatch(/INDEX 0:=/);
  });
});
