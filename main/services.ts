/**
 * What the services are given and what they offer as one set: the composition root (app.ts) makes them,
 * the worker (worker/entry.ts), the browser shell and the tests hold them.
 */
import type { AppInfo, LockReason, Progress } from '../common/ipc/contract';
import type { Result } from '../common/result';
import type { PdfRenderer } from './export/export';
import type { Dialogs } from './ipc/files';
import type { ServiceSet } from './ipc/handlers/context';
import type { CheckedCall, Router } from './ipc/router';
import type { AutoLock } from './vault/auto-lock';

export interface ServicesOptions extends Dialogs {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  appOrigin: string;
  nativeBinding?: string | undefined;
  /**
   * Seconds since the person last did anything, for a timer of the services' own. In the worker there is
   * none: the host measures idleness in main and calls `autoLock.check(seconds)`.
   */
  idleSeconds?: () => number;
  /** Prints the export's HTML to PDF with Chromium (printToPDF in the app, page.pdf in the browser shell). */
  renderPdf?: PdfRenderer;
  /** Asks the person, then opens an https: or mailto: link outside the app; resolves whether it did. */
  openExternal?: (url: string) => Promise<boolean>;
  logError?: (error: unknown, channel: string) => void;
  /** Why the journal starts locked (a restarted worker). */
  lockedBecause?: LockReason | undefined;
  /**
   * Only for the services' own tests (Vitest, benchmarks, the second person in two-person tests): the
   * services on this process's main thread. The app and the browser shell run them in the worker.
   */
  inProcess?: boolean;
}

export interface Services extends ServiceSet {
  /** Asks the window to save what is being typed; resolves when it has, or after the timeout. */
  flushRenderer(timeoutMs?: number): Promise<void>;
  /** The host forwards these to the window as app:flushRequested. */
  onFlushRequest(listener: (reason: 'lock' | 'close') => void): () => void;
  /** Locks after giving the window a moment to save: for locks main starts (idle, sleep, shortcut). */
  lockGently(reason: LockReason): Promise<void>;
  autoLock: AutoLock;
  /** Both halves of a call, checks and handler, in this process: the services' own tests use it. */
  router: Router;
  /** A call main has already checked (the worker's way in). */
  run(call: CheckedCall): Promise<Result<unknown>>;
  onLock(listener: (reason: LockReason) => void): () => void;
  /** How far long work has gone, for the window's progress bar. */
  onProgress(listener: (progress: Progress) => void): () => void;
  dispose(): void;
}
