import { expect, type Page } from '@playwright/test';
import type { Shell } from '../support/shell';
import { SettingsSectionObject } from './settings-section';

/** Settings → Bring in a journal, as a person uses it. */
export class ImportSectionObject extends SettingsSectionObject {
  constructor(page: Page) {
    super(page, 'import-section', 'Bring in a journal');
  }

  get preview() {
    return this.section.getByTestId('import-preview');
  }

  get status() {
    return this.section.getByTestId('import-status');
  }

  get pastImports() {
    return this.section.getByTestId('past-import');
  }

  /** Chooses `file` in the open dialog (the shell stands in for it) and waits for the preview. */
  async chooseFile(shell: Shell, file: string): Promise<void> {
    shell.nextOpenPath = file;
    await this.section.getByRole('button', { name: 'Choose a file…', exact: true }).click();
    await expect(this.preview).toBeVisible({ timeout: 60_000 });
    await expect(this.preview).toBeFocused();
  }

  /** Chooses `folder` in the folder dialog and waits for the preview. */
  async chooseFolder(shell: Shell, folder: string): Promise<void> {
    shell.nextFolderPath = folder;
    await this.section.getByRole('button', { name: 'Choose a folder…', exact: true }).click();
    await expect(this.preview).toBeVisible({ timeout: 60_000 });
  }

  /** Brings in what the preview shows, and waits for it to be done. */
  async bringIn(count: number): Promise<void> {
    await this.preview.getByRole('button', { name: `Bring in ${count} ${count === 1 ? 'entry' : 'entries'}` }).click();
    await expect(this.status).toHaveText(
      new RegExp(`^Done: ${count} ${count === 1 ? 'entry' : 'entries'} brought in`),
      {
        timeout: 60_000,
      },
    );
  }

  async undo(name: RegExp): Promise<void> {
    await this.section.getByRole('button', { name }).click();
    await this.section.getByRole('button', { name: 'Yes, undo this import' }).click();
  }
}
