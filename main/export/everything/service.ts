import { LockedError } from '../../../common/errors';
import type { Task } from '../../ipc/tasks';
import type { Vault } from '../../vault/vault';
import { type EverythingHooks, type EverythingResult, exportEverything } from './make';

export interface EverythingServiceOptions {
  /** The app's version, written into holding-export.json. */
  appVersion: string;
  now?: () => Date;
  /** Test seams only; never set by the app. */
  hooks?: EverythingHooks;
}

/** "Export everything" (docs/export-format.md), in the services worker; one at a time. */
export class EverythingExportService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vault: Vault,
    private readonly options: EverythingServiceOptions,
  ) {}

  /** Writes the whole journal to `target` (a .zip), with the revision history when `history` is set. */
  export(target: string, options: { history: boolean }, task?: Task): Promise<EverythingResult> {
    if (!this.vault.isUnlocked()) return Promise.reject(new LockedError());
    const work = () =>
      exportEverything(this.vault, target, {
        history: options.history,
        appVersion: this.options.appVersion,
        task,
        ...(this.options.now ? { now: this.options.now } : {}),
        ...(this.options.hooks ? { hooks: this.options.hooks } : {}),
      });
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
