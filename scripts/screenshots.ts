/**
 * npm run screenshots: drives the browser shell through first run and the main screens, in light
 * and dark, and saves PNGs to docs/images/ for the README and the user guide.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { seedWeeks } from '../test/e2e/checkins-page';
import { typeRecoveryGroups } from '../test/e2e/pages';
import { otherPerson } from '../test/e2e/sharing-page';
import { seedIdentifyingEntries } from '../test/support/export-fixture';
import { PASSPHRASE } from '../test/support/passphrases';
import { openShell } from '../test/support/shell';
import { agendaItem, CONTRACT } from '../test/support/supervision-fixture';

const out = path.resolve('docs', 'images');
mkdirSync(out, { recursive: true });

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
    await typeRecoveryGroups(page, groups.join('-'));
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
    // A small window: the menu narrowed to icons (by itself, at this width) and the list folded away while
    // writing, so the entry has the room.
    await page.setViewportSize({ width: 900, height: 700 });
    await page
      .getByRole('listbox', { name: 'Journal entries' })
      .getByRole('option')
      .filter({ hasText: 'When the family asked for more' })
      .click();
    await page.getByRole('textbox', { name: 'Entry text' }).waitFor();
    await page.getByRole('button', { name: 'List of entries' }).click();
    await page.getByRole('button', { name: 'List of entries', expanded: false }).waitFor();
    await page.mouse.move(600, 650);
    await shot('journal-narrow');
    await page.getByRole('button', { name: 'List of entries' }).click();
    await page.setViewportSize({ width: 1200, height: 760 });
    // Two truths, from a prompt in the library.
    await page.getByRole('button', { name: 'Two truths', exact: true }).click();
    await page.getByRole('button', { name: 'Prompt library' }).click();
    await page.getByRole('heading', { name: 'Asking for and offering help' }).waitFor();
    await shot('prompt-library');
    await page.getByRole('button', { name: 'Start from this: I am good at helping other people.' }).click();
    const context = page.getByRole('textbox', { name: 'Where this comes from' });
    await context.first().fill('Three colleagues came to me this week, and I made time for each of them.');
    await page
      .getByRole('textbox', { name: 'Where the “and yet” comes from' })
      .fill('When my own sleep went, I told nobody. It felt easier to carry it quietly.');
    await page
      .getByRole('textbox', { name: 'What honouring both could look like' })
      .fill('Ask for ten minutes of the next supervision for me, not only for the work.');
    await page.getByRole('textbox', { name: 'What honouring both could look like' }).blur();
    await page
      .getByTestId('save-status')
      .filter({ hasText: /^Saved/ })
      .waitFor({ timeout: 15_000 });
    await shot('two-truths');
    // Check-ins: signs and six weeks of invented check-ins, written through the services.
    const sign = shell.services.checkins.saveSign({
      name: 'Not sleeping well',
      whatHelps: 'An early night, and no screens after nine.',
      contact: 'Sam, my supervisor',
    });
    shell.services.checkins.saveSign({
      name: 'Snapping at people',
      whatHelps: 'Saying no to one extra thing.',
      contact: '',
    });
    seedWeeks(shell.services, { signId: sign.id });
    await page.getByRole('button', { name: 'Check-ins', exact: true }).click();
    await page.getByRole('heading', { name: 'Capacity over time' }).waitFor();
    await page.getByRole('radio', { name: /^6/ }).check();
    await page.getByLabel('What is helping?').fill('A quiet lunch outside.');
    await page.getByLabel('What is helping?').blur();
    await page.setViewportSize({ width: 1600, height: 1000 });
    // From the top, as the page opens: the suggestion, the form and the trend (typing had scrolled it down).
    await page.locator('#content').evaluate((el) => el.scrollTo(0, 0));
    await shot('check-ins');
    // Tall enough that each card fits whole.
    await page.setViewportSize({ width: 1600, height: 1400 });
    await page.mouse.move(0, 0);
    await page
      .getByRole('region', { name: 'How are you today?' })
      .screenshot({ path: path.join(out, `check-in-form-${theme}.png`) });
    await page.getByRole('button', { name: 'Show as a table' }).click();
    await page.getByRole('table').waitFor();
    await page.mouse.move(0, 0);
    await page
      .getByRole('region', { name: 'Capacity over time' })
      .screenshot({ path: path.join(out, `trend-${theme}.png`) });
    await page.setViewportSize({ width: 1200, height: 760 });
    // Supervision: a contract, a session last month, and an agenda for the next, through the services.
    const sup = shell.services.supervision;
    const ama = sup.saveSupervisor(CONTRACT);
    const first = sup.addAgendaItem(ama.id, agendaItem('Caseload review', { function: 'normative' }));
    sup.recordSession({
      supervisorId: ama.id,
      startsAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      timeZone: 'Europe/London',
      minutes: 60,
      attendees: 'Ama and me',
      notes: 'We spent longer on risk than planned.',
      items: [
        {
          agendaItemId: first.id,
          outcome: 'discussed',
          discussed: 'The waiting list.',
          decided: 'Raise it at the team meeting.',
        },
      ],
      actions: [{ text: 'Read the lone working policy', owner: 'Me', due: null }],
    });
    const flagged = shell.services.journal.list({ bringToSupervision: true }).items[0];
    if (flagged) {
      sup.addAgendaItem(
        ama.id,
        agendaItem(flagged.title, { question: 'Did I hold the boundary kindly enough?', minutes: 20 }),
        { kind: 'entry', entryId: flagged.id, excerpt: null },
      );
    }
    sup.addAgendaItem(
      ama.id,
      agendaItem('How I have been', {
        question: 'Some time for me, not only the work.',
        function: 'restorative',
        minutes: 10,
      }),
    );
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByRole('button', { name: 'Supervision', exact: true }).click();
    await page.getByRole('heading', { name: 'Agenda for your next session' }).waitFor();
    await page.mouse.move(0, 0);
    await shot('supervision');
    // Export: invented entries with identifying details, checked and partly settled beside the preview.
    seedIdentifyingEntries(shell.services);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill('Thinking about Keziah');
    const entries = page.getByRole('list', { name: 'Entries to choose from' });
    await entries.getByRole('checkbox', { name: 'A hard afternoon with Keziah' }).check();
    await entries.getByRole('checkbox', { name: 'Thinking it over' }).check();
    await page.getByRole('button', { name: 'Check for identifying details' }).click();
    await page.getByTestId('remaining').waitFor({ timeout: 30_000 });
    await page
      .getByRole('group', { name: /^What to do with all \d+ like “Keziah”$/ })
      .getByRole('radio', { name: /^Pseudonym/ })
      .check();
    await page
      .getByRole('group', { name: /^What to do with all \d+ like “Margaret Okafor”$/ })
      .getByRole('radio', { name: /^Pseudonym/ })
      .check();
    await page
      .getByRole('group', { name: 'What to do with “943 476 5919”' })
      .getByRole('radio', { name: 'Redact' })
      .check();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(800);
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await shot('export');
    await page.setViewportSize({ width: 1200, height: 760 });

    // Sharing, as a supervisor sees a share: Sam's card confirmed, the share opened, a comment begun.
    const sam = await otherPerson('Sam Rivers', 'Clinical psychologist');
    try {
      await shell.services.identity.save({ name: 'Dr Ama Mensah', role: 'Clinical supervisor' });
      const samHere = await shell.services.identity.addContact(sam.card);
      shell.services.identity.setVerified(samHere.id, true);
      const amaThere = await sam.addAndConfirm(shell.services.identity.view()!.card);
      shell.nextOpenPath = await sam.share(amaThere, 'Before our session on Thursday');
      await page.getByRole('button', { name: 'Sharing', exact: true }).click();
      await page.getByRole('button', { name: 'Open a shared file…' }).click();
      const comment = page.getByLabel('Your comment on After a long clinic', { exact: true });
      await comment.fill('You noticed the heaviness and stayed with it. Let us start with what helped.');
      await page.getByRole('heading', { name: 'Before our session on Thursday' }).scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await shot('sharing');
    } finally {
      await sam.close();
    }

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Change your passphrase' }).waitFor();
    await shot('settings');
    await page.getByRole('button', { name: 'Support', exact: true }).click();
    await page.getByLabel('Services for').selectOption('uk');
    await page.getByRole('heading', { name: 'Services you can turn to' }).waitFor();
    await shot('support');
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
