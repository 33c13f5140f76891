import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CheckinsPageObject, seedWeeks } from './checkins-page';
import { JournalPageObject, PASSPHRASE } from './pages';

/**
 * What a screen-reader or keyboard user meets (issue 18): focus on the page's heading as each page shows, the
 * editor's toolbar as one Tab stop, saving said only when it matters, and the chart's points said as the arrow
 * keys reach them. Each in both themes, with axe on the screens they change.
 */

const time = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** Which toolbar (by name) the focused element is in, or its role and name when it is in none. */
const whereFocusIs = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const bar = el?.closest('[role="toolbar"]');
    if (bar) return `toolbar:${bar.getAttribute('aria-label')}`;
    return `${el?.getAttribute('role') ?? el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.getAttribute('placeholder') ?? ''}`;
  });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ shellOptions: { colorScheme } });

    test('focus lands on the page’s heading after creating the journal, opening it, unlocking and moving between sections', async ({
      app,
      page,
    }) => {
      const key = await app.createVault();
      // "Create my journal" has gone with the form it was in: focus goes on to the new screen's heading.
      await expect(page.getByRole('heading', { name: 'Your recovery key', level: 1 })).toBeFocused();
      await app.expectAccessible(`recovery key (${colorScheme})`);

      await app.confirmRecoveryKey(key);
      const journal = page.getByRole('heading', { name: 'Journal', level: 1 });
      await expect(journal).toBeFocused();
      // The next Tab goes on from the page's start, not from the top of the window.
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Entries' })).toBeFocused();

      for (const [section, heading] of [
        ['Check-ins', 'Check-ins'],
        ['Settings', 'Settings'],
        ['Support', 'Support'],
        ['Journal', 'Journal'],
      ] as const) {
        await app.goTo(section);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeFocused();
      }

      await app.lock();
      // The unlock screen puts focus in its passphrase field, and the heading leaves it there.
      await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
      // Support, from the unlock screen: its heading (the button pressed has gone); the recovery key's form
      // puts focus in its field; back to the passphrase, its field again.
      await page.getByRole('button', { name: 'Support', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Support', level: 1 })).toBeFocused();
      await page.getByRole('button', { name: 'Use my recovery key' }).click();
      await expect(page.getByLabel('Recovery key', { exact: true })).toBeFocused();
      await page.getByRole('button', { name: 'Use my passphrase' }).click();
      await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
      await app.unlock(PASSPHRASE);
      await app.expectFrame();
      await expect(journal).toBeFocused();
      await app.expectAccessible(`journal after unlocking (${colorScheme})`);
    });

    test('the formatting toolbar is one Tab stop, with the arrow keys moving along it', async ({ app, page }) => {
      const journal = new JournalPageObject(page);
      await app.newJournal();
      await journal.newEntry('Free writing');
      const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
      await expect(toolbar).toHaveAttribute('aria-orientation', 'horizontal');
      const bold = toolbar.getByRole('button', { name: 'Bold' });

      // From the title, Tab to the text: the toolbar is passed through exactly once.
      await journal.title.fill('Toolbar');
      const stops: string[] = [];
      for (let i = 0; i < 40 && !(await journal.editor.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
        stops.push(await whereFocusIs(page));
      }
      expect(stops.at(-1)).toBe('textbox:');
      expect(stops.filter((stop) => stop === 'toolbar:Formatting')).toHaveLength(1);
      await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);

      // Into the toolbar from the text with Shift+Tab: its first button; then along it with the arrows.
      await page.keyboard.press('Shift+Tab');
      await expect(bold).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
      await page.keyboard.press('End');
      // Undo and Redo cannot be used yet, so the last that can is Insert table.
      await expect(toolbar.getByRole('button', { name: 'Undo' })).toBeDisabled();
      await expect(toolbar.getByRole('button', { name: 'Insert table' })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(bold).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(toolbar.getByRole('button', { name: 'Insert table' })).toBeFocused();
      await page.keyboard.press('Home');
      await expect(bold).toBeFocused();
      await page.keyboard.press('ArrowRight');

      // The stop stays where the person was; Tab leaves for the text, Shift+Tab comes back to it.
      await page.keyboard.press('Tab');
      await expect(journal.editor).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();

      // Toggles say whether they are on; a click still works as before.
      await page.keyboard.press('Tab');
      await page.keyboard.type('Some words');
      await page.keyboard.press('Shift+Home');
      await bold.click();
      await expect(bold).toHaveAttribute('aria-pressed', 'true');
      await expect(toolbar.getByRole('button', { name: 'Italic' })).toHaveAttribute('aria-pressed', 'false');
      await expect(journal.editor.locator('strong')).toHaveText('Some words');
      await journal.expectSaved();
      await app.expectAccessible(`journal with the editor (${colorScheme})`);
    });

    test('saving is said only when it fails, and when it works again', async ({ app, page }) => {
      const journal = new JournalPageObject(page);
      const status = page.getByTestId('save-status');
      const news = page.getByTestId('save-news');
      const alert = page.getByTestId('save-alert');
      await app.newJournal();
      await journal.newEntry('Free writing');

      // The status is shown, but is not a live region: the pauses of writing are not read out.
      await journal.editor.pressSequentially('A first line.');
      await expect(status).toHaveText('Saving…');
      await journal.expectSaved();
      await expect(status).not.toHaveAttribute('role');
      await expect(status).not.toHaveAttribute('aria-live');
      await expect(news).toHaveAttribute('role', 'status');
      await expect(news).toHaveAttribute('aria-live', 'polite');
      await expect(alert).toHaveAttribute('aria-live', 'assertive');
      await expect(news).toHaveText('');
      await expect(alert).toHaveText('');
      await journal.editor.pressSequentially(' And a second.');
      await journal.expectSaved();
      await expect(news).toHaveText('');

      // A save that fails (the disk is full, say) is said at once; the words stay.
      await page.evaluate(() => {
        const api = window.holding.journal as unknown as Record<string, unknown>;
        (window as unknown as { realSave: unknown }).realSave = api['save'];
        api['save'] = () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The disk is full.' } });
      });
      await journal.editor.pressSequentially(' A third.');
      await expect(status).toHaveText('Not saved yet. Your words are safe here and we will keep trying.', {
        timeout: 15_000,
      });
      await expect(alert).toHaveText('Not saved yet. Your words are safe here and we will keep trying.');
      await expect(news).toHaveText('');
      await app.expectAccessible(`journal, a save failed (${colorScheme})`);

      // Once saving works again, the retry's success is said, gently, and the failure is gone.
      await page.evaluate(() => {
        (window.holding.journal as unknown as Record<string, unknown>)['save'] = (
          window as unknown as { realSave: unknown }
        ).realSave;
      });
      await journal.expectSaved();
      const savedAt = (await status.textContent())!.replace('Saved at ', '');
      await expect(news).toHaveText(`Saved now, at ${savedAt}. Nothing you wrote was lost.`);
      await expect(alert).toHaveText('');
      expect(savedAt).toMatch(/^\d\d:\d\d$/);
      expect([time(new Date()), time(new Date(Date.now() - 60_000))]).toContain(savedAt);
    });

    test('the chart says each check-in as the arrow keys reach it, today’s included', async ({ app, page, shell }) => {
      const checkins = new CheckinsPageObject(page);
      await app.newJournal();
      const sign = shell.services.checkins.saveSign({ name: 'Dreading the inbox', whatHelps: '', contact: '' });
      seedWeeks(shell.services, { signId: sign.id });
      const now = new Date();
      shell.services.checkins.save({
        at: now.toISOString(),
        capacity: 3,
        energy: 2,
        sleep: 3,
        load: 4,
        helping: '',
        hard: '',
        signIds: [sign.id],
        entryId: null,
      });
      await app.goTo('Check-ins');
      const chart = page.getByTestId('capacity-chart');
      await expect(chart).toHaveAttribute('role', 'application');
      await expect(chart).toHaveAttribute('aria-label', /^Line chart of your capacity over the past month/);
      const reached = page.getByTestId('chart-reached');
      await expect(chart).toHaveAttribute('aria-label', /15 check-ins.*Home for the first and End for the latest\.$/);
      await expect(reached).toHaveAttribute('aria-live', 'polite');

      await chart.focus();
      await expect(reached).toHaveText('');
      await page.keyboard.press('ArrowRight');
      // The first in the month: 28 days ago, capacity 8 (seedWeeks).
      await expect(reached).toHaveText(
        /^\w+day \d+ \w+, \d\d:\d\d: capacity 8 out of 10, a good amount\. Energy good, sleep good, load manageable\. 1 of 15\.$/,
      );
      await expect(chart).toContainText('Capacity: A good amount (8 of 10)');
      const first = await reached.textContent();
      await page.keyboard.press('ArrowRight');
      await expect(reached).toContainText('capacity 7 out of 10, a fair amount.');
      await expect(reached).toContainText('2 of 15.');
      await expect(reached).not.toHaveText(first!);

      // Every point is reachable by the arrows, today's last of all (it was cut off at the axis's ticks before).
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
      const today = `Today, ${time(now)}: capacity 3 out of 10, a little. Energy low, sleep patchy, load heavy. Sign ticked: Dreading the inbox. 15 of 15.`;
      await expect(reached).toHaveText(today);
      await expect(chart).toContainText('Capacity: A little (3 of 10)');
      await expect(checkins.chartPoints.last()).toHaveAttribute('data-active', 'true');
      await page.keyboard.press('Home');
      await expect(reached).toHaveText(first!);
      await page.keyboard.press('End');
      await expect(reached).toHaveText(today);
      await page.keyboard.press('ArrowLeft');
      await expect(reached).toContainText('14 of 15.');
      await app.expectAccessible(`check-ins, a point reached on the chart (${colorScheme})`);

      // Leaving the chart quiets it. Coming back says nothing at once (the chart's own label is read first); the
      // next key says where it is.
      await page.keyboard.press('Tab');
      await expect(reached).toHaveText('');
      await page.keyboard.press('Shift+Tab');
      await expect(chart).toBeFocused();
      await expect(checkins.chartPoints.nth(13)).toHaveAttribute('data-active', 'true');
      expect(await reached.textContent()).toBe('');
      await page.keyboard.press('ArrowRight');
      await expect(reached).toContainText('15 of 15.');

      // A new period starts again from nothing reached.
      await page.keyboard.press('Tab');
      await expect(reached).toHaveText('');
      await checkins.period('Week');
      await chart.focus();
      await expect(reached).toHaveText('');
      await page.keyboard.press('End');
      await expect(reached).toHaveText(today.replace('15 of 15', '4 of 4'));
    });
  });
}
