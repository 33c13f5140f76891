/**
 * Main's side of the services worker. Main keeps the window, the OS dialogs, power events and the idle
 * clock, checks each call (sender and schema) and forwards it; the worker holds the key and the database.
 * A worker that stops unexpectedly is started again, locked, and the window is told why.
 */
import { type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type { LockReason, Progress, VaultStatus } from '../../common/ipc/contract';
import { fail, ok, type Result } from '../../common/result';
import type { PendingOpen } from '../../common/sharing/types';
import { checkCall, type Router } from '../ipc/router';
import { describeForLog } from '../shell-common/log';
import { RestartBudget } from '../shell-common/restart-budget';
import { hostReply, INTERRUPTED } from './answers';
import { CallBook, within } from './calls';
import { WorkerEvents } from './events';
import { launchWorker, type ServicesHostOptions } from './launch';
import { SECRET_CHANNELS } from './secrets';
import { servicesProxy, TestPort } from './test-port';
import { type FromWorker, type HostMethod, KEY_NONE, KEY_OPEN, type ToWorker, type WorkerEvent } from './protocol';

export type { ServicesHostOptions } from './launch';

/** How long main gives the worker to answer a lock before ending it, and a flush or gentle lock in all. */
const LOCK_WAIT_MS = 500;
const GENTLE_SLACK_MS = 1000;

export class ServicesHost {
  readonly router: Router;
  private worker!: Worker;
  private fromWorker!: MessagePort;
  private ready!: Promise<void>;
  private started = false;
  private shared!: Int32Array;
  private test: TestPort | null = null;
  private readonly calls = new CallBook();
  private readonly events = new WorkerEvents();
  private unlocked = false;
  private disposed = false;
  /**
   * Set when the worker has locked: once it has no call in hand, it is ended and a fresh, locked one takes its
   * place, so nothing of the key or the secrets it saw outlives the lock in its memory (issue 19).
   */
  private retireFor: LockReason | null = null;
  /** Why the journal locked, while the fresh worker started after it is still loading (see the router). */
  private startingAfterLock: LockReason | null = null;
  /** The current worker has been sent a secret or held a key since it started: it is replaced at any lock. */
  private seenSecret = false;
  private readonly restarts = new RestartBudget(5);
  /** The last file the system asked to open, given again to a restarted worker. */
  private openRequest: string | null = null;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly options: ServicesHostOptions) {
    this.start(undefined);
    this.router = async (channel, input, sender) => {
      const checked = checkCall(channel, input, sender, options.appOrigin);
      if ('ok' in checked) return checked;
      // The worker that locked has just been replaced and the fresh one is still loading: main knows what it
      // would answer, so the window shows the unlock screen at once rather than waiting for it.
      if (checked.channel === 'vault:status' && this.startingAfterLock !== null) {
        return ok<VaultStatus>({ state: 'locked', lastLockReason: this.startingAfterLock });
      }
      if (SECRET_CHANNELS.has(checked.channel)) this.seenSecret = true;
      const result = await this.request((id) => {
        const name = checked.channel;
        if (!name.startsWith('app:') && name !== 'vault:lock' && name !== 'vault:status') this.calls.lockOut(id);
        return { type: 'call', id, call: checked };
      });
      if (checked.channel === 'vault:lock') this.retireIfSecretSeen('manual');
      return result;
    };
    this.timer = setInterval(() => void this.checkAutoLock(), options.autoLockIntervalMs ?? 15_000);
    this.timer.unref?.();
  }

  /** Resolves once the worker has loaded (calls made before then wait for it); rejects if it cannot. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  isUnlocked(): boolean {
    return this.unlocked;
  }

  /**
   * Locks now, for sleep. With the journal open, waits up to half a second for the worker to say it has
   * locked; a worker too busy to answer is ended (its memory, and the key in it, go with it) and started
   * again locked. Before returning, everything the worker said up to its lock is taken in, then the lock
   * is announced, so the window hears of it in order and at once.
   */
  lockNow(reason: LockReason): void {
    if (this.disposed) return;
    // Where the key is, read before the worker is asked: a worker quick to lock has cleared it already
    // by the time the message is posted, and the lock then went untold (a suspend left the journal on
    // screen). With the key open, main waits and tells the window; otherwise the worker tells it, if
    // it turns out to have had the key after all.
    const key = Atomics.load(this.shared, 1);
    Atomics.store(this.shared, 0, 0);
    this.post({ type: 'lock', reason, mainTells: key === KEY_OPEN });
    // No key in the worker (still starting, locked, or still deriving one, which the lock then undoes):
    // nothing to wait for, but a worker that has had a secret is still replaced once its calls are done.
    if (key !== KEY_OPEN) {
      // Whatever the worker has said already (a lock of its own, told just before) is heard now, not after waking.
      this.drain();
      if (key !== KEY_NONE) this.seenSecret = true;
      this.retireIfSecretSeen(reason);
      return;
    }
    if (Atomics.wait(this.shared, 0, 0, LOCK_WAIT_MS) === 'timed-out') {
      this.restart(reason);
      return;
    }
    this.drain();
    if (Atomics.load(this.shared, 0) === 2) {
      this.emit({ name: 'locked', reason });
      this.retireAfterLock(reason);
    }
  }

  /** Lets the window save what is being typed, then locks (idle, screen lock, the shortcut). */
  async lockGently(reason: LockReason): Promise<void> {
    const answered = await within(
      this.request((id) => ({ type: 'lockGently', id, reason })),
      1500 + GENTLE_SLACK_MS,
    );
    // A worker too busy to answer in time is locked the hard way.
    if (!answered) this.lockNow(reason);
    else this.retireIfSecretSeen(reason);
  }

  /** Asks the window to save what is being typed (closing); resolves when it has, or after the timeout. */
  async flushRenderer(timeoutMs = 1500): Promise<void> {
    await within(
      this.request((id) => ({ type: 'flush', id, timeoutMs })),
      timeoutMs + GENTLE_SLACK_MS,
    );
  }

  /** Measures idleness here and lets the worker lock if it has been long enough; resolves whether it did. */
  async checkAutoLock(): Promise<boolean> {
    const seconds = this.options.idleSeconds();
    const result = await this.request((id) => ({ type: 'idle', id, seconds }));
    return result.ok && result.value === true;
  }

  /** A bundle the system asked Holding to open: the worker holds it until the person says. */
  requestOpen(file: string): void {
    this.openRequest = file;
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

  /**
   * Ends the worker: locks first and waits (briefly) for it, so the database is closed and the key
   * wiped before the thread goes; calls still waiting answer that Holding is closing.
   */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    clearInterval(this.timer);
    if (this.started) {
      Atomics.store(this.shared, 0, 0);
      this.post({ type: 'lock', reason: 'manual', mainTells: true });
      Atomics.wait(this.shared, 0, 0, LOCK_WAIT_MS);
    }
    this.disposed = true;
    this.calls.settleAll(fail('LOCKED', 'Holding is closing.'));
    this.test?.close();
    this.fromWorker.close();
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
    this.testOnly('syncServices');
    return servicesProxy<T>((request) => this.test!.ask(request, timeoutMs), this.router);
  }

  /** Tests only: `service.member(...args)` for each of `batch`, in one transaction in the worker. */
  syncBatch<R = unknown>(service: string, member: string, batch: unknown[][], timeoutMs = 120_000): R[] {
    this.testOnly('syncBatch');
    const done = this.test!.ask({ service, member, batch }, timeoutMs);
    return (done.kind === 'value' ? done.value : []) as R[];
  }

  private testOnly(what: string): void {
    if (!this.options.testHooks) throw new Error(`${what} is only for tests (testHooks).`);
  }

  private on<T>(name: WorkerEvent['name'], listener: (event: T) => void): () => void {
    return this.events.on(name, listener);
  }

  private emit(event: WorkerEvent): void {
    if (event.name === 'locked') this.unlocked = false;
    if (event.name === 'unlocked') {
      this.unlocked = true;
      // Unlocked again in the same worker (a restore locks and reopens within one call): it stays.
      this.retireFor = null;
    }
    this.events.emit(event);
  }

  private request(make: (id: number) => ToWorker): Promise<Result<unknown>> {
    if (this.disposed) return Promise.resolve(fail('LOCKED', 'Holding is closing.'));
    return this.calls.open((id) => this.post(make(id)));
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Takes in at once every message the worker has already sent. */
  private drain(): void {
    for (;;) {
      const next = receiveMessageOnPort(this.fromWorker);
      if (!next) return;
      const message = next.message as FromWorker;
      // Its answer would reach the window after the lock is announced: a journal call that finished just
      // before the lock answers "locked" instead, so nothing arrives to be shown behind the lock.
      if (message.type === 'done' && message.result.ok && this.calls.isLockedOut(message.id)) {
        this.receive({ ...message, result: fail('LOCKED', 'Holding is locked. Unlock it to carry on.') });
      } else this.receive(message);
    }
  }

  private start(lockedBecause: LockReason | undefined): void {
    this.started = false;
    this.seenSecret = false;
    if (this.options.testHooks) {
      this.test?.close();
      this.test = new TestPort();
    }
    const o = this.options;
    const { worker, port, shared } = launchWorker(o, lockedBecause, this.test);
    this.shared = shared;
    this.fromWorker = port;
    this.worker = worker;
    this.unlocked = false;
    let failure: unknown = null;
    this.ready = new Promise<void>((resolve, reject) => {
      port.on('message', (message: FromWorker) => {
        // Only the current worker is listened to: a replaced one's last words are passed over.
        if (this.worker !== worker) return;
        if (message.type === 'ready') {
          this.started = true;
          this.startingAfterLock = null;
          resolve();
        } else this.receive(message);
      });
      worker.once('exit', () => reject(failure ?? new Error('The services worker stopped before it was ready.')));
    });
    this.ready.catch(() => undefined);
    worker.on('error', (error) => {
      failure = error;
      o.logError?.(`the services worker failed: ${describeForLog(error)}`, 'worker');
    });
    worker.on('exit', () => {
      if (this.worker !== worker || this.disposed) return;
      // A worker that never got going will not do better the next time: say so rather than loop.
      if (!this.started) this.fatal(`the services worker could not start: ${describeForLog(failure)}`);
      else this.restart('restarted');
    });
    if (this.openRequest) this.post({ type: 'requestOpen', file: this.openRequest });
  }

  /**
   * A lock with the journal not open in the worker (locked already, or an unlock still under way that the lock
   * undoes): a worker that has had a secret since it started is replaced all the same.
   */
  private retireIfSecretSeen(reason: LockReason): void {
    if (this.disposed || this.unlocked || !this.seenSecret) return;
    this.retireAfterLock(reason);
  }

  /** The worker has locked: it is replaced by a fresh one as soon as no call is waiting on it. */
  private retireAfterLock(reason: LockReason): void {
    this.retireFor = reason;
    this.retireIfIdle();
  }

  /**
   * Ends a worker that has locked and starts a fresh, locked one, once no call is waiting on it. Everything
   * the old thread held goes with it: its JavaScript heap (strings the key, the passphrase or the recovery
   * key passed through, which JavaScript cannot wipe) and libsodium's WebAssembly memory (where libsodium
   * copies keys and frees them without zeroing). Calls made from now on wait for the new worker.
   */
  private retireIfIdle(): void {
    const reason = this.retireFor;
    if (reason === null || this.disposed || this.unlocked || this.calls.waiting > 0) return;
    this.retireFor = null;
    // Its 'exit' is passed over (only the current worker's is heard).
    void this.worker.terminate();
    this.start(reason);
    this.startingAfterLock = reason;
  }

  /** Starts a fresh worker, locked; calls in flight answer that they may not have finished. */
  private restart(reason: LockReason): void {
    this.retireFor = null;
    this.startingAfterLock = null;
    const old = this.worker;
    this.calls.settleAll(INTERRUPTED());
    void old.terminate();
    old.removeAllListeners('exit');
    this.unlocked = false;
    if (!this.restarts.spend()) {
      this.emit({ name: 'locked', reason });
      this.fatal('the services worker stopped five times in a minute');
      return;
    }
    this.start(reason);
    this.emit({ name: 'locked', reason });
  }

  private fatal(description: string): void {
    this.disposed = true;
    this.startingAfterLock = null;
    clearInterval(this.timer);
    this.calls.settleAll(fail('LOCKED', 'Holding is closing.'));
    this.options.logError?.(description, 'worker');
    this.options.onFatal?.(description);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'done': {
        this.calls.settle(message.id, message.result);
        this.retireIfIdle();
        return;
      }
      case 'event':
        this.emit(message.event);
        if (message.event.name === 'locked') this.retireAfterLock(message.event.reason);
        return;
      case 'log':
        this.options.logError?.(message.description, message.channel);
        return;
      case 'host':
        void this.answerHost(this.worker, message.id, message.method, message.args);
        return;
      case 'ready':
        return;
    }
  }

  /** Does what the worker asked of main, and answers the worker that asked. */
  private async answerHost(worker: Worker, id: number, method: HostMethod, args: unknown[]): Promise<void> {
    const answer = await hostReply(this.options, id, method, args);
    if (worker === this.worker && !this.disposed) worker.postMessage(answer);
  }
}
