import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openShell } from '../support/shell';
import { BackupsSectionObject, entryWith, RestoreObject } from './backup-page';
import { expect, test } from './fixtures';
import { HoldingApp, JournalPageObject, PASSPHRASE } from './pages';

const ENTRIES = [
  ['A session that stayed with me', 'I noticed how tired I was by the afternoon.'],
  ['Notes for Thursday', 'Bring the question about endings.'],
  ['What helped this week', 'A walk at lunch, and saying no once.'],
] as const;

let backupDir: string;
test.beforeEach(() => {
  backupDir = mkdtempSync(path.join(os.tmpdir(), 'holding-backups-'));
});
test.afterEach(() => rmSync(backupDir, { recursive: true, force: true }));

const backupFiles = () => readdirSync(backupDir).filter((f) => f.endsWith('.holdingbackup'));

test('set a folder, back up, see it in words; on a new computer, restore on the first screen with the recovery key and find the entries', async ({
  app,
  page,
  shell,
}) => {
  // Two journals, a backup checked by restoring it, a restore, and an axe check on each screen.
  test.setTimeout(240_000);
  const recoveryKey = await app.createVault();
  await app.confirmRecoveryKey(recoveryKey);
  for (const [title, text] of ENTRIES) entryWith(shell.services, title, text);
  await page.reload();
  await app.expectFrame();

  // No backup yet, and the journal has entries: a gentle note, with the way to Backups.
  const note = page.getByTestId('backup-note');
  await expect(note).toContainText('There is no backup of your journal yet.');
  await app.expectAccessible('journal with the backup note');
  await note.getByRole('button', { name: 'Go to Backups' }).click();
  const backups = new BackupsSectionObject(page);
  await expect(backups.heading).toBeFocused();
  await expect(backups.lastBackup).toHaveText('No backups yet. Choose a folder to begin.');
  await app.expectAccessible('settings, backups with no folder');

  // Every day and a sensible mix, unless the person chooses otherwise; here, from the keyboard, only when asked
  // (so that Holding does not back up by itself while the test runs).
  const daily = backups.section.getByRole('radio', { name: 'Every day' });
  await expect(daily).toBeChecked();
  await expect(backups.section.getByRole('radio', { name: 'Recommended' })).toBeChecked();
  await expect(backups.section).toContainText(
    'Holding keeps every backup from the last two days, then one a day for seven days, one a week for five weeks and one a month for twelve months, and always your newest',
  );
  await daily.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(backups.section.getByRole('radio', { name: 'Only when I ask' })).toBeChecked();
  await expect(backups.section.getByRole('radio', { name: 'Only when I ask' })).toBeFocused();
  await expect.poll(() => shell.services.settings.get().backupFrequency).toBe('manual');

  await backups.chooseFolder(shell, backupDir);
  await expect(backups.section.getByRole('status').filter({ hasText: 'Backups will go to this folder' })).toBeVisible();

  // From the keyboard: Back up now comes just before the folder, and Enter backs up.
  await backups.section.getByRole('button', { name: 'Choose another folder…' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(backups.backUpNowButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(backups.section.getByTestId('backup-now-status')).toHaveText('Done: backed up and checked, 3 entries.', {
    timeout: 60_000,
  });
  await expect(backups.section.getByTestId('backup-now-status')).toBeFocused();
  await expect(backups.lastBackup).toHaveText(/^Last checked backup: just now, on .+, 3 entries\.$/);
  await expect(backups.section.getByRole('list', { name: 'Recent backups' }).getByRole('listitem')).toHaveCount(1);
  await app.expectAccessible('settings, backups after one backup');
  const [file] = backupFiles();
  expect(file).toMatch(/^Holding backup \d{4}-\d{2}-\d{2} \d{4} \(.+\)\.holdingbackup$/);
  expect(shell.services.backups.records()).toHaveLength(1);
  // Show in folder, next from the keyboard: the file manager opens on the backup just made.
  await page.keyboard.press('Tab');
  await expect(
    backups.section.getByRole('button', { name: 'Show in folder: the backup just made', exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => shell.shownInFolder).toEqual([path.join(backupDir, file!)]);

  // The note has gone from the Journal page.
  await app.goTo('Journal');
  await expect(page.getByRole('listbox', { name: 'Journal entries' }).getByRole('option')).toHaveCount(3);
  await expect(note).toHaveCount(0);

  // A new computer: an empty data folder, and only the backup file and the recovery key.
  const fresh = await openShell();
  try {
    const other = new HoldingApp(fresh.page);
    const restore = new RestoreObject(fresh.page);
    await expect(fresh.page.getByRole('heading', { name: 'A private place for your practice' })).toBeVisible();
    await fresh.page.getByRole('button', { name: 'Restore from a backup' }).click();
    await other.expectAccessible('restore: choose a file');
    // From the keyboard: choosing a file has the focus, then each step's heading takes it in turn.
    fresh.nextOpenPath = path.join(backupDir, file!);
    await expect(fresh.page.getByRole('button', { name: 'Choose a backup file…' })).toBeFocused();
    await fresh.page.keyboard.press('Enter');
    await expect(restore.heading('Open the backup')).toBeFocused();
    await expect(fresh.page.getByText(file!)).toBeVisible();
    await other.expectAccessible('restore: open the backup');

    // A passphrase that is not the one: said kindly, and nothing changes.
    await fresh.page.keyboard.press('Tab');
    await expect(fresh.page.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await fresh.page.keyboard.type('not the passphrase at all');
    await fresh.page.keyboard.press('Enter');
    await expect(fresh.page.getByRole('alert')).toContainText('That passphrase did not open this backup.');
    expect(readdirSync(fresh.dataDir)).toEqual([]);
    await other.expectAccessible('restore: a passphrase that did not open it');

    await restore.openWith({ recoveryKey: recoveryKey.toLowerCase() });
    await expect(restore.heading('What this backup holds')).toBeVisible({ timeout: 30_000 });
    const facts = fresh.page.getByRole('definition');
    await expect(facts.filter({ hasText: '3 entries' })).toBeVisible();
    await expect(fresh.page.getByText('0 check-ins')).toBeVisible();
    await expect(fresh.page.getByText('set aside')).toHaveCount(0);
    await other.expectAccessible('restore: what the backup holds');
    // Nothing has changed yet.
    expect(readdirSync(fresh.dataDir)).toEqual([]);

    await restore.restore();
    await expect(fresh.page.getByTestId('set-aside-folder')).toHaveCount(0);
    await other.expectAccessible('restore: done');
    await fresh.page.getByRole('button', { name: 'Open my journal' }).click();
    await other.expectFrame();
    const journal = new JournalPageObject(fresh.page);
    await expect(journal.list.getByRole('option')).toHaveCount(3);
    await journal.search('endings');
    await expect(journal.option('Notes for Thursday')).toBeVisible();
    await journal.option('Notes for Thursday').click();
    await expect(journal.editor).toContainText('Bring the question about endings.');
    expect(existsSync(path.join(fresh.dataDir, 'holding.key'))).toBe(true);

    // The restored journal opens with the passphrase too, as it did on the first computer.
    await other.lock();
    await other.unlock(PASSPHRASE);
    await other.expectFrame();
    expect(fresh.blockedRequests).toEqual([]);
    expect(fresh.pageErrors).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('restoring from Settings sets the journal here aside, whole, and says where', async ({ app, page, shell }) => {
  await app.newJournal();
  entryWith(shell.services, 'Before the backup', 'Written before.');
  await page.reload();
  await app.expectFrame();
  await app.goTo('Settings');
  const backups = new BackupsSectionObject(page);
  // Clicked, then awaited: the section may draw itself again as the page loads, and the choice shows once
  // main has kept it.
  await backups.section.getByRole('radio', { name: 'Only when I ask' }).click();
  await expect(backups.section.getByRole('radio', { name: 'Only when I ask' })).toBeChecked();
  await backups.chooseFolder(shell, backupDir);
  await backups.backUpNow();
  entryWith(shell.services, 'After the backup', 'Written after.');

  await backups.section.getByRole('button', { name: 'Restore from a backup…' }).click();
  const restore = new RestoreObject(page);
  await restore.chooseFile(shell, path.join(backupDir, backupFiles()[0]!));
  await restore.openWith({ passphrase: PASSPHRASE });
  await expect(restore.heading('What this backup holds')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'will be set aside first' })).toBeVisible();
  await restore.restore();
  const aside = (await page.getByTestId('set-aside-folder').textContent())!;
  expect(existsSync(path.join(aside, 'holding.db'))).toBe(true);
  expect(existsSync(path.join(aside, 'holding.key'))).toBe(true);
  await page.getByRole('button', { name: 'Open my journal' }).click();
  await app.expectFrame();
  const journal = new JournalPageObject(page);
  await expect(journal.list.getByRole('option')).toHaveCount(1);
  await expect(journal.option('Before the backup')).toBeVisible();

  // Settings keeps saying where the journal that was here went, until the person no longer needs telling.
  await app.goTo('Settings');
  const setAside = page.getByTestId('set-aside');
  await expect(setAside).toContainText('The journal that was here before is kept, just as it was, in this folder');
  await expect(setAside).toContainText(aside);
  await app.expectAccessible('Settings, with a journal set aside');
  await setAside.getByRole('button', { name: 'I don’t need this reminder' }).click();
  await expect(setAside).toHaveCount(0);
  expect(existsSync(path.join(aside, 'holding.key'))).toBe(true);
});

test('the Journal page says when the backup folder is missing, and the note can be set aside', async ({
  app,
  page,
  shell,
}) => {
  await app.newJournal();
  // A new journal with nothing in it yet: no note.
  await expect(page.getByRole('heading', { name: 'Journal', level: 1 })).toBeVisible();
  await expect(page.getByTestId('backup-note')).toHaveCount(0);

  await app.goTo('Settings');
  const backups = new BackupsSectionObject(page);
  // A folder inside the journal's own is refused: a backup there would be lost along with it.
  const inside = path.join(shell.dataDir, 'backups');
  mkdirSync(inside);
  shell.nextFolderPath = inside;
  await backups.section.getByRole('button', { name: 'Choose a folder…' }).click();
  await expect(backups.section.getByRole('alert')).toContainText('inside the one that holds your journal');
  expect(shell.services.settings.get().backupFolder).toBeNull();

  const drive = path.join(backupDir, 'USB stick');
  mkdirSync(drive);
  await backups.chooseFolder(shell, drive);
  // Clicked, then awaited: the section may draw itself again as the page loads, and the choice shows once
  // main has kept it.
  await backups.section.getByRole('radio', { name: 'Only when I ask' }).click();
  await expect(backups.section.getByRole('radio', { name: 'Only when I ask' })).toBeChecked();
  await expect(backups.section.getByRole('radio', { name: 'Only when I ask' })).toBeChecked();
  expect(shell.services.settings.get().backupFrequency).toBe('manual');
  rmSync(drive, { recursive: true });

  await app.goTo('Journal');
  const note = page.getByTestId('backup-note');
  await expect(note).toContainText('Your backup folder isn’t there at the moment. Is the drive plugged in?');
  await app.expectAccessible('journal with the folder-missing note');
  await note.getByRole('button', { name: 'Not now' }).click();
  await expect(note).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Journal', level: 1 })).toBeFocused();
  await page.reload();
  await app.expectFrame();
  await expect(page.getByRole('heading', { name: 'Journal', level: 1 })).toBeVisible();
  await expect(page.getByTestId('backup-note')).toHaveCount(0);

  // In Settings, the same gently, and backing up now says what to do.
  await app.goTo('Settings');
  await expect(backups.section).toContainText('This folder isn’t there at the moment.');
  await backups.backUpNowButton.click();
  await expect(
    backups.section.getByRole('alert').filter({ hasText: 'please check the drive is plugged in' }),
  ).toBeVisible();
  await app.expectAccessible('settings, backups with the folder missing');
});
