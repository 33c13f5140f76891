/**
 * Sharing with a supervisor from the Export page (issue 7, the supervisee's side), in one shell. The
 * supervisor is a second vault made here with the same services, in a folder of its own: it opens the
 * sealed file, comments, and seals feedback back, which the shell imports through its services; the
 * comments then show beside the journal entry and the agenda item they are about.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docFromParagraphs } from '../../common/journal/doc';
import type { Services } from '../../main/app';
import { cardOf, createIdentity, sharingReady } from '../../main/sharing/card';
import { identifiersLeftIn, seedIdentifyingEntries } from '../support/export-fixture';
import { createdServices } from '../support/services';
import { expectAccessibleInBothThemes, ExportPageObject } from './export-page';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { type HoldingApp, JournalPageObject } from './pages';
import { agendaItem, CONTRACT, SupervisionPageObject } from './supervision-page';

const SUPERVISOR = { name: 'Dr Ama Mensah', role: 'Clinical supervisor' };
const ENTRY = 'A hard afternoon with Keziah';
const ITEM = 'Staying with not knowing';
const ON_ENTRY = 'You stayed with it, and with her.\nLet us start there next time.';
const ON_ITEM = 'Yes, let us give this the first twenty minutes.';

/** axe in both themes, and, with SHARE_SHOTS set, a screenshot of each into /tmp/shots-share/. */
async function expectGood(app: HoldingApp, screen: string, show?: Locator): Promise<void> {
  await expectAccessibleInBothThemes(app, screen);
  if (!process.env['SHARE_SHOTS']) return;
  await fs.mkdir('/tmp/shots-share', { recursive: true });
  await show?.scrollIntoViewIfNeeded();
  for (const colorScheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme });
    const name = screen.replace(/[^a-z0-9]+/gi, '-');
    await app.page.screenshot({ path: `/tmp/shots-share/${name}-${colorScheme}.png`, fullPage: false });
  }
  await app.page.emulateMedia({ colorScheme: null });
}

/** The supervisor's own Holding: a second vault, in a temporary folder, with a card of its own. */
async function supervisorsHolding(): Promise<{ services: Services; folder: string }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'holding-supervisor-'));
  const services = await createdServices(folder);
  await services.identity.save(SUPERVISOR);
  return { services, folder };
}

