/**
 * One count of items everywhere (issue 18): an item is one thing the supervisor reads and can comment on by
 * itself, so an agenda counts its items. Once, Export said "2 items" for an entry and an agenda of three,
 * while the sender's record and the supervisor's view of the same share said "4 items".
 */
import { EMPTY_SELECTION } from '../../common/export/types';
import { docFromParagraphs } from '../../common/journal/doc';
import { ExportPageObject } from './export-page';
import { expect, test } from './fixtures';
import { otherPerson, SharingPageObject } from './sharing-page';
import { agendaItem, CONTRACT } from './supervision-page';

test('Export, the record of what was shared and the supervisor’s view count the same items', async ({
  app,
  page,
  services,
  shell,
}) => {
  const ex = new ExportPageObject(page);
  const sharing = new SharingPageObject(page, shell);
  await app.newJournal();
  const entry = services.journal.create({ title: 'A quiet reflection' });
  services.journal.save({ ...entry, body: docFromParagraphs(['I stayed with it, and it was enough.']), tags: [] });
  const supervisor = services.supervision.saveSupervisor({ ...CONTRACT, name: 'Our supervision group' });
  for (const title of ['Staying with not knowing', 'Endings with care', 'How I have been'])
    services.supervision.addAgendaItem(supervisor.id, agendaItem(title));
  await services.identity.save({ name: 'Sam Rivers', role: 'Clinical psychologist' });
  const ama = await otherPerson('Dr Ama Mensah', 'Clinical supervisor');
  try {
    const amaHere = await services.identity.addContact(ama.card);
    services.identity.setVerified(amaHere.id, true);
    await ama.addAndConfirm(services.identity.view()!.card);
    await page.reload();
    await app.expectFrame();

    // An entry and an agenda of three: four items, before the check and after it.
    await app.goTo('Export');
    await ex.title.fill('For our next session');
    await ex.entry('A quiet reflection').check();
    await page
      .getByRole('group', { name: 'Agendas for your next session' })
      .getByRole('checkbox', { name: /^With Our supervision group/ })
      .check();
    await expect(page.getByText(/^4 items\. Entries come first/)).toBeVisible();
    await ex.checkButton.click();
    await expect(page.getByText(/^4 items, \d+ words, titled/)).toBeVisible({ timeout: 30_000 });
    await expect(ex.shareButton).toBeEnabled();

    // Saved: the note of it says four.
    await ex.saveAs('Markdown');
    await expect(ex.records.locator('tbody tr').first().locator('td').nth(3)).toHaveText('4');
    expect(services.exports.records()[0]!.items).toBe(4);

    // Shared: the sender's record says four, and so does the supervisor's Holding.
    await ex.shareFor('Dr Ama Mensah');
    const file = shell.savedFiles.at(-1)!;
    await app.goTo('Sharing');
    await expect(sharing.sentShare('For our next session')).toContainText('4 items');
    const imported = await ama.services.sharing.importFile(file);
    if (imported.kind !== 'share') throw new Error('expected a share');
    expect(imported.share.items).toBe(4);
    expect(ama.services.sharing.received()[0]!.items).toBe(4);

    // The same count from the services, for the same choice.
    const check = await services.exports.check({
      ...EMPTY_SELECTION,
      title: 'For our next session',
      entries: [{ id: entry.id, excerpt: null }],
      agendas: [supervisor.id],
    });
    expect(check.items).toBe(4);
  } finally {
    await ama.close();
  }
});
