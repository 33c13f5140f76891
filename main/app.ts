import type { LockReason, Progress } from '../common/ipc/contract';
import { clearCheckCaches } from '../common/export/deid';
import { BackupSchedule } from './backup/schedule';
import { BackupService } from './backup/service';
import { finishInterruptedRestore } from './backup/swap';
import { SupportService } from './support/support';
import { CheckinService } from './checkins/checkins';
import { ExportService } from './export/export';
import { ImportService } from './import/service';
import { EverythingExportService } from './export/everything/service';
import { Files } from './ipc/files';
import { RendererFlush } from './ipc/flush';
import { allHandlers } from './ipc/handlers';
import { createRouter, runCall } from './ipc/router';
import { Tasks } from './ipc/tasks';
import { JournalService } from './journal/journal';
import { TemplateService } from './journal/templates';
import { SettingsService } from './settings/settings';
import { IdentityService } from './sharing/identity';
import { SharingService } from './sharing/sharing';
import { SupervisionService } from './supervision/supervision';
import { PromptService } from './two-truths/prompts';
import { AutoLock } from './vault/auto-lock';
import { Vault } from './vault/vault';
import type { Services, ServicesOptions } from './services';

export type { Services, ServicesOptions } from './services';

/** The composition root: the same services for the worker (the app and the browser shell) and tests. */
export function createServices(options: ServicesOptions): Services {
  const vault = new Vault({
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    lockedBecause: options.lockedBecause,
    inProcess: options.inProcess,
    // A restore Holding stopped part-way through is finished before the first screen asks for the journal.
    prepare: () => finishInterruptedRestore(options.dataDir),
    onPrepareError: (error) => options.logError?.(error, 'backup:finishRestore'),
  });
  const flush = new RendererFlush();
  /** Lets the window save what is being typed, then locks; it locks even if the window could not be asked. */
  const lockGently = async (reason: LockReason) => {
    try {
      if (vault.isUnlocked()) await flush.request('lock', 1500);
    } finally {
      vault.lock(reason);
    }
  };
  const progressListeners = new Set<(progress: Progress) => void>();
  const tasks = new Tasks((progress) => progressListeners.forEach((listener) => listener(progress)));
  const settings = new SettingsService(vault);
  const templates = new TemplateService(vault);
  const journal = new JournalService(vault, templates);
  journal.indexMerges.onError = (error) => options.logError?.(error, 'journal:indexMerges');
  const prompts = new PromptService(vault);
  const checkins = new CheckinService(vault);
  const supervision = new SupervisionService(vault);
  const identity = new IdentityService(vault);
  const sharing = new SharingService(vault, identity);
  const exports = new ExportService(vault, {
    journal,
    supervision,
    checkins,
    settings,
    replies: (contactId) => sharing.replySections(contactId),
  });
  const everything = new EverythingExportService(vault, { appVersion: options.version });
  // A restore over an open journal lets the window save what is being typed before it is set aside.
  const backups = new BackupService(vault, { appVersion: options.version, lock: () => lockGently('manual') });
  const backupSchedule = new BackupSchedule({
    vault,
    backups,
    settings,
    vaultId: () => vault.db().prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'").pluck().get() as string,
    hasEntries: () => journal.list({ limit: 1 }).total > 0,
    // A backup the schedule makes shows in Settings as "Back up now" would, and its Stop button works.
    asTask: (work) => tasks.run('backup:now', work),
    dataDir: vault.dataDir,
    ...(options.logError ? { logError: options.logError } : {}),
  });
  const support = new SupportService(settings, checkins);
  const imports = new ImportService(vault, undefined, (count) => journal.indexMerges.wrote(count));
  const services = {
    vault,
    support,
    settings,
    templates,
    journal,
    prompts,
    checkins,
    supervision,
    exports,
    everything,
    identity,
    sharing,
    backups,
    backupSchedule,
    imports,
  };
  vault.onUnlock(() => journal.purgeExpired());
  // What the check has read (paragraphs, the person's names) is forgotten with the key.
  vault.onLock(() => clearCheckCaches());
  const autoLock = new AutoLock({
    vault,
    ...(options.idleSeconds ? { idleSeconds: options.idleSeconds } : {}),
    minutes: () => settings.get().autoLockMinutes,
    // Nothing may go unheard: a lock that failed is logged (and the vault has locked in any case).
    lock: (reason) => {
      lockGently(reason).catch((error: unknown) => options.logError?.(error, 'vault:autoLock'));
    },
  });

  const handlers = allHandlers({
    ...services,
    info: { version: options.version, dataDir: vault.dataDir, host: options.host },
    files: new Files(vault, options),
    tasks,
    renderPdf: options.renderPdf,
    openExternal: options.openExternal,
    flushed: () => flush.flushed(),
  });
  const logError = options.logError;
  const router = createRouter(handlers, { appOrigin: options.appOrigin, ...(logError ? { logError } : {}) }, tasks);
  autoLock.start();
  backupSchedule.start();

  return {
    ...services,
    flushRenderer: (timeoutMs) => flush.request('close', timeoutMs),
    onFlushRequest: (listener) => flush.onRequest(listener),
    lockGently,
    autoLock,
    router,
    run: (call) => runCall(handlers, tasks, call, logError),
    onLock: (listener) => vault.onLock(listener),
    onProgress: (listener) => {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    dispose() {
      autoLock.stop();
      backupSchedule.stop();
      vault.lock('manual');
    },
  };
}
