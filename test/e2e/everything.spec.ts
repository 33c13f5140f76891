import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readHoldingExport } from '../../main/import/holding/read';
import { entryWith } from './backup-page';
import { EverythingSectionObject } from './everything-page';
import { expect, test } from './fixtures';

const TITLE = 'A session that stayed with me';
const TEXT = 'I noticed how tired I was by the afternoon. *Not* a heading: # and [x].';

const folder = mkdtempSync(path.join(os.tmpdir(), 'holding-everything-e2e-'));
const synced = path.join(folder, 'Dropbox');
mkdirSync(synced);
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test.describe('export everything', () => {
  test.use({ shellOptions: { savePath: (name) => path.join(folder, name) } });

  test('from the Export page to Settings, with the warning, history included, and the zip on disk holds the entry', async ({
    app,
    page,
    shell,
  }) => {
    test.setTimeout(120_000);
    await app.startWith(() => entryWith(shell.services, TITLE, TEXT));

    await app.goTo('Export');
    await page.getByRole('button', { name: 'Export everything…' }).click();
    const everything = new EverythingSectionObject(page);
    await expect(everything.heading).toBeFocused();
    await expect(everything.section).toContainText('These files are not encrypted.');
    await app.expectAccessible('settings, export everything');

    await everything.historyChoice.check();
    await everything.exportButton.click();
    const done = await everything.expectDone();
    expect(done).toContain('one entry');
    await expect(everything.status).toBeFocused();
    await app.expectAccessible('settings, export everything done');

    const zips = readdirSync(folder).filter((n) => n.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    expect(readdirSync(folder).filter((n) => n.startsWith('.'))).toEqual([]);
    // "Show in folder" opens the file manager on the zip.
    await everything.section.getByRole('button', { name: 'Show in folder: the export just made', exact: true }).click();
    await expect.poll(() => [...shell.shownInFolder]).toEqual([path.join(folder, zips[0]!)]);
    const data = await readHoldingExport(path.join(folder, zips[0]!));
    expect(data.history).toBe(true);
    expect(data.tables['entries']!.map((e) => e['title'])).toEqual([TITLE]);
    expect(String(data.tables['entries']![0]!['body_text'])).toContain('I noticed how tired I was');
  });
});

test.describe('export everything into a synced folder', () => {
  test.use({ shellOptions: { savePath: (name) => path.join(synced, name) } });

  test('asks once more, naming the service, and saves only when the person says so', async ({ app, page, shell }) => {
    test.setTimeout(120_000);
    await app.startWith(() => entryWith(shell.services, TITLE, TEXT));
    await app.goTo('Settings');
    const everything = new EverythingSectionObject(page);
    await everything.exportButton.click();
    const alert = everything.section.getByRole('alert');
    await expect(alert).toContainText('That folder looks like part of Dropbox.');
    await app.expectAccessible('settings, export everything to a synced folder');
    expect(readdirSync(synced)).toEqual([]);
    await alert.getByRole('button', { name: 'Save it there anyway' }).click();
    await everything.expectDone();
    expect(readdirSync(synced).filter((n) => n.endsWith('.zip'))).toHaveLength(1);
  });
});
