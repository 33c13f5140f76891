/**
 * npm run screenshots: drives the browser shell through first run and the main screens, in light
 * and dark, and saves PNGs to docs/images/ for the README and the user guide.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { seedWeeks } from '../test/e2e/checkins-page';
import { ExportPageObject } from '../test/e2e/export-page';
import { fillRecoveryGroups, HoldingApp } from '../test/e2e/pages';
import { otherPerson, SharingPageObject } from '../test/e2e/sharing-page';
import { seedIdentifyingEntries } from '../test/support/export-fixture';
import { PASSPHRASE } from '../test/support/passphrases';
import { openShell } from '../test/support/shell';
import { agendaItem, CONTRACT } from '../test/support/supervision-fixture';

const out = path.resolve('docs', 'images');
mkdirSync(out, { recursive: true });

// `npm run screenshots -- app` or `-- replies` makes one part only (each takes minutes on a busy machine).
const part = process.argv[2] ?? 'all';

for (const theme of part === 'replies' ? [] : (['light', 'dark'] as const)) {
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
    // The check: the key out of sight, two of its groups asked for at random.
    await page.getByRole('button', { name: 'I have kept it: check it with me' }).click();
    await page
      .getByLabel(/^Group \d+ of \d+$/)
      .first()
      .waitFor();
    await page.mouse.move(0, 0);
    await shot('recovery-key-check');
    await fillRecoveryGroups(page, groups.join('-'));
    await page.getByLabel('I have kept my recovery key somewhere safe.', { exact: true }).check();
    await page.getByRole('button', { name: 'Open my journal' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await shot('journal-empty');
    // A few invented entries, written through the real editor.
    const write = async (template: string, title: string, lines: string[], flag = false) => {
      await page.getByLabel('Start from', { exact: true }).selectOption({ label: template });
      await page.getByRole('button', { name: 'New entry' }).click();
      // The new entry's own title box, empty and focused, not the last entry's still on screen.
      await expect(page.getByPlaceholder('Untitled')).toHaveValue('');
      await expect(page.getByPlaceholder('Untitled')).toBeFocused();
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
    // Previews off: the list shows titles only (Settings → On screen), for anyone looking over a shoulder.
    const previews = async (choice: string) => {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      // Saved first, then shown as chosen.
      const radio = page.getByTestId('on-screen-section').getByRole('radio', { name: choice });
      await radio.click();
      await expect(radio).toBeChecked();
      await page.getByRole('button', { name: 'Journal', exact: true }).click();
      await page.getByRole('listbox', { name: 'Journal entries' }).waitFor();
    };
    await previews('Titles only');
    await page.mouse.move(0, 0);
    await shot('journal-previews-off');
    await previews('Except for client material');
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
    // Today's check-in, reached by the keyboard at the chart's right edge, drawn whole and said aloud.
    shell.services.checkins.save({
      at: new Date().toISOString(),
      capacity: 6,
      energy: 3,
      sleep: 3,
      load: 3,
      helping: 'A quiet lunch outside.',
      hard: '',
      signIds: [],
      entryId: null,
    });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('button', { name: 'Check-ins', exact: true }).click();
    const chart = page.getByTestId('capacity-chart');
    await chart.focus();
    await page.keyboard.press('End');
    await page.getByTestId('chart-reached').filter({ hasText: 'capacity 6 out of 10' }).waitFor();
    await page.mouse.move(0, 0);
    await page
      .getByRole('region', { name: 'Capacity over time' })
      .screenshot({ path: path.join(out, `trend-point-${theme}.png`) });
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

      // The conversation, the supervisor's side: Ama's comments go back; Sam replies twice under the one on the
      // entry, and the replies come with Sam's next share, threaded under Ama's comment in order.
      await comment.press('Tab');
      await page.getByTestId('comment-status').filter({ hasText: 'Saved' }).first().waitFor();
      await page.getByLabel('Your overall comment', { exact: true }).fill('Thank you for bringing this.');
      await page
        .getByRole('region', { name: 'Overall', exact: true })
        .getByRole('button', { name: /^Save comment/ })
        .click();
      await page.getByRole('button', { name: /^Send feedback/ }).click();
      await page.getByTestId('feedback-status').filter({ hasText: 'Your feedback is saved as' }).waitFor();
      await sam.services.sharing.importBytes(new Uint8Array(readFileSync(shell.savedFiles.at(-1)!)));
      const [sent] = sam.services.sharing.sent();
      const clinic = sent!.items.find((i) => i.title === 'After a long clinic')!;
      for (const body of [
        'Thank you. Starting with what helped feels right: the walk between clinics, and writing it down after.',
        'I noticed afterwards that I rushed the ending. Could we look at that too?',
      ]) {
        sam.services.sharing.addReply(sent!.feedback[0]!.id, clinic.ref, body);
      }
      shell.nextOpenPath = await sam.share(amaThere, 'After Thursday', { replies: true });
      await page.getByRole('button', { name: 'Back to Sharing' }).click();
      await page.getByRole('button', { name: 'Open a shared file…' }).click();
      await page
        .getByRole('button', { name: 'Read them under your comments on “Before our session on Thursday”' })
        .click();
      const thread = page.getByRole('list', { name: 'Sam Rivers’s replies to your comment on After a long clinic' });
      await thread.waitFor();
      await page.getByLabel('Your comment on After a long clinic', { exact: true }).scrollIntoViewIfNeeded();
      await page.locator('#content').evaluate((el) => el.scrollBy(0, -60));
      await page.mouse.move(0, 0);
      await shot('replies-supervisor');
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
    // Argon2id takes its time, and longer on a busy machine.
    await page.getByRole('alert').waitFor({ timeout: 120_000 });
    await shot('unlock');
  } finally {
    await shell.close();
  }
}
// The conversation, the supervisee's side: Sam shares through Export, Ama (her Holding driven through its
// services) comments, and Sam, reading the feedback on Sharing, has written a reply under the comment.
for (const theme of part === 'app' ? [] : (['light', 'dark'] as const)) {
  const shell = await openShell({ colorScheme: theme, viewport: { width: 1200, height: 760 } });
  const page = shell.page;
  const ama = await otherPerson('Dr Ama Mensah', 'Clinical supervisor');
  try {
    const app = new HoldingApp(page);
    await app.confirmRecoveryKey(await app.createVault(PASSPHRASE));
    const me = await shell.services.identity.save({ name: 'Sam Rivers', role: 'Clinical psychologist' });
    const amaHere = await shell.services.identity.addContact(ama.card);
    shell.services.identity.setVerified(amaHere.id, true);
    await ama.addAndConfirm(me.card);
    seedIdentifyingEntries(shell.services);
    await page.reload();
    await app.expectFrame();
    const ex = new ExportPageObject(page);
    await app.goTo('Export');
    await ex.title.fill('Before our session on Thursday');
    await ex.entry('A hard afternoon with Keziah').check();
    await ex.checkButton.click();
    await ex.remaining.waitFor({ timeout: 30_000 });
    await ex.decide('Keziah', 'Pseudonym');
    await page.getByRole('button', { name: 'Redact all that remain' }).click();
    await ex.shareFor('Dr Ama Mensah');
    const opened = await ama.services.sharing.importBytes(new Uint8Array(readFileSync(shell.savedFiles.at(-1)!)));
    if (opened.kind !== 'share') throw new Error('expected a share');
    const [item] = ama.services.sharing.receivedShare(opened.share.id).items;
    ama.services.sharing.saveComment(opened.share.id, item!.ref, 'You stayed with it. Let us start here.');
    ama.services.sharing.saveComment(opened.share.id, null, 'Thank you for bringing this.');
    const feedback = await ama.services.sharing.sealFeedback(opened.share.id);
    feedback.record();
    const feedbackFile = path.join(ama.folder, 'feedback.holdingbundle');
    writeFileSync(feedbackFile, feedback.bundle);
    const sharing = new SharingPageObject(page, shell);
    await app.goTo('Sharing');
    await sharing.openBundle(feedbackFile);
    const sent = sharing.sentShare('Before our session on Thursday');
    await sent
      .getByRole('button', { name: 'Reply to Dr Ama Mensah’s comment on “A hard afternoon with Person A”' })
      .click();
    await sent
      .getByLabel('Your reply to Dr Ama Mensah on “A hard afternoon with Person A”', { exact: true })
      .fill('Thank you. I have been thinking about the ending of that session, and I would like to start there.');
    await sent.getByRole('button', { name: 'Keep this reply' }).click();
    await sent.getByRole('status').filter({ hasText: 'Your reply is kept.' }).waitFor();
    await sent.getByRole('heading', { name: 'What you shared' }).scrollIntoViewIfNeeded();
    await page.locator('#content').evaluate((el) => el.scrollBy(0, 120));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(out, `replies-${theme}.png`) });
  } finally {
    await ama.close();
    await shell.close();
  }
}
console.log(`Screenshots saved to ${path.relative(process.cwd(), out)}/`);
