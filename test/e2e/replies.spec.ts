/**
 * The conversation with a supervisor (issue 18), in two browser shells with their own data folders: Sam
 * shares, Ama comments and sends feedback, Sam replies under her comment; the reply waits, goes with Sam's
 * next share (ticked in Export, checked for names and seen in the preview), and Ama, opening that share, is
 * told it brought a reply and finds it threaded under her comment on the earlier share. axe on every new
 * screen, light and dark.
 */
import { expect, test } from '@playwright/test';
import { seedIdentifyingEntries } from '../support/export-fixture';
import { openShell, type Shell } from '../support/shell';
import { expectAccessibleInBothThemes, ExportPageObject } from './export-page';
import { HoldingApp } from './pages';
import { SharingPageObject } from './sharing-page';

const ENTRY = 'A hard afternoon with Keziah';
const AS_SHARED = 'A hard afternoon with Person A';
const REPLY = 'Thank you. Keziah came to mind again this week, and I stayed with it.';

interface Person {
  shell: Shell;
  app: HoldingApp;
  sharing: SharingPageObject;
}

async function person(): Promise<Person> {
  const shell = await openShell();
  shell.page.setDefaultTimeout(30_000);
  const app = new HoldingApp(shell.page);
  await app.confirmRecoveryKey(await app.createVault());
  return { shell, app, sharing: new SharingPageObject(shell.page, shell) };
}

