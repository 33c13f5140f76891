/** How main starts a services worker: what main is given for it, and what the worker is given (WorkerInit). */
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { AppInfo, LockReason } from '../../common/ipc/contract';
import type { PdfRenderer } from '../export/export';
import type { Dialogs } from '../ipc/files';
import type { WorkerInit } from './protocol';
import type { TestPort } from './test-port';

export interface ServicesHostOptions extends Dialogs {
  /** The worker's script: dist/main/worker.cjs in the app; a fresh bundle in tests (test/support/worker.ts). */
  workerFile: string;
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  appOrigin: string;
  nativeBinding?: string | undefined;
  /** Seconds since the person last did anything (measured in main: the system and the window). */
  idleSeconds: () => number;
  renderPdf?: PdfRenderer;
  openExternal?: (url: string) => Promise<boolean>;
  /** A failed call, already described by the worker (scrubbed unless `verboseErrors`). */
  logError?: (description: string, channel: string) => void;
  /** The worker cannot be started (its script would not load, or it keeps stopping): the app should say so. */
  onFatal?: (description: string) => void;
  verboseErrors?: boolean;
  /** Gives tests and the browser shell `syncServices()`. Never in the app. */
  testHooks?: boolean;
  autoLockIntervalMs?: number;
}

/**
 * A new services worker, locked (`lockedBecause` says why, if it is not the first), with the port it speaks
 * to main on and the signal it and main share (WorkerInit.lockSignal).
 */
export function launchWorker(
  o: ServicesHostOptions,
  lockedBecause: LockReason | undefined,
  test: TestPort | null,
): { worker: Worker; port: MessagePort; shared: Int32Array } {
  const signal = new SharedArrayBuffer(8);
  const channel = new MessageChannel();
  const transferList: MessagePort[] = [channel.port2];
  if (test) transferList.push(test.workerPort);
  const init: WorkerInit = {
    dataDir: o.dataDir,
    host: o.host,
    version: o.version,
    appOrigin: o.appOrigin,
    nativeBinding: o.nativeBinding,
    lockedBecause,
    lockSignal: signal,
    toMain: channel.port2,
    testPort: test?.workerPort,
    testSignal: test?.signalBuffer,
    verboseErrors: o.verboseErrors,
  };
  const worker = new Worker(o.workerFile, { workerData: init, transferList });
  return { worker, port: channel.port1, shared: new Int32Array(signal) };
}
