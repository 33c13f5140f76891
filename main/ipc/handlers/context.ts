import type { AppInfo } from '../../../common/ipc/contract';
import type { BackupSchedule } from '../../backup/schedule';
import type { BackupService } from '../../backup/service';
import type { CheckinService } from '../../checkins/checkins';
import type { ExportService, PdfRenderer } from '../../export/export';
import type { ImportService } from '../../import/service';
import type { EverythingExportService } from '../../export/everything/service';
import type { JournalService } from '../../journal/journal';
import type { TemplateService } from '../../journal/templates';
import type { SettingsService } from '../../settings/settings';
import type { IdentityService } from '../../sharing/identity';
import type { SharingService } from '../../sharing/sharing';
import type { SupervisionService } from '../../supervision/supervision';
import type { SupportService } from '../../support/support';
import type { PromptService } from '../../two-truths/prompts';
import type { Vault } from '../../vault/vault';
import type { Files } from '../files';
import type { Tasks } from '../tasks';

/** Every service, made once by the composition root (main/app.ts). */
export interface ServiceSet {
  vault: Vault;
  settings: SettingsService;
  journal: JournalService;
  templates: TemplateService;
  prompts: PromptService;
  checkins: CheckinService;
  supervision: SupervisionService;
  exports: ExportService;
  /** "Export everything": the whole journal as one zip of open formats. */
  everything: EverythingExportService;
  identity: IdentityService;
  sharing: SharingService;
  backups: BackupService;
  /** Backups by themselves, "Back up now" and the status Settings shows. */
  backupSchedule: BackupSchedule;
  support: SupportService;
  /** Bringing a journal in from another app, and undoing it. */
  imports: ImportService;
}

/** What the handlers of every capability are given. */
export interface HandlerContext extends ServiceSet {
  info: AppInfo;
  files: Files;
  tasks: Tasks;
  /** Prints the export's HTML to PDF with Chromium (in main: printToPDF, or page.pdf in the browser shell). */
  renderPdf?: PdfRenderer | undefined;
  /** Asks the person, then opens an https: or mailto: link outside the app; resolves whether it did. */
  openExternal?: ((url: string) => Promise<boolean>) | undefined;
  /** The window's answer to a flush request: everything typed is saved. */
  flushed(): void;
}
