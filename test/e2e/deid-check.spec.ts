/**
 * The identifying-details check as a clinician meets it on a first export: names of many origins found and
 * grouped by person, stand-ins that fit, a group split and two joined, the words the check is unsure of
 * settled in a click, and what it missed added from the preview and from the keyboard. Then every format
 * is read back: nothing identifying is left in any of them.
 */
import { existsSync } from 'node:fs';
import type { DocNode } from '../../common/journal/doc';
import { EXPORT_FORMATS, type ExportFormat } from '../../common/export/types';
import type { Services } from '../../main/app';
import { exportText } from '../support/readback';
import {
  expectAccessible,
  expectAccessibleInBothThemes,
  expectExportAccessible,
  ExportPageObject,
  SAVED_FORMATS,
} from './export-page';
import { expect, test } from './fixtures';
import type { HoldingApp } from './pages';

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Invented: nobody here is real, and the phone number is from the range kept for fiction. */
const THURSDAY = {
  title: 'A long Thursday',
  paragraphs: [
    'This morning on Harewood Ward I sat with Adwoa Mensah-Boateng. Adwoa said her brother Omar would ring me on (212) 555-0147.',
    'Ffion came in later. Maria Kowalski rang about the forms, and Ms Kowalski came by in the afternoon. I saw kwame again after lunch; he seemed calmer.',
    'We used the grimbly worksheet again, and talked through the flenwick idea. Dr Okafor joined us, with his dog Biscuit.',
    'Afterwards I talked it through with Ngozi, who always asks the right question. We walked over to Tollbooth for a coffee.',
  ],
};
const AFTER = {
  title: 'Thinking it over',
  paragraphs: ['I keep thinking about Adwoa, and how Omar spoke for her.'],
};

/** Every identifying word in the entries: none may leave, in any format, in any case. */
const IDENTIFYING = [
  'Harewood',
  'Adwoa',
  'Mensah',
  'Boateng',
  'Omar',
  '(212)',
  '555-0147',
  '5550147',
  'Ffion',
  'Maria',
  'Kowalski',
  'kwame',
  'Biscuit',
  'Okafor',
  'Ngozi',
  'Tollbooth',
];

function seed(services: Services): void {
  for (const [entry, client] of [
    [THURSDAY, true],
    [AFTER, false],
  ] as const) {
    const created = services.journal.create({ title: entry.title });
    services.journal.save({
      ...created,
      body: { type: 'doc', content: entry.paragraphs.map(p) },
      tags: [],
      containsClientMaterial: client,
    });
  }
}

