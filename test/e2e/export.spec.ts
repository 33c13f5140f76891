import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docFromParagraphs } from '../../common/journal/doc';
import {
  EMPTY_SELECTION,
  EXPORT_FORMATS,
  type ExportSelection,
  type FindingKind,
  KIND_NAMES,
} from '../../common/export/types';
import { IDENTIFIERS, identifiersLeftIn, seedIdentifyingEntries } from '../support/export-fixture';
import { exportText } from '../support/readback';
import {
  expectAccessibleInBothThemes,
  expectExportAccessible,
  ExportPageObject,
  SAVED_FORMATS,
  seedCheckins,
} from './export-page';
import { expect, test } from './fixtures';
import { JournalPageObject, PASSPHRASE } from './pages';
import { agendaItem, CONTRACT, seedSessions } from './supervision-page';

const WRITTEN = {
  title: 'After the ward round',
  text: 'Keziah rang from Harewood Ward on 07700 900123. Margaret Okafor will ring her back tomorrow.',
};

test('entries with identifying details: every finding settled, previewed and saved in every format', async ({
  app,
  page,
  services,
  shell,
}) => {
  // Every finding settled through the UI and four files saved: long on a loaded 2-core machine.
  test.setTimeout(240_000);
  const ex = new ExportPageObject(page);
  await app.newJournal();
  const { ids } = seedIdentifyingEntries(services);
  seedCheckins(services);
  await page.reload();
  await app.expectFrame();

  // One entry written in the journal, as a person would, marked as holding client material.
  const journal = new JournalPageObject(page);
  await journal.writeNewEntry(WRITTEN.title, WRITTEN.text);
  await page.getByLabel('Contains client material').check();
  await journal.expectSaved();
  const written = services.journal.list({ query: 'ward round' }).items[0]!;

  await app.goTo('Export');
  await expect(ex.heading).toBeFocused();
  await expect(page.getByText('Nothing chosen yet.')).toBeVisible();
  await expect(ex.checkButton).toBeDisabled();
  await expectAccessibleInBothThemes(app, 'export, nothing chosen');

  // Choosing: a title with a name in it, three entries (one as just a part), and no check-ins.
  await ex.title.fill('Thinking about Keziah');
  await ex.entry(WRITTEN.title).check();
  await ex.entry('A hard afternoon with Keziah').check();
  await ex.entry('Thinking it over').check();
  await expect(ex.selection.getByRole('listitem')).toHaveCount(3);
  const alert = page.getByRole('alert').filter({ hasText: 'marked as containing client material' });
  await expect(alert).toContainText('2 entries are marked as containing client material');
  await expect(alert).toContainText(`“${WRITTEN.title}”`);
  await expect(alert).toContainText('“A hard afternoon with Keziah”');
  await page.getByRole('button', { name: 'Move “A hard afternoon with Keziah” up' }).click();
  await expect(page.getByRole('button', { name: 'Move “A hard afternoon with Keziah” down' })).toBeFocused();
  await expect(ex.selection.getByRole('listitem').first()).toContainText('A hard afternoon with Keziah');
  const thinking = ex.chosen('Thinking it over');
  await thinking.getByRole('radio', { name: 'Just a part' }).check();
  await expect(ex.checkButton).toBeDisabled();
  await expect(page.getByText('“Thinking it over” is set to share just a part')).toBeVisible();
  await thinking.getByLabel('The part of “Thinking it over” to include').fill('I keep coming back to Keziah.');
  await expect(page.getByText('These are private by default.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Include my check-ins' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Include my early warning signs and what helps' })).not.toBeChecked();
  await expectAccessibleInBothThemes(app, 'export, chosen');

  // A look elsewhere loses nothing.
  await app.goTo('Journal');
  await app.goTo('Export');
  await expect(ex.title).toHaveValue('Thinking about Keziah');
  await expect(ex.selection.getByRole('listitem')).toHaveCount(3);
  await expect(ex.chosen('Thinking it over').getByRole('textbox')).toHaveValue('I keep coming back to Keziah.');

  // The check: every finding listed in its context, each kind in words.
  await ex.checkButton.click();
  await expect(ex.checkHeading).toBeFocused();
  await expect(ex.remaining).toBeVisible({ timeout: 30_000 });
  const selection: ExportSelection = {
    ...EMPTY_SELECTION,
    title: 'Thinking about Keziah',
    entries: [
      { id: ids[0]!, excerpt: null },
      { id: written.id, excerpt: null },
      { id: ids[1]!, excerpt: 'I keep coming back to Keziah.' },
    ],
  };
  const check = await services.exports.check(selection);
  await expect(ex.occurrences).toHaveCount(check.findings.length);
  // Each kind of detail the entries hold, found as that kind and named so.
  const expected: FindingKind[] = [
    'listed-name',
    'person-name',
    'listed-place',
    'nhs-number',
    'date-of-birth',
    'postcode',
    'phone',
    'email',
  ];
  expect(new Set(check.findings.map((f) => f.kind))).toEqual(new Set(expected));
  for (const kind of expected) {
    await expect(page.getByText(new RegExp(`^${KIND_NAMES[kind]}, in `)).first()).toBeVisible();
  }
  // Each identifier in the entries is one of them, as that kind.
  for (const [text, kind] of [
    [IDENTIFIERS.listedName, 'listed-name'],
    [IDENTIFIERS.nlpName, 'person-name'],
    [IDENTIFIERS.place, 'listed-place'],
    [IDENTIFIERS.nhs, 'nhs-number'],
    [IDENTIFIERS.dob, 'date-of-birth'],
    [IDENTIFIERS.postcode, 'postcode'],
    [IDENTIFIERS.phone, 'phone'],
    [IDENTIFIERS.email, 'email'],
  ] as const) {
    expect(
      check.findings.filter((f) => f.text === text).map((f) => f.kind),
      text,
    ).toContain(kind);
  }
  for (const category of [
    'Names',
    'NHS and other numbers',
    'Dates of birth',
    'Addresses and postcodes',
    'Phone numbers',
    'E-mail and web addresses',
    'Places',
  ]) {
    await expect(page.getByRole('region', { name: category })).toBeVisible();
  }
  await expect(ex.remaining).toHaveText(
    `${check.findings.length} things of ${check.findings.length} still need a decision.`,
  );
  await expect(ex.saveButton).toBeDisabled();
  await expect(page.getByText(/^Saving opens once everything the check found has a decision/)).toBeVisible();
  await expectAccessibleInBothThemes(app, 'export, the check');

  // Settling: names by "all like this" as pseudonyms (one renamed), one Keziah on its own, the rest redacted,
  // and the ward kept with a reason. Saving stays closed until the last decision.
  await ex.decide('Keziah', 'Pseudonym');
  await expect(ex.pseudonym('Keziah')).toHaveValue('Person A');
  await ex.decide('Margaret Okafor', 'Pseudonym');
  await expect(ex.pseudonym('Margaret Okafor')).toHaveValue('Person B');
  // A pseudonym another person has asks whether they are one; one that gives the name away says which word,
  // and cannot be saved.
  await ex.pseudonym('Margaret Okafor').fill('Person A');
  await expect(ex.pseudonym('Margaret Okafor')).toHaveAccessibleDescription(
    '“Person A” also stands in for “Keziah”. Are these the same person?',
  );
  await ex.pseudonym('Margaret Okafor').fill('Margaret Okafor');
  await expect(ex.pseudonym('Margaret Okafor')).toHaveAccessibleDescription(
    '“Margaret” is part of “Margaret Okafor”, so it would give it away. Please choose words that are not in it.',
  );
  await expect(ex.valueCard('Margaret Okafor').getByText('2 still to decide')).toBeVisible();
  await ex.pseudonym('Margaret Okafor').fill('a colleague');
  await expect(ex.value('Margaret Okafor').getByRole('radio', { name: 'Pseudonym: a colleague' })).toBeChecked();
  const lastKeziah = ex.valueCard('Keziah').getByRole('listitem').last();
  await expect(lastKeziah).toContainText('in “Thinking it over”');
  await lastKeziah.getByRole('button', { name: 'Decide this one separately' }).click();
  // Focus moves to the choices that replaced the button; the keyboard is enough from there.
  const justThisOne = lastKeziah.getByRole('group', { name: 'Just this one (7 of 7)' });
  await expect(justThisOne.getByRole('radio', { name: 'Redact' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(justThisOne.getByRole('radio', { name: 'Redact' })).toBeChecked();
  await expect(lastKeziah).toContainText('becomes “[redacted]” (decided on its own)');
  await expect(ex.valueCard('Keziah').getByRole('listitem').first()).toContainText('becomes “Person A”');
  for (const value of [IDENTIFIERS.nhs, IDENTIFIERS.dob, IDENTIFIERS.postcode, IDENTIFIERS.phone, IDENTIFIERS.email]) {
    await ex.decide(value, 'Redact');
  }
  await expect(ex.remaining).toHaveText(`2 things of ${check.findings.length} still need a decision.`);
  await ex.decide('Harewood Ward', 'Keep');
  // Keep needs its reason: until then, it still counts as undecided.
  await expect(ex.remaining).toHaveText(`2 things of ${check.findings.length} still need a decision.`);
  await expect(ex.reason('Harewood Ward')).toHaveAccessibleDescription(
    /Until there is a reason, this still needs a decision/,
  );
  await expect(ex.saveButton).toBeDisabled();
  await expect(ex.saveButton).toHaveAccessibleDescription(
    'Saving opens once everything the check found has a decision: 2 things still to go.',
  );
  await ex.reason('Harewood Ward').fill('A ward name alone does not identify anyone here.');
  await expect(ex.remaining).toHaveText(`All ${check.findings.length} have a decision.`);
  await expect(ex.saveButton).toBeEnabled();
  await expectAccessibleInBothThemes(app, 'export, all settled');

  // The preview is exactly what will leave, with the decisions applied.
  const srcdoc = () => page.locator('iframe[title="Preview of the export"]').getAttribute('srcdoc');
  await expect.poll(srcdoc).toContain('Thinking about Person A');
  const html = (await srcdoc())!;
  expect(html).toContain('a colleague');
  expect(html).toContain('Harewood Ward');
  for (const value of ['Keziah', 'Margaret', 'Okafor', 'A walk at lunchtime']) expect(html).not.toContain(value);
  await expectExportAccessible(app, html);
  await ex.chooseFormat('Markdown');
  await expect(ex.markdown).toContainText('# Thinking about Person A');
  await expect(ex.markdown).not.toContainText('Keziah');
  await expect(ex.saveButton).toHaveText('Save as Markdown…');

  // A look elsewhere loses no decision.
  await app.goTo('Journal');
  await app.goTo('Export');
  await expect(ex.remaining).toHaveText(`All ${check.findings.length} have a decision.`);
  await expect(ex.pseudonym('Margaret Okafor')).toHaveValue('a colleague');
  await expect(ex.markdown).toContainText('# Thinking about Person A');

  // Saving, in every format.
  const saved: Record<string, string> = {};
  for (const [format, name] of SAVED_FORMATS) {
    saved[format] = await ex.saveAs(name);
    expect(saved[format]).toMatch(
      new RegExp(`Thinking about Person A - \\d{4}-\\d{2}-\\d{2}\\.${format === 'markdown' ? 'md' : format}$`),
    );
    expect(existsSync(saved[format]!)).toBe(true);
  }
  expect(shell.savedFiles.sort()).toEqual(Object.values(saved).sort());
  const texts: Record<string, string> = {};
  for (const format of EXPORT_FORMATS) texts[format] = await exportText(saved[format]!, format);
  for (const [format, text] of Object.entries(texts)) {
    const flat = text.replace(/\s+/g, ' ');
    expect(identifiersLeftIn(flat), format).toEqual([]);
    // The same person has the same pseudonym everywhere, the title included; the ward stays, as decided.
    expect(flat, format).toContain('Thinking about Person A');
    expect(flat.match(/Person A/g)!.length, format).toBeGreaterThanOrEqual(6);
    expect(flat.match(/a colleague/g)!.length, format).toBe(2);
    expect(flat, format).not.toContain('Person B');
    expect(flat, format).toContain('Harewood Ward');
    expect(flat, format).toContain('[redacted]');
    // Check-ins were not ticked, so none of them left.
    expect(flat, format).not.toContain('A walk at lunchtime');
    expect(flat, format).not.toContain('A long clinic');
  }
  expect(texts['html']).not.toMatch(/<script|\bsrc=|@import|url\(|https?:/i);
  expect(texts['html']).toBe(html);

  // Each export is noted under "Exported before", newest first.
  const rows = ex.records.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.locator('td:nth-child(3)')).toHaveText(['Web page (HTML)', 'Markdown', 'Word (DOCX)', 'PDF']);
  for (const row of await rows.all()) {
    await expect(row.getByRole('rowheader')).toHaveText('Thinking about Person A');
    await expect(row.locator('td').last()).toHaveText('7 redacted, 8 pseudonymised, 2 kept');
  }
  await expect(rows.first()).toContainText(path.basename(saved['html']!));
  expect(services.exports.records()).toHaveLength(4);
  // Where each went, and "Show in folder": beside what was just saved, and on each row.
  await expect(rows.locator('td:nth-child(4)').first()).toContainText(path.dirname(saved['html']!));
  await page.getByRole('button', { name: 'Show in folder', exact: true }).click();
  await expect.poll(() => [...shell.shownInFolder]).toEqual([saved['html']]);
  // Each row's button names its file and when it was saved: two exports with one file name stay apart.
  const showPdf = rows.last().getByRole('button', { name: `Show in folder: ${path.basename(saved['pdf']!)}` });
  await expect(showPdf).toHaveAccessibleName(
    `Show in folder: ${path.basename(saved['pdf']!)}, saved ${await rows.last().locator('td').first().innerText()}`,
  );
  await showPdf.click();
  await expect.poll(() => [...shell.shownInFolder]).toEqual([saved['html'], saved['pdf']]);
  await expectAccessibleInBothThemes(app, 'export, saved');
});

test('check-ins and warning signs leave only when ticked, a clean check says so, and a lock forgets the draft', async ({
  app,
  page,
  services,
}) => {
  const ex = new ExportPageObject(page);
  await app.newJournal();
  const { ids } = seedIdentifyingEntries(services);
  seedCheckins(services);
  const ama = services.supervision.saveSupervisor(CONTRACT);
  seedSessions(services, ama.id, [20]);
  services.supervision.addAgendaItem(ama.id, agendaItem('Boundaries with a family'));
  services.checkins.saveSign({
    name: 'Not sleeping well',
    whatHelps: 'An early night, and no screens after nine.',
    contact: '',
  });
  await page.reload();
  await app.expectFrame();

  await app.goTo('Export');
  await page.getByLabel('Search your entries').fill('good day');
  await expect(page.getByRole('list', { name: 'Entries to choose from' }).getByRole('listitem')).toHaveCount(1);
  await ex.entry('A good day').check();
  await expect(page.getByRole('alert').filter({ hasText: 'client material' })).toHaveCount(0);
  await ex.checkButton.click();
  await expect(page.getByTestId('nothing-found')).toContainText('Nothing that looks identifying turned up.');
  await expect(ex.saveButton).toBeEnabled();

  // Changed after the check, in the journal: the save is refused, the check reads it again, and what is new
  // must be settled before anything leaves.
  const goodDay = services.journal.get(ids[2]!);
  services.journal.save({
    ...goodDay,
    body: docFromParagraphs(['Everything felt manageable; Keziah rang to say thank you.']),
  });
  await ex.saveButton.click();
  await expect(page.getByRole('alert').filter({ hasText: 'has changed since the check' })).toBeVisible();
  await expect(ex.remaining).toContainText('still need', { timeout: 30_000 });
  await expect(ex.saveButton).toBeDisabled();
  await page.getByRole('button', { name: 'Redact all that remain' }).click();
  // The button goes once it has done its work: focus goes to the tally, which says so.
  await expect(ex.tally).toBeFocused();
  await expect(ex.saveButton).toBeEnabled();
  await expect
    .poll(() => page.locator('iframe[title="Preview of the export"]').getAttribute('srcdoc'))
    .toContain('[redacted] rang to say thank you');
  services.journal.save({ ...services.journal.get(ids[2]!), body: goodDay.body });
  const srcdoc = () => page.locator('iframe[title="Preview of the export"]').getAttribute('srcdoc');
  await expect.poll(srcdoc).toContain('Everything felt manageable');
  for (const words of ['A walk at lunchtime', 'A long clinic', 'Not sleeping well', 'Check-ins']) {
    expect(await srcdoc()).not.toContain(words);
  }

  // Ticked, they come along, and through the same check.
  await page.getByRole('button', { name: 'Back to choosing' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Choose what to include' })).toBeFocused();
  const checkins = page.getByRole('checkbox', { name: 'Include my check-ins' });
  await expect(checkins).toHaveAccessibleDescription(/These are private by default/);
  await checkins.check();
  await expect(page.getByLabel('From', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Include my early warning signs and what helps' }).check();
  await expect(ex.chosen('My check-ins')).toContainText('private unless you include it');
  await expect(ex.chosen('My early warning signs and what helps')).toBeVisible();
  await expectAccessibleInBothThemes(app, 'export, check-ins ticked');
  await ex.checkButton.click();
  await expect(page.getByTestId('nothing-found')).toBeVisible();
  await expect.poll(srcdoc).toContain('A walk at lunchtime by the river.');
  const html = (await srcdoc())!;
  for (const words of [
    'A long clinic with no break.',
    'Not sleeping well',
    'An early night, and no screens after nine.',
  ]) {
    expect(html).toContain(words);
  }
  await ex.chooseFormat('Markdown');
  await expect(ex.markdown).toContainText('A walk at lunchtime by the river.');
  await expectAccessibleInBothThemes(app, 'export, nothing found');

  // Taken out again, they are gone from the preview.
  await page.getByRole('button', { name: 'Back to choosing' }).click();
  await ex.chosen('My check-ins').getByRole('button', { name: 'Remove “My check-ins”' }).click();
  await expect(checkins).not.toBeChecked();
  await ex.checkButton.click();
  await expect(ex.markdown).not.toContainText('A walk at lunchtime');
  await expect(ex.markdown).toContainText('Not sleeping well');

  // From supervision: the agenda as it stands, a session record and the hours log.
  await page.getByRole('button', { name: 'Back to choosing' }).click();
  await page
    .getByRole('group', { name: 'Agendas for your next session' })
    .getByRole('checkbox', { name: /^With Dr Ama Mensah/ })
    .check();
  await page.getByRole('group', { name: 'Session records' }).getByRole('checkbox').first().check();
  await page.getByRole('checkbox', { name: 'The hours log' }).check();
  await expect(page.getByLabel('Whose hours')).toHaveValue(ama.id);
  await expect(ex.selection.getByRole('listitem')).toHaveCount(5);
  await expect(ex.chosen('Agenda for your next session with Dr Ama Mensah')).toBeVisible();
  await expect(ex.chosen('Hours with Dr Ama Mensah')).toBeVisible();
  await ex.checkButton.click();
  await expect(ex.remaining).toBeVisible();
  await page.getByRole('button', { name: 'Redact all that remain' }).click();
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
  await expect(ex.markdown).toContainText('Agenda for our next supervision');
  await expect(ex.markdown).toContainText('Boundaries with a family');
  await expect(ex.markdown).toContainText('Supervision hours with');
  await expect(ex.markdown).not.toContainText('Mensah');

  // Locking forgets the selection and the decisions along with everything else.
  await app.lock();
  await app.unlock(PASSPHRASE);
  await app.expectFrame();
  await app.goTo('Export');
  await expect(page.getByRole('heading', { level: 2, name: 'Choose what to include' })).toBeVisible();
  await expect(page.getByText('Nothing chosen yet.')).toBeVisible();
  await expect(ex.entry('A good day')).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Include my early warning signs and what helps' })).not.toBeChecked();
  expect(ids).toHaveLength(3);
});

test.describe('when the folder cannot be written', () => {
  const missing = path.join(os.tmpdir(), `holding-no-such-folder-${process.pid}`, 'nor-this');
  test.use({ shellOptions: { colorScheme: 'dark', savePath: (name) => path.join(missing, name) } });

  test('saving says so kindly, writes nothing and records nothing', async ({ app, page, services, shell }) => {
    const ex = new ExportPageObject(page);
    await app.newJournal();
    seedIdentifyingEntries(services);
    await page.reload();
    await app.expectFrame();
    await app.goTo('Export');
    await expect(page.getByTestId('no-exports')).toContainText('Nothing exported yet.');
    await ex.entry('A good day').check();
    await ex.checkButton.click();
    await expect(page.getByTestId('nothing-found')).toBeVisible();
    await ex.saveButton.click();
    const problem = page.getByRole('alert').filter({ hasText: 'could not save the file there' });
    await expect(problem).toContainText('Nothing was written; please choose another folder.');
    await expect(ex.saveStatus).toHaveText('');
    await expect(ex.saveButton).toBeEnabled();
    expect(shell.savedFiles).toHaveLength(1);
    expect(existsSync(shell.savedFiles[0]!)).toBe(false);
    expect(existsSync(missing)).toBe(false);
    expect(services.exports.records()).toEqual([]);
    await expect(page.getByTestId('no-exports')).toBeVisible();
    await expectAccessibleInBothThemes(app, 'export, could not save');
  });
});

test('a long check shows how far it has read, can be stopped, and runs again when asked', async ({
  app,
  page,
  shell,
}) => {
  test.setTimeout(240_000);
  const ex = new ExportPageObject(page);
  await app.newJournal();
  // Forty long entries, every paragraph different, so the check has real reading to do.
  const titles = Array.from({ length: 40 }, (_, i) => `Long visit ${String(i).padStart(2, '0')}`);
  const created = shell.host.syncBatch<{ id: string }>(
    'journal',
    'create',
    titles.map((title) => [{ title }]),
  );
  shell.host.syncBatch(
    'journal',
    'save',
    created.map((entry, i) => [
      {
        id: entry.id,
        title: titles[i],
        body: docFromParagraphs(
          Array.from(
            { length: 60 },
            (_, p) =>
              `On visit ${i}.${p} I met Margaret Okonkwo-Hughes at ${p + 1} Larch Road, Bristol BS3 4QT; she rang 07700 900${String(p).padStart(3, '0')} after seeing Dr Patel.`,
          ),
        ),
        eventDate: null,
        tags: [],
        bringToSupervision: false,
        containsClientMaterial: false,
        pinned: false,
      },
    ]),
  );
  await page.reload();
  await app.expectFrame();
  await app.goTo('Export');
  // The twenty most recent, as the list first shows them.
  for (const title of titles.slice(-20)) await ex.entry(title).check();
  await ex.checkButton.click();

  const bar = page.getByRole('progressbar', { name: 'How far the check has read' });
  await expect(bar).toBeVisible();
  await page.getByRole('button', { name: 'Stop checking' }).click();
  await expect(page.getByText('Stopped. Nothing was changed.')).toBeVisible();
  await expect(bar).toBeHidden();
  await app.expectAccessible('export, the check stopped');

  await page.getByRole('button', { name: 'Try the check again' }).click();
  await expect(bar).toBeVisible();
  await expect(page.getByText('Stopped. Nothing was changed.')).toBeHidden();
  // Run whole this time: the findings arrive and the bar goes.
  const check = page.getByRole('region', { name: 'Check for identifying details' });
  await expect(check.getByText('BS3 4QT').first()).toBeVisible({ timeout: 180_000 });
  await expect(bar).toBeHidden();
});
