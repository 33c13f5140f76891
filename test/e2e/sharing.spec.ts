/**
 * The Sharing page (issue 7), both sides, in the browser shell against the real services. The other person
 * is a second vault in a temporary folder of its own, driven through its services: their card, their share,
 * and reading the feedback back.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardOf, createIdentity, sharingReady } from '../../main/sharing/card';
import { type Shell, SHELL_ORIGIN } from '../support/shell';
import { expect, test } from './fixtures';
import { otherPerson, shareFromShell, SharingPageObject } from './sharing-page';

test('a supervisor makes a card, confirms a supervisee, reads their share, comments and sends feedback', async ({
  app,
  page,
  shell,
}) => {
  const sharing = new SharingPageObject(page, shell);
  await app.newJournal();
  await app.goTo('Sharing');
  await expect(sharing.heading).toBeFocused();
  await expect(sharing.yourCard.getByText('Holding makes you a card')).toBeVisible();
  await sharing.expectAccessible('no card yet', { dark: true });

  // A card needs a name; main's own words say so.
  await sharing.yourCard.getByRole('button', { name: 'Make my card' }).click();
  await expect(sharing.yourCard.getByText('Please give the name your supervisor knows you by.')).toBeVisible();
  await expect(sharing.yourCard.getByLabel('Your name', { exact: true })).toBeFocused();

  // A shared file opened before there is a card: refused in words that read well here, and focus goes to
  // them, from the keyboard with its ring showing. Making the card answers the refusal, so it goes.
  const tooEarly = path.join(os.tmpdir(), `holding-e2e-early-${process.pid}-${Date.now()}.holdingbundle`);
  await fs.writeFile(tooEarly, 'not opened: there is no card yet');
  shell.nextOpenPath = tooEarly;
  await page.getByRole('button', { name: 'Open a shared file…' }).press('Enter');
  await expect(sharing.alert).toHaveText(
    'Please make your card first, under “Your card” on the Sharing page: shared files are sealed to it.',
  );
  await expect(sharing.problem).toBeFocused();
  expect(await sharing.problem.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
  await fs.rm(tooEarly);

  await sharing.makeCard('Dr Ama Mensah', 'Supervisor');
  await expect(sharing.alert).toHaveCount(0);
  await expect(sharing.yourCard.getByRole('button', { name: 'Copy card' })).toBeFocused();
  const mine = shell.services.identity.view()!;
  expect(await sharing.fingerprint()).toBe(mine.fingerprint);
  expect(await sharing.cardText()).toBe(mine.card);
  await sharing.expectAccessible('card made', { dark: true });

  // The links at the top take focus to each part of the page.
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Shared with you' }).click();
  await expect(sharing.received.getByRole('heading', { level: 2, name: 'Shared with you' })).toBeFocused();

  // Copy the card.
  await shell.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SHELL_ORIGIN });
  await sharing.yourCard.getByRole('button', { name: 'Copy card' }).click();
  await expect(sharing.yourCard.getByTestId('copy-status')).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(mine.card);

  // Save it as a file: the page says where.
  await sharing.yourCard.getByRole('button', { name: 'Save card as a file…' }).click();
  // The save dialog is answered in main a moment after the click: wait for it, rather than race it.
  await expect.poll(() => shell.savedFiles.length).toBe(1);
  const cardFile = shell.savedFiles.at(-1)!;
  expect(path.basename(cardFile)).toBe('Dr Ama Mensah - Holding card.holdingcard');
  await expect(sharing.yourCard.getByTestId('card-status')).toContainText(`Your card is saved as “${cardFile}”`);
  expect(readFileSync(cardFile, 'utf8').trim()).toBe(mine.card);

  // Change the role: the keys, and so the fingerprint, stay the same.
  await sharing.yourCard.getByRole('button', { name: 'Change name or role' }).click();
  await expect(sharing.yourCard.getByText('Your keys and fingerprint stay the same')).toBeVisible();
  await sharing.yourCard.getByLabel('Your role (optional)', { exact: true }).fill('Clinical supervisor');
  await sharing.yourCard.getByRole('button', { name: 'Save changes' }).click();
  await expect(sharing.yourCard.getByTestId('card-role')).toHaveText('Clinical supervisor');
  await expect(sharing.yourCard.getByRole('button', { name: 'Change name or role' })).toBeFocused();
  expect(await sharing.fingerprint()).toBe(mine.fingerprint);

  // Refusals, beside the box, and the pasted text stays.
  await sharing.addCard(mine.card);
  await expect(sharing.people.getByRole('alert')).toHaveText(
    'That is your own card. Add the card of the person you want to share with.',
  );
  await expect(sharing.pasteBox).toHaveValue(mine.card);
  await expect(sharing.pasteBox).toHaveAttribute('aria-invalid', 'true');
  await sharing.addCard('HOLDING-CARD-1.bm90IGEgY2FyZA');
  await expect(sharing.people.getByRole('alert')).toHaveText(
    'That is not a Holding identity card, or part of it is missing. Please ask for it again.',
  );
  await expect(sharing.pasteBox).toHaveValue('HOLDING-CARD-1.bm90IGEgY2FyZA');
  await sharing.expectAccessible('card refused');

  const sam = await otherPerson('Sam Rivers', 'Clinical psychologist');
  try {
    // Adding Sam's card asks to compare fingerprints; "Not yet" leaves it unconfirmed.
    await sharing.addCard(sam.card);
    const dialog = sharing.compareDialog('Sam Rivers');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Sam Rivers’s card is added.')).toBeVisible();
    expect(await sharing.fingerprintIn(dialog)).toBe(sam.fingerprint);
    await expect(dialog.getByRole('button', { name: 'Not yet' })).toBeFocused();
    await sharing.expectAccessible('compare fingerprints', { dark: true });
    await dialog.getByRole('button', { name: 'Not yet' }).click();
    await expect(dialog).toBeHidden();
    await expect(sharing.pasteBox).toHaveValue('');
    await expect(sharing.contactState('Sam Rivers')).toHaveText('Not yet confirmed');
    await expect(sharing.contact('Sam Rivers').getByRole('button', { name: /^Compare fingerprints/ })).toBeFocused();
    expect(await sharing.fingerprintIn(sharing.contact('Sam Rivers'))).toBe(sam.fingerprint);

    // The same card twice.
    await sharing.addCard(sam.card);
    await expect(sharing.people.getByRole('alert')).toHaveText('You have already added Sam Rivers’s card.');
    // Someone else's card under a name that looks like Sam's (Cyrillic а, a blank braille cell after it):
    // refused, naming the contact it could be mistaken for (issue 19).
    await sharingReady();
    await sharing.addCard(cardOf(createIdentity('Sаm Rivers\u2800', 'Clinical psychologist')));
    await expect(sharing.people.getByRole('alert')).toContainText(
      'This card’s name looks very like Sam Rivers, who is already in your contacts with a different card',
    );
    await expect(sharing.people.getByRole('heading', { level: 3, name: /Rivers/ })).toHaveCount(1);
    await sharing.expectAccessible('look-alike card refused');

    await sharing
      .contact('Sam Rivers')
      .getByRole('button', { name: /^Compare fingerprints/ })
      .click();
    await sharing.confirmFingerprint('Sam Rivers');
    await expect(sharing.people.getByTestId('contacts-status')).toContainText('Sam Rivers is confirmed');
    await sharing.expectAccessible('contact confirmed');

    // Sam adds and confirms this card, and shares an entry and an agenda item.
    const amaAtSam = await sam.addAndConfirm(mine.card);
    const bundle = await sam.share(amaAtSam, 'For supervision');

    await sharing.openBundle(bundle);
    await expect(sharing.status).toHaveText(
      'A share from Sam Rivers, “For supervision”: 2 items. It is open below for you to read and comment on.',
    );
    await expect(sharing.reviewHeading('For supervision')).toBeFocused();
    const entry = sharing.item('After a long clinic');
    await expect(entry.getByText('Journal entry', { exact: true })).toBeVisible();
    await expect(entry.getByText('Marked as containing client material')).toBeVisible();
    // The blocks, as real elements: headings under the item's own, marks, lists, tasks, quote, code, table.
    await expect(entry.getByRole('heading', { level: 4, name: 'What I noticed in myself' })).toBeVisible();
    await expect(entry.getByRole('heading', { level: 5, name: 'A smaller heading' })).toBeVisible();
    await expect(entry.locator('strong')).toHaveText('tired');
    await expect(entry.locator('em')).toHaveText('unsure');
    await expect(entry.locator('u')).toHaveText('stretched');
    await expect(entry.locator('s')).toHaveText('not at all calm');
    await expect(entry.locator('mark')).toHaveText('this matters');
    await expect(entry.locator('p code')).toHaveText('formulation v2');
    await expect(entry.locator('ol[start="3"]')).toContainText('Third thought');
    await expect(entry.getByRole('listitem').filter({ hasText: 'Wrote it down' })).toContainText('Done:');
    await expect(entry.getByRole('listitem').filter({ hasText: 'Bring it to supervision' })).toContainText('Not done:');
    await expect(entry.locator('blockquote')).toContainText('Stay with not knowing');
    await expect(entry.locator('pre')).toHaveText('plan: rest, then write');
    await expect(entry.getByRole('columnheader', { name: 'What I did' })).toBeVisible();
    await expect(entry.getByRole('cell', { name: 'Both columns at once' })).toHaveAttribute('colspan', '2');
    // A link shows its address as text and cannot be followed.
    await expect(entry.getByText('(https://example.org/guidance)')).toBeVisible();
    await expect(page.locator('#content a')).toHaveCount(0);
    const agendaItem = sharing.item('1. Staying with not knowing');
    await expect(agendaItem.getByText('Agenda item', { exact: true })).toBeVisible();
    await expect(agendaItem.locator('dl')).toContainText('How long can I wait before acting?');
    await sharing.expectAccessible('reviewing a share', { dark: true });

    // Comments: one saved on leaving the box, the overall one with its button.
    await sharing.comment('After a long clinic', 'You noticed your own tiredness and named it. That matters.');
    await sharing.overall('Thank you for bringing this. Let us start with the agenda item.');
    const received = shell.services.sharing.received()[0]!;
    const stored = shell.services.sharing.receivedShare(received.id);
    expect(Object.values(stored.comments)).toEqual(['You noticed your own tiredness and named it. That matters.']);
    expect(stored.overall).toBe('Thank you for bringing this. Let us start with the agenda item.');
    // A look elsewhere mid-review: coming back finds the same share open, comments and all.
    await app.goTo('Journal');
    await app.goTo('Sharing');
    await expect(sharing.reviewHeading('For supervision')).toBeVisible();
    await expect(sharing.commentBox('After a long clinic')).toHaveValue(
      'You noticed your own tiredness and named it. That matters.',
    );

    // Typed but not yet saved: sending saves it first.
    await sharing.commentBox('1. Staying with not knowing').fill('Two weeks feels right to me.');
    const feedbackFile = await sharing.sendFeedback();
    await expect(page.getByTestId('feedback-status-holder')).toBeFocused();
    expect(shell.savedFiles).toContain(feedbackFile);
    await expect(page.getByTestId('feedback-status')).toContainText('only their Holding can open it');
    await expect(page.getByRole('button', { name: 'Send feedback again…' })).toBeVisible();
    await expect(page.getByText(/^You sent feedback on /)).toBeVisible();
    await sharing.expectAccessible('feedback sent');

    // Sam's Holding opens the feedback and puts it beside what was shared.
    const back = await sam.services.sharing.importFile(feedbackFile);
    expect(back).toMatchObject({
      kind: 'feedback',
      fromName: 'Dr Ama Mensah',
      shareTitle: 'For supervision',
      comments: 3,
    });
    const atSam = sam.services.sharing.sent()[0]!;
    expect(atSam.feedback[0]!.overall).toBe('Thank you for bringing this. Let us start with the agenda item.');
    expect(Object.values(atSam.feedback[0]!.comments).sort()).toEqual([
      'Two weeks feels right to me.',
      'You noticed your own tiredness and named it. That matters.',
    ]);

    // The list, grouped by who sent it.
    await sharing.backToSharing();
    await expect(page.getByRole('button', { name: 'Read and comment on “For supervision”' })).toBeFocused();
    await expect(sharing.received.getByRole('heading', { level: 3, name: 'Sam Rivers' })).toBeVisible();
    const row = sharing.received.getByRole('listitem').filter({ hasText: 'For supervision' });
    await expect(row).toContainText('2 items · 2 comments from you · Feedback sent');
    await sharing.expectAccessible('shared with you', { dark: true });

    // The same file again, and a damaged copy: each refused in main's words, nothing imported.
    await sharing.openBundle(bundle);
    await expect(sharing.alert).toContainText('You have already opened this file');
    await expect(sharing.problem).toBeFocused();
    const bytes = await fs.readFile(bundle);
    const damaged = path.join(sam.folder, 'damaged.holdingbundle');
    await fs.writeFile(damaged, bytes.subarray(0, bytes.length - 200));
    await sharing.openBundle(damaged);
    await expect(sharing.alert).toHaveText(
      'This file is incomplete: it may not have finished copying or downloading. Nothing was added. Please ask for it to be sent again.',
    );
    await expect(sharing.problem).toBeFocused();
    await sharing.expectAccessible('a refused file');
    expect(shell.services.sharing.received()).toHaveLength(1);

    // Cancelling the open dialog says nothing.
    shell.nextOpenPath = null;
    await page.getByRole('button', { name: 'Open a shared file…' }).click();
    await expect(sharing.alert).toHaveCount(0);
    await expect(sharing.status).toHaveText('');
    await expect(page.getByRole('button', { name: 'Open a shared file…' })).toBeFocused();

    // Removing the share asks first.
    await sharing.openShare('For supervision');
    await expect(sharing.commentBox('After a long clinic')).toHaveValue(
      'You noticed your own tiredness and named it. That matters.',
    );
    await page.getByRole('button', { name: 'Remove this share' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this share?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Remove share' }).click();
    await expect(sharing.status).toHaveText('“For supervision” from Sam Rivers is removed, with your comments on it.');
    await expect(sharing.received.getByText(/^Nothing yet/)).toBeVisible();
    expect(shell.services.sharing.received()).toEqual([]);
    // Removed is not forgotten: the same file is still one already opened (issue 19), and nothing comes back.
    await sharing.openBundle(bundle);
    await expect(sharing.alert).toContainText('You have already opened this file');
    await expect(sharing.received.getByText(/^Nothing yet/)).toBeVisible();
    expect(shell.services.sharing.received()).toEqual([]);

    // Marking as not confirmed (asked first: only comparing again undoes it), then removing the card.
    const unconfirm = sharing.contact('Sam Rivers').getByRole('button', { name: /^Mark as not confirmed/ });
    const askUnconfirm = page.getByRole('dialog', { name: 'Mark Sam Rivers as not confirmed?' });
    await unconfirm.click();
    await askUnconfirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(unconfirm).toBeFocused();
    await expect(sharing.contactState('Sam Rivers')).toHaveText('Confirmed');
    await unconfirm.click();
    await askUnconfirm.getByRole('button', { name: 'Mark as not confirmed' }).click();
    await expect(sharing.contactState('Sam Rivers')).toHaveText('Not yet confirmed');
    await sharing
      .contact('Sam Rivers')
      .getByRole('button', { name: /^Remove/ })
      .click();
    const removeCard = page.getByRole('dialog', { name: 'Remove Sam Rivers’s card?' });
    await removeCard.getByRole('button', { name: 'Remove card' }).click();
    await expect(sharing.people.getByText(/^No one yet/)).toBeVisible();
    expect(shell.services.identity.contacts()).toEqual([]);
  } finally {
    await sam.close();
  }
});

test('a file from someone not yet confirmed waits, and is asked about again once they are', async ({
  app,
  page,
  shell,
}) => {
  const sharing = new SharingPageObject(page, shell);
  await app.newJournal();
  await app.goTo('Sharing');
  await sharing.makeCard('Dr Ama Mensah', 'Clinical supervisor');
  const sam = await otherPerson('Sam Rivers', 'Clinical psychologist');
  try {
    await sharing.addCard(sam.card);
    await sharing.compareDialog('Sam Rivers').getByRole('button', { name: 'Not yet' }).click();
    const amaAtSam = await sam.addAndConfirm(shell.services.identity.view()!.card);
    const bundle = await sam.share(amaAtSam, 'Before we spoke');

    // Double-clicked before the call to compare fingerprints: refused, and kept.
    shell.services.sharing.requestOpen(bundle);
    await sharing.openRequest(path.basename(bundle)).getByRole('button', { name: 'Open it' }).click();
    await expect(sharing.alert).toContainText('not yet confirmed the fingerprint');
    await expect(sharing.alert).toContainText(`Holding keeps “${path.basename(bundle)}” ready`);
    expect(shell.services.sharing.received()).toEqual([]);

    // Confirmed: Holding asks about the file again, and this time it opens.
    await sharing
      .contact('Sam Rivers')
      .getByRole('button', { name: /^Compare fingerprints/ })
      .click();
    await sharing.confirmFingerprint('Sam Rivers');
    const again = sharing.openRequest(path.basename(bundle));
    await expect(again).toBeVisible();
    await again.getByRole('button', { name: 'Open it' }).click();
    await expect(sharing.status).toContainText('A share from Sam Rivers, “Before we spoke”');
    await expect(sharing.alert).toHaveCount(0);
  } finally {
    await sam.close();
  }
});

// A bundle handed over by the system at start (its contents are written later, once there is a card).
const handedOver = path.join(
  os.tmpdir(),
  `holding-e2e-open-${process.pid}-${Date.now()}`,
  'Holding share 2026-01-01.holdingbundle',
);

test.describe('opening a file from the system', () => {
  test.use({ shellOptions: { openFile: handedOver } });

  test('asks first; the supervisee sees the feedback beside what they shared', async ({ app, page, shell }) => {
    const sharing = new SharingPageObject(page, shell);
    await app.newJournal();

    // Asked once the journal is open; "Not now" imports nothing.
    const asked = sharing.openRequest('Holding share 2026-01-01.holdingbundle');
    await expect(asked).toBeVisible();
    await expect(asked.getByRole('button', { name: 'Not now' })).toBeFocused();
    await sharing.expectAccessible('open a handed-over file', { dark: true });
    await asked.getByRole('button', { name: 'Not now' }).click();
    await expect(asked).toBeHidden();
    expect(shell.services.sharing.pending()).toBeNull();

    await app.goTo('Sharing');
    await expect(sharing.sent.getByText(/^Nothing shared yet/)).toBeVisible();
    await sharing.makeCard('Sam Rivers', 'Clinical psychologist');

    const ama = await otherPerson('Dr Ama Mensah', 'Clinical supervisor');
    try {
      // Ama's card, from a file; cancelling the open dialog says nothing.
      await sharing.openCardFile(null);
      await expect(sharing.compareDialog()).toHaveCount(0);
      await expect(sharing.people.getByRole('alert')).toHaveCount(0);
      const cardFile = path.join(ama.folder, 'Dr Ama Mensah - Holding card.holdingcard');
      await fs.writeFile(cardFile, `${ama.card}\n`);
      await sharing.openCardFile(cardFile);
      await sharing.confirmFingerprint('Dr Ama Mensah');
      const amaId = shell.services.identity.contacts()[0]!.id;

      // Sam shares (as the Export page would), Ama comments and sends feedback back.
      const samAtAma = await ama.addAndConfirm(shell.services.identity.view()!.card);
      const shared = await shareAnEntry(shell, amaId);
      const imported = await ama.services.sharing.importFile(shared);
      if (imported.kind !== 'share') throw new Error('expected a share');
      const items = ama.services.sharing.receivedShare(imported.share.id).items;
      ama.services.sharing.saveComment(imported.share.id, items[0]!.ref, 'A brave thing to write down.');
      ama.services.sharing.saveComment(imported.share.id, null, 'Thank you. Plenty to talk about.');
      const { path: feedbackFile } = await ama.call<{ path: string }>('sharing:sendFeedback', {
        shareId: imported.share.id,
      });
      expect(samAtAma).toBeTruthy();

      // The system hands the feedback over while Holding is open: asked again, and opened. A file handed
      // over just before it is replaced in the question: the person is asked about the newest.
      shell.services.sharing.requestOpen(handedOver);
      await expect(sharing.openRequest(path.basename(handedOver))).toBeVisible();
      shell.services.sharing.requestOpen(feedbackFile);
      const again = sharing.openRequest(path.basename(feedbackFile));
      await expect(again).toBeVisible();
      await expect(sharing.openRequest(path.basename(handedOver))).toHaveCount(0);
      await again.getByRole('button', { name: 'Open it' }).click();
      await expect(again).toBeHidden();
      await expect(sharing.status).toHaveText(
        'Feedback from Dr Ama Mensah on “Thoughts for Ama”, 2 comments. You will find it below, under What you have shared, and beside the entries and agenda items it is about.',
      );
      const share = sharing.sentShare('Thoughts for Ama');
      await expect(share.getByRole('heading', { level: 3, name: 'Thoughts for Ama' })).toBeFocused();
      await expect(share).toContainText('To Dr Ama Mensah');
      await expect(share.getByRole('heading', { level: 4, name: 'Feedback from Dr Ama Mensah' })).toBeVisible();
      await expect(share).toContainText('Thank you. Plenty to talk about.');
      const item = share.getByRole('listitem').filter({ hasText: 'A quiet reflection' });
      await expect(item).toContainText('Dr Ama Mensah’s comment');
      await expect(item).toContainText('A brave thing to write down.');
      await sharing.expectAccessible('feedback arrived', { dark: true });

      // A file that is not there any more: refused, and said so on the page.
      shell.services.sharing.requestOpen(handedOver);
      await sharing
        .openRequest('Holding share 2026-01-01.holdingbundle')
        .getByRole('button', { name: 'Open it' })
        .click();
      await expect(sharing.alert).toContainText('Holding could not open that file');
    } finally {
      await ama.close();
    }
  });
});

/** The shell's person shares a new entry with a confirmed contact; resolves the sealed file's path. */
function shareAnEntry(shell: Shell, contactId: string): Promise<string> {
  const entry = shell.services.journal.create({ title: 'A quiet reflection' });
  shell.services.journal.save({
    ...entry,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'I stayed with it.' }] }] },
    tags: [],
  });
  return shareFromShell(shell, contactId, { title: 'Thoughts for Ama', entryId: entry.id });
}
