/**
 * Holding's own export brought in through Settings → Bring in a journal (the import pipeline, not only
 * applyHoldingExport): the preview counts what it would add, the batch goes in whole, a second time adds
 * nothing, and "Undo this import" takes back exactly what the batch added, keeping what the person has made
 * their own since.
 */
import { describe, expect, it } from 'vitest';
import { exportEverything } from '../../main/export/everything/make';
import { applyHoldingExport } from '../../main/import/holding/apply';
import { parseExportJson, readHoldingExport } from '../../main/import/holding/read';
import { comparableHashes, entryWith, richJournal, zipPath } from '../support/everything-fixture';
import { tempDir } from '../support/temp';
import { servicesPerTest } from '../support/vault';
import * as yauzl from 'yauzl';

const open = servicesPerTest();

/** The tables an import's own record lives in: they differ by that record, and are checked on their own. */
const RECORDS = ['import_batches', 'imported_entries', 'imported_rows'];
const without = (hashes: Record<string, string>, tables: string[]) =>
  Object.fromEntries(Object.entries(hashes).filter(([table]) => !tables.includes(table)));
const count = (db: { prepare(sql: string): { pluck(): { get(): unknown } } }, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function samsExport() {
  const people = await richJournal(open);
  const folder = await tempDir('holding-import-holding-');
  await exportEverything(people.sam.vault, zipPath(folder), { history: true, appVersion: '1.2.3' });
  return { ...people, file: zipPath(folder) };
}

async function jsonOf(file: string): Promise<string> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
        zip.readEntry();
      });
      zip.removeAllListeners();
      if (!entry) throw new Error('no holding-export.json');
      if (entry.fileName !== 'holding-export.json') continue;
      const chunks: Buffer[] = [];
      for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    }
  } finally {
    zip.close();
  }
}

