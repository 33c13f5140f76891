import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHELL_ORIGIN } from '../support/shell';
import { expect, test } from './fixtures';
import { expectFreshRecoveryKey, NEW_PASSPHRASE, PASSPHRASE, typeRecoveryGroups } from './pages';

test('first run, recovery key, lock, wrong passphrase, unlock, change passphrase, unlock with the new one', async ({
  app,
  page,
  shell,
}) => {
  await app.expectAccessible('create');

  // A weak passphrase gets a kind explanation, and nothing is created.
  await page.getByLabel('Choose a passphrase', { exact: true }).fill('password123');
  await page.getByLabel('Type it once more', { exact: true }).fill('password123');
  await page.getByRole('button', { name: 'Create my journal' }).click();
  await expect(page.getByText('This would be quick to guess')).toBeVisible();
  expect(existsSync(path.join(shell.dataDir, 'holding.key'))).toBe(false);
  await page.getByLabel('Choose a passphrase', { exact: true }).fill('');
  await page.getByLabel('Type it once more', { exact: true }).fill('');

  const recoveryKey = await app.createVault(PASSPHRASE);
  expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
  await app.expectAccessible('recovery key');

  // The key must be confirmed before going on: out of sight, two groups chosen at random.
  await typeRecoveryGroups(page, recoveryKey, true);
  await expect(page.getByTestId('recovery-key')).toHaveCount(0);
  await app.expectAccessible('checking the recovery key');
  await page.getByRole('button', { name: 'Open my journal' }).click();
  await expect(page.getByText(/^That does not match group \d+ yet\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Show the key again' }).click();
  expect(await app.recoveryKeyOnScreen()).toBe(recoveryKey);
  await app.confirmRecoveryKey(recoveryKey);
  await expect(page.getByRole('heading', { name: 'Journal' })).toBeVisible();
  await app.expectAccessible('journal');

  await app.lock();
  await app.expectAccessible('unlock');
  const filesWhileLocked = readdirSync(shell.dataDir).sort();
  expect(filesWhileLocked).toEqual(['holding.db', 'holding.key', 'holding.opened']);

  await app.unlock('this is not my passphrase');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('That passphrase did not open your journal. Please check it and try again.');
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await app.expectAccessible('unlock with an error');
  // A wrong passphrase leaves the folder exactly as it was: no new or unencrypted database.
  expect(readdirSync(shell.dataDir).sort()).toEqual(filesWhileLocked);

  await app.unlock(PASSPHRASE);
  await app.expectFrame();

  await app.goTo('Settings');
  await app.expectAccessible('settings');
  // The Change passphrase form (Re-encrypt, below it, asks for the current passphrase too).
  const change = page.getByRole('form', { name: 'Change your passphrase' });
  await change.getByLabel('Current passphrase', { exact: true }).fill('not the current one');
  await change.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await change.getByLabel('Type the new passphrase once more', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('That is not your current passphrase. Nothing has been changed.');

  const dbBefore = readFileSync(path.join(shell.dataDir, 'holding.db'));
  await change.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your passphrase has been changed' })).toBeVisible({
    timeout: 30_000,
  });
  expect(readFileSync(path.join(shell.dataDir, 'holding.db')).equals(dbBefore)).toBe(true);

  await app.lock();
  await app.unlock(PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('did not open your journal');
  await app.unlock(NEW_PASSPHRASE);
  await app.expectFrame();
});

test('the recovery key opens the journal, and resets a forgotten passphrase', async ({ app, page }) => {
  const recoveryKey = await app.createVault();
  await app.confirmRecoveryKey(recoveryKey);
  await app.lock();

  // The two ways in with the recovery key sit side by side, each saying what it does (issue 18).
  await expect(page.getByRole('button', { name: 'Use my recovery key' })).toHaveAccessibleDescription(
    'Opens your journal this once; your passphrase stays as it is.',
  );
  await expect(page.getByRole('button', { name: 'I have forgotten my passphrase' })).toHaveAccessibleDescription(
    'Your recovery key opens your journal, then you choose a new passphrase.',
  );
  await expect(page.getByText('Opens your journal this once; your passphrase stays as it is.')).toBeVisible();
  await page.getByRole('button', { name: 'Use my recovery key' }).click();
  await app.expectAccessible('unlock with recovery key');
  await page.getByLabel('Recovery key', { exact: true }).fill('AAAAA-BBBBB');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('does not look quite right');
  await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Unlock' }).click();
  await app.expectFrame();
  await app.lock();

  await page.getByRole('button', { name: 'I have forgotten my passphrase' }).click();
  await app.expectAccessible('reset passphrase');
  await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey);
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Type the new passphrase once more', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Set new passphrase and unlock' }).click();
  await app.expectFrame();
  await app.lock();
  await app.unlock(NEW_PASSPHRASE);
  await app.expectFrame();
});

