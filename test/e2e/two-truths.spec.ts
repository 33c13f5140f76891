import { docFromParagraphs } from '../../common/journal/doc';
import { expect, test } from './fixtures';
import { JournalPageObject } from './pages';

// Every test here begins in a new journal.
test.beforeEach(async ({ app }) => {
  await app.newJournal();
});

test('two truths: start from a prompt, write, find it by search, link it to a journal entry, both ways', async ({
  app,
  page,
  shell,
}) => {
  const clinic = shell.services.journal.create({ title: 'The Tuesday clinic' });
  shell.services.journal.save({
    ...clinic,
    body: docFromParagraphs(['A full list, and a referral I could not take.']),
    tags: [],
  });

  await app.goTo('Two truths');
  await expect(page.getByRole('group', { name: 'Prompt of the day' })).toContainText('and yet');
  await app.expectAccessible('two truths, empty');

  // From the library: a particular prompt, its words to start from.
  await page.getByRole('button', { name: 'Prompt library' }).click();
  await expect(page.getByRole('heading', { name: 'Being both provider and user of services' })).toBeVisible();
  await app.expectAccessible('prompt library');
  await page.getByRole('button', { name: 'Start from this: I made a mistake.' }).click();
  const truthA = page.getByRole('textbox', { name: 'One truth' });
  await expect(truthA).toBeFocused();
  await expect(truthA).toHaveValue('I made a mistake.');
  await expect(page.getByRole('textbox', { name: 'And yet', exact: true })).toHaveValue(
    'I am still a good enough clinician.',
  );
  await expect(page.getByText('Started from a prompt about responsibility and fault.')).toBeVisible();

  await truthA.fill('I missed the change in her mood.');
  await page
    .getByRole('textbox', { name: 'Where this comes from' })
    .first()
    .fill('A long clinic and a lighthouse of a colleague off sick.');
  await page
    .getByRole('textbox', { name: 'What honouring both could look like' })
    .fill('Bring it to supervision, kindly.');
  await page.getByLabel('Tags').fill('learning');
  await page.getByLabel('Bring to supervision').check();
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved/, { timeout: 15_000 });
  const list = page.getByRole('listbox', { name: 'Two truths entries' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toContainText(
    'I missed the change in her mood, and yet I am still a good enough clinician',
  );
  await app.expectAccessible('two truths, writing');

  // Link it to the journal entry, found by searching.
  await page.getByRole('button', { name: 'Link an entry' }).click();
  await page.getByRole('searchbox', { name: 'Link an entry: search your entries' }).fill('Tuesday');
  await page.getByRole('button', { name: /The Tuesday clinic/ }).click();
  await expect(page.getByRole('button', { name: 'Unlink “The Tuesday clinic”' })).toBeVisible();

  const [stored] = shell.services.journal.list({ kind: 'two-truths' }).items;
  expect(stored).toMatchObject({ bringToSupervision: true, tags: ['learning'] });
  expect(shell.services.journal.get(stored!.id).twoTruths).toMatchObject({
    truthA: 'I missed the change in her mood.',
    honouring: 'Bring it to supervision, kindly.',
  });
  expect(shell.services.journal.links(clinic.id).map((l) => l.id)).toEqual([stored!.id]);

  // The journal's search finds it alongside journal entries, and opens it in its own form.
  await app.goTo('Journal');
  const journal = new JournalPageObject(page);
  await journal.search('lighthouse');
  await expect(journal.list.getByRole('option')).toHaveCount(1);
  await expect(journal.list.getByRole('option').first()).toContainText('Two truths');
  await expect(journal.list.locator('mark')).toHaveText(['lighthouse']);
  await journal.list.getByRole('option').first().click();
  await expect(page.getByRole('textbox', { name: 'One truth' })).toHaveValue('I missed the change in her mood.');
  // ...and from there, the linked journal entry, which shows the link back.
  await page.getByRole('button', { name: 'The Tuesday clinic', exact: true }).click();
  await expect(journal.title).toHaveValue('The Tuesday clinic');
  await expect(
    page.getByRole('button', {
      name: 'I missed the change in her mood, and yet I am still a good enough clinician',
      exact: true,
    }),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Unlink/ }).click();
  await expect(page.getByText('Nothing linked yet.')).toBeVisible();
  expect(shell.services.journal.links(clinic.id)).toEqual([]);
});

