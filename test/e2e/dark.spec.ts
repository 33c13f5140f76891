import { expect, test } from './fixtures';

test.use({ shellOptions: { colorScheme: 'dark' } });

test('dark theme follows the OS and stays accessible on every screen', async ({ app, page }) => {
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(27, 26, 24)');
  await app.expectAccessible('create (dark)');
  const key = await app.createVault();
  await app.expectAccessible('recovery key (dark)');
  await app.confirmRecoveryKey(key);
  await app.expectAccessible('journal (dark)');
  await app.goTo('Two truths');
  await app.page.getByRole('button', { name: 'Start from this prompt' }).click();
  await app.page.getByRole('textbox', { name: 'Where this comes from' }).first().fill('A long week.');
  await app.expectAccessible('two truths (dark)');
  await app.page.getByRole('button', { name: 'Prompt library' }).click();
  await app.expectAccessible('prompt library (dark)');
  await app.goTo('Settings');
  await app.expectAccessible('settings (dark)');
  await app.lock();
  await app.expectAccessible('unlock (dark)');
});
