import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describeMinutes } from '../../common/supervision/hours';
import { expect, test } from './fixtures';
import { JournalPageObject } from './pages';
import {
  CONTRACT,
  flaggedEntry,
  monthName,
  pdfFirstPage,
  pdfText,
  seedSessions,
  SupervisionPageObject,
} from './supervision-page';

test('a contract, an agenda from flagged entries, reordered by keyboard, a session, carried items and the hours', async ({
  app,
  page,
  services,
  shell,
}) => {
  const sup = new SupervisionPageObject(page);
  await app.newJournal();
  // Two entries, written earlier; each flagged for supervision in the journal, as a person would.
  for (const [title, text] of [
    ['The referral I turned down', 'It did not meet the criteria, and it has stayed with me.'],
    ['A difficult team meeting', 'The rota came up again, and I noticed myself going quiet.'],
  ] as const) {
    const entry = flaggedEntry(services, title, text);
    services.journal.save({ ...services.journal.get(entry.id), bringToSupervision: false });
  }
  await page.reload();
  await app.expectFrame();
  const journal = new JournalPageObject(page);
  for (const title of ['The referral I turned down', 'A difficult team meeting']) {
    await journal.option(title).click();
    await page.getByLabel('Bring to supervision').check();
    await journal.expectSaved();
  }
  expect(services.journal.list({ bringToSupervision: true }).total).toBe(2);

  await app.goTo('Supervision');
  await expect(sup.heading).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Who do you have supervision with?' })).toBeVisible();
  await app.expectAccessible('supervision, empty');

  // The contract. Main's own kind words for a missing name; nothing is saved.
  const addForm = sup.form('Add a supervisor');
  await addForm.getByRole('button', { name: 'Add supervisor' }).click();
  await expect(addForm.getByRole('alert')).toHaveText('Please give your supervisor’s name, or a name for the group.');
  expect(services.supervision.supervisors()).toEqual([]);
  await sup.addSupervisor({
    name: 'Dr Ama Mensah',
    role: 'Clinical supervisor',
    minHours: '1.5',
    minutes: '60',
    focus: 'Risk, formulation',
  });
  await expect(sup.pageStatus).toContainText('Dr Ama Mensah is now in your supervisions.');
  await expect(page.getByRole('heading', { name: 'Supervision with Dr Ama Mensah' })).toBeVisible();
  await expect(page.getByText('1 hour 30 minutes a month', { exact: true })).toBeVisible();
  const [ama] = services.supervision.supervisors();
  expect(ama).toMatchObject({
    name: 'Dr Ama Mensah',
    type: 'individual',
    frequency: 'monthly',
    minHoursPerMonth: 1.5,
    sessionMinutes: 60,
    focusAreas: ['Risk', 'formulation'],
  });

  // The two flagged entries are waiting: each goes on the agenda with one button.
  const flagged = page.getByRole('group', { name: 'Flagged to bring to supervision' });
  await expect(flagged.getByRole('listitem')).toHaveCount(2);
  await flagged.getByRole('button', { name: 'Add to agenda: “The referral I turned down”' }).click();
  await expect(sup.agendaStatus).toContainText('“The referral I turned down” is on the agenda');
  await expect(flagged.getByRole('button', { name: 'Add to agenda: “A difficult team meeting”' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(flagged).toHaveCount(0);
  await sup.expectOrder(['The referral I turned down', 'A difficult team meeting']);
  await expect(sup.item('The referral I turned down')).toContainText('From your entry “The referral I turned down”');

  // A restorative item from scratch, with the hint for each function on show.
  await page.getByRole('button', { name: 'Add an item' }).click();
  const itemForm = sup.form('Add an item to the agenda');
  await expect(itemForm.getByLabel('Title', { exact: true })).toBeFocused();
  await itemForm.getByLabel('Title', { exact: true }).fill('How I have been');
  await itemForm.getByLabel('What I want from supervision').fill('Some room to say how tired I am.');
  await expect(itemForm.getByRole('radio', { name: 'Restorative' })).toHaveAccessibleDescription(
    'how you are: support, feelings, wellbeing',
  );
  await itemForm.getByRole('radio', { name: 'Restorative' }).check();
  await itemForm.getByLabel('Seven-eyed mode (optional)').selectOption({ label: '4. The supervisee’s own process' });
  await itemForm.getByRole('checkbox', { name: 'Employment' }).check();
  await itemForm.getByRole('radio', { name: 'High' }).check();
  await itemForm.getByLabel('Time, in minutes').fill('15');
  await itemForm.getByRole('button', { name: 'Add to agenda' }).click();
  await expect(sup.agendaStatus).toHaveText('“How I have been” is on the agenda.');
  await expect(page.getByRole('button', { name: 'Add an item' })).toBeFocused();
  await sup.expectOrder(['The referral I turned down', 'A difficult team meeting', 'How I have been']);
  await expect(sup.item('How I have been')).toContainText('Seven-eyed: 4. The supervisee’s own process');
  await expect(page.getByTestId('agenda-time')).toContainText('Time planned: 35 of 60 minutes');

  // Reorder by keyboard, with dnd-kit: pick up, two places up, put down. Focus stays on the handle.
  // dnd-kit starts listening for the arrow keys a task after the pick-up; a person is never that quick.
  const settle = () => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await sup.handle('How I have been').focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Picked up “How I have been”' })).toHaveCount(1);
  await settle();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('status').filter({ hasText: 'would go to number 2 of 3' })).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('status').filter({ hasText: 'would go to number 1 of 3' })).toHaveCount(1);
  await page.keyboard.press('Space');
  await sup.expectOrder(['How I have been', 'The referral I turned down', 'A difficult team meeting']);
  await expect(sup.handle('How I have been')).toBeFocused();
  await expect
    .poll(() => services.supervision.agenda(ama!.id).map((i) => i.title))
    .toEqual(['How I have been', 'The referral I turned down', 'A difficult team meeting']);

  // And with the buttons: down to the bottom, where focus moves to Move up.
  await page.getByRole('button', { name: 'Move down “The referral I turned down”' }).click();
  await sup.expectOrder(['How I have been', 'A difficult team meeting', 'The referral I turned down']);
  await expect(page.getByRole('button', { name: 'Move up “The referral I turned down”' })).toBeFocused();
  await expect
    .poll(() => services.supervision.agenda(ama!.id).map((i) => i.title))
    .toEqual(['How I have been', 'A difficult team meeting', 'The referral I turned down']);

  // More than the session holds: a gentle note, not an error.
  await page.getByRole('button', { name: 'Edit “A difficult team meeting”' }).click();
  const editForm = sup.form('Edit “A difficult team meeting”');
  await editForm.getByLabel('Time, in minutes').fill('45');
  await editForm.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('button', { name: 'Edit “A difficult team meeting”' })).toBeFocused();
  await expect(page.getByTestId('agenda-time')).toContainText('Time planned: 70 of 60 minutes');
  await expect(page.getByTestId('agenda-over')).toHaveText(
    'That is about 10 minutes more than the session holds. It may help to choose what could wait for another time.',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await app.expectAccessible('supervision, an agenda over its time');

  // Recording the session. A length of nothing is kindly refused, and nothing typed is lost.
  await page.getByRole('button', { name: 'Record a session' }).click();
  const record = sup.form('Record a session with Dr Ama Mensah');
  await expect(record.getByLabel('Date and start time')).toBeFocused();
  await expect(record.getByLabel('Length, in minutes')).toHaveValue('60');
  await record.getByLabel('Who was there (optional)').fill('Ama and me');
  await record.getByLabel('Length, in minutes').fill('0');
  const restorative = record.getByRole('group', { name: /^How I have been/ });
  await restorative.getByRole('radio', { name: 'Discussed' }).check();
  await restorative.getByLabel('What was discussed').fill('How tired I have been since the restructure.');
  await restorative.getByLabel('What was decided').fill('Book some leave before the new year.');
  const referral = record.getByRole('group', { name: /^The referral I turned down/ });
  await referral.getByRole('radio', { name: 'Discussed' }).check();
  await referral.getByLabel('What was decided').fill('It was a fair call; write up the reasons.');
  await expect(
    record.getByRole('group', { name: /^A difficult team meeting/ }).getByRole('radio', { name: 'Not reached' }),
  ).toBeChecked();
  await record.getByRole('button', { name: 'Add an action' }).click();
  await expect(record.getByLabel('Action', { exact: true })).toBeFocused();
  await record.getByLabel('Action', { exact: true }).fill('Read the lone working policy');
  await record.getByLabel('Who will do it').fill('Me');
  await record.getByLabel('Due (optional)').fill(await sup.dayFromToday(-3));
  await expect(record.getByLabel('Due (optional)')).toHaveAccessibleDescription(
    'This date has already gone by. That is fine, if it is what you agreed.',
  );
  await record.getByRole('button', { name: 'Save session' }).click();
  await expect(record.getByRole('alert')).toHaveText(
    'A session needs a length of at least one minute. How long did it last?',
  );
  expect(services.supervision.sessions()).toEqual([]);
  await expect(record.getByLabel('Who was there (optional)')).toHaveValue('Ama and me');
  await expect(restorative.getByLabel('What was decided')).toHaveValue('Book some leave before the new year.');
  // A look elsewhere loses nothing: the record waits, half written.
  await app.goTo('Journal');
  await app.goTo('Supervision');
  await expect(record.getByLabel('Who was there (optional)')).toHaveValue('Ama and me');
  await expect(restorative.getByLabel('What was decided')).toHaveValue('Book some leave before the new year.');
  await record.getByLabel('Length, in minutes').fill('60');
  await record.getByRole('button', { name: 'Save session' }).click();

  await expect(sup.sessionsStatus).toContainText('is recorded. Anything not reached, and any open actions');
  await expect(record).toHaveCount(0);
  const [session] = services.supervision.sessions();
  expect(session).toMatchObject({ minutes: 60, attendees: 'Ama and me' });
  expect(session!.items.map((i) => [i.title, i.outcome])).toEqual([
    ['How I have been', 'discussed'],
    ['A difficult team meeting', 'not-reached'],
    ['The referral I turned down', 'discussed'],
  ]);
  expect(session!.actions).toMatchObject([{ text: 'Read the lone working policy', owner: 'Me', doneAt: null }]);

  // The next agenda: the item not reached, carried, and the open action. The discussed entries are not offered again.
  await sup.expectOrder(['A difficult team meeting', 'Action: Read the lone working policy']);
  await expect(sup.item('A difficult team meeting')).toContainText('Carried from the session on');
  await expect(sup.item('Action: Read the lone working policy')).toContainText('An action agreed on');
  await expect(page.getByRole('group', { name: 'Flagged to bring to supervision' })).toHaveCount(0);
  await expect(sup.openActions.getByRole('listitem')).toHaveCount(1);
  await expect(sup.openActions).toContainText('Who: Me');
  await expect(sup.openActions).toContainText(', now passed');
  const newest = sup.sessions.getByRole('listitem').first();
  await expect(newest).toContainText('1 hour · With Ama and me');
  await expect(newest).toContainText('Decided: It was a fair call; write up the reasons.');
  await expect(newest.getByText('Not reached', { exact: true })).toBeVisible();

  // The hours log: this month, against the minimum of 1.5 hours.
  const month = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
  const thisMonth = sup.hoursTable.locator(`tr[data-month="${month}"]`);
  await expect(thisMonth.getByRole('cell')).toHaveText(['1 hour', '1', '30 minutes to go']);
  await expect(sup.hoursTable.locator('tbody tr')).toHaveCount(6);
  await expect(sup.hoursTable.getByRole('columnheader', { name: 'Against 1 hour 30 minutes' })).toBeVisible();
  await app.expectAccessible('supervision, after a session');

  // Export as CSV: a file that reads back as CSV, one row a month and one a session.
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  await expect(page.getByTestId('hours-status')).toHaveText(/^Saved to .*\.csv$/);
  expect(shell.savedFiles).toHaveLength(1);
  const rows = parse(await readFile(shell.savedFiles[0]!, 'utf8'), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  expect(rows[0]).toEqual(['Supervisor', 'Month', 'Sessions', 'Hours', 'Minimum hours', 'Met minimum']);
  expect(rows.slice(1, 7).map((r) => r[0])).toEqual(Array(6).fill('Dr Ama Mensah'));
  expect(rows.find((r) => r[1] === month)).toEqual(['Dr Ama Mensah', month, '1', '1.00', '1.50', 'no']);
  const sessionRows = rows.slice(rows.findIndex((r) => r[1] === 'Date') + 1);
  expect(sessionRows).toHaveLength(1);
  expect(sessionRows[0]!.slice(2, 6)).toEqual([month, '60', '1.00', 'Ama and me']);

  // Done: the action leaves the open actions and the agenda.
  // It leaves the list as soon as main has saved it, so a click rather than check(), which would look for it after.
  await sup.openActions.getByRole('checkbox', { name: 'Done: Read the lone working policy' }).click();
  await expect(sup.openActions).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Open actions' })).toBeFocused();
  await sup.expectOrder(['A difficult team meeting']);
  expect(services.supervision.openActions(ama!.id)).toEqual([]);
  await expect(newest.getByRole('checkbox', { name: 'Done: Read the lone working policy' })).toBeChecked();

  // In the journal, each entry says where it stands in supervision.
  await app.goTo('Journal');
  await journal.option('The referral I turned down').click();
  await expect(page.getByTestId('in-supervision')).toContainText('Discussed in supervision on');
  await expect(page.getByTestId('in-supervision')).toContainText('with Dr Ama Mensah (The referral I turned down)');
  await journal.option('A difficult team meeting').click();
  await expect(page.getByTestId('in-supervision')).toContainText(
    'On the agenda for your next supervision with Dr Ama Mensah',
  );
  await expect(page.getByTestId('in-supervision')).toContainText('Not reached on');
  await app.expectAccessible('journal entry in supervision');

  // And back: from the entry to Supervision, and from the agenda item to its entry.
  await page.getByTestId('in-supervision').getByRole('button', { name: 'Go to Supervision' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision' })).toBeVisible();
  await sup
    .item('A difficult team meeting')
    .getByRole('button', { name: 'Open the entry “A difficult team meeting”' })
    .click();
  await expect(journal.title).toHaveValue('A difficult team meeting');
  await app.goTo('Supervision');
  await sup.sessions.getByRole('button', { name: 'Open the entry for “The referral I turned down”' }).click();
  await expect(journal.title).toHaveValue('The referral I turned down');
});

test.describe('in the dark', () => {
  test.use({ shellOptions: { colorScheme: 'dark' } });

  test('two supervisions, the balance note after three sessions, ending and deleting', async ({
    app,
    page,
    services,
  }) => {
    const sup = new SupervisionPageObject(page);
    await app.newJournal();
    const ama = services.supervision.saveSupervisor(CONTRACT);
    services.supervision.saveSupervisor({
      ...CONTRACT,
      name: 'Team reflective group',
      role: 'Managerial',
      type: 'group',
      frequency: 'six-weekly',
      minHoursPerMonth: 1,
      sessionMinutes: 90,
      startDate: '2025-10-01',
    });
    seedSessions(services, ama.id, [50, 30, 10]);
    await app.goTo('Supervision');

    // Two supervisions, as tabs; the first is chosen.
    const tabs = page.getByRole('tablist', { name: 'Your supervisions' });
    await expect(tabs.getByRole('tab')).toHaveCount(2);
    await expect(tabs.getByRole('tab', { name: /Dr Ama Mensah/ })).toHaveAttribute('aria-selected', 'true');

    // Nothing restorative in the last three sessions: said gently, with a way to add some.
    const note = page.getByTestId('balance-note');
    await expect(note).toContainText(
      'Nothing restorative has been discussed in your last three sessions. How you are is part of the work too',
    );
    const bars = page.getByRole('list', { name: 'Items discussed, by function' });
    await expect(bars.getByRole('listitem').filter({ hasText: 'Restorative' })).toContainText('0 items');
    await expect(bars.getByRole('listitem').filter({ hasText: 'Normative' })).toContainText('3 items, 50%');
    await app.expectAccessible('supervision (dark), the balance note');
    await note.getByRole('button', { name: 'Add a restorative item' }).click();
    const itemForm = sup.form('Add an item to the agenda');
    await expect(itemForm.getByLabel('Title', { exact: true })).toBeFocused();
    await expect(itemForm.getByRole('radio', { name: 'Restorative' })).toBeChecked();
    await itemForm.getByLabel('Title', { exact: true }).fill('Some time for me');
    await itemForm.getByRole('button', { name: 'Add to agenda' }).click();
    await sup.expectOrder(['Some time for me']);

    // From an entry that was never flagged, with only the part to bring.
    const entry = services.journal.create({ title: 'Notes after the home visit' });
    await page.getByRole('button', { name: 'Add from an entry' }).click();
    const picker = page.getByRole('group', { name: 'Bring an entry to the agenda' });
    await picker.getByRole('searchbox').fill('home visit');
    await picker.getByRole('button', { name: /Notes after the home visit/ }).click();
    const fromEntry = sup.form('Add an entry to the agenda');
    await expect(fromEntry).toContainText('From your entry “Notes after the home visit”');
    await expect(fromEntry.getByLabel('Title', { exact: true })).toHaveValue('Notes after the home visit');
    await fromEntry.getByLabel('The part to bring (optional)').fill('Only the part about the stairs.');
    await fromEntry.getByRole('button', { name: 'Add to agenda' }).click();
    await expect(page.getByRole('button', { name: 'Add from an entry' })).toBeFocused();
    await expect(sup.item('Notes after the home visit')).toContainText('Only the part about the stairs.');
    expect(services.supervision.agenda(ama.id)[1]!.source).toEqual({
      kind: 'entry',
      entryId: entry.id,
      entryTitle: 'Notes after the home visit',
      excerpt: 'Only the part about the stairs.',
    });
    await app.expectAccessible('supervision (dark), with sessions');

    // A session recorded by mistake can go, after a question.
    await expect(
      sup.sessions.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) }),
    ).toHaveCount(3);
    const newest = sup.sessions.getByRole('heading', { level: 3 }).first();
    const when = (await newest.textContent())!;
    await page.getByRole('button', { name: `Delete the session from ${when}` }).click();
    const sessionDialog = page.getByRole('dialog', { name: 'Delete this session?' });
    await expect(sessionDialog).toContainText('will no longer count towards your hours');
    await sessionDialog.getByRole('button', { name: 'Delete session' }).click();
    await expect(sup.sessionsStatus).toHaveText(`The session from ${when} has been deleted.`);
    await expect(page.getByRole('heading', { name: 'Sessions', exact: true })).toBeFocused();
    expect(services.supervision.sessions()).toHaveLength(2);
    // Fewer than three sessions now: no note about what has been missing.
    await expect(page.getByTestId('balance-note')).toHaveCount(0);

    // The arrow keys move between the tabs; the other supervision has no sessions yet.
    await tabs.getByRole('tab', { name: /Dr Ama Mensah/ }).focus();
    await page.keyboard.press('ArrowRight');
    const group = tabs.getByRole('tab', { name: /Team reflective group/ });
    await expect(group).toBeFocused();
    await expect(group).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Supervision with Team reflective group' })).toBeVisible();
    await expect(page.getByText('Your sessions will be kept here once you record them')).toBeVisible();

    // Ending keeps everything; it can be resumed.
    await page.getByRole('button', { name: 'End this supervision' }).click();
    await expect(page.getByRole('button', { name: 'Resume this supervision' })).toBeFocused();
    await expect(page.getByText(/^Ended on/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Record a session' })).toHaveCount(0);
    expect(services.supervision.supervisors().find((s) => s.name === 'Team reflective group')!.endedAt).not.toBeNull();
    await expect(group).toContainText('ended');

    // Deleting asks first, and says what stays.
    await page.getByRole('tab', { name: /Dr Ama Mensah/ }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Delete your supervision with Dr Ama Mensah?' });
    await expect(dialog).toContainText('The agenda for your next session will go.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
    await dialog.getByRole('button', { name: 'Delete supervision' }).click();
    await expect(sup.pageStatus).toContainText('Your supervision with Dr Ama Mensah has been deleted.');
    await expect(sup.heading).toBeFocused();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    expect(services.supervision.supervisors().map((s) => s.name)).toEqual(['Team reflective group']);
    expect(services.supervision.sessions()).toHaveLength(2);
    // Its sessions stay within reach, under the name they were recorded with.
    const earlier = page.getByTestId('earlier-sessions');
    await expect(earlier.getByRole('heading', { name: 'From supervisions you have deleted' })).toBeVisible();
    await expect(earlier.getByRole('heading', { level: 3 })).toHaveCount(2);
    await expect(earlier.getByRole('heading', { level: 3 }).first()).toContainText('Dr Ama Mensah');
    await app.expectAccessible('supervision, earlier sessions (dark)');
  });
});

test.describe('the hours log as a PDF', () => {
  // The save dialog, under the test's control: a folder, a folder that is not there, or cancelled.
  const dialog: { answer: (suggested: string) => string | null; asked: number } = { answer: () => null, asked: 0 };
  test.use({
    shellOptions: {
      savePath: (suggested) => {
        dialog.asked += 1;
        return dialog.answer(suggested);
      },
    },
  });

  test('exported through the save dialog, with the months, the times and the footer; a failure and a cancel said kindly', async ({
    app,
    page,
    services,
  }) => {
    const sup = new SupervisionPageObject(page);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'holding-hours-pdf-'));
    try {
      await app.newJournal();
      const ama = services.supervision.saveSupervisor(CONTRACT);
      seedSessions(services, ama.id, [3, 45, 80]);
      await app.goTo('Supervision');
      await expect(sup.hoursTable).toBeVisible();
      const from = await page.getByLabel('From', { exact: true }).inputValue();
      const to = await page.getByLabel('To', { exact: true }).inputValue();
      const months = services.supervision.hours(ama.id, { from, to });
      expect(months).toHaveLength(6);
      const pdfButton = page.getByRole('button', { name: 'Export as PDF' });
      await expect(page.getByRole('button', { name: 'Export as CSV' })).toBeVisible();

      // A folder that is not there: main's kind words, and nothing saved.
      dialog.answer = (suggested) => path.join(folder, 'not-here', suggested);
      await pdfButton.click();
      await expect(page.getByRole('alert')).toContainText('Holding could not save the file there');
      expect(dialog.asked).toBe(1);
      await expect(page.getByTestId('hours-status')).toHaveText('');
      await expect(pdfButton).toBeEnabled();
      await app.expectAccessible('supervision, the hours PDF could not be saved');

      // Cancelled: nothing said, nothing saved, and the failure is no longer on show.
      dialog.answer = () => null;
      await pdfButton.click();
      await expect.poll(() => dialog.asked).toBe(2);
      await expect(pdfButton).toBeEnabled();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByTestId('hours-status')).toHaveText('');
      expect(services.exports.records()).toEqual([]);

      // Saved: where, and a record of it.
      dialog.answer = (suggested) => path.join(folder, suggested);
      await pdfButton.click();
      const file = path.join(folder, `Supervision hours - Dr Ama Mensah - ${from} to ${to}.pdf`);
      await expect(page.getByTestId('hours-status')).toHaveText(`Saved to ${file}`);
      await expect(pdfButton).toHaveText('Export as PDF');
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(services.exports.records()).toMatchObject([
        { format: 'hours-pdf', title: 'Supervision hours with Dr Ama Mensah' },
      ]);
      await app.expectAccessible('supervision, the hours saved as a PDF');

      // What it says: who with, each month and its time, the footer.
      const text = pdfText(file);
      expect(text).toContain('Supervision hours with Dr Ama Mensah');
      for (const m of months) {
        const time = m.minutes ? describeMinutes(m.minutes) : 'None';
        expect(text, `the row for ${m.month}`).toMatch(
          new RegExp(`${monthName(m.month)}\\s+${time}\\s+${m.sessions}\\b`),
        );
      }
      expect(months.reduce((n, m) => n + m.sessions, 0)).toBe(3);
      expect(text).toContain(`${monthName(from)} to ${monthName(to)}: 3 hours in all`);
      expect(text).toContain('Confidential — prepared for supervision');
      expect(text).toContain('Page 1 of 1');
      // No client material: the sessions' agenda items are not in it.
      expect(text).not.toContain('Caseload');

      // And how it looks, for a person to judge.
      expect(existsSync(pdfFirstPage(file, file.replace(/\.pdf$/, '-page')))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

test('months that are over say what was recorded, not a target still to reach, on the page and in the PDF', async ({
  app,
  page,
  services,
  shell,
}) => {
  const sup = new SupervisionPageObject(page);
  await app.newJournal();
  const ama = services.supervision.saveSupervisor(CONTRACT);
  // The browser's calendar: this month, the month before (nothing recorded), and the one before that (an hour).
  const [now, last, before] = await page.evaluate(() => {
    const d = new Date();
    const month = (back: number) => {
      const m = new Date(d.getFullYear(), d.getMonth() - back, 15, 12);
      return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`;
    };
    return [month(0), month(1), month(2)];
  });
  services.supervision.recordSession({
    supervisorId: ama.id,
    startsAt: new Date(`${before}-15T12:00:00Z`).toISOString(),
    timeZone: 'UTC',
    minutes: 60,
    attendees: 'Ama and me',
    notes: '',
    items: [],
    actions: [],
  });
  await app.goTo('Supervision');
  const row = (month: string) => sup.hoursTable.locator(`tr[data-month="${month}"]`).getByRole('cell');
  await expect(row(last)).toHaveText(['0 minutes', '0', 'Nothing recorded']);
  await expect(row(before)).toHaveText(['1 hour', '1', 'Below the minimum']);
  // This month is not over: there is still time.
  await expect(row(now)).toHaveText(['0 minutes', '0', '1 hour 30 minutes to go']);
  await expect(sup.hoursTable).not.toContainText(/to go[\s\S]*to go/);
  await app.expectAccessible('supervision, the hours of months that are over');

  await page.getByRole('button', { name: 'Export as PDF' }).click();
  await expect(page.getByTestId('hours-status')).toHaveText(/^Saved to .*\.pdf$/);
  const text = pdfText(shell.savedFiles.at(-1)!);
  // Each row's first line (the minimum may wrap onto a second).
  expect(text).toMatch(new RegExp(`${monthName(last)}\\s+None\\s+0\\s+1 hour 30(?:\\s+minutes)?\\s+Nothing recorded`));
  expect(text).toMatch(
    new RegExp(`${monthName(before)}\\s+1 hour\\s+1\\s+1 hour 30(?:\\s+minutes)?\\s+Below the minimum`),
  );
  expect(text.match(/to go/g) ?? []).toHaveLength(1);
});
