import { test as base, expect, type Page } from '@playwright/test';
import { openShell, type Shell, type ShellOptions } from '../support/shell';
import { HoldingApp } from './pages';

interface Fixtures {
  shellOptions: ShellOptions;
  shell: Shell;
  app: HoldingApp;
  /** The shell's window, where every test acts (in place of Playwright's own page, which no test opens). */
  page: Page;
  /** The services behind that window, for writing a test's material straight in and reading back what was kept. */
  services: Shell['services'];
}

/**
 * Every test gets its own browser shell on a fresh temporary data folder. Afterwards the page
 * must have made no request outside the app and logged no error; on failure both are attached.
 */
export const test = base.extend<Fixtures>({
  shellOptions: [{}, { option: true }],
  shell: async ({ shellOptions }, use, testInfo) => {
    const shell = await openShell(shellOptions);
    await use(shell);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('page-errors', {
        body: shell.pageErrors.join('\n') || '(none)',
        contentType: 'text/plain',
      });
      await testInfo.attach('blocked-requests', {
        body: shell.blockedRequests.join('\n') || '(none)',
        contentType: 'text/plain',
      });
      await testInfo
        .attach('screenshot', { body: await shell.page.screenshot(), contentType: 'image/png' })
        .catch(() => undefined);
    }
    const blocked = [...shell.blockedRequests];
    const errors = [...shell.pageErrors];
    await shell.close();
    expect(blocked, 'requests that tried to leave the app').toEqual([]);
    expect(errors, 'errors in the page').toEqual([]);
  },
  app: async ({ shell }, use) => {
    await use(new HoldingApp(shell.page));
  },
  page: async ({ shell }, use) => {
    await use(shell.page);
  },
  services: async ({ shell }, use) => {
    await use(shell.services);
  },
});

export { expect };
