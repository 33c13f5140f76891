import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from '../../main/db/migration-list';
import { BEFORE_SEARCH_INDEX, journalBeforeSearchIndex } from '../support/old-journal';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './pages';

/**
 * The first unlock after an update that rebuilds the search index (migrations 0010 and 0018) says what it is doing, with
 * a bar. The journal is made as the version before left it, before the shell starts. Nothing here depends on
 * how long the rebuild takes: what the window showed is logged as it changes (a MutationObserver sees every
 * state, however brief), and the unlock's answer is held back once the work is done, so the screen stays
 * while it is checked.
 */

const ENTRIES = 2_500;
const SENTENCE = `Getting your journal ready after the update: building the search index for ${ENTRIES.toLocaleString('en-GB')} entries. This happens once and can take a minute.`;
const STEPS = migrations.length - BEFORE_SEARCH_INDEX;

const root = mkdtempSync(path.join(os.tmpdir(), 'holding-update-e2e-'));
const dataDir = path.join(root, 'Holding');
test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(dataDir, { recursive: true, force: true });
  await journalBeforeSearchIndex(dataDir, ENTRIES, PASSPHRASE);
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));
test.use({ shellOptions: { dataDir } });

/** What the unlock screen showed at one moment. */
interface Shown {
  status: string;
  bar: { label: string | null; busy: string | null; position: number; value: number; max: number } | null;
  focus: string | null;
}

test('the first unlock after an update says it is building the search index, with a bar, said once, in both themes', async ({
  app,
  page,
  shell,
}) => {
  test.setTimeout(180_000);
  await app.expectUnlockScreen();

  // Every state of the screen from here on, as it changes.
  await page.evaluate(() => {
    const shown: Shown[] = [];
    const w = window as unknown as { shown: Shown[] };
    w.shown = shown;
    const form = document.querySelector('form[aria-label="Unlock with your passphrase"]')!;
    const note = () => {
      const bar = form.querySelector('progress');
      const active = document.activeElement as HTMLInputElement | null;
      const now: Shown = {
        status: form.querySelector('[role="status"]')?.textContent ?? '',
        bar: bar && {
          label: bar.getAttribute('aria-label'),
          busy: bar.getAttribute('aria-busy'),
          position: bar.position,
          value: bar.value,
          max: bar.max,
        },
        focus: active?.labels?.[0]?.textContent ?? active?.tagName ?? null,
      };
      if (JSON.stringify(now) !== JSON.stringify(shown.at(-1))) shown.push(now);
    };
    note();
    new MutationObserver(note).observe(form, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  const release = shell.holdAnswers('vault:unlock');
  const field = page.getByLabel('Passphrase', { exact: true });
  await field.fill(PASSPHRASE);
  await field.press('Enter');

  const bar = page.getByRole('progressbar', { name: 'Getting your journal ready' });
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Getting your journal ready' })).toHaveText(SENTENCE);
  // The work is done (every migration, measured at the end); only the answer is held back.
  await expect(bar).toHaveJSProperty('value', STEPS, { timeout: 120_000 });
  await expect(bar).toHaveJSProperty('max', STEPS);
  await expect(field).toBeFocused();
  await expect(page.getByRole('button', { name: 'Unlocking…' })).toBeDisabled();

  await app.expectAccessible('unlock, getting the journal ready');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible('unlock, getting the journal ready (dark)');
  await page.emulateMedia({ colorScheme: null });

  const shown = await page.evaluate(() => (window as unknown as { shown: Shown[] }).shown);
  const withBar = shown.filter((s) => s.bar !== null);
  // While the search index is built (one statement: 0010, then 0018 again with its prefix indexes), a bar
  // without a value, busy; the quick steps between and after, measured, in order.
  const unmeasured = { label: 'Getting your journal ready', busy: 'true', position: -1, value: 0, max: 1 };
  expect(withBar[0]!.bar).toEqual(unmeasured);
  const bars = withBar.map((s) => s.bar!);
  for (const b of bars.filter((b) => b.busy !== null)) expect(b).toEqual(unmeasured);
  // Busy from the start, then measured, then busy again for the second rebuild, then measured to the end
  // (the quick steps between may come too close together for the window to draw them).
  const runs = bars.map((b) => b.busy ?? 'measured').filter((b, i, all) => i === 0 || b !== all[i - 1]);
  expect([
    ['true', 'measured', 'true', 'measured'],
    ['true', 'measured'],
  ]).toContainEqual(runs);
  const measured = bars.filter((b) => b.busy === null);
  for (const b of measured) expect(b).toMatchObject({ label: 'Getting your journal ready', max: STEPS });
  const values = measured.map((b) => b.value);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(values.at(-1)).toBe(STEPS);
  // Said once: the polite status went from nothing to the sentence, and stayed it. Only repeats side by side
  // are one state; a sentence cleared and set again ('' → S → '' → S) would be heard twice, and fails here.
  const statuses = shown.map((s) => s.status).filter((s, i, all) => i === 0 || s !== all[i - 1]);
  expect(statuses).toEqual(['', SENTENCE]);
  expect(shown.filter((s) => s.bar !== null).every((s) => s.status === SENTENCE)).toBe(true);
  // The focus stayed in the field the person pressed Enter in.
  expect(shown.filter((s) => s.bar !== null).every((s) => s.focus === 'Passphrase')).toBe(true);

  release();
  await app.expectFrame();
  // Brought up to date: the new index finds every entry.
  expect(shell.services.journal.list({ query: 'written', limit: 1 }).total).toBe(ENTRIES);
});
