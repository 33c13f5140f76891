/**
 * Two people, each in their own browser shell with their own data folder: Sam, a supervisee, and Dr Ama
 * Mensah, her supervisor. Each makes a journal and a card; the cards are exchanged as text and confirmed by
 * comparing the fingerprints each shows, as two-people.spec.ts and replies.spec.ts both begin.
 */
import { expect } from '@playwright/test';
import { openShell, type Shell } from '../support/shell';
import { HoldingApp } from './pages';
import { SharingPageObject } from './sharing-page';

export interface Person {
  shell: Shell;
  app: HoldingApp;
  sharing: SharingPageObject;
}

async function person(opened: Person[]): Promise<Person> {
  const shell = await openShell();
  const p = { shell, app: new HoldingApp(shell.page), sharing: new SharingPageObject(shell.page, shell) };
  opened.push(p);
  // As the fixtures' pages do: an action that cannot happen fails instead of waiting for ever.
  shell.page.setDefaultTimeout(30_000);
  await p.app.newJournal();
  return p;
}

/**
 * Runs `story` with Sam and Ama, their cards made, exchanged and confirmed; then checks that neither shell
 * tried to reach anything outside the app or met a page error, and closes both whatever happened.
 */
export async function withTwoPeople(story: (people: { sam: Person; ama: Person }) => Promise<void>): Promise<void> {
  const opened: Person[] = [];
  try {
    const sam = await person(opened);
    const ama = await person(opened);
    await sam.app.goTo('Sharing');
    await sam.sharing.makeCard('Sam Rivers', 'Clinical psychologist');
    await ama.app.goTo('Sharing');
    await ama.sharing.makeCard('Dr Ama Mensah', 'Clinical supervisor');
    const samsCard = await sam.sharing.cardText();
    const amasCard = await ama.sharing.cardText();

    // Each compares the fingerprint their Holding shows for the other with the one the other's shows.
    await sam.sharing.addCard(amasCard);
    const amaAsSamSeesIt = await sam.sharing.fingerprintIn(sam.sharing.compareDialog('Dr Ama Mensah'));
    expect(amaAsSamSeesIt).toBe(await ama.sharing.fingerprint());
    await sam.sharing.confirmFingerprint('Dr Ama Mensah');

    await ama.sharing.addCard(samsCard);
    const samAsAmaSeesIt = await ama.sharing.fingerprintIn(ama.sharing.compareDialog('Sam Rivers'));
    expect(samAsAmaSeesIt).toBe(await sam.sharing.fingerprint());
    await ama.sharing.confirmFingerprint('Sam Rivers');

    await story({ sam, ama });

    for (const p of opened) {
      expect(p.shell.blockedRequests).toEqual([]);
      expect(p.shell.pageErrors).toEqual([]);
    }
  } finally {
    for (const p of opened) await p.shell.close();
  }
}
