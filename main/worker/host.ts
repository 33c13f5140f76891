/**
 * Main's side of the services worker. Main keeps the window, the OS dialogs, power events and the idle
 * clock, checks each call (sender and schema) and forwards it; the worker holds the key and the database.
 * A worker that stops unexpectedly is started again, locked, and the window is told why.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { AppError } from '../../common/errors';
import type { AppInfo, LockReason, Progress } from '../../common/ipc/contract';
import { fail, type Result } from '../../common/result';
import type { PendingOpen } from '../../common/sharing/types';
import type { PdfRenderer } from '../export/export';
import type { Dialogs } from '../ipc/files';
import { checkCall, type Router } from '../ipc/router';
import type { ErrorData, FromWorker, HostMethod, TestReply, ToWorker, WorkerEvent, WorkerInit } from './protocol';

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
  verboseErrors?: boolean;
  /** Gives tests and the browser shell `syncServices()`. Never in the app. */
  testHooks?: boolean;
  autoLockIntervalMs?: number;
}

type Listener<T> = (value: T) => void;

const UNAVAILABLE: Record<HostMethod, string> = {
  chooseSavePath: 'Saving files is not available here.',
  chooseOpenPath: 'Opening files is not available here.',
  renderPdf: 'Making PDFs is not available here.',
  openExternal: 'Opening links is not available here.',
};

const STOPPED = 'Holding had to restart part of itself, so that did not finish. Please try again.';

export class ServicesHost {
  readonly router: Router;
  private worker!: Worker;
  private ready!: Promise<void>;
  private lockSignal!: Int32Array;
  private testPort: MessagePort | null = null;
  private testSignal: Int32Array | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = { locked: new Set(), unlocked: new Set(), flushRequested: new Set(), openRequested: new Set(), progress: new Set() } as Record<WorkerEvent['name'], Set<Listener<never>>>;
  private unlocked = false;
  private disposed = false;
  private restarts: number[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly options: ServicesHostOptions) {
    this.start(undefined);
    this.router = async (channel, input, sender) => {
      const checked = checkCall(channel, input, sender, options.appOrigin);
      if ('ok' in checked) return checked;
      return this.request((id) => ({ type: 'call', id, call: checked }));
    };
    this.timer = setInterval(() => void this.checkAutoLock(), options.autoLockIntervalMs ?? 15_000);
    this.timer.unref?.();
  }

  /** Resolves once the worker has loaded (calls made before then wait for it). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  isUnlocked(): boolean {
    return this.unlocked;
  }

  /**
   * Locks now, for sleep: waits up to `waitMs` for the worker to say it has locked; a worker too busy to
   * answer is stopped (the key goes with it) and started again, locked.
   */
  lockNow(reason: LockReason, waitMs = 500): void {
    if (this.disposed) return;
    Atomics.store(this.lockSignal, 0, 0);
    this.post({ type: 'lock', reason });
    if (Atomics.wait(this.lockSignal, 0, 0, waitMs) === 'timed-out') this.restart(reason);
    // Told here, before returning (the system may suspend the moment this event handler ends).
    else if (Atomics.load(this.lockSignal, 0) === 2) this.emit({ name: 'locked', reason });
  }

  /** Lets the window save what is being typed, then locks (idle, screen lock, the shortcut). */
  async lockGently(reason: LockReason): Promise<void> {
    await this.request((id) => ({ type: 'lockGently', id, reason }));
  }

  /** Asks the window to save what is being typed (closing); resolves when it has or after the timeout. */
  async flushRenderer(timeoutMs = 1500): Promise<void> {
    await this.request((id) => ({ type: 'flush', id, timeoutMs }));
  }

  /** Measures idleness here and lets the worker lock if it has been long enough; resolves whether it did. */
  async checkAutoLock(): Promise<boolean> {
    const seconds = this.options.idleSeconds();
    const result = await this.request((id) => ({ type: 'idle', id, seconds }));
    return result.ok && result.value === true;
  }

  /** A bundle the system asked Holding to open: the worker holds it until the person says. */
  requestOpen(file: string): void {
    this.post({ type: 'requestOpen', file });
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    return this.on('locked', (event: { reason: LockReason }) => listener(event.reason));
  }

  onFlushRequest(listener: (reason: 'lock' | 'close') => void): () => void {
    return this.on('flushRequested', (event: { reason: 'lock' | 'close' }) => listener(event.reason));
  }

  onOpenRequest(listener: (pending: PendingOpen) => void): () => void {
    return this.on('openRequested', (event: { pending: PendingOpen }) => listener(event.pending));
  }

  onProgress(listener: (progress: Progress) => void): () => void {
    return this.on('progress', (event: { progress: Progress }) => listener(event.progress));
  }

  /** Ends the worker (locking first, so the key is wiped before the thread goes). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearInterval(this.timer);
    this.post({ type: 'lock', reason: 'manual' });
    this.testPort?.close();
    await this.worker.terminate();
  }

  /** Tests only: the worker itself, to stop it as a crash would. */
  get workerForTests(): Worker {
    return this.worker;
  }