test('every section is reachable by keyboard, says what it will hold, and Ctrl+L locks', async ({ app, page }) => {
  await app.newJournal();
  // Opened, focus is on the journal's heading (screen-reader.spec.ts); start again from the top of the window.
  await expect(page.getByRole('heading', { level: 1, name: 'Journal' })).toBeFocused();
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });

  // Tab from the top: the skip link comes first, then the side menu's toggle, then the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Narrow the menu' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Journal', exact: true })).toBeFocused();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');

  const sections: [string, string, RegExp][] = [
    ['Two truths', 'Two truths', /Hold two things that are both true/],
    ['Check-ins', 'Check-ins', /nothing here is a score/],
    ['Supervision', 'Supervision', /agenda for your next session/],
    ['Export', 'Export for supervision', /check it for anything that could identify someone/],
    ['Sharing', 'Sharing', /feedback that comes back/],
    ['Settings', 'Settings', /Where your journal lives/],
  ];
  for (const [button, heading, text] of sections) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: button, exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    // Focus moves to the new page's heading, so keyboard and screen-reader users land in it.
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
    await expect(page.getByText(text)).toBeVisible();
    await app.expectAccessible(heading);
    await page.getByRole('button', { name: button, exact: true }).focus();
  }

  await page.keyboard.press('Control+l');
  await app.expectUnlockScreen();
});

test.describe('auto-lock', () => {
  // The shell's idle clock, under the test's control.
  const idle = { seconds: 0 };
  test.use({ shellOptions: { idleSeconds: () => idle.seconds } });

  test('auto-lock after the chosen idle time returns to the unlock screen with a gentle note', async ({
    app,
    page,
    shell,
  }) => {
    await app.newJournal();
    await app.goTo('Settings');
    const select = page.getByLabel('Lock automatically', { exact: true });
    await expect(select).toHaveValue('10');
    await select.selectOption('1');
    await expect(page.getByText('Saved.')).toBeVisible();
    expect(shell.services.settings.get().autoLockMinutes).toBe(1);

    // Move the idle clock on rather than waiting a minute.
    idle.seconds = 61;
    expect(await shell.host.checkAutoLock()).toBe(true);
    idle.seconds = 0;
    await app.expectUnlockScreen();
    await expect(page.getByRole('status')).toContainText('locked itself after a while without activity');
    await app.expectAccessible('unlock after auto-lock');

    await app.unlock(PASSPHRASE);
    await app.expectFrame();
    await app.goTo('Settings');
    await expect(page.getByLabel('Lock automatically', { exact: true })).toHaveValue('1');
  });
});