describe('bringing in a Holding export', () => {
  it('is recognised, previewed with what else it holds, and comes in whole: every table equal to the source', async () => {
    const { sam, file } = await samsExport();
    const here = await open();
    const preview = await here.imports.open(file);
    const entries = count(sam.vault.db(), 'entries');
    expect(preview).toMatchObject({ source: 'holding', sourceName: 'A Holding export', entries, alreadyImported: 0 });
    expect(preview.history).toBe(count(sam.vault.db(), 'entry_revisions'));
    const also = Object.fromEntries((preview.also ?? []).map((a) => [a.what, a.count]));
    expect(also['check-ins']).toBe(count(sam.vault.db(), 'checkins'));
    expect(also['supervision sessions']).toBe(count(sam.vault.db(), 'supervision_sessions'));
    expect(also['agenda items']).toBe(count(sam.vault.db(), 'agenda_items'));
    expect(also['share you sent']).toBe(1);
    expect(also['piece of feedback']).toBe(1);
    expect(preview.skipped.map((s) => s.what)).toEqual(['The sharing identity of the journal it came from']);
    // Nothing is written by looking.
    expect(count(here.vault.db(), 'entries')).toBe(0);

    const record = await here.imports.run(preview.id);
    expect(record).toMatchObject({ source: 'holding', status: 'done', added: entries, alreadyImported: 0 });
    expect(without(comparableHashes(here.vault.db()), RECORDS)).toEqual(
      without(comparableHashes(sam.vault.db()), RECORDS),
    );
    // The source's own import record came too, beside this one.
    expect(count(here.vault.db(), 'import_batches')).toBe(count(sam.vault.db(), 'import_batches') + 1);
    expect(here.imports.records().map((r) => r.sourceName)).toContain('A Holding export');

    // Exported again from here, its import record (imported_rows too) goes on to the next journal whole.
    expect(count(here.vault.db(), 'imported_rows')).toBeGreaterThan(10);
    const onward = await tempDir('holding-import-onward-');
    await exportEverything(here.vault, zipPath(onward), { history: true, appVersion: '1.2.3' });
    const there = await open();
    applyHoldingExport(there.vault.db(), await readHoldingExport(zipPath(onward)));
    expect(comparableHashes(there.vault.db())).toEqual(comparableHashes(here.vault.db()));

    // A second time: nothing new, and nothing changes.
    const before = comparableHashes(here.vault.db());
    const again = await here.imports.open(file);
    expect(again).toMatchObject({ entries: 0, alreadyImported: entries, also: [] });
    const second = await here.imports.run(again.id);
    expect(second.added).toBe(0);
    expect(without(comparableHashes(here.vault.db()), ['import_batches'])).toEqual(without(before, ['import_batches']));
  }, 120_000);

  it('undo takes back exactly the batch; importing again afterwards brings it all back', async () => {
    const { sam, file } = await samsExport();
    const here = await open();
    const mine = entryWith(here, 'Mine', 'Written here before the import');
    const empty = comparableHashes(here.vault.db());
    const record = await here.imports.run((await here.imports.open(file)).id);
    const undone = here.imports.undo(record.id);
    expect(undone).toMatchObject({ removed: record.added, kept: 0, otherKept: 0, record: { status: 'undone' } });
    expect(undone.otherRemoved).toBeGreaterThan(10);
    expect(without(comparableHashes(here.vault.db()), ['import_batches'])).toEqual(without(empty, ['import_batches']));
    expect(here.journal.get(mine).title).toBe('Mine');

    await here.imports.run((await here.imports.open(file)).id);
    expect(count(here.vault.db(), 'entries')).toBe(count(sam.vault.db(), 'entries') + 1);
    expect(count(here.vault.db(), 'checkins')).toBe(count(sam.vault.db(), 'checkins'));
  }, 120_000);

  it('undo keeps what the person made their own since, and what their own records point at', async () => {
    const { sam, file } = await samsExport();
    const here = await open();
    const record = await here.imports.run((await here.imports.open(file)).id);
    // An entry edited since; a session recorded with the supervisor it brought; a check-in changed by hand.
    const edited = sam.journal.list({ limit: 1 }).items[0]!.id;
    const entry = here.journal.get(edited);
    here.journal.save({ ...entry, title: `${entry.title} (mine now)`, tags: entry.tags });
    const supervisor = here.supervision.supervisors()[0]!;
    here.supervision.recordSession({
      supervisorId: supervisor.id,
      startsAt: '2026-11-20T10:00:00Z',
      timeZone: 'Europe/London',
      minutes: 60,
      attendees: '',
      notes: 'After the move',
      items: [],
      actions: [],
    });
    const checkin = here.vault.db().prepare('SELECT id FROM checkins LIMIT 1').pluck().get();
    here.vault.db().prepare(`UPDATE checkins SET helping = 'changed here' WHERE id = ?`).run(checkin);

    const undone = here.imports.undo(record.id);
    expect(undone.kept).toBe(1);
    expect(undone.otherKept).toBeGreaterThanOrEqual(2);
    expect(here.journal.get(edited).title).toMatch(/mine now/);
    expect(here.supervision.supervisors().map((s) => s.id)).toEqual([supervisor.id]);
    expect(here.vault.db().prepare('SELECT helping FROM checkins WHERE id = ?').pluck().get(checkin)).toBe(
      'changed here',
    );
    // Everything else it brought has gone.
    expect(count(here.vault.db(), 'entries')).toBe(1);
    expect(count(here.vault.db(), 'shares_sent')).toBe(0);
    expect(count(here.vault.db(), 'checkins')).toBe(1);
    // The new session carried the imported session's open action onto the agenda: that session stays, as the
    // action's home, and the rows still remembered are exactly the ones kept.
    expect(here.supervision.sessions(supervisor.id).map((s) => s.notes)).toContain('After the move');
    const remembered = here.vault.db().prepare('SELECT count(*) FROM imported_rows').pluck().get();
    expect(remembered).toBe(undone.otherKept);
  }, 120_000);

  it('leaves out, the next time, an entry it brought that the person has since deleted for good', async () => {
    const { file } = await samsExport();
    const here = await open();
    const record = await here.imports.run((await here.imports.open(file)).id);
    const gone = here.journal.list({ limit: 1 }).items[0]!.id;
    here.journal.trash(gone);
    here.journal.deleteForever(gone);
    const again = await here.imports.open(file);
    expect(again.entries).toBe(0);
    await here.imports.run(again.id);
    expect(() => here.journal.get(gone)).toThrow();
    expect(record.added).toBeGreaterThan(1);
  }, 120_000);

  it('reads a version 1 export (before imported_rows), and refuses a version 1 file that has it', async () => {
    const { file } = await samsExport();
    const text = await jsonOf(file);
    const v1 = JSON.parse(text) as { version: number; tables: Record<string, unknown> };
    v1.version = 1;
    const rows = v1.tables['imported_rows'];
    delete v1.tables['imported_rows'];
    expect(parseExportJson(JSON.stringify(v1)).tables['imported_rows']).toEqual([]);
    v1.tables['imported_rows'] = rows;
    expect(() => parseExportJson(JSON.stringify(v1))).toThrow();
    // A version 2 file without it is damaged.
    const v2 = JSON.parse(text) as { tables: Record<string, unknown> };
    delete v2.tables['imported_rows'];
    expect(() => parseExportJson(JSON.stringify(v2))).toThrow();
  }, 120_000);
});
