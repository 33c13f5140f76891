import type { SupervisorInput } from '../../main/supervision/supervision';
import { expect, test } from './fixtures';
import { CheckinsPageObject, seedWeeks, within } from './checkins-page';
import { PASSPHRASE } from './pages';

/** A plain monthly contract for the supervisions these tests begin, each given its own name (and type). */
const MONTHLY: Omit<SupervisorInput, 'name'> = {
  role: '',
  type: 'individual',
  frequency: 'monthly',
  minHoursPerMonth: 1.5,
  sessionMinutes: 60,
  focusAreas: [],
  startDate: '2026-01-05',
};

test('signs, a keyboard check-in, the trend and its table, a gentle suggestion, edit and delete', async ({
  app,
  page,
  shell,
}) => {
  const checkins = new CheckinsPageObject(page);
  const services = shell.services.checkins;
  await app.newJournal();
  await app.goTo('Check-ins');
  await expect(page.getByRole('heading', { level: 1, name: 'Check-ins' })).toBeFocused();
  await expect(page.getByText('Your check-ins and signs stay private to you.')).toBeVisible();
  await expect(page.getByText('No check-ins in the past month yet.')).toBeVisible();
  await expect(page.getByText('You have not written down any early-warning signs yet.')).toBeVisible();
  await app.expectAccessible('check-ins, empty');

  // Early-warning signs, in the person's own words, with what helps and who to contact.
  await checkins.addSign(
    'Not sleeping well',
    'An early night, and no screens after nine.',
    'Sam, my supervisor: 07700 900123',
  );
  await expect(checkins.signs.getByRole('heading', { name: 'Not sleeping well' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a sign' })).toBeFocused();
  await checkins.addSign('Snapping at people', 'Saying no to one extra thing.', '');
  await expect(checkins.signs.getByRole('listitem')).toHaveCount(2);
  await expect(checkins.signs).toContainText('Sam, my supervisor: 07700 900123');

  // Main's own kind words when a sign is a duplicate or has no name; nothing is saved.
  await checkins.addSign('not sleeping WELL', '', '');
  const signForm = page.getByRole('form', { name: 'Add a sign' });
  await expect(signForm.getByRole('alert')).toHaveText('You already have a sign called “not sleeping WELL”.');
  await signForm.getByLabel('The sign, in your own words').fill('   ');
  await signForm.getByRole('button', { name: 'Save sign' }).click();
  await expect(signForm.getByRole('alert')).toHaveText('Please give the sign a name, in your own words.');
  await signForm.getByRole('button', { name: 'Cancel' }).click();
  expect(services.signs()).toHaveLength(2);

  // Reorder with the keyboard; focus stays with the sign that moved.
  await page.getByRole('button', { name: 'Move up “Snapping at people”' }).focus();
  await page.keyboard.press('Enter');
  await expect(checkins.signs.getByRole('heading', { level: 3 })).toHaveText([
    'Snapping at people',
    'Not sleeping well',
  ]);
  await expect(page.getByRole('button', { name: 'Move down “Snapping at people”' })).toBeFocused();
  expect(services.signs().map((f) => f.name)).toEqual(['Snapping at people', 'Not sleeping well']);
  await page.keyboard.press('Enter');
  await expect(checkins.signs.getByRole('heading', { level: 3 })).toHaveText([
    'Not sleeping well',
    'Snapping at people',
  ]);

  // Edit a sign; focus comes back to its Edit button.
  await page.getByRole('button', { name: 'Edit “Snapping at people”' }).click();
  const editSign = page.getByRole('form', { name: 'Edit “Snapping at people”' });
  await expect(editSign.getByLabel('The sign, in your own words')).toBeFocused();
  await editSign.getByLabel('Who to contact').fill('Jo, at home');
  await editSign.getByRole('button', { name: 'Save sign' }).click();
  await expect(page.getByRole('button', { name: 'Edit “Snapping at people”' })).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your changes to “Snapping at people” are saved.' }),
  ).toBeVisible();
  expect(services.signs()[1]).toMatchObject({ name: 'Snapping at people', contact: 'Jo, at home' });

  // Six weeks of check-ins, written straight into the services, then the page read afresh.
  const notSleeping = services.signs().find((f) => f.name === 'Not sleeping well')!;
  const seeded = seedWeeks(shell.services, { signId: notSleeping.id });
  await page.reload();
  await app.expectFrame();
  await app.goTo('Check-ins');

  // The trend: a point for each check-in of the period, diamonds where a sign was ticked, the same in the table.
  const month = within(seeded, 30);
  await expect(page.getByText(`${month} check-ins in the past month.`)).toBeVisible();
  await expect(checkins.chartPoints).toHaveCount(month);
  await expect(checkins.signMarkers).toHaveCount(
    within(
      seeded.filter((c) => c.withSign),
      30,
    ),
  );
  await checkins.showTable();
  await expect(checkins.tableRows).toHaveCount(month);
  await expect(page.getByRole('table')).toContainText('Not sleeping well');
  await checkins.period('Week');
  await expect(checkins.chartPoints).toHaveCount(within(seeded, 7));
  await expect(checkins.tableRows).toHaveCount(within(seeded, 7));
  await checkins.period('Year');
  await expect(checkins.chartPoints).toHaveCount(seeded.length);
  await expect(checkins.tableRows).toHaveCount(seeded.length);
  await expect(page.getByRole('table').locator('caption')).toHaveText(
    'Your check-ins over the past year, oldest first',
  );
  await checkins.period('Month');
  await expect(checkins.tableRows).toHaveCount(month);
  await app.expectAccessible('check-ins with the table shown');

  // Capacity has fallen over the last fortnight: a gentle suggestion, with the person's own what-helps.
  const falling = checkins.suggestion('Your capacity lately');
  await expect(falling).toContainText('Your last few check-ins have been lower than is usual for you');
  await expect(page.getByTestId('suggestion')).toHaveCount(1);
  const timeOut = falling.getByRole('button', { name: 'Take time out' });
  await timeOut.click();
  await expect(timeOut).toHaveAttribute('aria-expanded', 'true');
  await expect(falling).toContainText('An early night, and no screens after nine.');
  await expect(falling).toContainText('Who to contact: Sam, my supervisor: 07700 900123');

  // An empty check-in: a kind word, focus on the scale, and what was typed is kept.
  const form = checkins.form;
  await form.getByLabel('What is helping?').fill('A quiet lunch outside.');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Please choose how much capacity you have, anywhere from 0 to 10. Everything else is optional.',
  );
  await expect(form.getByLabel('What is helping?')).toHaveValue('A quiet lunch outside.');
  expect(services.list()).toHaveLength(seeded.length);

  // The keyboard: the first number has focus; Space chooses it and the arrow keys move along.
  await expect(form.getByRole('radio', { name: '0 — nothing left', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: '4', exact: true })).toBeChecked();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(form.getByRole('group', { name: 'Energy' }).getByRole('radio', { name: 'Very low' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(
    form.getByRole('group', { name: 'Energy' }).getByRole('radio', { name: 'Low', exact: true }),
  ).toBeChecked();
  await form.getByRole('checkbox', { name: 'Not sleeping well' }).focus();
  await page.keyboard.press('Space');
  await expect(form.getByRole('checkbox', { name: 'Not sleeping well' })).toBeChecked();

  // A time still to come is kindly refused by main, and nothing is lost or saved.
  await form.getByRole('button', { name: 'Choose another time' }).click();
  await expect(form.getByLabel('Date and time')).toBeFocused();
  const tomorrow = await page.evaluate(() => {
    const d = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await form.getByLabel('Date and time').fill(tomorrow);
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'A check-in is about how things are, or were. Please choose a time that has already come.',
  );
  expect(services.list()).toHaveLength(seeded.length);
  await expect(form.getByRole('radio', { name: '4', exact: true })).toBeChecked();
  await form.getByRole('button', { name: 'Use now' }).click();
  await expect(form.getByRole('button', { name: 'Choose another time' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Save check-in' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(checkins.status).toHaveText('Check-in saved. Thank you for stopping to notice how you are.');
  await expect(page.getByRole('heading', { name: 'How are you today?' })).toBeFocused();
  await expect(form.getByRole('radio', { name: '4', exact: true })).not.toBeChecked();
  await expect(form.getByLabel('What is helping?')).toHaveValue('');
  const saved = services.list();
  expect(saved).toHaveLength(seeded.length + 1);
  expect(saved[0]).toMatchObject({
    capacity: 4,
    energy: 2,
    sleep: null,
    helping: 'A quiet lunch outside.',
    signs: [{ id: notSleeping.id, name: 'Not sleeping well' }],
  });
  await expect(checkins.chartPoints).toHaveCount(month + 1);
  const newest = checkins.recent.getByRole('listitem').first();
  await expect(newest).toContainText('Capacity: A little (4 of 10)');
  await expect(newest).toContainText('Energy: low');
  await expect(newest).toContainText('Signs: Not sleeping well');

  // Edit: it loads into the form, with its date and time; change it and save.
  await newest.getByRole('button', { name: /^Edit check-in from/ }).click();
  await expect(page.getByRole('heading', { name: /^Edit your check-in from/ })).toBeFocused();
  await expect(form.getByRole('radio', { name: '4', exact: true })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Not sleeping well' })).toBeChecked();
  await expect(form.getByLabel('Date and time')).not.toHaveValue('');
  await form.getByRole('radio', { name: '5 — some', exact: true }).check();
  await form.getByLabel('What is hard?').fill('Two cancellations, and the drive.');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await expect(checkins.status).toHaveText('Your changes are saved.');
  expect(services.list()).toHaveLength(seeded.length + 1);
  expect(services.list()[0]).toMatchObject({ capacity: 5, hard: 'Two cancellations, and the drive.' });
  await expect(newest).toContainText('Capacity: Some (5 of 10)');
  await expect(newest).toContainText('Hard: Two cancellations, and the drive.');

  // Delete an older check-in, after a question.
  const older = checkins.recent.getByRole('listitem').nth(5);
  const olderWhen = await older.getByRole('heading').textContent();
  await older.getByRole('button', { name: /^Delete check-in from/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this check-in?' });
  await expect(dialog).toContainText('will be removed for good');
  await dialog.getByRole('button', { name: 'Delete check-in' }).click();
  await expect(checkins.recent.getByRole('heading', { name: olderWhen!, exact: true })).toHaveCount(0);
  expect(services.list()).toHaveLength(seeded.length);
  await expect(
    page.getByRole('status').filter({ hasText: `The check-in from ${olderWhen} has been deleted.` }),
  ).toBeVisible();

  // Not now: the suggestion is set aside, and stays aside when everything is read again.
  await falling.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Set aside.' })).toBeVisible();
  await expect(page.getByTestId('suggestion')).toHaveCount(0);
  expect(services.suggestions()).toEqual([]);
  await page.reload();
  await app.expectFrame();
  await app.goTo('Check-ins');
  await expect(checkins.chartPoints).toHaveCount(month);
  await expect(page.getByTestId('suggestion')).toHaveCount(0);

  // Deleting a sign: past check-ins keep its name.
  await page.getByRole('button', { name: 'Delete “Not sleeping well”' }).click();
  const signDialog = page.getByRole('dialog', { name: 'Delete “Not sleeping well”?' });
  await expect(signDialog).toContainText('Past check-ins where you ticked it keep its name');
  await signDialog.getByRole('button', { name: 'Delete sign' }).click();
  await expect(checkins.signs.getByRole('listitem')).toHaveCount(1);
  await expect(form.getByRole('checkbox', { name: 'Not sleeping well' })).toHaveCount(0);
  await expect(checkins.recent.getByRole('listitem').first()).toContainText('Signs: Not sleeping well');
  expect(services.list()[0]!.signs).toEqual([{ id: null, name: 'Not sleeping well' }]);
});

test.describe('in the dark', () => {
  test.use({ shellOptions: { colorScheme: 'dark' } });

  test('both suggestions, bring to supervision, the chart by keyboard, and accessible', async ({
    app,
    page,
    shell,
  }) => {
    const checkins = new CheckinsPageObject(page);
    await app.newJournal();
    const sign = shell.services.checkins.saveSign({
      name: 'Dreading the inbox',
      whatHelps: 'Opening it with a cup of tea, and only for twenty minutes.',
      contact: 'Priya, a colleague I trust',
    });
    const seeded = seedWeeks(shell.services, { signId: sign.id, recurring: true });
    await app.goTo('Check-ins');

    await expect(page.getByTestId('suggestion')).toHaveCount(2);
    const recurring = checkins.suggestion('“Dreading the inbox”');
    await expect(recurring).toContainText(
      '“Dreading the inbox” has come up in 3 of your check-ins over the past fortnight.',
    );
    await recurring.getByRole('button', { name: 'Take time out' }).click();
    await expect(recurring).toContainText('Opening it with a cup of tea, and only for twenty minutes.');
    await checkins.showTable();
    await expect(checkins.tableRows).toHaveCount(within(seeded, 30));
    await app.expectAccessible('check-ins (dark), table shown');

    // The chart is one stop in the tab order, named, and the arrow keys move between check-ins (what they
    // say is in screen-reader.spec.ts).
    const chart = page.getByTestId('capacity-chart');
    await expect(chart).toHaveAttribute('role', 'application');
    await expect(chart).toHaveAttribute('aria-label', /^Line chart of your capacity over the past month: 14 check-ins/);
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('capacity-chart')).toContainText('Capacity: A good amount (8 of 10)');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('capacity-chart')).toContainText('Capacity: A fair amount (7 of 10)');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('capacity-chart')).toContainText('Capacity: A fair amount (6 of 10)');

    // Bring to supervision: an entry in the journal, flagged, and the suggestion set aside.
    const falling = checkins.suggestion('Your capacity lately');
    await falling.getByRole('button', { name: 'Bring to supervision' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Added to your journal as “How I have been lately”' }),
    ).toContainText('flagged for you to bring to supervision');
    await expect(page.getByTestId('suggestion')).toHaveCount(1);
    const flagged = shell.services.journal.list({ bringToSupervision: true }).items;
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ title: 'How I have been lately', bringToSupervision: true });
    expect(flagged[0]!.tags).toContain('restorative');
    expect(shell.services.checkins.suggestions().map((s) => s.kind)).toEqual(['recurring']);
    await app.expectAccessible('check-ins (dark), after bringing to supervision');
  });
});

test('a check-in half written waits while you look elsewhere, and is forgotten on lock', async ({ app, page }) => {
  await app.newJournal();
  await app.goTo('Check-ins');
  await page.getByRole('radio', { name: /^4/ }).check();
  await page.getByLabel('What is hard?').fill('A long day of cover.');
  await app.goTo('Journal');
  await app.goTo('Check-ins');
  await expect(page.getByRole('radio', { name: /^4/ })).toBeChecked();
  await expect(page.getByLabel('What is hard?')).toHaveValue('A long day of cover.');
  await app.lock();
  await app.unlock(PASSPHRASE);
  await app.expectFrame();
  await app.goTo('Check-ins');
  await expect(page.getByLabel('What is hard?')).toHaveValue('');
  await expect(page.getByRole('radio', { name: /^4/ })).not.toBeChecked();
});

test('with two supervisions, a suggestion joins the agenda of the one you choose', async ({ app, page, services }) => {
  await app.newJournal();
  services.supervision.saveSupervisor({ ...MONTHLY, name: 'Dr Ama Mensah' });
  const team = services.supervision.saveSupervisor({ ...MONTHLY, name: 'Team reflective group', type: 'group' });
  const sign = services.checkins.saveSign({ name: 'Not sleeping well', whatHelps: '', contact: '' });
  seedWeeks(services, { signId: sign.id });
  await app.goTo('Check-ins');
  const falling = page.getByTestId('suggestion').filter({ hasText: 'Your capacity lately' });
  await falling.getByLabel('Supervision with').selectOption({ label: 'Team reflective group' });
  await falling.getByRole('button', { name: 'Bring to supervision' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'with Team reflective group as a restorative item' }),
  ).toBeVisible();
  expect(services.supervision.agenda(team.id)).toEqual([expect.objectContaining({ function: 'restorative' })]);
  await app.expectAccessible('check-ins, choosing a supervision');
});

test('brought to supervision before there is a supervisor, it joins the agenda later as the restorative item the guide promises', async ({
  app,
  page,
  services,
}) => {
  await app.newJournal();
  const sign = services.checkins.saveSign({ name: 'Not sleeping well', whatHelps: '', contact: '' });
  seedWeeks(services, { signId: sign.id });
  await app.goTo('Check-ins');
  const falling = page.getByTestId('suggestion').filter({ hasText: 'Your capacity lately' });
  await falling.getByRole('button', { name: 'Bring to supervision' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added to your journal as “How I have been lately”' }),
  ).toBeVisible();

  // A supervision begins later; the entry waits among those flagged, and one button brings it.
  const ama = services.supervision.saveSupervisor({ name: 'Dr Ama Mensah', ...MONTHLY });
  await app.goTo('Supervision');
  await page
    .getByRole('group', { name: 'Flagged to bring to supervision' })
    .getByRole('button', { name: 'Add to agenda: “How I have been lately”' })
    .click();
  await expect(page.getByTestId('agenda-status')).toContainText(
    '“How I have been lately” is on the agenda as a restorative item of 10 minutes.',
  );
  expect(services.supervision.agenda(ama.id)).toEqual([
    expect.objectContaining({
      title: 'How I have been lately',
      function: 'restorative',
      sevenEyed: 4,
      question: 'Some time for how I am, not only for the work.',
      minutes: 10,
    }),
  ]);
  await app.expectAccessible('supervision, a check-in brought later');
});

test('today’s check-in, at the right edge of the chart, is drawn whole in every period', async ({
  app,
  page,
  shell,
}) => {
  const checkins = new CheckinsPageObject(page);
  await app.newJournal();
  const sign = shell.services.checkins.saveSign({ name: 'Not sleeping well', whatHelps: '', contact: '' });
  seedWeeks(shell.services, { signId: sign.id });
  // Today's, with a sign (the larger diamond) and at the top of the scale: the hardest to fit.
  for (const [capacity, signIds] of [
    [6, []],
    [10, [sign.id]],
  ] as const) {
    shell.services.checkins.save({
      at: new Date().toISOString(),
      capacity,
      energy: 3,
      sleep: 3,
      load: 3,
      helping: '',
      hard: '',
      signIds: [...signIds],
      entryId: null,
    });
  }
  await app.goTo('Check-ins');
  for (const period of ['Week', 'Month', 'Year'] as const) {
    await checkins.period(period);
    await expect(checkins.chartPoints.last()).toBeVisible();
    // The point's own box, against the chart's viewBox and against every clip applied above it.
    const fit = await checkins.chartPoints.last().evaluate((point: SVGGElement) => {
      const box = point.getBBox();
      const svg = point.ownerSVGElement!;
      const view = svg.viewBox.baseVal;
      const frames = [
        view && view.width
          ? { name: 'viewBox', x: view.x, y: view.y, width: view.width, height: view.height }
          : { name: 'svg', x: 0, y: 0, width: svg.width.baseVal.value, height: svg.height.baseVal.value },
      ];
      for (let el: Element | null = point; el && el !== svg; el = el.parentElement) {
        const ref = /url\(["']?#([^"')]+)["']?\)/.exec(el.getAttribute('clip-path') ?? '');
        const rect = ref ? svg.querySelector(`clipPath[id="${CSS.escape(ref[1]!)}"] rect`) : null;
        if (rect) {
          const r = (rect as SVGRectElement).getBBox();
          frames.push({ name: `clip-path #${ref![1]}`, x: r.x, y: r.y, width: r.width, height: r.height });
        }
      }
      const box4 = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
      return {
        box: box4,
        outside: frames
          .filter(
            (f) =>
              box4.left < f.x - 0.01 ||
              box4.top < f.y - 0.01 ||
              box4.right > f.x + f.width + 0.01 ||
              box4.bottom > f.y + f.height + 0.01,
          )
          .map((f) => f.name),
      };
    });
    expect(fit.outside, `today's point in the ${period.toLowerCase()}, at ${JSON.stringify(fit.box)}`).toEqual([]);
  }
});

test('someone who arrives already depleted is offered a gentle suggestion, and the entry it starts carries no numbers', async ({
  app,
  page,
  shell,
}) => {
  await app.newJournal();
  // Six check-ins at 0–3 in a first week, with no warning signs set.
  const now = Date.now();
  [2, 3, 1, 0, 3, 2].forEach((capacity, i) =>
    shell.services.checkins.save({
      at: new Date(now - (6 - i) * 24 * 60 * 60 * 1000).toISOString(),
      capacity,
      energy: 1,
      sleep: 2,
      load: 5,
      helping: '',
      hard: '',
      signIds: [],
      entryId: null,
    }),
  );
  await app.goTo('Check-ins');
  const suggestion = page.getByTestId('suggestion');
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion.getByRole('heading', { name: 'Running low' })).toBeVisible();
  await expect(suggestion).toContainText('Whatever is usual for you, that is a lot to carry.');
  await app.expectAccessible('check-ins, running low');
  await suggestion.getByRole('button', { name: 'Bring to supervision' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added to your journal as “How I have been lately”' }),
  ).toBeVisible();
  const [entry] = shell.services.journal.list({ limit: 5 }).items;
  const text = JSON.stringify(shell.services.journal.get(entry!.id));
  expect(text).toContain('My last few check-ins have all been low');
  expect(text).not.toMatch(/out of 10/);
});
