import type { Page } from '@playwright/test';
import { EMPTY_SELECTION } from '../../common/export/types';
import { entryWith } from './backup-page';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './pages';

/** One of the two lists in Settings: names or places. */
function list(page: Page, kind: 'Names' | 'Places') {
  const group = page.getByRole('group', { name: kind, exact: true });
  const items = group.getByRole('list', { name: `${kind} on your list` });
  return {
    group,
    box: group.getByLabel(`Add ${kind.toLowerCase()}`, { exact: true }),
    add: group.getByRole('button', { name: 'Add', exact: true }),
    items,
    /** The text of each item, without its remove button. */
    texts: items.locator('li > span:first-child'),
    remove: (item: string) => group.getByRole('button', { name: `Remove “${item}”`, exact: true }),
    status: page.getByTestId(kind === 'Names' ? 'deidNames-status' : 'deidPlaces-status'),
  };
}

test('names and places to look out for: added one at a time and pasted, removed, kept encrypted, and found', async ({
  app,
  page,
  services,
}) => {
  await app.newJournal();
  await app.goTo('Settings');
  await expect(page.getByRole('heading', { name: 'Names and places to look out for' })).toBeVisible();
  await expect(page.getByText('never exported or shared')).toBeVisible();
  const names = list(page, 'Names');
  const places = list(page, 'Places');
  await expect(names.group).toContainText('No names yet.');
  await expect(places.group).toContainText('No places yet.');
  await app.expectAccessible('settings, empty lists');

  // One at a time: type and press Enter; the box empties and keeps the focus.
  await names.box.fill('Keziah');
  await names.box.press('Enter');
  await expect(names.status).toHaveText('Added “Keziah”.');
  await expect(names.box).toHaveValue('');
  await expect(names.box).toBeFocused();

  // Regex characters are just characters.
  await names.box.fill("O'Brien (Jr.)");
  await names.add.click();
  await expect(names.status).toHaveText("Added “O'Brien (Jr.)”.");

  // Several pasted at once, one on each line: blanks and repeats (ignoring case) drop out.
  await names.box.focus();
  await page.keyboard.insertText('Dr Rafferty\n  a+b  \nkeziah\n\nSiân   Evans\n');
  await expect(names.box).toHaveValue('Dr Rafferty\n  a+b  \nkeziah\n\nSiân   Evans\n');
  await names.add.click();
  await expect(names.status).toHaveText('Added 3 names. One was already there.');
  await expect(names.texts).toHaveText(['Keziah', "O'Brien (Jr.)", 'Dr Rafferty', 'a+b', 'Siân Evans']);
  await expect(names.group).toContainText('5 names on your list.');

  // Only repeats: nothing to save, and said so.
  await names.box.fill('DR RAFFERTY');
  await names.box.press('Enter');
  await expect(names.status).toHaveText('“DR RAFFERTY” is already on your list.');

  // Too long: a kind word, and what was typed stays.
  const long = `${'A very long ward name '.repeat(10)}that goes on`;
  await places.box.fill(`Harewood Ward\n${long}`);
  await places.add.click();
  await expect(places.group.getByText('is longer than 200 characters. Could you shorten it?')).toBeVisible();
  await expect(places.box).toHaveValue(`Harewood Ward\n${long}`);
  await expect(places.box).toHaveAttribute('aria-invalid', 'true');
  await expect(places.box).toHaveAccessibleDescription(/is longer than 200 characters/);
  expect(services.settings.get().deidPlaces).toEqual([]);
  await app.expectAccessible('settings, a name too long');
  await places.box.fill('Harewood Ward\nSt. Mary’s [East] *');
  await expect(places.box).not.toHaveAttribute('aria-invalid');
  await places.add.click();
  await expect(places.status).toHaveText('Added 2 places.');
  await expect(places.texts).toHaveText(['Harewood Ward', 'St. Mary’s [East] *']);

  // Removing: by pointer, then by keyboard; focus goes to the item that takes its place.
  await names.remove('Keziah').click();
  await expect(names.status).toHaveText('Removed “Keziah”.');
  await expect(names.remove("O'Brien (Jr.)")).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(names.remove('Dr Rafferty')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(names.status).toHaveText('Removed “Dr Rafferty”.');
  await expect(names.remove('a+b')).toBeFocused();
  await expect(names.texts).toHaveText(["O'Brien (Jr.)", 'a+b', 'Siân Evans']);
  expect(services.settings.get()).toMatchObject({
    deidNames: ["O'Brien (Jr.)", 'a+b', 'Siân Evans'],
    deidPlaces: ['Harewood Ward', 'St. Mary’s [East] *'],
  });
  await app.expectAccessible('settings, with lists');

  // Kept in the encrypted vault: locked and unlocked, the lists are as they were.
  await app.lock();
  await app.unlock(PASSPHRASE);
  await app.expectFrame();
  await app.goTo('Settings');
  await expect(names.texts).toHaveText(["O'Brien (Jr.)", 'a+b', 'Siân Evans']);
  await expect(places.texts).toHaveText(['Harewood Ward', 'St. Mary’s [East] *']);
  expect(services.settings.get()).toMatchObject({
    deidNames: ["O'Brien (Jr.)", 'a+b', 'Siân Evans'],
    deidPlaces: ['Harewood Ward', 'St. Mary’s [East] *'],
  });

  // And the check finds them, literally: "a+b" is not a pattern that matches "aab".
  const id = entryWith(
    services,
    'After the ward round',
    "I spoke with O'Brien (Jr.) on Harewood Ward; later O’Brien (Jr.) rang. We wrote a+b on the board, and aab was a typo. Keziah was not there.",
  );
  const check = await services.exports.check({ ...EMPTY_SELECTION, entries: [{ id, excerpt: null }] });
  const found = check.findings.map((f) => [f.kind, f.text]);
  expect(found).toContainEqual(['listed-name', "O'Brien (Jr.)"]);
  expect(found).toContainEqual(['listed-name', 'O’Brien (Jr.)']);
  expect(found).toContainEqual(['listed-name', 'a+b']);
  expect(found).toContainEqual(['listed-place', 'Harewood Ward']);
  expect(found.filter(([kind, text]) => kind === 'listed-name' && text === 'aab')).toEqual([]);
  // Removed from the list, no longer listed (whatever else may notice it).
  expect(found.filter(([kind, text]) => kind === 'listed-name' && text === 'Keziah')).toEqual([]);
});

test.describe('in the dark', () => {
  test.use({ shellOptions: { colorScheme: 'dark' } });

  test('the lists read well and stay accessible in the dark theme', async ({ app, page, shell }) => {
    await app.newJournal();
    shell.services.settings.update({ deidNames: ['Keziah', "O'Brien (Jr.)"], deidPlaces: ['Harewood Ward'] });
    await app.goTo('Settings');
    const names = list(page, 'Names');
    await expect(names.texts).toHaveText(['Keziah', "O'Brien (Jr.)"]);
    await names.box.fill('Dr Rafferty');
    await names.box.press('Enter');
    await expect(names.status).toHaveText('Added “Dr Rafferty”.');
    await app.expectAccessible('settings, with lists (dark)');
    await names.box.fill('x'.repeat(201));
    await names.add.click();
    await expect(names.group.getByText('is longer than 200 characters')).toBeVisible();
    await app.expectAccessible('settings, a name too long (dark)');
    await names.remove('Keziah').hover();
  });
});
