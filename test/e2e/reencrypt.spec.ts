import { expect, test } from './fixtures';
import { expectFreshRecoveryKey, NEW_PASSPHRASE, PASSPHRASE, typeRecoveryGroups } from './pages';

test('Settings re-encrypts the journal: the new recovery key is shown and checked first, then only the new secrets open it (issue 19)', async ({
  app,
  page,
}) => {
  // Six Argon2id derivations and a whole re-encryption: on a shared machine that is more than two minutes.
  test.slow();
  const old = await app.createVault(PASSPHRASE);
  await app.confirmRecoveryKey(old);
  await app.goTo('Settings');
  const section = page.getByRole('region', { name: 'Re-encrypt your journal' });
  await expect(section.getByText(/Backups made before still open with the passphrase or recovery key/)).toBeVisible();

  // The current passphrase first: a wrong one changes nothing.
  await section.getByLabel('Current passphrase', { exact: true }).fill('not my passphrase at all');
  await section.getByLabel('Passphrase from now on', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByLabel('Type it once more', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByRole('button', { name: 'Re-encrypt my journal' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    'That is not your current passphrase. Nothing has been changed.',
    {
      timeout: 30_000,
    },
  );
  await section.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Re-encrypt my journal' }).click();

  // The new recovery key, with nothing changed yet.
  const fresh = await expectFreshRecoveryKey(section, old);
  await expect(section.getByText(/^This will be your new recovery key\..*Nothing has changed yet/)).toBeFocused();
  await app.expectAccessible('the new recovery key before re-encrypting');

  // Checked back as at the start; then the journal is re-encrypted.
  await typeRecoveryGroups(section, fresh);
  await section.getByLabel('I have kept my new recovery key somewhere safe.', { exact: true }).check();
  await app.expectAccessible('checking the new recovery key');
  await section.getByRole('button', { name: 'Re-encrypt my journal now' }).click();
  await expect(section.getByText(/^Your journal has been re-encrypted\./)).toBeVisible({ timeout: 60_000 });
  await expect(section.getByTestId('recovery-key')).toHaveCount(0);
  await app.expectAccessible('re-encrypted');

  // Still open and working, under the new key.
  await app.goTo('Journal');
  await app.goTo('Settings');

  // Locked: the old passphrase and the old recovery key are refused; the new ones open it.
  await app.lock();
  await app.unlock(PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('did not open your journal', { timeout: 30_000 });
  await app.unlock(NEW_PASSPHRASE);
  await app.expectFrame();
  await app.lock();
  await app.expectOnlyTheFreshRecoveryKeyOpens(old, fresh);
});
