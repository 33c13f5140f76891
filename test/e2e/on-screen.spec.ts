import { docFromParagraphs } from '../../common/journal/doc';
import { expect, test } from './fixtures';
import { JournalPageObject } from './pages';

/**
 * Privacy at a glance (issue 18): the journal list's previews, off by default for client material and
 * off altogether by choice, and the quick hide, a plain screen over Holding that is not a lock.
 */
test('previews in the journal list follow the person’s choice, and the quick hide covers everything', async ({
  app,
  page,
  shell,
}) => {
  await app.newJournal();
  const { journal } = shell.services;
  const entry = (title: string, text: string, clientMaterial: boolean) => {
    const { id } = journal.create({ title });
    journal.save({
      id,
      title,
      body: docFromParagraphs([text]),
      eventDate: null,
      tags: [],
      bringToSupervision: false,
      containsClientMaterial: clientMaterial,
      pinned: false,
    });
  };
  entry('After the ward round', 'Maria Kowalski (DOB 14/03/1987) was distressed again today.', true);
  entry('A quieter day', 'A walk at lunch, and the light on the river.', false);
  await page.reload();
  await app.expectFrame();
  const list = new JournalPageObject(page);

  // By default, client material shows its title only.
  await expect(list.option('A quieter day')).toContainText('A walk at lunch');
  await expect(list.option('After the ward round')).toBeVisible();
  await expect(list.list).not.toContainText('Maria Kowalski');
  expect(shell.services.settings.get().journalPreviews).toBe('not-client');

  // Titles only, then every entry.
  await app.goTo('Settings');
  const onScreen = page.getByTestId('on-screen-section');
  await app.expectAccessible('settings, on screen');
  await onScreen.getByRole('radio', { name: 'Titles only' }).click();
  await expect(onScreen.getByRole('radio', { name: 'Titles only' })).toBeChecked();
  await expect(onScreen).toContainText('No entry shows its first lines in the list.');
  await app.goTo('Journal');
  await expect(list.option('A quieter day')).toBeVisible();
  await expect(list.list).not.toContainText('A walk at lunch');
  await expect(list.list).not.toContainText('Maria Kowalski');
  await app.goTo('Settings');
  await onScreen.getByRole('radio', { name: 'For every entry' }).click();
  await expect(onScreen.getByRole('radio', { name: 'For every entry' })).toBeChecked();
  await app.goTo('Journal');
  await expect(list.option('After the ward round')).toContainText('Maria Kowalski');

  // The quick hide: the shortcut puts a plain screen over everything; nothing behind it can be reached.
  await list.list.focus();
  await page.keyboard.press('Control+Shift+H');
  const curtain = page.getByTestId('curtain');
  await expect(curtain).toBeVisible();
  await expect(curtain.getByRole('button', { name: 'Show Holding' })).toBeFocused();
  await expect(curtain).not.toContainText('Maria');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(curtain.getByRole('button', { name: 'Show Holding' })).toBeFocused();
  expect(await page.locator('#content').evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
  await app.expectAccessible('the quick hide');
  // Not a lock: the journal is still open behind it.
  expect((await shell.services.vault.status()).state).toBe('unlocked');
  await curtain.getByRole('button', { name: 'Show Holding' }).click();
  await expect(curtain).toHaveCount(0);
  await expect(list.option('After the ward round')).toContainText('Maria Kowalski');

  // The button under the menu does the same.
  await page.getByRole('button', { name: 'Hide screen' }).click();
  await expect(curtain).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(curtain).toHaveCount(0);

  // While writing, the shortcut hides and leaves the words alone; highlighting has a key of its own.
  await list.option('After the ward round').click();
  const text = page.getByRole('textbox', { name: 'Entry text' });
  // The words selected in the editor, as the shortcut will find them.
  const selectAllOfIt = async () => {
    await text.click();
    await expect(text).toBeFocused();
    // Pressed again until it takes: ProseMirror may put its own selection back 20 ms after the editor
    // is focused, and a select-all that lands before that is undone (once in CI, under load). So the
    // selection is read only once that moment has passed.
    await expect(async () => {
      await page.keyboard.press('ControlOrMeta+A');
      await page.waitForTimeout(60);
      expect(await page.evaluate(() => getSelection()?.toString().length ?? 0)).toBeGreaterThan(0);
    }).toPass({ timeout: 15_000 });
  };
  await selectAllOfIt();
  await page.keyboard.press('Control+Shift+H');
  await expect(curtain).toBeVisible();
  await curtain.getByRole('button', { name: 'Show Holding' }).click();
  await expect(curtain).toHaveCount(0);
  await expect(text.locator('mark')).toHaveCount(0);
  await selectAllOfIt();
  await page.keyboard.press('Control+Shift+E');
  await expect(text.locator('mark').first()).toBeVisible();
  await expect(curtain).toHaveCount(0);
});
