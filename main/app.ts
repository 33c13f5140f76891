import path from 'node:path';
import { supervisionNoteFor } from '../common/checkins/notes';
import { clearCheckCaches } from '../common/export/deid';
import { type ExportFormat, FORMAT_EXTENSIONS, FORMAT_NAMES } from '../common/export/types';
import { AppError, LockedError } from '../common/errors';
import { CARD_EXTENSION, type SentShare, SHARE_EXTENSION } from '../common/sharing/types';
import { docFromParagraphs } from '../common/journal/doc';
import type { AppInfo, LockReason } from '../common/ipc/contract';
import { isSafeHref } from '../common/journal/doc';
import { CheckinService } from './checkins/checkins';
import { PromptService } from './dialectics/prompts';
import { ExportService, localDay, type PdfRenderer } from './export/export';
import { writeFileAtomic } from './fs/atomic';
import { readCapped } from './fs/read-capped';
import { createRouter, type Handlers, type Router } from './ipc/router';
import { JournalService } from './journal/journal';
import { TemplateService } from './journal/templates';
import { SettingsService } from './settings/settings';
import { IdentityService } from './sharing/identity';
import { bundleFileName, SharingService } from './sharing/sharing';
import { SupervisionService } from './supervision/supervision';
import { AutoLock } from './vault/auto-lock';
import { Vault } from './vault/vault';

export interface ServicesOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  appOrigin: string;
  nativeBinding?: string | undefined;
  /** Seconds since the person last did anything; the host knows how to measure it. */
  idleSeconds: () => number;
  /**
   * Asks the person where to save a file (the system's save dialog in the app); resolves the chosen
   * path, or null if they cancelled.
   */
  chooseSavePath?: (suggestedName: string, filter: { name: string; extensions: string[] }) => Promise<string | null>;
  /** Asks the person which file to open (the system's open dialog in the app); null if they cancelled. */
  chooseOpenPath?: (filter: { name: string; extensions: string[] }) => Promise<string | null>;
  /** Prints the export's HTML to PDF with Chromium (printToPDF in the app, page.pdf in the browser shell). */
  renderPdf?: PdfRenderer;
  /** Asks the person, then opens an https: or mailto: link outside the app; resolves whether it did. */
  openExternal?: (url: string) => Promise<boolean>;
  logError?: (error: unknown, channel: string) => void;
}

export interface Services {
  vault: Vault;
  /** Asks the window to save what is being typed; resolves when it has, or after the timeout. */
  flushRenderer(timeoutMs?: number): Promise<void>;
  /** The host forwards these to the window as app:flushRequested. */
  onFlushRequest(listener: (reason: 'lock' | 'close') => void): () => void;
  /** Locks after giving the window a moment to save: for locks main starts (idle, sleep, shortcut). */
  lockGently(reason: LockReason): Promise<void>;
  settings: SettingsService;
  journal: JournalService;
  templates: TemplateService;
  prompts: PromptService;
  checkins: CheckinService;
  supervision: SupervisionService;
  exports: ExportService;
  identity: IdentityService;
  sharing: SharingService;
  autoLock: AutoLock;
  router: Router;
  onLock(listener: (reason: LockReason) => void): () => void;
  dispose(): void;
}

type FileKind = ExportFormat | 'csv' | 'card' | 'bundle';

const FILE_FILTERS: Record<FileKind, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
  card: { name: 'Holding identity card', extensions: [CARD_EXTENSION, 'txt'] },
  bundle: { name: 'Holding share or feedback', extensions: [SHARE_EXTENSION] },
  pdf: { name: FORMAT_NAMES.pdf, extensions: [FORMAT_EXTENSIONS.pdf] },
  markdown: { name: FORMAT_NAMES.markdown, extensions: [FORMAT_EXTENSIONS.markdown] },
  docx: { name: FORMAT_NAMES.docx, extensions: [FORMAT_EXTENSIONS.docx] },
  html: { name: FORMAT_NAMES.html, extensions: [FORMAT_EXTENSIONS.html] },
};