test('a first export: names of many origins settled by person, a split and a join, what the check missed added, and nothing identifying left in any format', async ({
  app,
  page,
  services,
}) => {
  // A whole first export through the UI, four files saved and read back: long on a loaded 2-core machine.
  test.setTimeout(240_000);
  const ex = new ExportPageObject(page);
  await app.startWith(() => seed(services));

  // A first export, with nothing on the names and places lists yet: a gentle suggestion, which can wait.
  await app.goTo('Export');
  const note = page.getByRole('complementary', { name: 'A suggestion before you check' });
  await expect(note).toContainText('Names and places to look out for');
  await expect(note.getByRole('button', { name: 'Go to names and places in Settings' })).toBeVisible();
  await note.getByRole('button', { name: 'Not now' }).click();
  await expect(note).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Choose what to include' })).toBeFocused();

  await ex.entry(THURSDAY.title).check();
  await ex.entry(AFTER.title).check();
  await ex.checkButton.click();
  await expect(ex.remaining).toBeVisible({ timeout: 30_000 });

  // Grouped by person: a full name and the first name alone are one, and say so.
  const adwoa = ex.valueCard('Adwoa Mensah-Boateng');
  await expect(adwoa).toContainText('Also written “Adwoa”.');
  await expect(
    adwoa.getByRole('list', { name: 'Where “Adwoa Mensah-Boateng” appears' }).getByRole('listitem'),
  ).toHaveCount(3);
  await expect(ex.valueCard('Maria Kowalski')).toContainText('Also written “Ms Kowalski”.');
  for (const name of ['Ffion', 'kwame', 'Omar', 'Dr Okafor', 'Ngozi']) {
    await expect(ex.category('Names').getByRole('heading', { level: 4, name: `“${name}”`, exact: true })).toBeVisible();
  }
  await expect(ex.category('Places')).toContainText('“Harewood Ward”');
  await expect(ex.category('Phone numbers')).toContainText('“(212) 555-0147”');
  // The words it does not know, which may be names, apart and quick to settle.
  const possibly = ex.category('Words that may be names');
  await expect(possibly.getByRole('heading', { level: 3 })).toHaveText('Words that may be names (2)');
  await expect(possibly).toContainText('Words the check does not know, which may be names.');
  await expect(possibly.getByRole('heading', { level: 4 })).toHaveText(['“grimbly”', '“flenwick”']);
  // The suggested stand-ins fit who each person is: a relative, a colleague, a ward.
  await expect(ex.value('Omar').getByRole('radio', { name: 'Pseudonym: Relative A' })).toBeVisible();
  await expect(ex.value('Dr Okafor').getByRole('radio', { name: 'Pseudonym: Colleague A' })).toBeVisible();
  await expect(ex.value('Harewood Ward').getByRole('radio', { name: 'Pseudonym: Ward A' })).toBeVisible();
  await expect(ex.saveButton).toBeDisabled();
  await expectAccessible(page, 'the check, nothing decided');

  // One person, one stand-in, everywhere they appear however written.
  await ex.decide('Adwoa Mensah-Boateng', 'Pseudonym');
  await expect(ex.pseudonym('Adwoa Mensah-Boateng')).toHaveValue('Person A');
  await expect(adwoa.getByRole('listitem').filter({ hasText: 'I keep thinking about' })).toContainText(
    'becomes “Person A”',
  );

  // Maria Kowalski and Ms Kowalski turn out to be two people: split, put back, and split again.
  await ex.decide('Maria Kowalski', 'Pseudonym');
  await ex.notTheSame('Maria Kowalski', 'Ms Kowalski').click();
  await expect(ex.groupHeading('Ms Kowalski')).toBeFocused();
  const msKowalski = ex.valueCard('Ms Kowalski');
  await expect(msKowalski).toContainText('Taken out of “Maria Kowalski”');
  await expect(ex.valueCard('Maria Kowalski')).not.toContainText('Also written');
  // Split off, it keeps the decision to use a pseudonym, with one of its own.
  await expect(ex.value('Ms Kowalski').getByRole('radio', { name: /^Pseudonym: / })).toBeChecked();
  const msStandIn = await ex.pseudonym('Ms Kowalski').inputValue();
  expect(msStandIn).toMatch(/^Person [A-Z]$/);
  expect(msStandIn).not.toBe(await ex.pseudonym('Maria Kowalski').inputValue());
  const putBack = msKowalski.getByRole('button', { name: 'Put it back' });
  await expect(putBack).toHaveAccessibleDescription('Taken out of “Maria Kowalski”: not the same person.');
  await putBack.click();
  await expect(ex.groupHeading('Maria Kowalski')).toBeFocused();
  await expect(ex.valueCard('Maria Kowalski')).toContainText('Also written “Ms Kowalski”.');
  await ex.notTheSame('Maria Kowalski', 'Ms Kowalski').focus();
  await page.keyboard.press('Enter');
  await expect(ex.groupHeading('Ms Kowalski')).toBeFocused();

  // A relative, a Welsh first name, a name in lower case: stand-ins as suggested.
  for (const name of ['Omar', 'Ffion', 'kwame']) await ex.decide(name, 'Pseudonym');
  await expect(ex.pseudonym('Omar')).toHaveValue('Relative A');

  // A stand-in that gives the ward away is refused, saying which word; an everyday word is fine.
  await ex.decide('Harewood Ward', 'Pseudonym');
  await ex.pseudonym('Harewood Ward').fill('Harewood');
  await expect(ex.pseudonym('Harewood Ward')).toHaveAccessibleDescription(
    '“Harewood” is part of “Harewood Ward”, so it would give it away. Please choose words that are not in it.',
  );
  await expect(ex.valueCard('Harewood Ward').getByText('Still to decide', { exact: true })).toBeVisible();
  await ex.pseudonym('Harewood Ward').fill('the ward');
  await expect(ex.valueCard('Harewood Ward').getByText('Decided', { exact: true })).toBeVisible();
  await ex.pseudonym('Harewood Ward').fill('Ward A');

  // The phone number goes.
  await ex.decide('(212) 555-0147', 'Redact');

  // Dr Okafor and Ngozi are the same colleague: the same stand-in typed for both asks, and a yes joins them.
  await ex.decide('Dr Okafor', 'Pseudonym');
  await ex.decide('Ngozi', 'Pseudonym');
  await ex.pseudonym('Ngozi').fill('Colleague A');
  const question = ex.valueCard('Ngozi').getByRole('group', { name: /Are these the same person\?$/ });
  await expect(question).toContainText('“Colleague A” also stands in for “Dr Okafor”. Are these the same person?');
  await expect(ex.pseudonym('Ngozi')).toHaveAccessibleDescription(/Are these the same person\?/);
  await question.getByRole('button', { name: 'No, I’ll choose another' }).click();
  await expect(ex.pseudonym('Ngozi')).toBeFocused();
  await question.getByRole('button', { name: 'Yes, the same person' }).click();
  await expect(ex.groupHeading('Dr Okafor')).toBeFocused();
  await expect(ex.groupHeading('Ngozi')).toHaveCount(0);
  await expect(ex.valueCard('Dr Okafor')).toContainText('You said “Ngozi” is the same person.');
  await expect(ex.valueCard('Dr Okafor').getByRole('listitem').filter({ hasText: 'who always asks' })).toContainText(
    'becomes “Colleague A”',
  );

  // The words the check was unsure of: one at a time, then all that remain, in a click each.
  await possibly.getByRole('button', { name: 'Not identifying', exact: true }).first().click();
  await expect(possibly.getByRole('button', { name: 'Not identifying', exact: true }).first()).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await possibly.getByRole('button', { name: 'None of these identify anyone' }).click();
  // The button goes once it has done its work: focus stays with the words it settled.
  await expect(possibly.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(possibly.getByText('Still to decide', { exact: true })).toHaveCount(0);
  await expect(possibly.getByRole('button', { name: 'None of these identify anyone' })).toHaveCount(0);
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
  await expectAccessibleInBothThemes(app, 'the check, all decided');

  // What the check missed, seen in the preview: selected there, and given a stand-in.
  const srcdoc = () => page.locator('iframe[title="Preview of the export"]').getAttribute('srcdoc');
  await expect.poll(srcdoc).toContain('Biscuit');
  await ex.selectInPreview('Biscuit');
  await expect(ex.missedWords).toHaveValue('Biscuit');
  await expect(ex.missedWords).toHaveAccessibleDescription(/^Selected in the preview\./);
  await ex.missed.getByRole('button', { name: 'Give it a pseudonym' }).click();
  await expect(ex.missedStatus).toHaveText(/^Found “Biscuit” in one place: it becomes “Detail [A-Z]”\.$/, {
    timeout: 30_000,
  });
  await expect(ex.missedWords).toHaveValue('');
  // Found everywhere it appears, however the check groups it.
  await expect(page.getByText(/^Added by you, in /).first()).toBeVisible();
  await expect(ex.missed.getByRole('button', { name: 'Stop looking for “Biscuit”' })).toBeVisible();
  // And from the keyboard alone: typed, and Enter redacts.
  await ex.missedWords.focus();
  await page.keyboard.type('Tollbooth');
  await page.keyboard.press('Enter');
  await expect(ex.missedStatus).toHaveText('Found “Tollbooth” in one place: it is redacted.', { timeout: 30_000 });
  await expect(ex.valueCard('Tollbooth').getByText('Decided', { exact: true })).toBeVisible();
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
  await expectAccessible(page, 'the check, with words added');

  // The preview is what will leave.
  await expect.poll(srcdoc).not.toContain('Biscuit');
  const html = (await srcdoc())!;
  for (const word of IDENTIFYING) expect(html.toLowerCase(), word).not.toContain(word.toLowerCase());
  await expectExportAccessible(app, html);

  // Saved in all four formats, and read back: no identifying word in any, the stand-ins in all.
  const saved: Partial<Record<ExportFormat, string>> = {};
  for (const [format, name] of SAVED_FORMATS) {
    saved[format] = await ex.saveAs(name);
    expect(existsSync(saved[format]!)).toBe(true);
  }
  for (const format of EXPORT_FORMATS) {
    const text = (await exportText(saved[format]!, format)).replace(/\s+/g, ' ');
    for (const word of IDENTIFYING)
      expect(text.toLowerCase(), `${word} in ${format}`).not.toContain(word.toLowerCase());
    for (const standIn of ['Person A', 'Relative A', 'Ward A', 'Colleague A', 'Detail A', msStandIn, '[redacted]']) {
      expect(text, `${standIn} in ${format}`).toContain(standIn);
    }
    // Kept as not identifying, as decided.
    expect(text, format).toContain('grimbly worksheet');
    expect(text, format).toContain('flenwick idea');
    // One person, one stand-in: Adwoa is Person A in both entries; Dr Okafor and Ngozi are one colleague.
    expect(text.match(/Person A\b/g)?.length, format).toBe(3);
    expect(text.match(/Colleague A\b/g)?.length, format).toBe(2);
    expect(text, format).toContain('Relative A would ring me on [redacted]');
    expect(text, format).toContain('We walked over to [redacted] for a coffee');
  }
});

test('the names list: a suggestion leads to it, and a missed word selected in the Markdown goes on it', async ({
  app,
  page,
  services,
}) => {
  const ex = new ExportPageObject(page);
  await app.startWith(() => seed(services));

  // The suggestion goes to the names and places in Settings.
  await app.goTo('Export');
  const note = page.getByRole('complementary', { name: 'A suggestion before you check' });
  await expectAccessible(page, 'export, with the suggestion');
  await note.getByRole('button', { name: 'Go to names and places in Settings' }).click();
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: 'Names and places to look out for' })).toBeFocused();

  // Back at the export, the suggestion stays until a list has something on it.
  await app.goTo('Export');
  await expect(note).toBeVisible();
  await ex.entry(THURSDAY.title).check();
  await ex.checkButton.click();
  await expect(ex.remaining).toBeVisible({ timeout: 30_000 });
  await ex.chooseFormat('Markdown');
  await expect(ex.markdown).toContainText('Biscuit');

  // Selected in the Markdown, put on the names list: the check reads everything again and finds it.
  await ex.markdown.scrollIntoViewIfNeeded();
  const box = await ex.markdown.evaluate((pre) => {
    const node = [...pre.childNodes].find((n) => n.textContent?.includes('Biscuit'))!;
    const range = document.createRange();
    const at = node.textContent!.indexOf('Biscuit');
    range.setStart(node, at);
    range.setEnd(node, at + 'Biscuit'.length);
    // Scrolled to within the Markdown's own box, which scrolls on its own.
    pre.scrollTop += range.getBoundingClientRect().top - pre.getBoundingClientRect().top - 40;
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.dblclick(box.x, box.y);
  await expect(ex.missedWords).toHaveValue('Biscuit');
  await ex.missed.getByRole('button', { name: 'Add to my names list' }).click();
  await expect(ex.missedStatus).toHaveText(
    '“Biscuit” is on your names list now, in Settings. The check found it in one place here; please decide what to do with it.',
    { timeout: 30_000 },
  );
  expect(services.settings.get().deidNames).toEqual(['Biscuit']);
  await expect(ex.valueCard('Biscuit')).toContainText('Name from your list');
  await expect(ex.valueCard('Biscuit').getByText('Still to decide', { exact: true })).toBeVisible();
  await expectAccessible(page, 'the check, a name added to the list');

  // A word that is not there is said so, and is not kept.
  await ex.missedWords.fill('Person Z');
  await ex.missed.getByRole('button', { name: 'Redact this' }).click();
  await expect(ex.missedStatus).toContainText(
    'Holding could not find “Person Z”, written just like that, in what you chose. Please check the spelling, or select the words in the preview.',
    { timeout: 30_000 },
  );
  await expect(ex.missed.getByRole('button', { name: /^Stop looking for/ })).toHaveCount(0);

  // With a name on the list, the suggestion has done its work.
  await page.getByRole('button', { name: 'Back to choosing' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Choose what to include' })).toBeFocused();
  await expect(note).toHaveCount(0);
  await app.goTo('Settings');
  await expect(page.getByRole('list', { name: 'Names on your list' })).toContainText('Biscuit');
});

/** Invented, like the rest: a dog, a café door, a ward, and people who may or may not be one another. */
const CAFE = {
  title: 'By the blue door',
  paragraphs: [
    'We met by the blue door again, and Pepper sat under the table. Later I sat with Ngozi on Harewood Ward.',
    'Maria Kowalski rang about the forms. We talked about Dr Okafor, and the grimbly worksheet.',
    'Afterwards, by the blue door, Ngozi said it had helped.',
  ],
};

/** A fresh vault with the entry above and these names listed, at the check. */
async function openCheck(app: HoldingApp, services: Services, names: string[]): Promise<ExportPageObject> {
  const page = app.page;
  await app.startWith(() => {
    const created = services.journal.create({ title: CAFE.title });
    services.journal.save({ ...created, body: { type: 'doc', content: CAFE.paragraphs.map(p) }, tags: [] });
    services.settings.update({ deidNames: names });
  });
  await app.goTo('Export');
  const ex = new ExportPageObject(page);
  await ex.entry(CAFE.title).check();
  await ex.checkButton.click();
  await expect(ex.remaining).toBeVisible({ timeout: 30_000 });
  return ex;
}

test('the same person or not: a question that waits for its answer, even across kinds, a join undone where the pseudonym was only suggested, and one main refuses', async ({
  app,
  page,
  shell,
}) => {
  test.setTimeout(120_000);
  // "Sam Rivers" is on the names list, but nowhere in the entry: only main can tell that "Sam" gives someone away.
  const ex = await openCheck(app, shell.services, ['Sam Rivers']);
  for (const name of ['Dr Okafor', 'Ngozi', 'Pepper', 'Harewood Ward', 'Maria Kowalski'])
    await ex.decide(name, 'Pseudonym');
  await expect(ex.pseudonym('Dr Okafor')).toHaveValue('Colleague A');
  await expect(ex.pseudonym('Harewood Ward')).toHaveValue('Ward A');
  const ngoziOwn = await ex.pseudonym('Ngozi').inputValue();
  expect(ngoziOwn).toMatch(/^Person [A-Z]$/);
  await page.getByRole('button', { name: 'Redact all that remain' }).click();
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
  await expect(ex.saveButton).toBeEnabled({ timeout: 10_000 });

  // "Ward A" typed for the dog: asked whether they are one, though one is a place; until answered, it waits.
  await ex.pseudonym('Pepper').fill('ward a');
  const pepperQuestion = ex.valueCard('Pepper').getByRole('group', { name: /Are these one and the same\?$/ });
  await expect(pepperQuestion).toContainText(
    '“ward a” also stands in for “Harewood Ward”. Are these one and the same?',
  );
  await expect(ex.valueCard('Pepper').getByText('Still to decide', { exact: true })).toBeVisible();
  await expect(ex.remaining).toHaveText(/^1 thing of \d+ still needs a decision\.$/);
  await expect(ex.saveButton).toBeDisabled();
  // Read out once typing pauses, politely.
  await expect(ex.valueCard('Pepper').getByRole('status')).toHaveText(
    '“ward a” also stands in for “Harewood Ward”. Are these one and the same?',
  );
  await ex.pseudonym('Pepper').fill('the dog');
  await expect(pepperQuestion).toHaveCount(0);
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);

  // Ngozi given the pseudonym Dr Okafor was only suggested: asked, answered yes, then undone.
  await ex.pseudonym('Ngozi').fill('Colleague A');
  const question = ex.valueCard('Ngozi').getByRole('group', { name: /Are these the same person\?$/ });
  await expect(question).toContainText('Until you answer, this still needs a decision.');
  await expect(ex.remaining).toHaveText(/^2 things of \d+ still need a decision\.$/);
  await expect(ex.saveButton).toBeDisabled();
  await question.getByRole('button', { name: 'Yes, the same person' }).click();
  await expect(ex.groupHeading('Dr Okafor')).toBeFocused();
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
  const okafor = ex.valueCard('Dr Okafor');
  await expect(okafor).toContainText('You said “Ngozi” is the same person.');
  await okafor.getByRole('button', { name: 'Not the same person: “Ngozi” is not “Dr Okafor”' }).click();
  await expect(ex.groupHeading('Ngozi')).toBeFocused();
  // Apart again, each with a pseudonym of their own, and nothing left to ask.
  await expect(ex.pseudonym('Ngozi')).toHaveValue(ngoziOwn);
  await expect(ex.pseudonym('Dr Okafor')).toHaveValue('Colleague A');
  await expect(ex.valueCard('Ngozi').getByRole('group', { name: /Are these the same person\?$/ })).toHaveCount(0);
  await expect(okafor).not.toContainText('Ngozi');
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);

  // Maria Kowalski said to be Dr Okafor, then not: the whole of her group comes back, not just one form.
  await ex.pseudonym('Maria Kowalski').fill('Colleague A');
  await ex.valueCard('Maria Kowalski').getByRole('button', { name: 'Yes, the same person' }).click();
  await expect(okafor).toContainText('You said “Maria Kowalski” is the same person.');
  await okafor.getByRole('button', { name: 'Not the same person: “Maria Kowalski” is not “Dr Okafor”' }).click();
  await expect(ex.groupHeading('Maria Kowalski')).toBeFocused();
  await expect(ex.pseudonym('Maria Kowalski')).toHaveValue(/^Person [A-Z]$/);

  // "Sam" reads as a name from the list: main will not use it, and says so; until another is chosen, it waits.
  await ex.pseudonym('Ngozi').fill('Sam');
  await expect(ex.pseudonym('Ngozi')).toHaveAccessibleDescription(
    '“Sam” looks like a name from your list or another detail, so it would not hide anything. Please choose another.',
    { timeout: 15_000 },
  );
  await expect(ex.valueCard('Ngozi').getByText('2 still to decide', { exact: true })).toBeVisible();
  await expect(ex.remaining).toHaveText(/^2 things of \d+ still need a decision\.$/);
  await expect(ex.saveButton).toBeDisabled();
  await expect(ex.saveButton).toHaveAccessibleDescription(/2 things still to go\.$/);
  await expect(ex.valueCard('Ngozi').getByRole('status')).toHaveText(/^“Sam” looks like a name from your list/);
  await expectAccessible(page, 'the check, a pseudonym refused');
  await ex.pseudonym('Ngozi').fill('Colleague Z');
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
  await expect(ex.saveButton).toBeEnabled({ timeout: 10_000 });
});

