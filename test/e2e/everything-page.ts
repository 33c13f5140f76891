import { expect, type Page } from '@playwright/test';
import { SettingsSectionObject } from './settings-section';

/** Settings → Export everything, as a person uses it. */
export class EverythingSectionObject extends SettingsSectionObject {
  constructor(page: Page) {
    super(page, 'everything-section', 'Export everything');
  }

  get historyChoice() {
    return this.section.getByRole('checkbox', { name: 'Include earlier versions of entries (their history)' });
  }

  get exportButton() {
    return this.section.getByRole('button', { name: 'Export everything…', exact: true });
  }

  get status() {
    return this.section.getByTestId('everything-status');
  }

  /** Waits for the done message; resolves its text. */
  async expectDone(): Promise<string> {
    await expect(this.status).toHaveText(/^Done: /, { timeout: 60_000 });
    return (await this.status.textContent()) ?? '';
  }
}