test('a reply round trip between two shells', async () => {
  test.setTimeout(300_000);
  const sam = await person();
  const ama = await person();
  try {
    // Cards exchanged and confirmed (as in two-people.spec.ts).
    await sam.app.goTo('Sharing');
    await sam.sharing.makeCard('Sam Rivers', 'Clinical psychologist');
    await ama.app.goTo('Sharing');
    await ama.sharing.makeCard('Dr Ama Mensah', 'Clinical supervisor');
    await sam.sharing.addCard(await ama.sharing.cardText());
    await sam.sharing.confirmFingerprint('Dr Ama Mensah');
    await ama.sharing.addCard(await sam.sharing.cardText());
    await ama.sharing.confirmFingerprint('Sam Rivers');

    seedIdentifyingEntries(sam.shell.services);
    await sam.shell.page.reload();
    await sam.app.expectFrame();

    // Sam shares one entry with Ama.
    const ex = new ExportPageObject(sam.shell.page);
    await sam.app.goTo('Export');
    await ex.title.fill('For supervision');
    await ex.entry(ENTRY).check();
    await ex.checkButton.click();
    await expect(ex.remaining).toBeVisible({ timeout: 30_000 });
    await ex.decide('Keziah', 'Pseudonym');
    await sam.shell.page.getByRole('button', { name: 'Redact all that remain' }).click();
    await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
    await ex.shareFor('Dr Ama Mensah');
    const firstShare = sam.shell.savedFiles.at(-1)!;

    // Ama comments on the entry and overall, and sends feedback.
    await ama.sharing.openBundle(firstShare);
    await expect(ama.sharing.reviewHeading('For supervision')).toBeVisible();
    await ama.sharing.comment(AS_SHARED, 'You stayed with it. Let us start here.');
    await ama.sharing.overall('Thank you for bringing this.');
    await ama.sharing.sendFeedback();
    const feedbackFile = ama.shell.savedFiles.at(-1)!;

    // Sam opens the feedback and replies under the comment on the entry, with the keyboard.
    await sam.app.goTo('Sharing');
    await sam.sharing.openBundle(feedbackFile);
    await expect(sam.sharing.status).toContainText('Feedback from Dr Ama Mensah on “For supervision”');
    const sent = sam.sharing.sentShare('For supervision');
    const replyButton = sent.getByRole('button', {
      name: `Reply to Dr Ama Mensah’s comment on “${AS_SHARED}”`,
    });
    await replyButton.focus();
    await sam.shell.page.keyboard.press('Enter');
    const box = sent.getByLabel(`Your reply to Dr Ama Mensah on “${AS_SHARED}”`, { exact: true });
    await expect(box).toBeFocused();
    await sam.shell.page.keyboard.type(REPLY);
    await sam.sharing.expectAccessible('writing a reply', { dark: true });
    await sent.getByRole('button', { name: 'Keep this reply' }).click();
    await expect(sent.getByRole('status').filter({ hasText: 'Your reply is kept.' })).toBeVisible();
    await expect(replyButton).toBeFocused();
    const thread = sent.getByRole('list', { name: `Your replies to Dr Ama Mensah’s comment on “${AS_SHARED}”` });
    await expect(thread).toContainText(REPLY);
    await expect(thread).toContainText('Waiting to go with your next share to Dr Ama Mensah.');
    await sam.sharing.expectAccessible('a reply waiting', { dark: true });

    // The next share: the reply is offered in Export, checked, and seen in the preview before it leaves.
    await sam.app.goTo('Export');
    await sam.shell.page.getByRole('button', { name: 'Back to choosing' }).click();
    await ex.entry(ENTRY).uncheck();
    await ex.title.fill('Next time');
    await ex.entry('A good day').check();
    const replies = sam.shell.page.getByRole('region', { name: 'Your replies to comments' });
    await replies.getByRole('checkbox', { name: /^My reply to Dr Ama Mensah/ }).check();
    await expectAccessibleInBothThemes(sam.app, 'replies offered in Export');
    await ex.checkButton.click();
    // The name in the reply is found; it was given a pseudonym for every finding like it last time, so it is
    // decided already, as the rest of the export would be.
    await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/, { timeout: 30_000 });
    await expect(ex.value('Keziah')).toBeVisible();
    const preview = ex.preview.locator('body');
    await expect(preview).toContainText('Your reply to a comment');
    await expect(preview).toContainText('came to mind again this week, and I stayed with it.');
    await expect(preview).not.toContainText('Keziah');
    await expect(sam.shell.page.getByTestId('share-replies-to')).toContainText(
      'Your replies to Dr Ama Mensah’s comments are in this share',
    );
    await expectAccessibleInBothThemes(sam.app, 'a share with replies, checked');
    await ex.shareFor('Dr Ama Mensah');
    const secondShare = sam.shell.savedFiles.at(-1)!;

    // Sent: the thread says where it went.
    await sam.app.goTo('Sharing');
    await expect(thread).toContainText('Sent to Dr Ama Mensah with “Next time”');
    await expect(sent.getByRole('button', { name: /^Take back/ })).toHaveCount(0);

    // Ama opens the next share: told it brought a reply, and finds it under her comment.
    await ama.sharing.backToSharing();
    await ama.sharing.openBundle(secondShare);
    await expect(ama.sharing.status).toContainText('It brought a reply to your comments on an earlier share');
    await expect(ama.sharing.reviewHeading('Next time')).toBeVisible();
    const brought = ama.shell.page.getByTestId('brought-replies');
    await expect(brought).toContainText(
      'This share also brought a reply from Sam Rivers to your comments on “For supervision”.',
    );
    await ama.sharing.expectAccessible('a share that brought a reply', { dark: true });
    await brought.getByRole('button', { name: 'Read it under your comments on “For supervision”' }).click();
    await expect(ama.sharing.reviewHeading('For supervision')).toBeFocused();
    const item = ama.sharing.item(AS_SHARED);
    const received = item.getByRole('list', { name: `Sam Rivers’s replies to your comment on ${AS_SHARED}` });
    await expect(received).toContainText('Sam Rivers replied');
    await expect(received).toContainText('came to mind again this week, and I stayed with it.');
    await expect(received).not.toContainText('Keziah');
    // In order: her comment first, then the reply under it.
    await expect(ama.sharing.commentBox(AS_SHARED)).toHaveValue('You stayed with it. Let us start here.');
    await ama.sharing.expectAccessible('replies under a comment', { dark: true });

    for (const p of [sam, ama]) {
      expect(p.shell.blockedRequests).toEqual([]);
      expect(p.shell.pageErrors).toEqual([]);
    }
  } finally {
    await sam.shell.close();
    await ama.shell.close();
  }
});
