/**
 * Holding's own export brought in through Settings → Bring in a journal (the import pipeline, not only
 * applyHoldingExport): the preview counts what it would add, the batch goes in whole, a second time adds
 * nothing, and "Undo this import" takes back exactly what the batch added, keeping what the person has made
 * their own since.
 */
import { describe, expect, it } from 'vitest';
import { exportEverything } from '../../main/export/everything/make';
import { parseExportJson } from '../../main/import/holding/read';
import { comparableHashes, entryWith, richJournal, unzipAll, zipPath } from '../support/everything-fixture';
import { PASSPHRASE, tempDir } from '../support/temp';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();

/** The tables an import's own record lives in: they differ by that record, and are checked on their own. */
const RECORDS = ['import_batches', 'imported_entries'];
const without = (hashes: Record<string, string>, tables: string[]) =>
  Object.fromEntries(Object.entries(hashes).filter(([table]) => !tables.includes(table)));
const count = (db: { prepare(sql: string): { pluck(): { get(): unknown } } }, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function exportOf(who: TestServices): Promise<string> {
  const folder = await tempDir('holding-import-holding-');
  await exportEverything(who.vault, zipPath(folder), { history: true, appVersion: '1.2.3' });
  return zipPath(folder);
}

async function samsExport() {
  const people = await richJournal(open);
  return { ...people, file: await exportOf(people.sam) };
}

/** Brings `file` in through Settings' pipeline: open (the preview), then run. */
async function bringIn(who: TestServices, file: string) {
  const preview = await who.imports.open(file);
  return { preview, record: await who.imports.run(preview.id) };
}

describe('bringing in a Holding export', () => {
  it('is recognised, previewed exactly, and comes in whole: every table equal to the source, and onward again', async () => {
    const { sam, file } = await samsExport();
    const here = await open();
    const preview = await here.imports.open(file);
    const entries = count(sam.vault.db(), 'entries');
    expect(preview).toMatchObject({ source: 'holding', sourceName: 'A Holding export', entries, alreadyImported: 0 });
    expect(preview.history).toBe(count(sam.vault.db(), 'entry_revisions'));
    expect(preview.links).toBe(count(sam.vault.db(), 'entry_links'));
    const also = Object.fromEntries((preview.also ?? []).map((a) => [a.what, a.count]));
    expect(also['check-ins']).toBe(count(sam.vault.db(), 'checkins'));
    expect(also['supervision sessions']).toBe(count(sam.vault.db(), 'supervision_sessions'));
    expect(also['agenda items']).toBe(count(sam.vault.db(), 'agenda_items'));
    expect(also['shares you sent'] ?? also['share you sent']).toBe(count(sam.vault.db(), 'shares_sent'));
    expect(also['pieces of feedback'] ?? also['piece of feedback']).toBe(count(sam.vault.db(), 'feedback_received'));
    expect(preview.skipped.map((s) => s.what)).toEqual(['The sharing identity of the journal it came from']);
    // Nothing is written by looking.
    expect(count(here.vault.db(), 'entries')).toBe(0);
    expect(count(here.vault.db(), 'checkins')).toBe(0);

    const record = await here.imports.run(preview.id);
    expect(record).toMatchObject({ source: 'holding', status: 'done', added: entries, alreadyImported: 0, here: true });
    const others = (preview.also ?? []).reduce((sum, a) => sum + a.count, 0);
    expect(record.rowsAdded).toBeGreaterThan(others);
    expect(without(comparableHashes(here.vault.db()), RECORDS)).toEqual(
      without(comparableHashes(sam.vault.db()), RECORDS),
    );
    // Sam's own import record came too, beside this one, as a record only: it was made in Sam's journal.
    const records = here.imports.records();
    expect(records).toHaveLength(count(sam.vault.db(), 'import_batches') + 1);
    const travelled = records.find((r) => r.source !== 'holding')!;
    expect(travelled.here).toBe(false);
    expect(() => here.imports.undo(travelled.id)).toThrow(/can only be undone there/);

    // A second time: nothing new, and nothing changes.
    const before = comparableHashes(here.vault.db());
    const again = await bringIn(here, file);
    expect(again.preview).toMatchObject({ entries: 0, alreadyImported: entries, also: [] });
    expect(again.record).toMatchObject({ added: 0, rowsAdded: 0 });
    expect(without(comparableHashes(here.vault.db()), ['import_batches'])).toEqual(without(before, ['import_batches']));

    // Onward, through the same pipeline, to a third journal: everything arrives there too.
    const there = await open();
    await bringIn(there, await exportOf(here));
    expect(without(comparableHashes(there.vault.db()), RECORDS)).toEqual(
      without(comparableHashes(sam.vault.db()), RECORDS),
    );
    expect(there.imports.records().filter((r) => r.here)).toHaveLength(1);
  }, 180_000);

  it('undo takes back exactly the batch; importing again afterwards brings it all back', async () => {
    const { sam, file } = await samsExport();
    const here = await open();
    const mine = entryWith(here, 'Mine', 'Written here before the import');
    const empty = comparableHashes(here.vault.db());
    const { record } = await bringIn(here, file);
    const undone = here.imports.undo(record.id);
    expect(undone).toMatchObject({ removed: record.added, kept: 0, rowsRemoved: record.rowsAdded, rowsKept: 0 });
    expect(undone.record).toMatchObject({ status: 'undone', keptOnUndo: 0, rowsKeptOnUndo: 0 });
    expect(without(comparableHashes(here.vault.db()), ['import_batches'])).toEqual(without(empty, ['import_batches']));
    expect(here.journal.get(mine).title).toBe('Mine');
    expect(count(here.vault.db(), 'imported_rows')).toBe(0);

    await bringIn(here, file);
    expect(count(here.vault.db(), 'entries')).toBe(count(sam.vault.db(), 'entries') + 1);
    expect(count(here.vault.db(), 'checkins')).toBe(count(sam.vault.db(), 'checkins'));
  }, 180_000);

  it('undo keeps whatever the person has made their own, whole, and what belongs with it', async () => {
    const { sam, file } = await samsExport();
    const here = await open();
    const { record } = await bringIn(here, file);
    // An entry edited since.
    const edited = sam.journal.list({ limit: 1 }).items[0]!.id;
    const entry = here.journal.get(edited);
    here.journal.save({ ...entry, title: `${entry.title} (mine now)`, tags: entry.tags });
    // One action of an imported session ticked done: the session stays with every item and action it had.
    const session = here.supervision.sessions()[0]!;
    const sessionBefore = JSON.stringify(here.supervision.session(session.id));
    const action = here.vault
      .db()
      .prepare('SELECT id FROM supervision_actions WHERE session_id = ?')
      .pluck()
      .get(session.id) as string;
    here.supervision.setActionDone(action, true);
    // A new entry begun from the imported template.
    const template = here.vault.db().prepare('SELECT id FROM templates LIMIT 1').pluck().get() as string;
    const fromTemplate = here.journal.create({ templateId: template, title: 'Begun here' }).id;

    const undone = here.imports.undo(record.id);
    expect(undone.kept).toBeGreaterThanOrEqual(1);
    expect(undone.rowsKept).toBeGreaterThanOrEqual(3);
    expect(here.journal.get(edited).title).toMatch(/mine now/);
    const kept = here.supervision.session(session.id);
    expect(kept.items.length).toBe((JSON.parse(sessionBefore) as typeof kept).items.length);
    expect(kept.actions.length).toBe((JSON.parse(sessionBefore) as typeof kept).actions.length);
    expect(here.vault.db().prepare('SELECT count(*) FROM templates WHERE id = ?').pluck().get(template)).toBe(1);
    expect(here.journal.get(fromTemplate).title).toBe('Begun here');
    // What nobody touched has gone: the shares and feedback.
    expect(count(here.vault.db(), 'shares_sent')).toBe(0);
    expect(count(here.vault.db(), 'feedback_received')).toBe(0);
    // The rows still remembered are exactly those kept.
    expect(count(here.vault.db(), 'imported_rows')).toBe(undone.kept + (undone.rowsKept ?? 0));
  }, 180_000);

  it('round trip home: the other journal’s import of this one comes back as a record only, and cannot undo anything here', async () => {
    const { sam, file } = await samsExport();
    const other = await open();
    await bringIn(other, file);
    const own = entryWith(sam, 'Written by Sam after the move', 'Still mine.');
    const back = await bringIn(sam, await exportOf(other));
    expect(back.record.added).toBe(0);
    const foreign = sam.imports.records().filter((r) => r.source === 'holding' && !r.here);
    expect(foreign).toHaveLength(1);
    expect(() => sam.imports.undo(foreign[0]!.id)).toThrow(/can only be undone there/);
    // A record made elsewhere, even one left half-done, is never taken back here when the journal opens.
    sam.vault.db().prepare(`UPDATE import_batches SET status = 'importing' WHERE id = ?`).run(foreign[0]!.id);
    const entriesBefore = count(sam.vault.db(), 'entries');
    sam.vault.lock();
    await sam.vault.unlock(PASSPHRASE);
    expect(count(sam.vault.db(), 'entries')).toBe(entriesBefore);
    expect(sam.journal.get(own).title).toBe('Written by Sam after the move');
  }, 180_000);

  it('says exactly what it will add when only other things are missing, and an entry deleted for good stays deleted', async () => {
    const { file } = await samsExport();
    const here = await open();
    await bringIn(here, file);
    const db = here.vault.db();
    const checkin = db.prepare('SELECT id FROM checkins LIMIT 1').pluck().get();
    const signs = db.prepare('SELECT count(*) FROM checkin_signs WHERE checkin_id = ?').pluck().get(checkin) as number;
    db.prepare('DELETE FROM checkins WHERE id = ?').run(checkin);
    const gone = here.journal.list({ limit: 1 }).items[0]!;
    here.journal.trash(gone.id);
    here.journal.deleteForever(gone.id);

    const { preview, record } = await bringIn(here, file);
    expect(preview.entries).toBe(0);
    expect(preview.also).toEqual([{ what: 'check-in', count: 1 }]);
    expect(preview.skipped[0]).toMatchObject({
      what: 'Entries you deleted for good after bringing them in before',
      count: 1,
      examples: [gone.title || 'Untitled'],
    });
    // The check-in and the signs it noted.
    expect(record).toMatchObject({ added: 0, rowsAdded: 1 + signs });
    expect(() => here.journal.get(gone.id)).toThrow();
    // And its undo takes back just that check-in.
    const checkins = count(here.vault.db(), 'checkins');
    expect(here.imports.undo(record.id)).toMatchObject({ removed: 0, rowsRemoved: 1 + signs, rowsKept: 0 });
    expect(count(here.vault.db(), 'checkins')).toBe(checkins - 1);
  }, 180_000);
});

describe('the export format’s versions', () => {
  it('reads a version 1 file (before replies) with that table empty, and refuses one that is not laid out as its version says', async () => {
    const { file } = await samsExport();
    const text = (await unzipAll(file)).get('holding-export.json')!.toString('utf8');
    const current = JSON.parse(text) as { version: number; tables: Record<string, unknown[]> };
    expect(current.version).toBe(2);
    expect(current.tables['feedback_replies']!.length).toBeGreaterThan(0);

    const v1 = structuredClone(current);
    v1.version = 1;
    delete v1.tables['feedback_replies'];
    const read = parseExportJson(JSON.stringify(v1));
    expect(read.tables['feedback_replies']).toEqual([]);
    expect(read.tables['entries']!.length).toBe(current.tables['entries']!.length);

    // Version 1 never had the table; version 2 always does.
    expect(() => parseExportJson(JSON.stringify({ ...v1, tables: current.tables }))).toThrow();
    const v2without = structuredClone(current);
    delete v2without.tables['feedback_replies'];
    expect(() => parseExportJson(JSON.stringify(v2without))).toThrow();
    expect(() => parseExportJson(JSON.stringify({ ...current, version: 3 }))).toThrow(/newer version of Holding/);
  }, 120_000);
});