test('the content security policy stops injected inline script and inline event handlers', async ({
  app,
  page,
  shell,
}) => {
  await app.expectAccessible('create');
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = "script";';
    document.body.appendChild(script);
    // An inline handler on an image that fails to load: wait for the error to have fired.
    const errored = new Promise<void>((resolve) => {
      const holder = document.createElement('div');
      holder.innerHTML = '<img alt="" src="/missing.png" onerror="window.__injected = \'handler\'">';
      holder.querySelector('img')!.addEventListener('error', () => setTimeout(resolve, 50));
      document.body.appendChild(holder);
    });
    await errored;
    return { injected: (window as unknown as { __injected?: string }).__injected ?? null, violations };
  });
  expect(outcome.injected).toBeNull();
  expect(outcome.violations.filter((d) => d.startsWith('script-src')).length).toBeGreaterThanOrEqual(2);
  // The blocked attempts are reported on the console; that is the policy working.
  const others = shell.pageErrors.filter((e) => !/Content Security Policy|missing\.png|404/.test(e));
  shell.pageErrors.splice(0, shell.pageErrors.length, ...others);
});

test('calls from a sub-frame are refused by the router, even from the app’s own origin', async ({
  app,
  page,
  shell,
}) => {
  await app.expectAccessible('create');
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.title = 'test frame';
    frame.srcdoc = '<p>inner</p>';
    document.body.appendChild(frame);
  });
  await expect.poll(() => page.frames().length).toBe(2);
  const child = page.frames().find((f) => f !== page.mainFrame())!;
  await child.waitForLoadState();
  // The bridge is only installed in the top frame, but the raw binding exists in every frame.
  const fromChild = await child.evaluate(() =>
    (window as unknown as { __holdingInvoke: (c: string, i?: unknown) => Promise<unknown> }).__holdingInvoke(
      'vault:status',
    ),
  );
  expect(fromChild).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  expect(await child.evaluate(() => typeof (window as unknown as { holding?: unknown }).holding)).toBe('undefined');
  // The top frame is served as usual.
  expect(await page.evaluate(() => window.holding.vault.status())).toMatchObject({ ok: true });
  const foreign = await shell.services.router('vault:status', undefined, {
    url: 'https://elsewhere.example/',
    isMainFrame: true,
  });
  expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
});

test('creating works even before the strength checker has loaded, and main still refuses a weak passphrase', async ({
  page,
}) => {
  // Hold back the lazily loaded strength checker, as a slow machine might.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/passphrase-*.js', async (route) => {
    await held;
    await route.fallback();
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'A private place for your practice' })).toBeVisible();
  await expect(page.getByText('Strength: nothing typed yet')).toBeVisible();

  await page.getByLabel('Choose a passphrase', { exact: true }).fill('password123');
  await page.getByLabel('Type it once more', { exact: true }).fill('password123');
  await page.getByRole('button', { name: 'Create my journal' }).click();
  await expect(page.getByRole('alert')).toContainText('This would be quick to guess');

  await page.getByLabel('Choose a passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type it once more', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create my journal' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: 30_000 });
  release();
});

