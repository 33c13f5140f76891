/**
 * Bringing a journal in: each source's fixture imported and checked field by field, a second import of
 * the same export adds nothing, and "Undo this import" removes exactly the batch (keeping entries the
 * person has changed since).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type DocNode, plainTextOf, sanitiseDoc } from '../../common/journal/doc';
import { markdownToDoc } from '../../main/import/markdown';
import { JournalRepository } from '../../main/journal/repository';
import type { Entry } from '../../common/journal/types';
import {
  dayOneZip,
  MARKDOWN_NOTES,
  STANDARD_NOTES_BACKUP,
  STANDARD_NOTES_ENCRYPTED,
  writeFolder,
} from '../support/import-fixtures';
import { checkIn } from '../support/checkins-fixture';
import { PASSPHRASE, tempDir } from '../support/temp';
import { sortedTitles } from '../support/titles';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();

async function fileOf(name: string, data: string | Buffer): Promise<string> {
  const file = path.join(await tempDir(), name);
  await fs.writeFile(file, data);
  return file;
}

function allEntries(s: TestServices): Entry[] {
  return s.journal
    .list({ limit: 500, sort: 'created' })
    .items.map((e) => s.journal.get(e.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.excerpt.localeCompare(b.excerpt));
}

const types = (doc: DocNode): string[] => (doc.content ?? []).map((n) => n.type);
const find = (doc: DocNode, type: string): DocNode | undefined => {
  if (doc.type === type) return doc;
  for (const child of doc.content ?? []) {
    const hit = find(child, type);
    if (hit) return hit;
  }
  return undefined;
};

describe('Day One', () => {
  it('brings in entries with their days in their own time zones, escapes read, photos noted', async () => {
    const s = await open();
    const preview = await s.imports.open(await fileOf('Day One export.zip', await dayOneZip()));
    expect(preview).toMatchObject({
      source: 'day-one',
      sourceName: 'Day One',
      name: 'Day One export.zip',
      entries: 4,
      alreadyImported: 0,
      firstDay: '2026-03-14',
      lastDay: '2026-03-16',
    });
    expect(preview.tags).toEqual([
      { tag: 'work', count: 2 },
      { tag: 'reflection', count: 1 },
    ]);
    expect(preview.skipped.map((x) => [x.what, x.count])).toEqual(
      expect.arrayContaining([
        ['Photos', 1],
        ['Photos and other media', 1],
      ]),
    );
    const record = await s.imports.run(preview.id);
    expect(record).toMatchObject({ status: 'done', added: 4, alreadyImported: 0, source: 'day-one' });

    const [tokyo, ward, first, second] = allEntries(s);
    expect(ward).toMatchObject({
      title: 'Ward round',
      createdAt: '2026-03-15T02:30:00.000Z',
      updatedAt: '2026-03-15T03:00:00.000Z',
      eventDate: '2026-03-14',
      tags: ['reflection', 'work'],
      pinned: true,
      kind: 'journal',
      version: 1,
    });
    // `\.` and `\-` are Day One's escapes: read as the characters, and "- not a list" stays words.
    expect(ward!.body.content![0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'It went well. Really.' },
        { type: 'hardBreak' },
        { type: 'text', text: '- not a list' },
      ],
    });
    expect(types(ward!.body)).toEqual(['paragraph', 'taskList', 'table']);
    expect(find(ward!.body, 'taskList')!.content!.map((i) => i.attrs?.['checked'])).toEqual([false, true]);
    expect(find(ward!.body, 'tableHeader')).toBeTruthy();
    expect(JSON.stringify(ward!.body)).not.toContain('dayone-moment');

    expect(tokyo).toMatchObject({ createdAt: '2026-03-14T23:30:00.000Z', eventDate: '2026-03-15', title: '' });
    expect(tokyo!.body.content![0]!.content![0]!.text).toBe('Late shift thoughts (short)!');
    expect([first!.excerpt, second!.excerpt].sort()).toEqual([
      'First of two in one second',
      'Second of two in one second',
    ]);
    expect(first!.createdAt).toBe(second!.createdAt);
  });

  it('adds nothing when the same export is imported twice', async () => {
    const s = await open();
    const file = await fileOf('export.zip', await dayOneZip());
    await s.imports.run((await s.imports.open(file)).id);
    const again = await s.imports.open(file);
    expect(again).toMatchObject({ entries: 0, alreadyImported: 4 });
    const record = await s.imports.run(again.id);
    expect(record).toMatchObject({ added: 0, alreadyImported: 4 });
    expect(s.journal.list({}).total).toBe(4);
  });

  it('undo removes exactly the batch, keeps an entry changed since, and a later import brings the rest back', async () => {
    const s = await open();
    const mine = s.journal.create({ title: 'My own entry' });
    const file = await fileOf('export.zip', await dayOneZip());
    const batch = await s.imports.run((await s.imports.open(file)).id);
    const ward = allEntries(s).find((e) => e.title === 'Ward round')!;
    s.journal.save({ ...ward, body: ward.body, title: 'Ward round, edited' });

    const undone = s.imports.undo(batch.id);
    expect(undone).toMatchObject({ removed: 3, kept: 1, record: { status: 'undone', keptOnUndo: 1 } });
    expect(sortedTitles(allEntries(s))).toEqual(['My own entry', 'Ward round, edited']);
    expect(s.journal.get(mine.id).title).toBe('My own entry');
    // Their words are gone from search too.
    expect(s.journal.list({ query: 'shift' }).total).toBe(0);
    expect(() => s.imports.undo(batch.id)).toThrow(/already been undone/);

    const again = await s.imports.open(file);
    expect(again).toMatchObject({ entries: 3, alreadyImported: 1 });
    expect(s.imports.records().map((r) => r.status)).toEqual(['undone']);
  });
});

describe('undo, after the person has made imported entries their own', () => {
  it('keeps an entry linked to their own, written about in a check-in, or brought to supervision; one deleted for ever stays deleted', async () => {
    const s = await open();
    const mine = s.journal.create({ title: 'My own entry' });
    const file = await fileOf('export.zip', await dayOneZip());
    const batch = await s.imports.run((await s.imports.open(file)).id);
    const [linked, checkedIn, gone] = allEntries(s).filter((e) => e.id !== mine.id);
    s.journal.link(mine.id, linked!.id);
    s.checkins.save(checkIn({ entryId: checkedIn!.id }));
    s.journal.trash(gone!.id);
    s.journal.deleteForever(gone!.id);

    const undone = s.imports.undo(batch.id);
    expect(undone).toMatchObject({ removed: 1, kept: 2 });
    const titles = allEntries(s).map((e) => e.title);
    expect(titles).toContain(linked!.title);
    expect(titles).toContain(checkedIn!.title);
    expect(s.journal.get(mine.id).title).toBe('My own entry');
    // Imported again: the one removed by the undo comes back; the one deleted for ever does not.
    const again = await s.imports.open(file);
    expect(again).toMatchObject({ entries: 1 });
    await s.imports.run(again.id);
    // Their own, the two kept and the one brought back: not the one deleted for ever.
    expect(allEntries(s)).toHaveLength(4);
  });
});

describe('Markdown made into a document', () => {
  it('drops what a dangerous tag holds only up to the end of its block, and keeps every level of a deep outline', async () => {
    const notes = { skip: () => undefined };
    const open = markdownToDoc('I fixed the <style> bug today.\n\nSecond paragraph stays.', notes);
    expect(plainTextOf(sanitiseDoc(open.body))).toContain('Second paragraph stays.');
    let outline = '';
    for (let i = 0; i < 30; i++) outline += `${'  '.repeat(i)}- level ${i}\n`;
    const deep = plainTextOf(sanitiseDoc(markdownToDoc(outline, notes).body));
    for (let i = 0; i < 30; i++) expect(deep).toContain(`level ${i}`);
  });
});

describe('Markdown notes', () => {
  it('reads front matter, daily notes, folders as tags, wikilinks as entry links, tables and tasks', async () => {
    const s = await open();
    const folder = await writeFolder(await tempDir(), { ...MARKDOWN_NOTES, '.obsidian/app.json': '{}' });
    const preview = await s.imports.open(folder);
    expect(preview).toMatchObject({
      source: 'markdown',
      entries: 3,
      firstDay: '2026-02-01',
      lastDay: '2026-03-14',
      links: 3,
    });
    const whats = preview.skipped.map((x) => x.what);
    expect(whats).toEqual(
      expect.arrayContaining([
        'Hidden files and folders',
        'Pictures and attached files',
        'Scripts',
        'Pictures from the internet',
      ]),
    );
    await s.imports.run(preview.id);
    const byTitle = new Map(allEntries(s).map((e) => [e.title, e]));
    const daily = byTitle.get('2026-03-14')!;
    const sup = byTitle.get('Supervision notes')!;
    const bounds = byTitle.get('On boundaries')!;
    expect(daily).toMatchObject({ eventDate: '2026-03-14', tags: ['hard day', 'supervision'] });
    expect(daily.body.content![0]!.content!.map((n) => n.text).join('')).toBe(
      'Talked it through with my supervisor and Boundaries.',
    );
    expect(find(daily.body, 'taskList')!.content!.map((i) => i.attrs?.['checked'])).toEqual([true, false]);
    expect(sup).toMatchObject({
      createdAt: '2026-03-10T20:15:00.000Z',
      updatedAt: '2026-03-12T09:00:00.000Z',
      eventDate: '2026-03-10',
      tags: ['Clinical'],
    });
    expect(types(sup.body)).toEqual(['heading', 'table', 'paragraph']);
    const marks = sup.body.content![2]!.content!.map((n) => [n.text, (n.marks ?? []).map((m) => m.type).join()]);
    expect(marks).toEqual([
      ['See ', ''],
      ['the guide', 'link'],
      [' and ', ''],
      ['old', 'strike'],
      [' ', ''],
      ['new', 'bold'],
      [' ', ''],
      ['ideas', 'italic'],
      ['.', ''],
    ]);
    expect(bounds).toMatchObject({ eventDate: '2026-02-01', tags: ['values'] });
    const json = JSON.stringify(bounds.body);
    expect(json).not.toMatch(/script|alert|tracker|onerror/);
    expect(json).toContain('Safe words stay.');
    // [[links]] became entry links, either way round.
    expect(sortedTitles(s.journal.links(daily.id))).toEqual(['On boundaries', 'Supervision notes']);
    expect(sortedTitles(s.journal.links(bounds.id))).toEqual(['2026-03-14', 'Supervision notes']);
  });

  it('reads a zip of notes the same as the folder, and Logseq’s daily file names', async () => {
    const s = await open();
    const { makeZip } = await import('../support/import-fixtures');
    const zip = await makeZip({
      'journals/2026_03_14.md': '- met the team\n- felt ok',
      'pages/Team.md': 'About the team',
    });
    const preview = await s.imports.open(await fileOf('logseq.zip', zip));
    expect(preview).toMatchObject({ source: 'markdown', entries: 2, firstDay: '2026-03-14' });
    await s.imports.run(preview.id);
    const daily = allEntries(s).find((e) => e.title === '2026_03_14')!;
    expect(daily).toMatchObject({ eventDate: '2026-03-14', tags: [] });
    expect(types(daily.body)).toEqual(['bulletList']);
  });
});

describe('Standard Notes', () => {
  it('brings in a decrypted backup with its tags, leaving the trash out', async () => {
    const s = await open();
    const preview = await s.imports.open(await fileOf('Standard Notes Backup.txt', STANDARD_NOTES_BACKUP));
    expect(preview).toMatchObject({ source: 'standard-notes', entries: 1, firstDay: '2026-01-05' });
    expect(preview.skipped.map((x) => x.what)).toEqual(['Notes in the trash']);
    await s.imports.run(preview.id);
    const [note] = allEntries(s);
    expect(note).toMatchObject({
      title: 'After the team meeting',
      createdAt: '2026-01-05T22:30:00.000Z',
      updatedAt: '2026-01-06T08:00:00.000Z',
      eventDate: '2026-01-05',
      tags: ['team'],
    });
    expect(types(note!.body)).toEqual(['paragraph', 'bulletList']);
  });

  it('refuses an encrypted backup, saying how to make a decrypted one', async () => {
    const s = await open();
    const file = await fileOf('Standard Notes Backup.txt', STANDARD_NOTES_ENCRYPTED);
    await expect(s.imports.open(file)).rejects.toThrow(/encrypted.*Decrypted/s);
    expect(s.journal.list({}).total).toBe(0);
  });
});

describe('one batch, all or nothing', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      uuid: `MANY${String(i).padStart(8, '0')}`,
      creationDate: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      text: `Entry number ${i}`,
    }));

  async function manyZip(n: number): Promise<string> {
    const { dayOneJson, makeZip } = await import('../support/import-fixtures');
    return fileOf('many.zip', await makeZip({ 'Journal.json': dayOneJson(many(n)) }));
  }

  it('stopped part-way, takes back what it had written, and the same export can be brought in afterwards', async () => {
    const s = await open();
    const preview = await s.imports.open(await manyZip(450));
    const controller = new AbortController();
    const task = {
      signal: controller.signal,
      progress: (done: number) => {
        if (done >= 200) controller.abort();
      },
    };
    await expect(s.imports.run(preview.id, task)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(s.journal.list({}).total).toBe(0);
    expect(s.imports.records()).toEqual([]);
    const again = await s.imports.open(await manyZip(450));
    expect(again).toMatchObject({ entries: 450, alreadyImported: 0 });
  });

  it('cut short by a lock, or by a crash, is taken back when the journal next opens', async () => {
    const s = await open();
    const preview = await s.imports.open(await manyZip(450));
    const task = {
      signal: new AbortController().signal,
      progress: (done: number) => {
        if (done >= 200 && s.vault.isUnlocked()) s.vault.lock('manual');
      },
    };
    await expect(s.imports.run(preview.id, task)).rejects.toMatchObject({ code: 'LOCKED' });
    await s.vault.unlock(PASSPHRASE);
    expect(s.journal.list({}).total).toBe(0);
    expect(s.imports.records()).toEqual([]);

    // A crash between the last slice and the batch's record: the batch is still "importing" when it opens.
    const done = await s.imports.run((await s.imports.open(await manyZip(30))).id);
    s.vault.db().prepare(`UPDATE import_batches SET status = 'importing' WHERE id = ?`).run(done.id);
    s.vault.lock('manual');
    await s.vault.unlock(PASSPHRASE);
    expect(s.journal.list({}).total).toBe(0);
    expect(s.imports.records()).toEqual([]);
  });
});

describe('the search index after an import', () => {
  it('owes a merge step for each entry brought in (app.ts wires the import to it), run after the import', async () => {
    const s = await open();
    const preview = await s.imports.open(await writeFolder(await tempDir(), MARKDOWN_NOTES));
    const owed = vi.spyOn(s.journal.indexMerges, 'wrote');
    const steps = vi.spyOn(JournalRepository.prototype, 'mergeIndexStep');
    try {
      const record = await s.imports.run(preview.id);
      expect(record.added).toBe(preview.entries);
      const told = owed.mock.calls.reduce((sum, [count]) => sum + (count ?? 1), 0);
      expect(told).toBe(preview.entries);
      // One step a turn of the event loop, once the import has let it go.
      for (let turn = 0; turn < 20 && steps.mock.calls.length < preview.entries; turn += 1) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(steps.mock.calls.length).toBeGreaterThanOrEqual(preview.entries);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