test('the prompt library: add your own, reword, hide and show again, restore, delete; kind errors', async ({
  app,
  page,
  shell,
}) => {
  await app.goTo('Two truths');
  await page.getByRole('button', { name: 'Prompt library' }).click();

  // An empty second truth: a clear message, nothing added.
  const before = shell.services.prompts.list().length;
  await page.getByRole('button', { name: 'Add your own prompt' }).click();
  await page.getByLabel('Theme').selectOption({ label: 'Care for self and others' });
  await page.getByLabel('First truth').fill('I look after everyone at work.');
  await page.getByRole('button', { name: 'Add prompt' }).click();
  await expect(page.getByText('A prompt needs both of its truths')).toBeVisible();
  expect(shell.services.prompts.list()).toHaveLength(before);
  await page.getByLabel('And yet').fill('Nobody asks how I am.');
  await page.getByRole('button', { name: 'Add prompt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your prompt has been added' })).toBeVisible();
  const care = page.getByRole('region', { name: 'Care for self and others' });
  await expect(care.getByRole('listitem').last()).toContainText('I look after everyone at work.');
  await expect(care.getByRole('listitem').last()).toContainText('Your own');

  // Reword a built-in pair.
  await page.getByRole('button', { name: 'Edit: I made a mistake.' }).click();
  await page.getByLabel('First truth').fill('I got something wrong.');
  await page.getByRole('button', { name: 'Save wording' }).click();
  await expect(page.getByRole('button', { name: 'Edit: I got something wrong.' })).toBeVisible();
  await expect(page.getByText('Reworded by you')).toBeVisible();

  // Hide it, find it among the hidden, show it again, then put the original words back.
  await page.getByRole('button', { name: 'Hide: I got something wrong.' }).click();
  await expect(page.getByRole('button', { name: 'Edit: I got something wrong.' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show hidden prompts (1)' }).click();
  await page.getByRole('button', { name: 'Show again: I got something wrong.' }).click();
  await page.getByRole('button', { name: 'Restore the original wording: I got something wrong.' }).click();
  await expect(page.getByRole('button', { name: 'Edit: I made a mistake.' })).toBeVisible();

  // Start from one's own prompt, then delete the prompt: the entry stays.
  await page.getByRole('button', { name: 'Start from this: I look after everyone at work.' }).click();
  await expect(page.getByRole('textbox', { name: 'And yet', exact: true })).toHaveValue('Nobody asks how I am.');
  await page.getByRole('button', { name: 'Prompt library' }).click();
  await page.getByRole('button', { name: 'Delete: I look after everyone at work.' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete prompt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your prompt has been deleted.' })).toBeVisible();
  expect(shell.services.prompts.list()).toHaveLength(before);
  expect(shell.services.journal.list({ kind: 'two-truths' }).total).toBe(1);
  await app.expectAccessible('prompt library after changes');
});

test('two truths keep their flags across switching, open from the keyboard, and a trashed link shows as trashed', async ({
  app,
  page,
  shell,
}) => {
  await app.goTo('Two truths');
  const list = page.getByRole('listbox', { name: 'Two truths entries' });
  const truthA = page.getByRole('textbox', { name: 'One truth' });
  const saved = page.getByTestId('save-status');

  await page.getByRole('button', { name: 'Write your own pair' }).click();
  await expect(truthA).toBeFocused();
  await truthA.fill('The clinic was full.');
  await page.getByRole('textbox', { name: 'And yet', exact: true }).fill('I found a moment to breathe.');
  await page.getByLabel('Bring to supervision').check();
  await expect(saved).toHaveText(/^Saved/, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Write your own pair' }).click();
  // Only once the new pair is on screen: typed sooner, the words would go into the first one.
  await expect(truthA).toHaveValue('');
  await expect(truthA).toBeFocused();
  await truthA.fill('A second pair.');
  await expect(saved).toHaveText(/^Saved/, { timeout: 15_000 });
  // And once the list has both in their places, so the click lands on the row it means.
  await expect(list.getByRole('option')).toHaveText([/A second pair/, /The clinic was full/]);

  // Back to the first: the flag is still ticked, and stays so after another save.
  await list.getByRole('option').filter({ hasText: 'The clinic was full' }).click();
  await expect(page.getByLabel('Bring to supervision')).toBeChecked();
  await truthA.fill('The clinic was full again.');
  await expect(saved).toHaveText(/^Saved/, { timeout: 15_000 });
  const first = shell.services.journal.list({ kind: 'two-truths', query: 'clinic' }).items[0]!;
  expect(first.bringToSupervision).toBe(true);

  // From the list by keyboard: Enter goes into the first truth, Escape comes back.
  await list.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(truthA).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(list).toBeFocused();

  // Link the two, trash the second: the first shows it as in the trash, and opens it read-only.
  await list.getByRole('option').filter({ hasText: 'The clinic was full again' }).click();
  await page.getByRole('button', { name: 'Link an entry' }).click();
  await page.getByRole('button', { name: /A second pair/ }).click();
  await expect(page.getByRole('button', { name: 'Link an entry' })).toBeFocused();
  await list.getByRole('option').filter({ hasText: 'A second pair' }).click();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
  await list.getByRole('option').filter({ hasText: 'The clinic was full again' }).click();
  await expect(page.getByRole('region', { name: 'Linked entries' })).toContainText('in the trash');
  await shell.services.journal.restore(shell.services.journal.list({ trash: true }).items[0]!.id);
  await page.reload();
  await app.expectFrame();
});