test('an older copy of the journal, a damaged key file and damaged pages are each said plainly (issue 19)', async ({
  app,
  page,
  shell,
}) => {
  const recoveryKey = await app.createVault(PASSPHRASE);
  await app.confirmRecoveryKey(recoveryKey);
  await app.lock();
  const dbFile = path.join(shell.dataDir, 'holding.db');
  const keyFile = path.join(shell.dataDir, 'holding.key');
  const olderCopy = readFileSync(dbFile);
  await app.unlock(PASSPHRASE);
  await app.expectFrame();
  await expect(page.getByTestId('older-copy-note')).toHaveCount(0);
  await app.lock();

  // The older copy put back: the journal opens, with a notice that goes once read.
  writeFileSync(dbFile, olderCopy);
  await app.unlock(PASSPHRASE);
  const note = page.getByTestId('older-copy-note');
  await expect(note.getByRole('heading', { name: 'This is an older copy of your journal' })).toBeVisible();
  await expect(note).toContainText('This computer last opened a newer copy of your journal');
  await app.expectAccessible('an older copy of the journal');
  await note.getByRole('button', { name: 'I understand' }).click();
  await expect(note).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Journal' })).toBeFocused();
  await app.lock();

  // The passphrase's part of the key file cut short: said so, and the recovery key still opens it.
  const original = readFileSync(keyFile, 'utf8');
  const cut = JSON.parse(original) as { passphrase: { wrappedKey: string } };
  cut.passphrase.wrappedKey = '';
  writeFileSync(keyFile, JSON.stringify(cut));
  await app.unlock(PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText(
    'The part of the key file that your passphrase opens is damaged or cut short',
  );
  await app.expectAccessible('a damaged key file');
  writeFileSync(keyFile, original);

  // Damaged pages in the journal file: not "something went wrong", but what it is and what helps.
  const bytes = readFileSync(dbFile);
  for (let p = 1; p < bytes.length / 4096; p++) bytes[p * 4096 + 200] = bytes[p * 4096 + 200]! ^ 0x5a;
  writeFileSync(dbFile, bytes);
  await app.unlock(PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('Part of your journal file looks damaged');
  await expect(page.getByRole('alert')).toContainText('If you have a backup, restoring it');
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
});

test('the recovery key’s Copy button clears the clipboard after a minute, if the key is still there (issue 19)', async ({
  app,
  page,
  shell,
}) => {
  await shell.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SHELL_ORIGIN });
  await page.clock.install();
  const recoveryKey = await app.createVault(PASSPHRASE);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  // The page's clock held still from here, and moved on by hand.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByText(/^Copied\. Holding clears it from the clipboard in a minute/)).toBeVisible();
  expect(await clipboard()).toBe(recoveryKey);
  // Still there 59 seconds later, and gone after a minute, though the person has moved on into the journal.
  await page.clock.runFor(59_000);
  expect(await clipboard()).toBe(recoveryKey);
  await page.clock.resume();
  await app.expectAccessible('recovery key copied');
  await app.confirmRecoveryKey(recoveryKey);
  await page.clock.runFor(2_000);
  await expect.poll(clipboard).toBe('');

  // Copied again, then something else copied over it: that is left alone.
  await app.lock();
  await page.evaluate(() => navigator.clipboard.writeText('my own words'));
  await page.clock.runFor(61_000);
  expect(await clipboard()).toBe('my own words');
});

test('Settings makes a new recovery key: shown once and confirmed, and the old one no longer opens (issue 19)', async ({
  app,
  page,
}) => {
  const old = await app.createVault();
  await app.confirmRecoveryKey(old);
  await app.goTo('Settings');
  const section = page.getByRole('region', { name: 'Your recovery key' });
  await expect(section.getByText('A copy of your journal made before (such as a backup) still opens')).toBeVisible();

  // The passphrase first: a wrong one changes nothing.
  await section.getByLabel('Your passphrase', { exact: true }).fill('not my passphrase');
  await section.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(section.getByRole('alert')).toHaveText('That is not your passphrase. Nothing has been changed.');
  await section.getByLabel('Your passphrase', { exact: true }).fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Make a new recovery key' }).click();

  const fresh = await expectFreshRecoveryKey(section, old);
  await expect(section.getByText(/^This is your new recovery key/)).toBeFocused();
  await app.expectAccessible('a new recovery key');

  // Confirmed as at the start: two groups with the key out of sight, and the box.
  await typeRecoveryGroups(section, fresh, true);
  await section.getByRole('button', { name: 'Use this key from now on' }).click();
  await expect(section.getByText(/^That does not match group \d+ yet\.$/)).toBeVisible();
  await section.getByRole('button', { name: 'Show the key again' }).click();
  await typeRecoveryGroups(section, fresh);
  await section.getByLabel('I have kept my new recovery key somewhere safe.', { exact: true }).check();
  await section.getByRole('button', { name: 'Use this key from now on' }).click();
  await expect(section.getByRole('status')).toHaveText(
    'Your new recovery key is in place. The old one no longer opens your journal.',
  );
  await expect(section.getByTestId('recovery-key')).toHaveCount(0);
  await expect(section.getByRole('heading', { name: 'Your recovery key' })).toBeFocused();

  // The old key is refused at the unlock screen; the new one opens.
  await app.lock();
  await app.expectOnlyTheFreshRecoveryKeyOpens(old, fresh);
});
