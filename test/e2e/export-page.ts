import { expect, type Page } from '@playwright/test';
import type { Services } from '../../main/app';
import { expectNoSeriousAxeViolations, type HoldingApp } from './pages';

export const DAY = 24 * 60 * 60 * 1000;

/** Two check-ins a few days ago, with words that would show if they ever leaked into an export. */
export function seedCheckins(services: Services): void {
  for (const [daysAgo, capacity, helping, hard] of [
    [5, 6, 'A walk at lunchtime by the river.', ''],
    [2, 4, '', 'A long clinic with no break.'],
  ] as const) {
    services.checkins.save({
      at: new Date(Date.now() - daysAgo * DAY).toISOString(),
      capacity,
      energy: 3,
      sleep: 3,
      load: 3,
      helping,
      hard,
      signIds: [],
      entryId: null,
    });
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Decision = 'Redact' | 'Pseudonym' | 'Keep';

/**
 * The four formats an export saves in, in the order the tests save them: each by its name in the code
 * (ExportFormat) and by its name on the page.
 */
export const SAVED_FORMATS = [
  ['pdf', 'PDF'],
  ['docx', 'Word (DOCX)'],
  ['markdown', 'Markdown'],
  ['html', 'Web page (HTML)'],
] as const;

/** The Export page, as a person uses it. */
export class ExportPageObject {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Export for supervision' });
  }

  get title() {
    return this.page.getByLabel('Title', { exact: true });
  }

  /** An entry's checkbox in the list to choose from. */
  entry(title: string) {
    return this.page.getByRole('list', { name: 'Entries to choose from' }).getByRole('checkbox', { name: title });
  }

  get selection() {
    return this.page.getByRole('list', { name: 'Chosen, in order' });
  }

  chosen(title: string) {
    return this.selection.getByRole('listitem').filter({ hasText: title });
  }

  get checkButton() {
    return this.page.getByRole('button', { name: 'Check for identifying details' });
  }

  get checkHeading() {
    return this.page.getByRole('heading', { level: 2, name: 'Check for identifying details' });
  }

  get remaining() {
    return this.page.getByTestId('remaining');
  }

  /** The tally of what is still to decide, with "Redact all that remain": where focus goes once that is done. */
  get tally() {
    return this.remaining.locator('xpath=..');
  }

  /** Every finding, as listed in its context. */
  get occurrences() {
    return this.page.getByRole('list', { name: /^Where “/ }).getByRole('listitem');
  }

  /** The "all like this" decision for a value (or the only one, when it appears once). */
  value(text: string) {
    return this.page.getByRole('group', { name: new RegExp(`^What to do with (all \\d+ like )?“${escape(text)}”$`) });
  }

  /** The whole card for a group (one person, place or value, by the name it stands for). */
  valueCard(text: string) {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 4, name: `“${text}”`, exact: true }) });
  }

  /** A group's heading: where focus goes after a group is split or joined. */
  groupHeading(text: string) {
    return this.page.getByRole('heading', { level: 4, name: `“${text}”`, exact: true });
  }

  /** Takes one form of the words out of a group: "not the same person". */
  notTheSame(group: string, form: string, noun = 'person') {
    return this.valueCard(group).getByRole('button', { name: `Not the same ${noun}: “${form}” is not “${group}”` });
  }

  /** A category of findings ("Names", "Words that may be names", "Phone numbers"). */
  category(name: string) {
    return this.page.getByRole('region', { name: new RegExp(`^${escape(name)}( \\(\\d+\\))?$`) });
  }

  /** "Did the check miss something?", under the preview. */
  get missed() {
    return this.page.getByRole('region', { name: 'Did the check miss something?' });
  }

  get missedWords() {
    return this.missed.getByLabel('Words it missed', { exact: true });
  }

  get missedStatus() {
    return this.page.getByTestId('missed-status');
  }

  /**
   * Selects words in the preview as a person does, with a double click on them (a single word) or a click and
   * a shift-click across them: found in the preview's page, scrolled into view, and pointed at through its scaling.
   */
  async selectInPreview(words: string): Promise<void> {
    await this.page.locator(PREVIEW_FRAME).scrollIntoViewIfNeeded();
    const at = await this.page.evaluate(
      ([selector, wanted]) => {
        const frame = document.querySelector<HTMLIFrameElement>(selector)!;
        const doc = frame.contentDocument!;
        const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.textContent!.indexOf(wanted);
          if (i < 0) continue;
          node.parentElement!.scrollIntoView({ block: 'center' });
          const range = doc.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + wanted.length);
          const r = range.getBoundingClientRect();
          const f = frame.getBoundingClientRect();
          const scale = f.width / frame.offsetWidth;
          return {
            from: { x: f.left + (r.left + 1) * scale, y: f.top + (r.top + r.height / 2) * scale },
            to: { x: f.left + (r.right - 1) * scale, y: f.top + (r.top + r.height / 2) * scale },
          };
        }
        return null;
      },
      [PREVIEW_FRAME, words] as const,
    );
    if (!at) throw new Error(`“${words}” is not in the preview`);
    if (!/\s/.test(words)) {
      await this.page.mouse.dblclick((at.from.x + at.to.x) / 2, at.from.y);
      return;
    }
    // A click at the start and a shift-click at the end, as a person can: a drag with the button held would
    // have Playwright look for drag handlers in every frame, and the preview's frame runs no scripts.
    await this.page.mouse.click(at.from.x, at.from.y);
    await this.page.keyboard.down('Shift');
    await this.page.mouse.click(at.to.x, at.to.y);
    await this.page.keyboard.up('Shift');
  }

  async decide(text: string, decision: Decision): Promise<void> {
    const name = decision === 'Pseudonym' ? /^Pseudonym: / : decision;
    await this.value(text).getByRole('radio', { name }).check();
  }

  /**
   * Runs the check on what is chosen, gives `name` and every finding like it a stand-in, redacts all the rest,
   * and sees that everything has its decision.
   */
  async checkGivingAStandInTo(name: string): Promise<void> {
    await this.checkButton.click();
    await expect(this.remaining).toBeVisible({ timeout: 30_000 });
    await this.decide(name, 'Pseudonym');
    await this.page.getByRole('button', { name: 'Redact all that remain' }).click();
    await expect(this.remaining).toHaveText(/^All \d+ have a decision\.$/);
  }

  pseudonym(text: string) {
    return this.page.getByLabel(`Pseudonym for “${text}”`, { exact: true });
  }

  /** The reason for keeping a value (for all like it). */
  reason(text: string) {
    return this.valueCard(text).getByLabel(`Why “${text}” can stay`, { exact: true }).first();
  }

  get saveButton() {
    return this.page.getByRole('button', { name: /^Save as / });
  }

  get saveStatus() {
    return this.page.getByTestId('save-status');
  }

  get preview() {
    return this.page.frameLocator('iframe[title="Preview of the export"]');
  }

  get markdown() {
    return this.page.getByLabel('The Markdown file, exactly as it will be saved');
  }

  get records() {
    return this.page.getByTestId('export-records');
  }

  async chooseFormat(name: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Format' }).getByRole('radio', { name, exact: true }).check();
  }

  /** Sharing with a supervisor, beside saving. */
  get share() {
    return this.page.getByRole('region', { name: 'Share with your supervisor' });
  }

  get shareWith() {
    return this.share.getByLabel('Share with', { exact: true });
  }

  get shareButton() {
    return this.share.getByRole('button', { name: /^Seal and save for / });
  }

  get shareStatus() {
    return this.page.getByTestId('share-status');
  }

  /** What the share group asks for when there is no card or no confirmed contact yet. */
  get shareSetUp() {
    return this.page.getByTestId('share-set-up');
  }

  /** Seals for the chosen contact and returns the saved file's name, as the page says. */
  async shareFor(name: string): Promise<string> {
    await expect(this.shareButton).toHaveText(`Seal and save for ${name}…`);
    await this.shareButton.click();
    await expect(this.shareStatus).toContainText(`Sealed for ${name} and saved as `, { timeout: 30_000 });
    const text = (await this.shareStatus.textContent())!;
    return /saved as (.+?)\. Send that file/.exec(text)![1]!;
  }

  /** Saves in a format and returns where it went, as the page says. */
  async saveAs(format: string): Promise<string> {
    await this.chooseFormat(format);
    await expect(this.saveButton).toHaveText(`Save as ${format}…`);
    await this.saveButton.click();
    await expect(this.saveStatus).toHaveText(/^Saved to /, { timeout: 30_000 });
    // The button was disabled while saving: focus goes to what happened, not to the page.
    await expect(this.saveStatus.locator('xpath=..')).toBeFocused();
    return (await this.saveStatus.textContent())!.replace(/^Saved to /, '');
  }
}

export const PREVIEW_FRAME = 'iframe[title="Preview of the export"]';

/**
 * axe on the current screen, as HoldingApp.expectAccessible does, but leaving out the preview's frame: it is
 * sandboxed with no scripts, so axe cannot run inside it (and would wait for it for ever). What is inside,
 * the export's own HTML, is checked on its own by expectExportAccessible.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expectNoSeriousAxeViolations(page, screen, PREVIEW_FRAME);
}

/** axe on the current screen in the light theme and the dark one (as the system would switch it). */
export async function expectAccessibleInBothThemes(app: HoldingApp, screen: string): Promise<void> {
  const page = app.page;
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `${screen} (${colorScheme})`);
    if (process.env['EXPORT_SHOTS']) {
      await page.screenshot({ path: `/tmp/export-${screen.replace(/[^a-z0-9]+/gi, '-')}-${colorScheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: null });
}

/** The export's own HTML (what the preview frame shows, and the PDF is printed from), checked on a page of its own. */
export async function expectExportAccessible(app: HoldingApp, html: string): Promise<void> {
  const page = await app.page.context().newPage();
  try {
    await page.setContent(html);
    await expectAccessible(page, 'the exported HTML');
  } finally {
    await page.close();
  }
}