test('what the check missed: words of several found as a whole, a decision replaced, pseudonyms that stay put, typed words kept, and focus that stays', async ({
  app,
  page,
  shell,
}) => {
  test.setTimeout(120_000);
  const ex = await openCheck(app, shell.services, ['Sam Rivers']);
  await expect(page.locator('iframe[title="Preview of the export"]')).toHaveAttribute('sandbox', 'allow-same-origin');
  for (const name of ['Ngozi', 'Maria Kowalski', 'Pepper']) await ex.decide(name, 'Pseudonym');
  const standIn = (name: string) => ex.value(name).getByRole('radio', { name: /^Pseudonym: / });
  const before: Record<string, string> = {};
  for (const name of ['Ngozi', 'Maria Kowalski', 'Pepper']) before[name] = await ex.pseudonym(name).inputValue();
  const possibly = ex.category('Words that may be names');
  await possibly.getByRole('button', { name: 'None of these identify anyone' }).click();
  await expect(possibly.getByRole('heading', { level: 3 })).toBeFocused();

  // Two words selected in the preview: looked for as a whole, found in both places, before everyone else.
  const srcdoc = () => page.locator('iframe[title="Preview of the export"]').getAttribute('srcdoc');
  await expect.poll(srcdoc).toContain('blue door');
  await ex.selectInPreview('blue door');
  await expect(ex.missedWords).toHaveValue('blue door');
  await ex.missed.getByRole('button', { name: 'Redact this' }).click();
  // In the entry's title too.
  await expect(ex.missedStatus).toHaveText('Found “blue door” in 3 places: it is redacted.', { timeout: 30_000 });
  // Lettered afresh, the check's suggestions moved along; the pseudonyms already chosen did not.
  for (const [name, was] of Object.entries(before)) {
    await expect(ex.pseudonym(name)).toHaveValue(was);
    await expect(standIn(name)).toHaveAccessibleName(`Pseudonym: ${was}`);
  }
  const blueDoor = await ex
    .value('blue door')
    .getByText(/^Pseudonym: /)
    .textContent();
  expect(blueDoor).toMatch(/^Pseudonym: Detail [A-Z]$/);
  expect(Object.values(before).map((v) => `Pseudonym: ${v}`)).not.toContain(blueDoor);
  await expect.poll(srcdoc).not.toContain('blue door');

  // The same words the other way round are nowhere: said so, helpfully, and not kept.
  await ex.missedWords.fill('door blue');
  await ex.missed.getByRole('button', { name: 'Redact this' }).click();
  await expect(ex.missedStatus).toContainText(
    'Holding could not find “door blue”, written just like that, in what you chose. Please check the spelling, or select the words in the preview.',
    { timeout: 30_000 },
  );
  await expect(ex.missed.getByRole('button', { name: 'Stop looking for “door blue”' })).toHaveCount(0);

  // Settled as not identifying, then redacted from the box after all: the new decision is the one that counts.
  await ex.missedWords.fill('grimbly');
  await ex.missed.getByRole('button', { name: 'Redact this' }).click();
  await expect(ex.missedStatus).toHaveText('Found “grimbly” in one place: it is redacted.', { timeout: 30_000 });
  await expect(ex.value('grimbly').getByRole('radio', { name: 'Redact' })).toBeChecked();
  await expect.poll(srcdoc).not.toContain('grimbly');

  // Words typed in the box stay there when others are selected in the preview: offered, not put in their place.
  await ex.missedWords.fill('Tollb');
  await ex.selectInPreview('forms');
  await expect(ex.missedWords).toHaveValue('Tollb');
  await expect(ex.missed).toContainText('You selected “forms” in the preview.');
  await ex.missed.getByRole('button', { name: 'Use it instead' }).click();
  await expect(ex.missedWords).toHaveValue('forms');
  await expect(ex.missedWords).toBeFocused();
  await ex.missedWords.fill('');

  // Taking a word off the list: focus goes to the next one's button, then to the box.
  await ex.missed.getByRole('button', { name: 'Stop looking for “blue door”' }).click();
  await expect(ex.missed.getByRole('button', { name: 'Stop looking for “grimbly”' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ex.missedWords).toBeFocused();
  await expect(ex.missed.getByRole('button', { name: /^Stop looking for/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Redact all that remain' }).click();
  await expect(ex.tally).toBeFocused();
  await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
  await expectAccessible(page, 'the check, missed words settled');
});

test('the suggestion about the names list comes before the first export, and not after it', async ({
  app,
  page,
  services,
}) => {
  const ex = new ExportPageObject(page);
  await app.startWith(() => {
    const created = services.journal.create({ title: 'A quiet week' });
    services.journal.save({
      ...created,
      body: { type: 'doc', content: [p('Nothing much happened, and that was fine.')] },
      tags: [],
    });
  });
  await app.goTo('Export');
  const note = page.getByRole('complementary', { name: 'A suggestion before you check' });
  await expect(note).toBeVisible();
  await ex.entry('A quiet week').check();
  await ex.checkButton.click();
  await expect(page.getByTestId('nothing-found')).toBeVisible({ timeout: 30_000 });
  // The preview runs no scripts, whatever it holds: its sandbox never allows them.
  await expect(page.locator('iframe[title="Preview of the export"]')).toHaveAttribute('sandbox', 'allow-same-origin');
  await ex.saveAs('Markdown');
  expect(services.exports.records()).toHaveLength(1);
  await page.getByRole('button', { name: 'Back to choosing' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Choose what to include' })).toBeFocused();
  // The lists are still empty, but the person has been through an export: no need to say it again.
  await expect(note).toHaveCount(0);
  expect(services.settings.get().deidNames).toEqual([]);
});