test('shares a checked export sealed to a confirmed supervisor, and shows the feedback beside the entry and agenda item', async ({
  app,
  page,
  services,
  shell,
}) => {
  const ex = new ExportPageObject(page);
  await app.newJournal();
  const { ids } = seedIdentifyingEntries(services);
  const supervisor = services.supervision.saveSupervisor(CONTRACT);
  const item = services.supervision.addAgendaItem(supervisor.id, agendaItem(ITEM));
  const ama = await supervisorsHolding();
  try {
    await page.reload();
    await app.expectFrame();

    // The entry with identifying details, and the agenda with its item.
    await app.goTo('Export');
    await ex.title.fill('For supervision');
    await ex.entry(ENTRY).check();
    await page
      .getByRole('group', { name: 'Agendas for your next session' })
      .getByRole('checkbox', { name: /^With Dr Ama Mensah/ })
      .check();
    await ex.checkButton.click();
    await expect(ex.remaining).toBeVisible({ timeout: 30_000 });

    // No card yet: the share group says what to do, and the way to Sharing; the export waits meanwhile.
    await expect(ex.share).toBeVisible();
    await expect(ex.share).toContainText('Holding itself sends nothing.');
    await expect(ex.shareSetUp).toContainText('you first need your own identity card');
    await expect(ex.shareSetUp).toContainText(
      'What you have chosen and decided here will wait for you while Holding stays unlocked.',
    );
    await expect(ex.shareButton).toHaveCount(0);
    await expectGood(app, 'share, no card', ex.share);
    await ex.shareSetUp.getByRole('button', { name: 'Go to Sharing' }).click();
    await expect(page.getByRole('button', { name: 'Sharing', exact: true })).toHaveAttribute('aria-current', 'page');

    // A card, and the supervisor's card added but not yet compared: still nothing to choose.
    await services.identity.save({ name: 'Sam Rivers', role: 'Clinical psychologist' });
    const amaHere = await services.identity.addContact(ama.services.identity.view()!.card);
    await app.goTo('Export');
    await expect(ex.remaining).toBeVisible({ timeout: 30_000 });
    await expect(ex.shareSetUp).toContainText('Waiting for you to compare fingerprints: Dr Ama Mensah.');
    await expect(ex.shareSetUp.getByRole('button', { name: 'Go to Sharing' })).toBeVisible();
    await expect(ex.shareButton).toHaveCount(0);
    await expectGood(app, 'share, waiting to compare fingerprints', ex.share);

    // Confirmed: they can be chosen; sealing waits for every finding, for the same reason as saving.
    // A second card, from a peer, waits for its fingerprints to be compared: mentioned, but not offered.
    services.identity.setVerified(amaHere.id, true);
    await sharingReady();
    await services.identity.addContact(cardOf(createIdentity('Jo Byrne', 'Peer supervisor')));
    await app.goTo('Journal');
    await app.goTo('Export');
    await expect(ex.shareWith).toBeVisible();
    await expect(ex.shareWith.locator('option')).toHaveText(['Dr Ama Mensah (Clinical supervisor)']);
    await expect(ex.share.getByTestId('share-unconfirmed')).toHaveText(
      'Waiting for you to compare fingerprints: Jo Byrne. You can do that in Sharing.',
    );
    await expect(ex.shareWith.locator('option:checked')).toHaveText('Dr Ama Mensah (Clinical supervisor)');
    await expect(ex.shareButton).toHaveText('Seal and save for Dr Ama Mensah…');
    await expect(ex.shareButton).toBeDisabled();
    await expect(ex.shareButton).toHaveAccessibleDescription(
      /^Sharing opens once everything the check found has a decision: \d+ things? still to go\.$/,
    );
    await expect(ex.saveButton).toBeDisabled();
    await expectGood(app, 'share, findings remain', ex.share);

    await ex.decide('Keziah', 'Pseudonym');
    await page.getByRole('button', { name: 'Redact all that remain' }).click();
    await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/);
    await expect(ex.shareButton).toBeEnabled();

    // Changed after the check: refused, as a save would be, and the check reads it again.
    const entry = services.journal.get(ids[0]!);
    services.journal.save({
      ...entry,
      body: {
        ...entry.body,
        content: [...(entry.body.content ?? []), ...(docFromParagraphs(['Later: a quieter day.']).content ?? [])],
      },
    });
    await ex.shareButton.click();
    await expect(ex.share.getByRole('alert')).toContainText('has changed since the check');
    await expect(ex.share.getByRole('alert').locator('xpath=..')).toBeFocused();
    await expect(ex.shareStatus).toHaveText('');
    expect(services.sharing.sent()).toEqual([]);
    await expect(ex.remaining).toHaveText(/^All \d+ have a decision\.$/, { timeout: 30_000 });
    await expect(ex.shareButton).toBeEnabled();

    // Sealed and saved: the notice says for whom, the file's name and where it is.
    const before = shell.savedFiles.length;
    const fileName = await ex.shareFor('Dr Ama Mensah');
    await expect(page.getByTestId('share-status-holder')).toBeFocused();
    expect(fileName).toMatch(/^Holding share \d{4}-\d{2}-\d{2}\.holdingbundle$/);
    const file = shell.savedFiles.at(-1)!;
    expect(shell.savedFiles).toHaveLength(before + 1);
    expect(path.basename(file)).toBe(fileName);
    expect(existsSync(file)).toBe(true);
    await expect(ex.shareStatus).toContainText('Send that file to them however you usually share files.');
    await expect(ex.shareStatus).toContainText(`It is in the folder ${path.dirname(file)}`);
    await expect(ex.share.getByRole('alert')).toHaveCount(0);
    await expectGood(app, 'share, sealed', ex.share);
    const bytes = await fs.readFile(file);
    for (const id of [...ids, item.id, supervisor.id]) expect(bytes.includes(id)).toBe(false);
    expect(bytes.includes('Keziah')).toBe(false);
    const sent = services.sharing.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.contactName).toBe('Dr Ama Mensah');

    // The supervisor opens it once they have this person's card, confirmed: nothing identifying inside.
    const samThere = await ama.services.identity.addContact(services.identity.view()!.card);
    ama.services.identity.setVerified(samThere.id, true);
    const imported = await ama.services.sharing.importFile(file);
    expect(imported.kind).toBe('share');
    if (imported.kind !== 'share') return;
    const received = ama.services.sharing.receivedShare(imported.share.id);
    expect(received.summary.senderName).toBe('Sam Rivers');
    expect(received.items.map((i) => i.kind)).toEqual(['entry', 'agenda-item']);
    expect(identifiersLeftIn(JSON.stringify(received))).toEqual([]);
    for (const id of [...ids, item.id, supervisor.id]) expect(JSON.stringify(received)).not.toContain(id);
    expect(JSON.stringify(received)).toContain('Person A');
    expect(JSON.stringify(received)).toContain('Later: a quieter day.');

    // Comments, sealed back, and imported here through the services (the Sharing page's job).
    const [onEntry, onItem] = received.items;
    ama.services.sharing.saveComment(imported.share.id, onEntry!.ref, ON_ENTRY);
    ama.services.sharing.saveComment(imported.share.id, onItem!.ref, ON_ITEM);
    const { bundle } = await ama.services.sharing.sealFeedback(imported.share.id);
    const feedbackFile = path.join(ama.folder, 'Holding feedback.holdingbundle');
    await fs.writeFile(feedbackFile, bundle);
    expect(await services.sharing.importFile(feedbackFile)).toMatchObject({ kind: 'feedback', comments: 2 });

    // Beside the entry, in the journal: who from, on what, and the words with their line breaks.
    const journal = new JournalPageObject(page);
    await app.goTo('Journal');
    await journal.option(ENTRY).click();
    const beside = page.getByRole('region', { name: 'Feedback from supervision' });
    await expect(beside).toBeVisible();
    await expect(beside.getByRole('listitem')).toHaveCount(1);
    await expect(beside).toContainText('From Dr Ama Mensah, on what you shared on ');
    await expect(beside).toContainText('(“For supervision”)');
    expect(await beside.getByText('You stayed with it').innerText()).toBe(ON_ENTRY);
    await expectGood(app, 'feedback beside an entry', beside);
    // Nothing beside an entry that had none.
    await journal.option('A good day').click();
    await expect(journal.title).toHaveValue('A good day');
    await expect(page.getByTestId('feedback-beside')).toHaveCount(0);

    // Beside the agenda item, folded into one line until opened.
    const sup = new SupervisionPageObject(page);
    await app.goTo('Supervision');
    const toggle = sup.item(ITEM).getByRole('button', { name: 'Feedback from Dr Ama Mensah (1)' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(sup.item(ITEM).getByText(ON_ITEM)).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(sup.item(ITEM).getByText(ON_ITEM)).toBeVisible();
    await expect(sup.item(ITEM)).toContainText('(“For supervision”)');
    await expectGood(app, 'feedback beside an agenda item', sup.item(ITEM));
  } finally {
    ama.services.dispose();
    await fs.rm(ama.folder, { recursive: true, force: true });
  }
});
