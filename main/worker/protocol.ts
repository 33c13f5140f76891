import type { MessagePort } from 'node:worker_threads';
import type { AppInfo, LockReason, Progress } from '../../common/ipc/contract';
import type { PendingOpen } from '../../common/sharing/types';
import type { Result } from '../../common/result';
import type { CheckedCall } from '../ipc/router';

/**
 * The messages between main (main/worker/host.ts) and the services worker (main/worker/entry.ts).
 * Everything here crosses by structured clone: plain data only.
 */

/** What the worker is started with (`workerData`). */
export interface WorkerInit {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  appOrigin: string;
  nativeBinding?: string | undefined;
  lockedBecause?: LockReason | undefined;
  /**
   * Two Int32 slots shared with main. [0]: set by the worker once a `lock` message has run (2: it was
   * open, 1: it was locked already). [1]: where the key is (KEY_NONE, KEY_DERIVING, KEY_OPEN).
   */
  lockSignal: SharedArrayBuffer;
  /** Every message for main goes on this port, so main can also read them at once (receiveMessageOnPort). */
  toMain: MessagePort;
  /** The browser shell's and tests' synchronous way to the services (never given in the app). */
  testPort?: MessagePortLike | undefined;
  testSignal?: SharedArrayBuffer | undefined;
  /** Log whole errors (tests and the browser shell), not only their scrubbed description. */
  verboseErrors?: boolean | undefined;
}

export type MessagePortLike = MessagePort;

/** Slot [1] of lockSignal: no key in this worker; a passphrase is being turned into a key; the journal is open. */
export const KEY_NONE = 0;
export const KEY_DERIVING = 1;
export const KEY_OPEN = 2;

/** The host functions main keeps, because they need the window or the OS: the worker asks for them. */
export type HostMethod =
  'chooseSavePath' | 'chooseOpenPath' | 'chooseFolder' | 'renderPdf' | 'openExternal' | 'showInFolder';

export type ToWorker =
  | { type: 'call'; id: number; call: CheckedCall }
  /**
   * Lock at once (sleep, a window crash); the worker sets lockSignal when it has. `mainTells`: main
   * waits for it and tells the window itself, so the worker stays quiet.
   */
  | { type: 'lock'; reason: LockReason; mainTells: boolean }
  | { type: 'lockGently'; id: number; reason: LockReason }
  | { type: 'flush'; id: number; timeoutMs: number }
  | { type: 'idle'; id: number; seconds: number }
  | { type: 'requestOpen'; file: string }
  | { type: 'hostReply'; id: number; ok: true; value: unknown }
  | { type: 'hostReply'; id: number; ok: false; error: ErrorData };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: Result<unknown> }
  | { type: 'event'; event: WorkerEvent }
  | { type: 'host'; id: number; method: HostMethod; args: unknown[] }
  | { type: 'log'; channel: string; description: string };

export type WorkerEvent =
  | { name: 'locked'; reason: LockReason }
  | { name: 'unlocked' }
  | { name: 'flushRequested'; reason: 'lock' | 'close' }
  | { name: 'openRequested'; pending: PendingOpen }
  | { name: 'progress'; progress: Progress };

/** An error as it crosses: an AppError keeps its code; anything else is only a message. */
export interface ErrorData {
  code?: string | undefined;
  name?: string | undefined;
  message: string;
}

/** The test port's messages: a service member read or called by name. */
export interface TestRequest {
  id: number;
  service: string;
  member: string;
  /** Absent: read the member (a function answers `{ kind: 'function' }`). */
  args?: unknown[];
  /** Instead of args: call the member once with each, all in one transaction; answers the list of results. */
  batch?: unknown[][];
}

export type TestReply = { id: number } & (
  { ok: true; kind: 'function' } | { ok: true; kind: 'value'; value: unknown } | { ok: false; error: ErrorData }
);
