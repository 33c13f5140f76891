/**
 * The conversation with a supervisor (issue 18), in two browser shells with their own data folders: Sam
 * shares, Ama comments and sends feedback, Sam replies under her comment; the reply waits, goes with Sam's
 * next share (ticked in Export, checked for names and seen in the preview), and Ama, opening that share, is
 * told it brought replies and finds them threaded under her comment on the earlier share, in the order they
 * were written. A reply under a comment her later feedback no longer carries is still shown to Sam (and taken
 * back, focus goes to the share's heading); a reply half written when its comment goes stays, read-only; and a
 * journal brought from another computer offers no Reply on feedback to shares sent under its earlier card.
 * axe on every new screen, light and dark.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { exportEverything } from '../../main/export/everything/make';
import { seedIdentifyingEntries } from '../support/export-fixture';
import { openShell } from '../support/shell';
import { expectAccessibleInBothThemes, ExportPageObject } from './export-page';
import { HoldingApp } from './pages';
import { otherPerson, SharingPageObject } from './sharing-page';
import { withTwoPeople } from './two-people';

const ENTRY = 'A hard afternoon with Keziah';
const AS_SHARED = 'A hard afternoon with Person A';
const REPLY = 'Thank you. Keziah came to mind again this week, and I stayed with it.';
const SECOND = 'I would like to bring the rest of it next time.';
const OVERALL_REPLY = 'And thank you for the note about the whole.';

test('a reply round trip between two shells', async () => {
  test.setTimeout(300_000);
  // Cards exchanged and confirmed (two-people.ts, as in two-people.spec.ts).
  await withTwoPeople(async ({ sam, ama }) => {
    seedIdentifyingEntries(sam.shell.services);
    await sam.shell.page.reload();
    await sam.app.expectFrame();

    // Sam shares one entry with Ama.
    const ex = new ExportPageObject(sam.shell.page);
    await sam.app.goTo('Export');
    await ex.title.fill('For supervision');
    await ex.entry(ENTRY).check();
    await ex.checkGivingAStandInTo('Keziah');
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
    // A second thought under the same comment, threaded after the first.
    await replyButton.press('Enter');
    await expect(box).toBeFocused();
    await box.fill(SECOND);
    await sent.getByRole('button', { name: 'Keep this reply' }).click();
    await expect(replyButton).toBeFocused();
    await expect(thread.getByRole('listitem')).toHaveCount(2);
    await expect(thread.getByRole('listitem')).toContainText([REPLY, SECOND]);
    await sam.sharing.expectAccessible('a reply waiting', { dark: true });

    // The next share: the reply is offered in Export, checked, and seen in the preview before it leaves.
    await sam.app.goTo('Export');
    await sam.shell.page.getByRole('button', { name: 'Back to choosing' }).click();
    await ex.entry(ENTRY).uncheck();
    await ex.title.fill('Next time');
    await ex.entry('A good day').check();
    const replies = sam.shell.page.getByRole('region', { name: 'Your replies to comments' });
    await replies.getByRole('checkbox', { name: /^My 2 replies to Dr Ama Mensah/ }).check();
    await expectAccessibleInBothThemes(sam.app, 'replies offered in Export');
    await ex.checkButton.click();
    // The name in the reply is found; it was given a pseudonym for every finding like it last time, so it is
    // decided already, as the rest of the export would be.
    await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/, { timeout: 30_000 });
    await expect(ex.value('Keziah')).toBeVisible();
    const preview = ex.preview.locator('body');
    await expect(preview).toContainText('Your reply to a comment');
    await expect(preview).toContainText('came to mind again this week, and I stayed with it.');
    await expect(preview).toContainText(SECOND);
    await expect(preview).not.toContainText('Keziah');
    await expect(sam.shell.page.getByTestId('share-replies-to')).toContainText(
      'Your replies to Dr Ama Mensah’s comments are in this share',
    );
    await expectAccessibleInBothThemes(sam.app, 'a share with replies, checked');
    await ex.shareFor('Dr Ama Mensah');
    const secondShare = sam.shell.savedFiles.at(-1)!;

    // Sent: the thread says where it went.
    await sam.app.goTo('Sharing');
    await expect(thread.getByRole('listitem')).toHaveCount(2);
    await expect(thread.getByRole('listitem')).toContainText([
      'Sent to Dr Ama Mensah with “Next time”',
      'Sent to Dr Ama Mensah with “Next time”',
    ]);
    await expect(sent.getByRole('button', { name: /^Take back/ })).toHaveCount(0);

    // Ama opens the next share: told it brought replies, and finds them under her comment.
    await ama.sharing.backToSharing();
    await ama.sharing.openBundle(secondShare);
    await expect(ama.sharing.status).toContainText('It brought 2 replies to your comments on an earlier share');
    await expect(ama.sharing.reviewHeading('Next time')).toBeVisible();
    const brought = ama.shell.page.getByTestId('brought-replies');
    await expect(brought).toContainText(
      'This share also brought 2 replies from Sam Rivers to your comments on “For supervision”.',
    );
    await ama.sharing.expectAccessible('a share that brought replies', { dark: true });
    await brought.getByRole('button', { name: 'Read them under your comments on “For supervision”' }).click();
    await expect(ama.sharing.reviewHeading('For supervision')).toBeFocused();
    const item = ama.sharing.item(AS_SHARED);
    const received = item.getByRole('list', { name: `Sam Rivers’s replies to your comment on ${AS_SHARED}` });
    await expect(received).toContainText('Sam Rivers replied');
    await expect(received).not.toContainText('Keziah');
    // In order: her comment first, then the replies under it as Sam wrote them.
    await expect(ama.sharing.commentBox(AS_SHARED)).toHaveValue('You stayed with it. Let us start here.');
    await expect(received.getByRole('listitem')).toHaveCount(2);
    await expect(received.getByRole('listitem')).toContainText([
      'came to mind again this week, and I stayed with it.',
      SECOND,
    ]);
    await ama.sharing.expectAccessible('replies under a comment', { dark: true });

    // Sam replies to the overall comment too; before that goes, Ama takes her overall comment back and sends
    // her feedback again. Sam's reply still shows, under a line saying the comment is no longer there, and
    // can still be taken back; there is no Reply to a comment that is not there.
    await sam.shell.page
      .getByRole('button', { name: 'Reply to Dr Ama Mensah’s comment on “For supervision” as a whole' })
      .click();
    await sent
      .getByLabel('Your reply to Dr Ama Mensah on “For supervision” as a whole', { exact: true })
      .fill(OVERALL_REPLY);
    await sent.getByRole('button', { name: 'Keep this reply' }).click();
    await expect(sent.getByRole('status').filter({ hasText: 'Your reply is kept.' })).toBeVisible();
    const overall = ama.sharing.region('Overall');
    await ama.sharing.overallBox.fill('');
    await overall.getByRole('button', { name: /^Save comment/ }).click();
    await expect(overall.getByTestId('comment-status')).toHaveText('Removed');
    await ama.sharing.sendFeedback();
    await sam.sharing.openBundle(ama.shell.savedFiles.at(-1)!);
    await expect(sam.sharing.status).toContainText('Feedback from Dr Ama Mensah on “For supervision”');
    await expect(sent).toContainText('No overall comment');
    const gone = sent.getByRole('list', {
      name: 'Your replies to Dr Ama Mensah’s comment on “For supervision” as a whole',
    });
    await expect(gone).toContainText(OVERALL_REPLY);
    await expect(gone).toContainText('Waiting to go with your next share to Dr Ama Mensah.');
    await expect(sent).toContainText(
      'Your reply to an earlier overall comment from Dr Ama Mensah, which their latest feedback no longer includes',
    );
    await expect(gone.getByRole('button', { name: /^Take back/ })).toHaveCount(1);
    await expect(sent.getByRole('button', { name: /as a whole$/ })).toHaveCount(0);
    // The replies under the comment still there are as they were, with a Reply of their own.
    await expect(thread.getByRole('listitem')).toHaveCount(2);
    await expect(replyButton).toBeVisible();
    await sam.sharing.expectAccessible('a reply under a comment no longer there', { dark: true });

    // Taking back the last reply under the dropped comment: the thread goes with it, so focus goes to the
    // share's heading (there is no Reply to go back to), and the sentence is still heard, once.
    await gone.getByRole('button', { name: /^Take back/ }).click();
    await expect(gone).toHaveCount(0);
    const said = sent.getByRole('status').filter({ hasText: 'Your reply is taken back. Nothing was sent.' });
    await expect(said).toHaveText('Your reply is taken back. Nothing was sent.');
    await expect(sent.getByRole('heading', { level: 3, name: 'For supervision', exact: true })).toBeFocused();
    await expect(sent).not.toContainText('earlier overall comment');

    // A reply half written when new feedback drops its comment: the words stay, read-only, with a line saying
    // it cannot go now, and that is said once; closing it brings focus to the share's heading.
    const DRAFT = 'One more thought I had not finished.';
    await replyButton.click();
    await expect(box).toBeFocused();
    await box.fill(DRAFT);
    await ama.sharing.commentBox(AS_SHARED).fill('');
    await ama.sharing.commentBox(AS_SHARED).press('Tab');
    await expect(item.getByTestId('comment-status')).toHaveText('Removed');
    // (Feedback needs at least one comment: a new overall one.)
    await ama.sharing.overall('One more thing about the whole: take your time with it.');
    await ama.sharing.sendFeedback();
    await sam.sharing.openBundle(ama.shell.savedFiles.at(-1)!);
    await expect(sam.sharing.status).toContainText('Feedback from Dr Ama Mensah on “For supervision”');
    await expect(replyButton).toHaveCount(0);
    await expect(box).toHaveValue(DRAFT);
    await expect(box).toHaveAttribute('readonly', '');
    await expect(sent).toContainText(
      'Dr Ama Mensah’s latest feedback no longer includes this comment, so this reply cannot go now.',
    );
    await expect(sent.getByRole('status')).toHaveText(
      'Dr Ama Mensah’s latest feedback no longer includes the comment you were replying to, so your reply cannot go now. Your words are still there for you to copy.',
    );
    await expect(sent.getByRole('button', { name: 'Keep this reply' })).toHaveCount(0);
    await sam.sharing.expectAccessible('a reply that cannot go now', { dark: true });
    await sent.getByRole('button', { name: 'Close the reply that cannot go' }).click();
    await expect(box).toHaveCount(0);
    await expect(sent.getByRole('heading', { level: 3, name: 'For supervision', exact: true })).toBeFocused();
    // The replies that went are still there, under a line saying the comment is no longer included.
    await expect(thread.getByRole('listitem')).toHaveCount(2);
    await expect(sent).toContainText(
      'Your replies to an earlier comment here from Dr Ama Mensah, which their latest feedback no longer includes',
    );
  });
});

test('feedback on a share sent under an earlier card offers no Reply, and says why', async () => {
  test.setTimeout(240_000);
  const oldSam = await otherPerson('Sam Rivers', 'Clinical psychologist');
  const ama = await otherPerson('Dr Ama Mensah', 'Clinical supervisor');
  const shell = await openShell();
  try {
    // Sam's journal on her old computer: a share to Ama, and Ama's comments back.
    const amaAtSam = await oldSam.addAndConfirm(ama.card);
    await ama.addAndConfirm(oldSam.card);
    const shareFile = await oldSam.share(amaAtSam, 'For supervision');
    const feedback = await ama.sendFeedback(shareFile, 'You stayed with it.', 'Thank you for bringing this.');
    await oldSam.services.sharing.importBytes(feedback);
    const zip = path.join(oldSam.folder, 'Holding export.zip');
    await exportEverything(oldSam.services.vault, zip, { history: false, appVersion: '0.0.0' });

    // The new computer: the journal brought in whole, and a new card made here (secret keys never travel).
    shell.page.setDefaultTimeout(30_000);
    const app = new HoldingApp(shell.page);
    await app.newJournal();
    const preview = await shell.services.imports.open(zip);
    await shell.services.imports.run(preview.id);
    await shell.services.identity.save({ name: 'Sam Rivers', role: 'Clinical psychologist' });
    await shell.page.reload();
    await app.expectFrame();
    await app.goTo('Sharing');
    const sharing = new SharingPageObject(shell.page, shell);
    const sent = sharing.sentShare('For supervision');
    await expect(sent).toContainText('You stayed with it.');
    await expect(sent).toContainText('Thank you for bringing this.');
    await expect(sent.getByRole('button', { name: /^Reply/ })).toHaveCount(0);
    await expect(
      sent.getByText(
        'You can’t reply to this feedback from here. This share was sent from Holding on another computer, before your card here was made, so Dr Ama Mensah’s Holding could not match a reply to it. Please talk it over with Dr Ama Mensah in supervision instead.',
        { exact: true },
      ),
    ).toBeVisible();
    await sharing.expectAccessible('feedback on a share sent under an earlier card', { dark: true });
    expect(shell.blockedRequests).toEqual([]);
    expect(shell.pageErrors).toEqual([]);
  } finally {
    await shell.close();
    await oldSam.close();
    await ama.close();
  }
});
