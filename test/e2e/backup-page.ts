import { expect, type Page } from '@playwright/test';
import type { Services } from '../../main/app';
import type { Shell } from '../support/shell';
import { SettingsSectionObject } from './settings-section';

/** An entry written straight into the journal, with a line of text. */
export function entryWith(services: Services, title: string, text: string): string {
  const entry = services.journal.create({ title });
  services.journal.save({
    ...entry,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    tags: [],
  });
  return entry.id;
}

/** Settings → Backups, as a person uses it. */
export class BackupsSectionObject extends SettingsSectionObject {
  constructor(page: Page) {
    super(page, 'backups-section', 'Backups');
  }

  get backUpNowButton() {
    return this.section.getByRole('button', { name: 'Back up now', exact: true });
  }

  get lastBackup() {
    return this.section.getByTestId('last-backup');
  }

  /** Chooses `folder` in the folder dialog (the shell stands in for it). */
  async chooseFolder(shell: Shell, folder: string): Promise<void> {
    shell.nextFolderPath = folder;
    await this.section.getByRole('button', { name: /^Choose (a|another) folder…$/ }).click();
    await expect(this.section.getByTestId('backup-folder')).toHaveText(folder);
  }

  async backUpNow(): Promise<void> {
    await this.backUpNowButton.click();
    await expect(this.section.getByTestId('backup-now-status')).toHaveText(/^Done: backed up and checked/, {
      timeout: 60_000,
    });
  }
}

/** The restore screens, from the first screen or from Settings. */
export class RestoreObject {
  constructor(readonly page: Page) {}

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async chooseFile(shell: Shell, file: string): Promise<void> {
    await expect(this.heading('Restore from a backup')).toBeVisible();
    shell.nextOpenPath = file;
    await this.page.getByRole('button', { name: 'Choose a backup file…' }).click();
    await expect(this.heading('Open the backup')).toBeVisible();
  }

  async openWith(secret: { passphrase: string } | { recoveryKey: string }): Promise<void> {
    const page = this.page;
    if ('recoveryKey' in secret) {
      await page.getByRole('button', { name: 'Use my recovery key instead' }).click();
      await page.getByLabel('Recovery key', { exact: true }).fill(secret.recoveryKey);
    } else {
      await page.getByLabel('Passphrase', { exact: true }).fill(secret.passphrase);
    }
    await page.getByRole('button', { name: 'Open the backup', exact: true }).click();
  }

  async restore(): Promise<void> {
    await expect(this.heading('What this backup holds')).toBeVisible({ timeout: 30_000 });
    await this.page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(this.heading('Your journal is back')).toBeVisible({ timeout: 60_000 });
  }
}
