import type { Page } from '@playwright/test';

/** One section of Settings, found by its test id, and its heading (where a link to it puts the focus). */
export class SettingsSectionObject {
  constructor(
    readonly page: Page,
    private readonly testId: string,
    private readonly headingName: string,
  ) {}

  get section() {
    return this.page.getByTestId(this.testId);
  }

  get heading() {
    return this.section.getByRole('heading', { name: this.headingName, exact: true });
  }
}
