import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { DocNode } from '../../common/journal/doc';
import { EMPTY_SELECTION, type ExportSelection, type Resolutions } from '../../common/export/types';
import type { Services } from '../../main/app';
import { createdServices } from '../support/services';
import { type Shell, SHELL_ORIGIN } from '../support/shell';
import { agendaItem, CONTRACT } from '../support/supervision-fixture';
import { HoldingApp } from './pages';

// --- The other person: a second vault in a folder of its own, driven through its services ---------------------

const SENDER = { isMainFrame: true, url: 'holding://app/' };

export interface OtherPerson {
  services: Services;
  /** Where the other person's save dialog puts files. */
  folder: string;
  card: string;
  fingerprint: string;
  call<T>(channel: string, input?: unknown): Promise<T>;
  /** Adds a card and says the fingerprints matched; returns the contact's id. */
  addAndConfirm(card: string): Promise<string>;
  /**
   * Writes an entry with every kind of block and an agenda item, then shares both with a confirmed contact
   * (with the replies waiting for them, when `replies` is set).
   */
  share(contactId: string, title: string, options?: { replies?: boolean }): Promise<string>;
  /**
   * Opens the share in `file`, comments on its first item and on the whole, and seals that feedback for the
   * one who shared it (recorded as sent); resolves the sealed bundle.
   */
  sendFeedback(file: string, onFirstItem: string, overall: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: (string | DocNode['marks'])[]): DocNode => {
  const list = marks.flatMap((m) => (typeof m === 'string' ? [{ type: m }] : (m ?? [])));
  return list.length ? { type: 'text', text, marks: list } : { type: 'text', text };
};
const cell = (type: 'tableHeader' | 'tableCell', text: string, attrs: Record<string, unknown> = {}): DocNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, ...attrs },
  content: [p(t(text))],
});

/** An entry using each kind of block and mark the journal has: what a review must show faithfully. */
export function everyKindOfBlock(): DocNode {
  return {
    type: 'doc',
    content: [
      p(
        t('I felt '),
        t('tired', 'bold'),
        t(', '),
        t('unsure', 'italic'),
        t(', '),
        t('stretched', 'underline'),
        t(' and '),
        t('not at all calm', 'strike'),
        t('; I wrote '),
        t('formulation v2', 'code'),
        t(' and '),
        t('this matters', 'highlight'),
        t('. See '),
        t('the guidance', [{ type: 'link', attrs: { href: 'https://example.org/guidance' } }]),
        t('.'),
      ),
      { type: 'heading', attrs: { level: 2 }, content: [t('What I noticed in myself')] },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [p(t('A heaviness after the session.'))] }],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [p(t('Third thought, numbered from three.'))] }],
      },
      {
        type: 'taskList',
        content: [
          { type: 'taskItem', attrs: { checked: true }, content: [p(t('Wrote it down'))] },
          { type: 'taskItem', attrs: { checked: false }, content: [p(t('Bring it to supervision'))] },
        ],
      },
      { type: 'heading', attrs: { level: 3 }, content: [t('A smaller heading')] },
      { type: 'blockquote', content: [p(t('Stay with not knowing a little longer.'))] },
      { type: 'codeBlock', content: [t('plan: rest, then write')] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Moment'), cell('tableHeader', 'What I did')] },
          { type: 'tableRow', content: [cell('tableCell', 'Start'), cell('tableCell', 'Listened')] },
          { type: 'tableRow', content: [cell('tableCell', 'Both columns at once', { colspan: 2 })] },
        ],
      },
    ],
  };
}

