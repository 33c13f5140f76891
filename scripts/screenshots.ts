/**
 * npm run screenshots: drives the browser shell through first run and the main screens, in light
 * and dark, and saves PNGs to docs/images/ for the README and the user guide.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openShell } from '../test/support/shell';

const out = path.resolve('docs', 'images');
mkdirSync(out, { recursive: true });
const PASSPHRASE = 'quiet harbour lantern meadow';

for (const theme of ['light', 'dark'] as const) {
  const shell = await openShell({ colorScheme: theme, viewport: { width: 1200, height: 760 } });
  const page = shell.page;
  const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}-${theme}.png`) });
  try {
    await page.getByLabel('Choose a passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type it once more', { exact: true }).fill(PASSPHRASE);
    await page.getByText('Strength: strong').or(page.getByText('Strength: good')).waitFor();
    await shot('create');
    await page.getByRole('button', { name: 'Create my journal' }).click();
    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
    await shot('recovery-key');
    const groups = await page.getByTestId('recovery-key').locator('span').allTextContents();
    await page.getByLabel('To check you have it, type the last group of five', { exact: true }).fill(groups.at(-1)!);
    await page.getByLabel('I have kept my recovery key somewhere safe.', { exact: true }).check();
    await page.getByRole('button', { name: 'Open my journal' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await shot('journal-empty');
    // A few invented entries, written through the real editor.
    const write = async (template: string, title: string, lines: string[], flag = false) => {
      await page.getByLabel('Start from', { exact: true }).selectOption({ label: template });
      await page.getByRole('button', { name: 'New entry' }).click();
      await page.getByPlaceholder('Untitled').fill(title);
      await page.keyboard.press('Enter');
      for (const line of lines) {
        if (line === '↓') await page.keyboard.press('ArrowDown');
        else await page.keyboard.type(line);
      }
      if (flag) await page.getByLabel('Bring to supervision').check();
      await page
        .getByTestId('save-status')
        .filter({ hasText: /^Saved/ })
        .waitFor({ timeout: 15_000 });
    };
    await write('Free writing', 'Noticing the tiredness early', [
      'Three late finishes this week. I am not at my best, and that is information, not failure.',
    ]);
    await write(
      "Driscoll's What? So what? Now what?",
      'When the family asked for more',
      [
        'A relative asked me to promise something I could not promise.',
        '↓',
        '↓',
        'I felt the pull to rescue, and the old worry about letting people down.',
      ],
      true,
    );
    await write("Gibbs' reflective cycle", 'A session that stayed with me', [
      'We talked about the move, and I noticed my own tiredness in the room.',
    ]);
    await shot('journal');
    await page.getByRole('searchbox', { name: 'Search your journal' }).fill('tired*');
    await page.getByRole('listbox', { name: 'Journal entries' }).locator('mark').first().waitFor();
    await shot('journal-search');
    await page.getByRole('searchbox', { name: 'Search your journal' }).fill('');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Change your passphrase' }).waitFor();
    await shot('settings');
    await page.getByRole('button', { name: 'Lock now' }).first().click();
    await page.getByLabel('Passphrase', { exact: true }).fill('not quite right');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    await shot('unlock');
  } finally {
    await shell.close();
  }
}
console.log(`Screenshots saved to ${path.relative(process.cwd(), out)}/`);
