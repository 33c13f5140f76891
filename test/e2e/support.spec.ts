import { expect, test } from './fixtures';
import { seedWeeks } from './checkins-page';

/**
 * Support (issue 18): a place to turn, reachable from every screen, the person's own people first, then
 * services for the country their computer names; editable and hideable; on the first screens too.
 */
test('support from every screen: your people first, then services you can hide and show again', async ({
  app,
  page,
  shell,
}) => {
  // Before there is a journal, the first screen offers it: services only.
  await page.getByRole('button', { name: 'Support' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support' })).toBeVisible();
  await expect(page.getByText('Samaritans', { exact: true })).toBeVisible();
  await app.expectAccessible('support, before a journal');
  await page.getByRole('button', { name: 'Back to setting up' }).click();

  await app.newJournal();
  const sign = shell.services.checkins.saveSign({
    name: 'Dreading the inbox',
    whatHelps: 'A cup of tea first.',
    contact: 'Priya, a colleague I trust',
  });
  seedWeeks(shell.services, { signId: sign.id, recurring: true });

  // From "Take time out" on a suggestion.
  await app.goTo('Check-ins');
  const suggestion = page.getByTestId('suggestion').first();
  await suggestion.getByRole('button', { name: 'Take time out' }).click();
  await suggestion.getByRole('button', { name: 'Support' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support' })).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Support' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Their people first: who they named beside a sign, and someone they add here.
  const people = page.getByRole('region', { name: 'Your people' });
  await expect(people).toContainText('Priya, a colleague I trust');
  await expect(people).toContainText('for “Dreading the inbox”');
  await people.getByRole('button', { name: 'Add someone' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Jo, my sister');
  await page.getByLabel('How to reach them').fill('07700 900456');
  await page.getByLabel('A note for yourself (optional)').fill('says I can call any time');
  await page.getByRole('button', { name: 'Keep' }).click();
  await expect(people.getByRole('list', { name: 'People you added' })).toContainText('Jo, my sister');
  await expect(people).toContainText('07700 900456');
  expect(shell.services.support.get().contacts).toMatchObject([{ name: 'Jo, my sister', how: '07700 900456' }]);
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.indexOf('Your people')).toBeLessThan(headings.indexOf('Services you can turn to'));

  // Services for a country: chosen, hidden one at a time, shown again.
  const services = page.getByRole('region', { name: 'Services you can turn to' });
  await services.getByLabel('Services for').selectOption('uk');
  await expect(services).toContainText('116 123');
  await expect(services).toContainText('NHS Practitioner Health');
  await expect(services).toContainText('you can call 999');
  await app.expectAccessible('support');
  await services.getByRole('button', { name: 'Hide Shout' }).click();
  await expect(services.getByRole('heading', { name: 'Shout' })).toHaveCount(0);
  expect(shell.services.support.get()).toMatchObject({ hidden: ['shout'], region: 'uk' });
  await services.getByRole('button', { name: 'Show the one you hid' }).click();
  await expect(services.getByRole('heading', { name: 'Shout' })).toBeVisible();
  await services.getByLabel('Services for').selectOption('au');
  await expect(services).toContainText('13 11 14');
  await expect(services).toContainText('Nurse & Midwife Support');
  await expect(services).toContainText('you can call 000');

  // Change and remove a person.
  await people.getByRole('button', { name: 'Change Jo, my sister' }).click();
  await page.getByLabel('How to reach them').fill('07700 900789');
  await page.getByRole('button', { name: 'Keep' }).click();
  await expect(people).toContainText('07700 900789');
  await people.getByRole('button', { name: 'Remove Jo, my sister' }).click();
  await expect(people.getByRole('list', { name: 'People you added' })).toHaveCount(0);

  // Locked: the unlock screen has it too, with the services only.
  await app.lock();
  await page.getByRole('button', { name: 'Support' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support' })).toBeVisible();
  await expect(
    page.getByText('The people you have added to your own list show once your journal is unlocked.'),
  ).toBeVisible();
  await expect(page.getByText('Priya, a colleague I trust')).toHaveCount(0);
  await app.expectAccessible('support, locked');
});

test.describe('in the dark', () => {
  test.use({ shellOptions: { colorScheme: 'dark' } });

  test('the Support page stays accessible', async ({ app }) => {
    await app.newJournal();
    await app.goTo('Support');
    await app.page.getByLabel('Services for').selectOption('all');
    await expect(app.page.getByRole('heading', { name: 'In New Zealand' })).toBeVisible();
    await app.expectAccessible('support (dark)');
  });
});