export async function otherPerson(name: string, role: string): Promise<OtherPerson> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'holding-other-'));
  const folder = path.join(root, 'files');
  await fs.mkdir(folder);
  const services = await createdServices(path.join(root, 'vault'), {
    chooseSavePath: async (suggested) => path.join(folder, suggested),
  });
  const me = await services.identity.save({ name, role });
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await services.router(channel, input, SENDER);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  return {
    services,
    folder,
    card: me.card,
    fingerprint: me.fingerprint,
    call,
    async addAndConfirm(card) {
      const contact = await services.identity.addContact(card);
      services.identity.setVerified(contact.id, true);
      return contact.id;
    },
    async share(contactId, title, { replies = false } = {}) {
      const entry = services.journal.create({ title: 'After a long clinic' });
      services.journal.save({
        ...entry,
        body: everyKindOfBlock(),
        tags: [],
        bringToSupervision: true,
        containsClientMaterial: true,
      });
      const supervisor = services.supervision.saveSupervisor(CONTRACT);
      services.supervision.addAgendaItem(
        supervisor.id,
        agendaItem('Staying with not knowing', { question: 'How long can I wait before acting?' }),
        { kind: 'scratch' },
      );
      const selection: ExportSelection = {
        ...EMPTY_SELECTION,
        title,
        entries: [{ id: entry.id, excerpt: null }],
        agendas: [supervisor.id],
        ...(replies ? { replies: contactId } : {}),
      };
      const check = await services.exports.check(selection);
      const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
      for (const f of check.findings)
        resolutions.byValue[f.valueKey] = { action: 'keep', reason: 'Invented for a test' };
      const shared = await call<{ path: string }>('sharing:share', {
        selection,
        resolutions,
        fingerprint: check.fingerprint,
        contactId,
      });
      return shared.path;
    },
    async sendFeedback(file, onFirstItem, overall) {
      const opened = await services.sharing.importBytes(new Uint8Array(await fs.readFile(file)));
      if (opened.kind !== 'share') throw new Error('expected a share');
      const [first] = services.sharing.receivedShare(opened.share.id).items;
      services.sharing.saveComment(opened.share.id, first!.ref, onFirstItem);
      services.sharing.saveComment(opened.share.id, null, overall);
      const feedback = await services.sharing.sealFeedback(opened.share.id);
      feedback.record();
      return feedback.bundle;
    },
    async close() {
      services.dispose();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

// --- The Sharing page, as a person uses it --------------------------------------------------------------------

export class SharingPageObject {
  constructor(
    readonly page: Page,
    readonly shell: Shell,
  ) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Sharing' });
  }

  region(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  get yourCard() {
    return this.region('Your card');
  }

  get people() {
    return this.region('People you share with');
  }

  get received() {
    return this.region('Shared with you');
  }

  get sent() {
    return this.region('What you have shared');
  }

  /** The page's own status line: what arrived, what was removed. */
  get status() {
    return this.page.getByTestId('sharing-status');
  }

  get alert() {
    return this.page.getByRole('alert');
  }

  /** What holds the page's refusal: focus goes here after a refused open (the alert itself is inside). */
  get problem() {
    return this.alert.locator('xpath=..');
  }

  async makeCard(name: string, role = ''): Promise<void> {
    await this.yourCard.getByLabel('Your name', { exact: true }).fill(name);
    await this.yourCard.getByLabel('Your role (optional)', { exact: true }).fill(role);
    await this.yourCard.getByRole('button', { name: 'Make my card' }).click();
    await expect(this.yourCard.getByTestId('card-status')).toContainText('Your card is made');
  }

  /** The fingerprint as shown in a place (four groups, joined as main writes them). */
  async fingerprintIn(scope: ReturnType<Page['locator']>): Promise<string> {
    await expect(scope.getByTestId('fingerprint').first()).toBeVisible();
    const groups = await scope
      .getByTestId('fingerprint')
      .first()
      .locator('[aria-hidden="true"] > span')
      .allTextContents();
    return groups.join('-');
  }

  async fingerprint(): Promise<string> {
    return this.fingerprintIn(this.yourCard);
  }

  async cardText(): Promise<string> {
    return this.yourCard.getByLabel('Your card, to send', { exact: true }).inputValue();
  }

  get pasteBox() {
    return this.people.getByLabel('Paste their card', { exact: true });
  }

  async addCard(text: string): Promise<void> {
    await this.pasteBox.fill(text);
    await this.people.getByRole('button', { name: 'Add card' }).click();
  }

  /** Adds a card from a file, the open dialog standing in as the given path (null: the person cancels). */
  async openCardFile(file: string | null): Promise<void> {
    this.shell.nextOpenPath = file;
    await this.people.getByRole('button', { name: 'Open a card file…' }).click();
  }

  compareDialog(name?: string) {
    return this.page.getByRole('dialog', {
      name: name ? `Compare fingerprints with ${name}` : /^Compare fingerprints with /,
    });
  }

  async confirmFingerprint(name: string): Promise<void> {
    const dialog = this.compareDialog(name);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'They match' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.contactState(name)).toHaveText('Confirmed');
  }

  contact(name: string) {
    return this.people
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  contactState(name: string) {
    return this.contact(name).getByTestId('contact-state');
  }

  /** Opens a bundle with "Open a shared file…", the open dialog standing in as the given path. */
  async openBundle(file: string): Promise<void> {
    this.shell.nextOpenPath = file;
    await this.page.getByRole('button', { name: 'Open a shared file…' }).click();
  }

  async openShare(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Read and comment on “${title}”` }).click();
    await expect(this.reviewHeading(title)).toBeFocused();
  }

  reviewHeading(title: string) {
    return this.page.getByRole('heading', { level: 2, name: title, exact: true });
  }

  /** One shared item in the review, by its title. */
  item(title: string) {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  commentBox(title: string) {
    return this.page.getByLabel(`Your comment on ${title}`, { exact: true });
  }

  /** Writes a comment and leaves the box: it saves itself. */
  async comment(title: string, text: string): Promise<void> {
    await this.commentBox(title).fill(text);
    await this.commentBox(title).press('Tab');
    await expect(this.item(title).getByTestId('comment-status')).toHaveText('Saved');
  }

  get overallBox() {
    return this.page.getByLabel('Your overall comment', { exact: true });
  }

  /** Writes the overall comment and saves it with its button. */
  async overall(text: string): Promise<void> {
    await this.overallBox.fill(text);
    const part = this.region('Overall');
    await part.getByRole('button', { name: /^Save comment/ }).click();
    await expect(part.getByTestId('comment-status')).toHaveText('Saved');
  }

  /** Sends feedback and returns where it was saved, as the page says. */
  async sendFeedback(): Promise<string> {
    await this.page.getByRole('button', { name: /^Send feedback/ }).click();
    const status = this.page.getByTestId('feedback-status');
    await expect(status).toHaveText(/^Your feedback is saved as .+It is in the folder /);
    // Said as the Export page says it: the file's name, then the folder it is in.
    const text = (await status.textContent())!;
    return path.join(/It is in the folder (.+)$/.exec(text)![1]!, /saved as (.+?)\. Send that file/.exec(text)![1]!);
  }

  async backToSharing(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to Sharing' }).click();
    await expect(this.yourCard).toBeVisible();
  }

  openRequest(fileName: string) {
    return this.page.getByRole('dialog', { name: `Open “${fileName}”?` });
  }

  sentShare(title: string) {
    return this.sent.getByRole('article', { name: title, exact: true });
  }

  /** axe on the current screen, in the light theme and the dark one. */
  async expectAccessible(screen: string, { dark = false } = {}): Promise<void> {
    for (const colorScheme of dark ? (['light', 'dark'] as const) : (['light'] as const)) {
      await this.page.emulateMedia({ colorScheme });
      await new HoldingApp(this.page).expectAccessible(`${screen} (${colorScheme})`);
      if (process.env['SHARING_SHOTS']) {
        await fs.mkdir(process.env['SHARING_SHOTS'], { recursive: true });
        // The content scrolls inside the frame, so the window is made as tall as it for the picture.
        const size = this.page.viewportSize()!;
        const height = await this.page.evaluate(() => document.getElementById('content')?.scrollHeight ?? 0);
        await this.page.setViewportSize({ width: size.width, height: Math.min(8000, Math.max(size.height, height)) });
        await this.page.screenshot({
          path: path.join(process.env['SHARING_SHOTS'], `${screen.replace(/[^a-z0-9]+/gi, '-')}-${colorScheme}.png`),
        });
        await this.page.setViewportSize(size);
      }
    }
    await this.page.emulateMedia({ colorScheme: null });
  }
}

/**
 * The shell's person shares the entry `entryId` (and the agendas of `agendas`) with a confirmed contact, as the
 * Export page does, keeping every finding; resolves the sealed file's path.
 */
export async function shareFromShell(
  shell: Shell,
  contactId: string,
  { title, entryId, agendas = [] }: { title: string; entryId: string; agendas?: string[] },
): Promise<string> {
  const services = shell.services;
  const selection = { ...EMPTY_SELECTION, title, entries: [{ id: entryId, excerpt: null }], agendas };
  const check = await services.exports.check(selection);
  const byValue = Object.fromEntries(
    check.findings.map((f) => [f.valueKey, { action: 'keep' as const, reason: 'Invented for a test' }]),
  );
  const result = await services.router(
    'sharing:share',
    { selection, resolutions: { byValue, byFinding: {}, pseudonyms: {} }, fingerprint: check.fingerprint, contactId },
    { url: `${SHELL_ORIGIN}/index.html`, isMainFrame: true },
  );
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { path: string }).path;
}
