import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { PASSPHRASE } from '../support/passphrases';

export { NEW_PASSPHRASE, PASSPHRASE } from '../support/passphrases';

/**
 * After a recovery key is shown: "I have kept it", then the two groups it asks for (chosen at random, the
 * key out of sight), typed from `key`. `wrong` types something else in the first.
 */
export async function typeRecoveryGroups(scope: Page | Locator, key: string, wrong = false): Promise<void> {
  await scope.getByRole('button', { name: 'I have kept it: check it with me' }).click();
  await fillRecoveryGroups(scope, key, wrong);
}

/** The two groups asked for, typed back once the key is out of sight (the first wrong, if asked). */
export async function fillRecoveryGroups(scope: Page | Locator, key: string, wrong = false): Promise<void> {
  const fields = scope.getByLabel(/^Group \d+ of \d+$/);
  await expect(fields).toHaveCount(2);
  const groups = key.split('-');
  for (const [i, field] of (await fields.all()).entries()) {
    const label = await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    const n = Number(/^Group (\d+)/.exec(label)?.[1]);
    await field.fill(wrong && i === 0 ? 'WRONG' : groups[n - 1]!);
  }
}

/**
 * A replacement recovery key, once `scope` shows it (making one can take a while): eight groups of five,
 * and not the `old` one. Resolves the new key.
 */
export async function expectFreshRecoveryKey(scope: Locator, old: string): Promise<string> {
  const shown = scope.getByTestId('recovery-key');
  await expect(shown).toBeVisible({ timeout: 30_000 });
  const fresh = (await shown.locator('span').allTextContents()).join('-');
  expect(fresh).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
  expect(fresh).not.toBe(old);
  return fresh;
}

/**
 * axe-core on what `page` shows, leaving out what the `exclude` selector finds: no serious or critical
 * violations of WCAG 2.1 A and AA or axe's best practice, listed under `screen` if there are any.
 */
export async function expectNoSeriousAxeViolations(page: Page, screen: string, exclude?: string): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (exclude) axe = axe.exclude(exclude);
  const results = await axe.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility of ${screen}`,
  ).toEqual([]);
}

/** Page object for the whole app: the verbs a person uses, not selectors. */
export class HoldingApp {
  constructor(readonly page: Page) {}

  async createVault(passphrase = PASSPHRASE): Promise<string> {
    const page = this.page;
    await expect(page.getByRole('heading', { name: 'A private place for your practice' })).toBeVisible();
    await page.getByLabel('Choose a passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Type it once more', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Create my journal' }).click();
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: 30_000 });
    return this.recoveryKeyOnScreen();
  }

  async recoveryKeyOnScreen(): Promise<string> {
    const groups = await this.page.getByTestId('recovery-key').locator('span').allTextContents();
    return groups.join('-');
  }

  async confirmRecoveryKey(key: string): Promise<void> {
    const page = this.page;
    await typeRecoveryGroups(page, key);
    await page.getByLabel('I have kept my recovery key somewhere safe.', { exact: true }).check();
    await page.getByRole('button', { name: 'Open my journal' }).click();
    await this.expectFrame();
  }

  /** A new journal under `PASSPHRASE`, its recovery key confirmed, open at the Journal page. */
  async newJournal(): Promise<void> {
    await this.confirmRecoveryKey(await this.createVault());
  }

  /**
   * A new journal, then what the test writes through the services straight into it (entries, settings),
   * then the window reloaded so that it shows them.
   */
  async startWith(fill: () => void): Promise<void> {
    await this.newJournal();
    fill();
    await this.page.reload();
    await this.expectFrame();
  }

  async expectFrame(): Promise<void> {
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  }

  async expectUnlockScreen(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Welcome back' })).toBeVisible({ timeout: 30_000 });
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock now' }).first().click();
    await this.expectUnlockScreen();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  /** On the unlock screen, with the recovery key's form open: types `key` and unlocks. */
  async unlockWithRecoveryKey(key: string): Promise<void> {
    await this.page.getByLabel('Recovery key', { exact: true }).fill(key);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  /** On the unlock screen, after a new recovery key: the `old` one is refused as replaced, and `fresh` opens. */
  async expectOnlyTheFreshRecoveryKeyOpens(old: string, fresh: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Use my recovery key' }).click();
    await this.unlockWithRecoveryKey(old);
    await expect(this.page.getByRole('alert')).toContainText('it has been replaced by a newer recovery key');
    await this.unlockWithRecoveryKey(fresh);
    await this.expectFrame();
  }

  async goTo(section: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: section, exact: true })
      .click();
    await expect(this.page.getByRole('button', { name: section, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  /** axe-core on the current screen: no serious or critical violations. */
  async expectAccessible(screen: string): Promise<void> {
    await expectNoSeriousAxeViolations(this.page, screen);
  }
}

/** The journal, as a person uses it. */
export class JournalPageObject {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByPlaceholder('Untitled');
  }

  get editor() {
    return this.page.getByRole('textbox', { name: 'Entry text' });
  }

  get list() {
    return this.page.getByRole('listbox', { name: 'Journal entries' });
  }

  async newEntry(templateName: string): Promise<void> {
    await this.page.getByLabel('Start from', { exact: true }).selectOption({ label: templateName });
    await this.page.getByRole('button', { name: 'New entry' }).click();
    await expect(this.title).toBeFocused();
  }

  /** A new free-writing entry: `title` typed as its title, then Enter, and `text` typed as its first line. */
  async writeNewEntry(title: string, text: string): Promise<void> {
    await this.newEntry('Free writing');
    await this.title.fill(title);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(text);
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveText(/^Saved/, { timeout: 15_000 });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search your journal' }).fill(text);
  }

  option(title: string) {
    return this.list.getByRole('option').filter({ hasText: title });
  }
}
