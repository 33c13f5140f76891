/**
 * Every page stays inside the window (issue 18): the frame's side menu stays put and only the page's own
 * content scrolls. Once, Sharing and the supervisor's review made the whole window scroll past the app,
 * because text hidden for screen readers was placed against the window rather than the page.
 */
import { SECTIONS } from '../../renderer/src/features/frame/sections';
import { seedWeeks } from './checkins-page';
import { expect, test } from './fixtures';
import { otherPerson, shareFromShell, SharingPageObject } from './sharing-page';
import { agendaItem, CONTRACT, flaggedEntry, seedSessions } from './supervision-page';
import { expectWithinWindow } from './window';

test.use({ shellOptions: { viewport: { width: 1200, height: 1000 } } });

test('at 1200×1000 no page, nor the review of a share, makes the window scroll past the app', async ({
  app,
  page,
  services,
  shell,
}) => {
  const sharing = new SharingPageObject(page, shell);
  await expect(page.getByRole('heading', { name: 'A private place for your practice' })).toBeVisible();
  await expectWithinWindow(page, 'making a journal');
  const key = await app.createVault();
  await expectWithinWindow(page, 'the recovery key');
  await app.confirmRecoveryKey(key);

  // Enough on every page for it to be long: entries, check-ins, a supervisor with sessions and an agenda,
  // a card, a contact both ways, a share sent and one received.
  const sign = services.checkins.saveSign({ name: 'Dreading the morning', whatHelps: 'A slower start', contact: '' });
  seedWeeks(services, { signId: sign.id, recurring: true });
  const supervisor = services.supervision.saveSupervisor(CONTRACT);
  seedSessions(services, supervisor.id, [60, 30, 3]);
  services.supervision.addAgendaItem(supervisor.id, agendaItem('Staying with not knowing'));
  await services.identity.save({ name: 'Dr Ama Mensah', role: 'Clinical supervisor' });
  const sam = await otherPerson('Sam Rivers', 'Clinical psychologist');
  try {
    const samHere = await services.identity.addContact(sam.card);
    services.identity.setVerified(samHere.id, true);
    const entry = flaggedEntry(services, 'A quiet reflection', 'I stayed with it.');
    await shareFromShell(shell, samHere.id, { title: 'Thoughts for Sam', entryId: entry.id, agendas: [supervisor.id] });
    const amaAtSam = await sam.addAndConfirm(services.identity.view()!.card);
    const bundle = await sam.share(amaAtSam, 'For supervision');
    await page.reload();
    await app.expectFrame();

    for (const section of [...SECTIONS.map((s) => s.label), 'Settings']) {
      await app.goTo(section);
      await expect(page.locator('#content h1').first()).toBeVisible();
      await expectWithinWindow(page, section);
    }

    // The sender's record of what they shared, and the supervisor's review of what they received.
    await app.goTo('Sharing');
    await expect(sharing.sentShare('Thoughts for Sam')).toBeVisible();
    await sharing.openBundle(bundle);
    await expect(sharing.reviewHeading('For supervision')).toBeFocused();
    await expectWithinWindow(page, 'the review of a share');
    // Read to the end: the page scrolls within its frame, and the menu stays in view.
    await page.getByRole('button', { name: /^Send feedback/ }).scrollIntoViewIfNeeded();
    await expectWithinWindow(page, 'the end of the review');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeInViewport();
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);

    await app.lock();
    await expectWithinWindow(page, 'unlocking');
  } finally {
    await sam.close();
  }
});
