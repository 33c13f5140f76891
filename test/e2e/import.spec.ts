import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dayOneZip, MARKDOWN_NOTES, writeFolder } from '../support/import-fixtures';
import { expect, test } from './fixtures';
import { entryWith } from './backup-page';
import { EverythingSectionObject } from './everything-page';
import { ImportSectionObject } from './import-page';
import { JournalPageObject } from './pages';

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'holding-import-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('bring in a Day One zip and a folder of Markdown notes, see what was left out, find them, and undo one', async ({
  app,
  page,
  shell,
}) => {
  test.setTimeout(180_000);
  await app.startWith(() => undefined);
  const zip = path.join(dir, 'Day One Export.zip');
  writeFileSync(zip, await dayOneZip());
  const notes = await writeFolder(path.join(dir, 'My vault'), MARKDOWN_NOTES);

  // An empty journal points the way in; the section takes focus.
  const pointer = page.getByTestId('import-pointer');
  await expect(pointer).toContainText('Moving from Day One');
  await app.expectAccessible('empty journal with the way to bring one in');
  await pointer.getByRole('button', { name: 'Bring in a journal' }).click();
  const imports = new ImportSectionObject(page);
  await expect(imports.heading).toBeFocused();
  await app.expectAccessible('settings, bring in a journal');

  // Day One: the preview says how many, from when to when, and that the photo stays behind.
  await imports.chooseFile(shell, zip);
  await expect(imports.preview.getByRole('heading')).toHaveText('Day One Export.zip: Day One');
  await expect(imports.section.getByTestId('import-count')).toHaveText(
    '4 entries to bring in, from 14 March 2026 to 16 March 2026.',
  );
  await expect(imports.section.getByTestId('import-skipped')).toContainText('Photos (1)');
  await app.expectAccessible('import preview');
  await imports.bringIn(4);

  // The same export again adds nothing.
  await imports.chooseFile(shell, zip);
  await expect(imports.section.getByTestId('import-count')).toHaveText('Nothing new to bring in.');
  await expect(imports.preview).toContainText('4 entries came in with an earlier import');
  await imports.preview.getByRole('button', { name: 'Not now' }).click();

  // A folder of notes.
  await imports.chooseFolder(shell, notes);
  await expect(imports.preview.getByRole('heading')).toHaveText(/^My vault: Markdown notes/);
  await expect(imports.section.getByTestId('import-skipped')).toContainText('Scripts (1)');
  await imports.bringIn(3);
  await expect(imports.pastImports).toHaveCount(2);
  await app.expectAccessible('past imports');

  // They are in the journal.
  await app.goTo('Journal');
  const journal = new JournalPageObject(page);
  await expect(journal.list.getByRole('option')).toHaveCount(7);
  await expect(journal.list).toContainText('Ward round');
  await expect(journal.list).toContainText('On boundaries');
  await expect(page.getByTestId('import-pointer')).toHaveCount(0);

  // Undo the Day One import: its entries go, the notes stay.
  await app.goTo('Settings');
  await imports.undo(/^Undo this import: Day One/);
  await expect(imports.pastImports.filter({ hasText: 'Day One' })).toContainText('Undone');
  await app.expectAccessible('an import undone');
  await app.goTo('Journal');
  await expect(journal.list.getByRole('option')).toHaveCount(3);
  await expect(journal.list).not.toContainText('Ward round');
  expect(shell.services.journal.list({}).total).toBe(3);
});

test.describe('Holding’s own export', () => {
  test.use({ shellOptions: { savePath: (name) => path.join(dir, name) } });

  test('export everything, lose an entry, bring the export back in from Settings, and undo it', async ({
    app,
    page,
    shell,
  }) => {
    test.setTimeout(180_000);
    let lost = '';
    await app.startWith(() => {
      entryWith(shell.services, 'Still here', 'Written before the export and kept.');
      lost = entryWith(shell.services, 'A hard Thursday', 'Written before the export, then deleted for good.');
    });

    await app.goTo('Settings');
    const everything = new EverythingSectionObject(page);
    await everything.historyChoice.check();
    await everything.exportButton.click();
    await everything.expectDone();
    const zip = path.join(
      dir,
      readdirSync(dir).find((n) => n.endsWith('.zip'))!,
    );
    shell.services.journal.trash(lost);
    shell.services.journal.deleteForever(lost);

    const imports = new ImportSectionObject(page);
    await imports.chooseFile(shell, zip);
    await expect(imports.preview.getByRole('heading')).toHaveText(`${path.basename(zip)}: A Holding export`);
    await expect(imports.section.getByTestId('import-count')).toHaveText(/^1 entry to bring in, all from /);
    await expect(imports.preview).toContainText('1 entry is in this journal already and will be left as it is.');
    await app.expectAccessible('import preview of a Holding export');
    await imports.bringIn(1);

    await app.goTo('Journal');
    const journal = new JournalPageObject(page);
    await expect(journal.list.getByRole('option')).toHaveCount(2);
    await expect(journal.list).toContainText('A hard Thursday');

    await app.goTo('Settings');
    await imports.undo(/^Undo this import: A Holding export/);
    await expect(imports.pastImports.filter({ hasText: 'A Holding export' })).toContainText('Undone');
    await app.expectAccessible('a Holding export undone');
    await app.goTo('Journal');
    await expect(journal.list.getByRole('option')).toHaveCount(1);
    await expect(journal.list).not.toContainText('A hard Thursday');
  });
});