  /**
   * Tests and the browser shell only: the services as if in this process, each member read or called
   * by name in the worker while this thread waits. A call that needs main (a dialog) cannot be made so.
   */
  syncServices<T extends object>(timeoutMs = 60_000): T {
    if (!this.options.testHooks) throw new Error('syncServices is only for tests (testHooks).');
    type Answer = Exclude<TestReply, { ok: false }>;
    const ask = (service: string, member: string, args?: unknown[]): Answer => {
      const signal = this.testSignal!;
      Atomics.store(signal, 0, 0);
      this.testPort!.postMessage(args ? { service, member, args } : { service, member });
      if (Atomics.wait(signal, 0, 0, timeoutMs) === 'timed-out') {
        throw new Error(`${service}.${member} did not answer within ${timeoutMs} ms (does it need main?)`);
      }
      const reply = receiveMessageOnPort(this.testPort!)?.message as TestReply | undefined;
      if (!reply) throw new Error(`${service}.${member} answered nothing`);
      if (!reply.ok) throw toError(reply.error);
      return reply;
    };
    return new Proxy({} as T, {
      get: (_target, service) => {
        if (typeof service !== 'string' || service === 'then') return undefined;
        if (service === 'router') return this.router;
        return new Proxy(
          {},
          {
            get: (_t, member) => {
              if (typeof member !== 'string' || member === 'then') return undefined;
              const read = ask(service, member);
              if (read.kind === 'value') return read.value;
              return (...args: unknown[]) => {
                const done = ask(service, member, args);
                return done.kind === 'value' ? done.value : undefined;
              };
            },
          },
        );
      },
    });
  }

  private on<T>(name: WorkerEvent['name'], listener: (event: T) => void): () => void {
    const set = this.listeners[name] as Set<Listener<T>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit(event: WorkerEvent): void {
    if (event.name === 'locked') this.unlocked = false;
    if (event.name === 'unlocked') this.unlocked = true;
    for (const listener of this.listeners[event.name] as Set<Listener<WorkerEvent>>) listener(event);
  }

  private request(make: (id: number) => ToWorker): Promise<Result<unknown>> {
    if (this.disposed) return Promise.resolve(fail('LOCKED', 'Holding is closing.'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post(make(id));
    });
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private start(lockedBecause: LockReason | undefined): void {
    const signal = new SharedArrayBuffer(4);
    this.lockSignal = new Int32Array(signal);
    let testPort: MessagePort | undefined;
    let testSignal: SharedArrayBuffer | undefined;
    if (this.options.testHooks) {
      this.testPort?.close();
      const channel = new MessageChannel();
      this.testPort = channel.port1;
      testPort = channel.port2;
      testSignal = new SharedArrayBuffer(4);
      this.testSignal = new Int32Array(testSignal);
    }
    const o = this.options;
    const init: WorkerInit = {
      dataDir: o.dataDir,
      host: o.host,
      version: o.version,
      appOrigin: o.appOrigin,
      nativeBinding: o.nativeBinding,
      lockedBecause,
      lockSignal: signal,
      testPort,
      testSignal,
      verboseErrors: o.verboseErrors,
    };
    const worker = new Worker(o.workerFile, { workerData: init, transferList: testPort ? [testPort] : [] });
    this.worker = worker;
    this.unlocked = false;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (message: FromWorker) => (message.type === 'ready' ? resolve() : undefined));
      worker.once('error', reject);
    });
    this.ready.catch(() => undefined);
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => o.logError?.(`the services worker failed: ${error.name}`, 'worker'));
    worker.on('exit', () => {
      if (this.worker === worker && !this.disposed) this.restart('restarted');
    });
  }

  /** Starts a fresh worker, locked; calls in flight answer that they did not finish. */
  private restart(reason: LockReason): void {
    const old = this.worker;
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < 60_000), now];
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve(fail('INTERNAL', STOPPED));
    }
    if (this.restarts.length > 5) {
      this.options.logError?.('the services worker stopped five times in a minute; not restarting', 'worker');
      this.disposed = true;
      return;
    }
    this.start(reason);
    void old.terminate();
    this.emit({ name: 'locked', reason });
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'done': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.result);
        return;
      }
      case 'event':
        this.emit(message.event);
        return;
      case 'log':
        this.options.logError?.(message.description, message.channel);
        return;
      case 'host':
        void this.answerHost(message.id, message.method, message.args);
        return;
      case 'ready':
        return;
    }
  }

  private async answerHost(id: number, method: HostMethod, args: unknown[]): Promise<void> {
    const worker = this.worker;
    try {
      const fn = this.options[method] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (!fn) throw new AppError('INVALID_INPUT', UNAVAILABLE[method]);
      const value = await fn(...args);
      worker.postMessage({ type: 'hostReply', id, ok: true, value } satisfies ToWorker);
    } catch (error) {
      const data: ErrorData =
        error instanceof AppError ? { code: error.code, message: error.message } : { message: String(error) };
      worker.postMessage({ type: 'hostReply', id, ok: false, error: data } satisfies ToWorker);
    }
  }
}

function toError(data: ErrorData): Error {
  return data.code ? new AppError(data.code as 'INTERNAL', data.message) : new Error(data.message);
}