/** Why a save failed, in words: the common causes, else something general. */
export function whyNotSaved(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'that folder no longer exists';
    case 'EACCES':
    case 'EPERM':
      return 'Holding is not allowed to write in that folder';
    case 'EROFS':
      return 'that place can only be read, not written to';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EEXIST':
    case 'EISDIR':
      return 'something with that name is in the way';
    case 'ENAMETOOLONG':
      return 'the file name is too long for that place';
    default:
      return 'the computer would not let it be written';
  }
}

/** A name fit for a file: letters, digits, spaces, hyphens and underscores, at most 80 characters. */
export function safeFileName(name: string, fallback: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80)
      .trim() || fallback
  );
}

/** Reads a small text file (an identity card), never more than `limit` bytes of it. */
async function readSmallText(filePath: string, limit: number): Promise<string> {
  const bytes = await readCapped(
    filePath,
    limit,
    () =>
      new AppError(
        'INVALID_INPUT',
        'That file is too large to be a Holding identity card. Please ask for the card again.',
      ),
  );
  return new TextDecoder().decode(bytes);
}

/** The composition root: the same services for Electron, the browser shell and tests. */
export function createServices(options: ServicesOptions): Services {
  const vault = new Vault({ dataDir: options.dataDir, nativeBinding: options.nativeBinding });
  const flushListeners = new Set<(reason: 'lock' | 'close') => void>();
  let flushWaiters: (() => void)[] = [];
  const flushRenderer = (timeoutMs = 1500, reason: 'lock' | 'close' = 'lock'): Promise<void> => {
    if (flushListeners.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        flushWaiters = flushWaiters.filter((w) => w !== done);
        resolve();
      }
      flushWaiters.push(done);
      for (const listener of flushListeners) listener(reason);
    });
  };
  const lockGently = async (reason: LockReason) => {
    if (vault.isUnlocked()) await flushRenderer(1500, 'lock');
    vault.lock(reason);
  };
  const settings = new SettingsService(vault);
  const templates = new TemplateService(vault);
  const journal = new JournalService(vault, templates);
  const prompts = new PromptService(vault);
  const checkins = new CheckinService(vault);
  const supervision = new SupervisionService(vault);
  const exports = new ExportService(vault, { journal, supervision, checkins, settings });
  const identity = new IdentityService(vault);
  const sharing = new SharingService(vault, identity);
  /** Asks which file to open; null if the person cancelled. */
  const openFile = async (kind: FileKind): Promise<string | null> => {
    if (!options.chooseOpenPath) throw new AppError('INVALID_INPUT', 'Opening files is not available here.');
    const chosen = await options.chooseOpenPath(FILE_FILTERS[kind]);
    if (chosen && !vault.isUnlocked()) throw new LockedError();
    return chosen;
  };

  /** Asks where (the save dialog), then writes the file whole or not at all. Null: the person cancelled. */
  const saveFile = async (
    suggestedName: string,
    kind: FileKind,
    data: () => string | Uint8Array | Promise<string | Uint8Array>,
    /** Records what is about to be written, once the place is known; returns how to take it back. */
    beforeWrite?: (target: string) => () => void,
  ): Promise<string | null> => {
    if (!options.chooseSavePath) throw new AppError('INVALID_INPUT', 'Saving files is not available here.');
    const bytes = await data();
    const target = await options.chooseSavePath(suggestedName, FILE_FILTERS[kind]);
    if (!target) return null;
    // The vault may have locked while the dialog was open (idle, sleep): then nothing is written.
    if (!vault.isUnlocked()) {
      throw new AppError('LOCKED', 'Holding locked while you were choosing where to save, so nothing was written.');
    }
    const undo = beforeWrite?.(target);
    try {
      await writeFileAtomic(target, bytes, 0o600);
    } catch (error) {
      undo?.();
      throw new AppError(
        'INVALID_INPUT',
        `Holding could not save the file there: ${whyNotSaved((error as NodeJS.ErrnoException).code)}. Nothing was written; please choose another folder.`,
      );
    }
    return target;
  };
  vault.onUnlock(() => journal.purgeExpired());
  // What the check has read (paragraphs, the person's names) is forgotten with the key.
  vault.onLock(() => clearCheckCaches());
  const autoLock = new AutoLock({
    vault,
    idleSeconds: options.idleSeconds,
    minutes: () => settings.get().autoLockMinutes,
    lock: (reason) => void lockGently(reason),
  });

  const handlers: Handlers = {
    'app:info': () => ({ version: options.version, dataDir: vault.dataDir, host: options.host }),
    'app:openExternal': async ({ url }) => {
      if (!isSafeHref(url)) {
        throw new AppError(
          'INVALID_INPUT',
          'Holding only opens web addresses beginning https:// and e-mail addresses.',
        );
      }
      if (!options.openExternal) throw new AppError('INVALID_INPUT', 'Opening links is not available here.');
      return { opened: await options.openExternal(url.trim()) };
    },
    'app:flushed': () => {
      for (const done of [...flushWaiters]) done();
      return null;
    },
    'vault:status': () => vault.status(),
    'vault:create': ({ passphrase }) => vault.create(passphrase),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault:unlockWithRecoveryKey': ({ recoveryKey }) => vault.unlockWithRecoveryKey(recoveryKey),
    'vault:lock': async () => {
      vault.lock('manual');
      return vault.status();
    },
    'vault:changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return null;
    },
    'vault:resetPassphrase': ({ recoveryKey, next }) => vault.resetPassphrase(recoveryKey, next),
    'settings:get': () => settings.get(),
    'settings:update': (changes) => settings.update(changes),
    'journal:list': (input) => journal.list(input),
    'journal:get': ({ id }) => journal.get(id),
    'journal:create': (input) => journal.create(input),
    'journal:save': (input) => journal.save(input),
    'journal:trash': ({ id }) => (journal.trash(id), null),
    'journal:restore': ({ id }) => (journal.restore(id), null),
    'journal:deleteForever': ({ id }) => (journal.deleteForever(id), null),
    'journal:emptyTrash': () => ({ count: journal.emptyTrash() }),
    'journal:revisions': ({ id }) => journal.revisions(id),
    'journal:revision': ({ id }) => journal.revision(id),
    'journal:restoreRevision': ({ entryId, revisionId }) => journal.restoreRevision(entryId, revisionId),
    'journal:tags': () => journal.tags(),
    'journal:links': ({ id }) => journal.links(id),
    'journal:link': ({ fromId, toId }) => journal.link(fromId, toId),
    'journal:unlink': ({ fromId, toId }) => journal.unlink(fromId, toId),
    'truths:prompts': () => prompts.list(),
    'truths:savePrompt': (input) => prompts.save(input),
    'truths:hidePrompt': ({ id, hidden }) => prompts.setHidden(id, hidden),
    'truths:removePrompt': ({ id }) => (prompts.remove(id), null),
    'truths:create': ({ promptId }) => journal.createTwoTruths({ prompt: promptId ? prompts.get(promptId) : null }),
    'truths:save': (input) => journal.saveTwoTruths(input),
    'checkins:list': (range) => checkins.list(range),
    'checkins:save': (input) => checkins.save(input),
    'checkins:delete': ({ id }) => (checkins.delete(id), null),
    'checkins:suggestions': () => checkins.suggestions(),
    'checkins:dismiss': ({ key }) => (checkins.dismiss(key), null),
    // One transaction: no half-made entry if any step fails.
    'checkins:bringToSupervision': ({ key, supervisorId }) =>
      vault.db().transaction(() => {
        const suggestion = checkins.suggestions().find((s) => s.key === key);
        if (!suggestion) throw new AppError('NOT_FOUND', 'That suggestion has already been set aside.');
        const note = supervisionNoteFor(suggestion);
        const entry = journal.create({ title: note.title });
        journal.save({
          ...entry,
          body: docFromParagraphs(note.paragraphs),
          tags: ['restorative'],
          bringToSupervision: true,
        });
        // With a supervision under way, it goes on the next agenda too, as a restorative item.
        const under = supervision.supervisors().filter((s) => !s.endedAt);
        const current = supervisorId ? under.find((s) => s.id === supervisorId) : under[0];
        if (supervisorId && !current) {
          throw new AppError('NOT_FOUND', 'That supervision has ended or been deleted. Please choose another.');
        }
        if (current) {
          supervision.addAgendaItem(
            current.id,
            {
              title: note.title,
              question: 'Some time for how I am, not only for the work.',
              notes: note.paragraphs[0] ?? '',
              function: 'restorative',
              sevenEyed: 4,
              graces: [],
              priority: 'medium',
              minutes: 10,
            },
            { kind: 'entry', entryId: entry.id, excerpt: null },
          );
        }
        checkins.dismiss(key);
        return { entry: journal.get(entry.id), supervisorName: current?.name ?? null };
      })(),
    'flags:list': () => checkins.flags(),
    'flags:save': (input) => checkins.saveFlag(input),
    'flags:delete': ({ id }) => (checkins.deleteFlag(id), null),
    'flags:reorder': ({ ids }) => checkins.reorderFlags(ids),
    'supervision:supervisors': () => supervision.supervisors(),
    'supervision:saveSupervisor': (input) => supervision.saveSupervisor(input),
    'supervision:setEnded': ({ id, ended }) => supervision.setEnded(id, ended),
    'supervision:deleteSupervisor': ({ id }) => (supervision.deleteSupervisor(id), null),
    'supervision:agenda': ({ supervisorId }) => supervision.agenda(supervisorId),
    'supervision:addItem': ({ supervisorId, item, source }) => supervision.addAgendaItem(supervisorId, item, source),
    'supervision:updateItem': ({ id, item }) => supervision.updateAgendaItem(id, item),
    'supervision:removeItem': ({ id }) => (supervision.removeAgendaItem(id), null),
    'supervision:reorder': ({ supervisorId, ids }) => supervision.reorderAgenda(supervisorId, ids),
    'supervision:suggestions': ({ supervisorId }) => supervision.suggestions(supervisorId),
    'supervision:recordSession': (input) => supervision.recordSession(input),
    'supervision:sessions': ({ supervisorId }) => supervision.sessions(supervisorId),
    'supervision:deleteSession': ({ id }) => (supervision.deleteSession(id), null),
    'supervision:setActionDone': ({ id, done }) => supervision.setActionDone(id, done),
    'supervision:openActions': ({ supervisorId }) => supervision.openActions(supervisorId),
    'supervision:balance': ({ supervisorId }) => supervision.balance(supervisorId),
    'supervision:hours': ({ supervisorId, from, to }) => supervision.hours(supervisorId, { from, to }),
    'supervision:exportHoursCsv': async ({ supervisorId, from, to }) => {
      const csv = supervision.hoursCsv(supervisorId, { from, to });
      const name = safeFileName(supervision.supervisor(supervisorId).name, 'supervision');
      const target = await saveFile(`Supervision hours - ${name} - ${from} to ${to}.csv`, 'csv', () => csv);
      return { path: target };
    },
    'supervision:exportHoursPdf': async ({ supervisorId, from, to }) => {
      const doc = exports.hoursDocument(supervisorId, { from, to });
      const name = safeFileName(supervision.supervisor(supervisorId).name, 'supervision');
      const target = await saveFile(`Supervision hours - ${name} - ${from} to ${to}.pdf`, 'pdf', () =>
        exports.renderDocument('pdf', doc, options.renderPdf),
      );
      if (target) {
        exports.record('hours-pdf', path.basename(target), {
          title: `Supervision hours with ${supervision.supervisor(supervisorId).name}`,
          items: 1,
          redacted: 0,
          pseudonymised: 0,
          kept: 0,
        });
      }
      return { path: target };
    },
    'export:check': (selection) => exports.check(selection),
    'export:preview': ({ selection, resolutions, fingerprint }) => exports.preview(selection, resolutions, fingerprint),
    'export:save': async ({ selection, resolutions, fingerprint, format }) => {
      // Settled and rendered before asking where: an undecided finding stops it before any dialog.
      const rendered = await exports.render(format, selection, resolutions, fingerprint, options.renderPdf);
      const name = safeFileName(rendered.record.title, 'Reflections for supervision');
      const day = localDay(new Date());
      const target = await saveFile(`${name} - ${day}.${FORMAT_EXTENSIONS[format]}`, format, () => rendered.data);
      if (!target) return { path: null, record: null };
      return { path: target, record: exports.record(format, path.basename(target), rendered.record) };
    },
    'export:records': () => exports.records(),
    'sharing:identity': () => identity.view(),
    'sharing:saveIdentity': (input) => identity.save(input),
    'sharing:saveCard': async () => {
      const me = identity.view();
      if (!me) throw new AppError('INVALID_INPUT', 'Please make your identity card first.');
      const name = safeFileName(me.name, 'Holding');
      const target = await saveFile(`${name} - Holding card.${CARD_EXTENSION}`, 'card', () => `${me.card}\n`);
      return { path: target };
    },
    'sharing:contacts': () => identity.contacts(),
    'sharing:addContact': ({ card }) => identity.addContact(card),
    'sharing:addContactFromFile': async () => {
      const chosen = await openFile('card');
      if (!chosen) return null;
      return identity.addContact(await readSmallText(chosen, 8192));
    },
    'sharing:verifyContact': ({ id, verified }) => identity.setVerified(id, verified),
    'sharing:removeContact': ({ id }) => (identity.removeContact(id), null),
    'sharing:share': async ({ selection, resolutions, fingerprint, contactId }) => {
      // The same check and the same refusals as saving a file: nothing undecided leaves.
      const { doc } = await exports.settled(selection, resolutions, fingerprint);
      const sealed = await sharing.sealShare(doc, contactId);
      // Recorded before the file is written (and taken back if writing fails): a share on its way always
      // has its record, so the feedback that answers it can find its way home.
      let share: SentShare | null = null;
      const target = await saveFile(
        bundleFileName('share', localDay(new Date())),
        'bundle',
        () => sealed.bundle,
        (chosen) => {
          const recorded = sealed.record(path.basename(chosen));
          share = recorded;
          return () => sharing.forgetShare(recorded.id);
        },
      );
      return target ? { path: target, folder: path.dirname(target), share } : { path: null, folder: null, share: null };
    },
    'sharing:sent': () => sharing.sent(),
    'sharing:import': async () => {
      const chosen = await openFile('bundle');
      return chosen ? sharing.importFile(chosen) : null;
    },
    'sharing:pending': () => sharing.pending(),
    'sharing:importPending': ({ id }) => sharing.importPending(id),
    'sharing:dismissPending': ({ id }) => (sharing.dismissPending(id), null),
    'sharing:received': () => sharing.received(),
    'sharing:receivedShare': ({ id }) => sharing.receivedShare(id),
    'sharing:saveComment': ({ shareId, ref, body }) => sharing.saveComment(shareId, ref, body),
    'sharing:sendFeedback': async ({ shareId }) => {
      const sealed = await sharing.sealFeedback(shareId);
      const target = await saveFile(bundleFileName('feedback', localDay(new Date())), 'bundle', () => sealed.bundle);
      return target
        ? { path: target, fileName: path.basename(target), folder: path.dirname(target), share: sealed.record() }
        : { path: null, fileName: null, folder: null, share: null };
    },
    'sharing:removeReceived': ({ id }) => (sharing.removeReceived(id), null),
    'sharing:feedbackFor': ({ sourceId }) => sharing.feedbackFor(sourceId),
    'supervision:forEntry': ({ id }) => supervision.forEntry(id),
    'templates:list': () => templates.list(),
    'templates:save': (input) => templates.save(input),
    'templates:duplicate': ({ id }) => templates.duplicate(id),
    'templates:delete': ({ id }) => (templates.delete(id), null),
  };

  const router = createRouter(handlers, {
    appOrigin: options.appOrigin,
    ...(options.logError ? { logError: options.logError } : {}),
  });
  autoLock.start();

  return {
    vault,
    flushRenderer: (timeoutMs) => flushRenderer(timeoutMs, 'close'),
    onFlushRequest: (listener) => {
      flushListeners.add(listener);
      return () => flushListeners.delete(listener);
    },
    lockGently,
    settings,
    journal,
    templates,
    prompts,
    checkins,
    supervision,
    exports,
    identity,
    sharing,
    autoLock,
    router,
    onLock: (listener) => vault.onLock(listener),
    dispose() {
      autoLock.stop();
      vault.lock('manual');
    },
  };
}
