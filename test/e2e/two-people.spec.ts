/**
 * Both roles through the real UI, each in its own browser shell with its own data folder: a supervisee
 * and a supervisor make their cards, exchange and confirm them, the supervisee shares a checked export,
 * the supervisor opens it, comments and sends feedback, and the supervisee opens that and finds the
 * comments beside the entry and the agenda item. The files move between the two folders by hand, as
 * they would by e-mail.
 */
import { expect, test } from '@playwright/test';
import { seedIdentifyingEntries } from '../support/export-fixture';
import { ExportPageObject } from './export-page';
import { JournalPageObject } from './pages';
import { agendaItem, CONTRACT, seedSessions, SupervisionPageObject } from './supervision-page';
import { withTwoPeople } from './two-people';

const ENTRY = 'A hard afternoon with Keziah';
const ITEM = 'Staying with not knowing';

test('a supervisee and a supervisor, each in their own Holding, share and send feedback back', async () => {
  test.setTimeout(300_000);
  // Cards made, exchanged as text, and confirmed by comparing the fingerprints each shows (two-people.ts).
  await withTwoPeople(async ({ sam, ama }) => {
    // Sam's entries and agenda (seeded: typing them is the journal's and supervision's own tests).
    seedIdentifyingEntries(sam.shell.services);
    const supervisor = sam.shell.services.supervision.saveSupervisor(CONTRACT);
    seedSessions(sam.shell.services, supervisor.id, [7]);
    sam.shell.services.supervision.addAgendaItem(supervisor.id, agendaItem(ITEM));
    await sam.shell.page.reload();
    await sam.app.expectFrame();

    // The export, checked and settled, sealed for Ama.
    const ex = new ExportPageObject(sam.shell.page);
    await sam.app.goTo('Export');
    await ex.title.fill('For supervision');
    await ex.entry(ENTRY).check();
    await sam.shell.page
      .getByRole('group', { name: 'Agendas for your next session' })
      .getByRole('checkbox', { name: /^With Dr Ama Mensah/ })
      .check();
    await sam.shell.page
      .getByRole('group', { name: 'Session records' })
      .getByRole('checkbox', { name: /with Dr Ama Mensah/ })
      .check();
    await ex.checkGivingAStandInTo('Keziah');
    await ex.shareFor('Dr Ama Mensah');
    const shareFile = sam.shell.savedFiles.at(-1)!;

    // Ama opens it from the file Sam sent, reads it, comments on the entry and overall, and sends feedback.
    await ama.sharing.openBundle(shareFile);
    await expect(ama.sharing.status).toContainText('A share from Sam Rivers, “For supervision”: 3 items.');
    await expect(ama.sharing.reviewHeading('For supervision')).toBeVisible();
    const entryItem = ama.sharing.item('A hard afternoon with Person A');
    await expect(entryItem).toBeVisible();
    await expect(entryItem).not.toContainText('Keziah');
    await expect(entryItem).toContainText('[redacted]');
    await ama.sharing.comment('A hard afternoon with Person A', 'You stayed with it. Let us start here.');
    await ama.sharing.comment(`1. ${ITEM}`, 'Yes: the first twenty minutes.');
    const session = await ama.shell.page
      .getByRole('article', { name: /^Supervision on / })
      .getByRole('heading')
      .first()
      .innerText();
    await ama.sharing.comment(session, 'Good to see the caseload settling.');
    await ama.sharing.overall('Thank you for bringing all of this.');
    await ama.sharing.expectAccessible('reviewing a share, two people');
    await ama.sharing.sendFeedback();
    const feedbackFile = ama.shell.savedFiles.at(-1)!;

    // Sam opens the feedback: it is under what was shared, beside the entry, and with the agenda item.
    await sam.app.goTo('Sharing');
    await sam.sharing.openBundle(feedbackFile);
    await expect(sam.sharing.status).toContainText('Feedback from Dr Ama Mensah on “For supervision”, 4 comments.');
    const sent = sam.sharing.sentShare('For supervision');
    await expect(sent).toContainText('Thank you for bringing all of this.');

    await sam.app.goTo('Journal');
    await new JournalPageObject(sam.shell.page).option(ENTRY).click();
    // A line near the top says so, and takes Sam down to it.
    await expect(sam.shell.page.getByText('Dr Ama Mensah commented on this in supervision.')).toBeVisible();
    await sam.shell.page.getByRole('button', { name: 'Read the feedback' }).click();
    await expect(sam.shell.page.getByRole('heading', { name: 'Feedback from supervision' })).toBeFocused();
    const beside = sam.shell.page.getByRole('region', { name: 'Feedback from supervision' });
    await expect(beside).toContainText('You stayed with it. Let us start here.');
    await expect(beside).toContainText('From Dr Ama Mensah');

    await sam.app.goTo('Supervision');
    const sup = new SupervisionPageObject(sam.shell.page);
    await sup.item(ITEM).getByRole('button', { name: 'Feedback from Dr Ama Mensah (1)' }).click();
    await expect(sup.item(ITEM)).toContainText('Yes: the first twenty minutes.');
    const recorded = sam.shell.page
      .getByRole('list', { name: 'Recorded sessions, newest first' })
      .getByRole('listitem')
      .first();
    await recorded.getByRole('button', { name: 'Feedback from Dr Ama Mensah (1)' }).click();
    await expect(recorded).toContainText('Good to see the caseload settling.');
    await sam.app.expectAccessible('feedback beside a session, two people');

    // Once the agenda item is discussed, its feedback stays beside it in the session's record.
    await sam.shell.page.getByRole('button', { name: 'Record a session' }).click();
    const record = sup.form('Record a session with Dr Ama Mensah');
    await record
      .getByRole('group', { name: new RegExp(`^${ITEM}`) })
      .getByRole('radio', { name: 'Discussed' })
      .check();
    await record.getByRole('button', { name: 'Save session' }).click();
    await expect(sup.sessionsStatus).toContainText('is recorded.');
    await expect(sup.item(ITEM)).toHaveCount(0);
    const latest = sam.shell.page
      .getByRole('list', { name: 'Recorded sessions, newest first' })
      .getByRole('listitem')
      .first();
    await latest.getByRole('button', { name: `Feedback from Dr Ama Mensah (1) on “${ITEM}”` }).click();
    await expect(latest).toContainText('Yes: the first twenty minutes.');

    // Opening the same feedback again changes nothing, and says so.
    await sam.app.goTo('Sharing');
    await sam.sharing.openBundle(feedbackFile);
    await expect(sam.sharing.alert.first()).toContainText('already opened this file');
  });
});
