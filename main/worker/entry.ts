/**
 * The services worker: holds the vault (the key and the open database) and every service, and answers the
 * calls main has checked. Main keeps the window, the OS dialogs and power events; whatever needs them is
 * asked of main (HostMethod). Started by main/worker/host.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../common/errors';
import type { Channel } from '../../common/ipc/contract';
import type { Result } from '../../common/result';
import { createServices, type Services } from '../app';
import { describeForLog } from '../shell-common/log';
import {
  type ErrorData,
  type FromWorker,
  type HostMethod,
  KEY_DERIVING,
  KEY_NONE,
  KEY_OPEN,
  type TestReply,
  type TestRequest,
  type ToWorker,
  type WorkerInit,
} from './protocol';

if (!parentPort) throw new Error('main/worker/entry.ts runs only as a worker thread.');
const port = parentPort;
const init = workerData as WorkerInit;
const toMain = init.toMain;
const shared = new Int32Array(init.lockSignal);

const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong on our side. Nothing you have written has been lost.' },
};

/** Sends to main; a reply that cannot be copied across (a bug) fails that one call, not the worker. */
function send(message: FromWorker): void {
  try {
    toMain.postMessage(message);
  } catch (error) {
    toMain.postMessage({ type: 'log', channel: 'worker', description: describeForLog(error) } satisfies FromWorker);
    if (message.type === 'done') toMain.postMessage({ type: 'done', id: message.id, result: INTERNAL });
  }
}

let nextHostCall = 1;
const hostCalls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
/** Asks main for something only it can do (a dialog, printing, opening a link). */
function askHost<T>(method: HostMethod, ...args: unknown[]): Promise<T> {
  const id = nextHostCall++;
  return new Promise<T>((resolve, reject) => {
    hostCalls.set(id, { resolve: resolve as (value: unknown) => void, reject });
    send({ type: 'host', id, method, args });
  });
}

export const toErrorData = (error: unknown): ErrorData =>
  error instanceof AppError
    ? { code: error.code, message: error.message }
    : { name: error instanceof Error ? error.name : undefined, message: String(error) };

const fromErrorData = ({ code, message }: ErrorData): Error =>
  code ? new AppError(code as 'INTERNAL', message) : new Error(message);

const services: Services = createServices({
  dataDir: init.dataDir,
  host: init.host,
  version: init.version,
  appOrigin: init.appOrigin,
  nativeBinding: init.nativeBinding,
  lockedBecause: init.lockedBecause,
  chooseSavePath: (suggestedName, filter) => askHost('chooseSavePath', suggestedName, filter),
  chooseOpenPath: (filter) => askHost('chooseOpenPath', filter),
  chooseFolder: (purpose) => askHost('chooseFolder', purpose),
  renderPdf: (html, templates) => askHost('renderPdf', html, templates),
  openExternal: (url) => askHost('openExternal', url),
  showInFolder: (file) => askHost('showInFolder', file),
  logError: (error, channel) =>
    send({
      type: 'log',
      channel,
      description:
        init.verboseErrors && error instanceof Error ? (error.stack ?? String(error)) : describeForLog(error),
    }),
});

/** Where the key is, for main to read without asking (see lockNow in host.ts). */
const keyIs = (state: number) => Atomics.store(shared, 1, state);
/** Calls that turn a secret into the key: from their start the key may be on its way. */
const OPENING: readonly Channel[] = [
  'vault:create',
  'vault:unlock',
  'vault:unlockWithRecoveryKey',
  'vault:resetPassphrase',
  // A restore opens the restored journal with the key its secret unwraps.
  'backup:restore',
];

/** True while a lock main is waiting for runs: main tells the window itself. */
let quietLock = false;
services.onLock((reason) => {
  keyIs(KEY_NONE);
  if (!quietLock) send({ type: 'event', event: { name: 'locked', reason } });
});
services.vault.onUnlock(() => {
  keyIs(KEY_OPEN);
  send({ type: 'event', event: { name: 'unlocked' } });
});
services.onFlushRequest((reason) => send({ type: 'event', event: { name: 'flushRequested', reason } }));
services.onProgress((progress) => send({ type: 'event', event: { name: 'progress', progress } }));
services.sharing.onOpenRequest(() => {
  const pending = services.sharing.pending();
  if (pending) send({ type: 'event', event: { name: 'openRequested', pending } });
});

const reply = (id: number, work: () => unknown) =>
  void Promise.resolve()
    .then(work)
    .then(
      (value) => send({ type: 'done', id, result: { ok: true, value } }),
      (error: unknown) => {
        const { code, message } = toErrorData(error);
        send({
          type: 'done',
          id,
          result: code ? { ok: false, error: { code: code as 'INTERNAL', message } } : INTERNAL,
        });
      },
    );

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call': {
      const opening = OPENING.includes(message.call.channel);
      if (opening && !services.vault.isUnlocked()) keyIs(KEY_DERIVING);
      void services.run(message.call).then((result) => {
        if (opening) keyIs(services.vault.isUnlocked() ? KEY_OPEN : KEY_NONE);
        send({ type: 'done', id: message.id, result });
      });
      return;
    }
    case 'lock': {
      // 2: it was open and is now locked (main, when it waits for this, tells the window at once and this
      // worker stays quiet);
      // 1: it was locked already.
      const wasOpen = services.vault.isUnlocked();
      quietLock = wasOpen && message.mainTells;
      try {
        services.vault.lock(message.reason);
      } finally {
        quietLock = false;
        Atomics.store(shared, 0, wasOpen ? 2 : 1);
        Atomics.notify(shared, 0);
      }
      return;
    }
    case 'lockGently':
      return reply(message.id, () => services.lockGently(message.reason).then(() => null));
    case 'flush':
      return reply(message.id, () => services.flushRenderer(message.timeoutMs).then(() => null));
    case 'idle':
      return reply(message.id, () => services.autoLock.check(message.seconds));
    case 'requestOpen':
      services.sharing.requestOpen(message.file);
      return;
    case 'hostReply': {
      const waiting = hostCalls.get(message.id);
      hostCalls.delete(message.id);
      if (!waiting) return;
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(fromErrorData(message.error));
      return;
    }
  }
});

// Tests and the browser shell only: a service member read or called by name, answered while main waits.
if (init.testPort && init.testSignal) {
  const testPort = init.testPort;
  const signal = new Int32Array(init.testSignal);
  testPort.on('message', (request: TestRequest) => {
    const answer = (value: TestReply) => {
      try {
        testPort.postMessage(value);
      } catch (error) {
        testPort.postMessage({ id: request.id, ok: false, error: toErrorData(error) } satisfies TestReply);
      }
      Atomics.store(signal, 0, request.id);
      Atomics.notify(signal, 0);
    };
    void (async () => {
      try {
        const target = (services as unknown as Record<string, Record<string, unknown>>)[request.service];
        if (target === undefined) throw new Error(`No service called ${request.service}`);
        const member = target[request.member];
        if (request.batch) {
          const fn = member as (...args: unknown[]) => unknown;
          const batch = request.batch;
          const value = services.vault.db().transaction(() => batch.map((args) => fn.apply(target, args)))();
          answer({ id: request.id, ok: true, kind: 'value', value });
          return;
        }
        if (!request.args) {
          answer(
            typeof member === 'function'
              ? { id: request.id, ok: true, kind: 'function' }
              : { id: request.id, ok: true, kind: 'value', value: member },
          );
          return;
        }
        if (typeof member !== 'function') throw new Error(`${request.service}.${request.member} is not a function`);
        const value: unknown = await (member as (...args: unknown[]) => unknown).apply(target, request.args);
        answer({ id: request.id, ok: true, kind: 'value', value });
      } catch (error) {
        answer({ id: request.id, ok: false, error: toErrorData(error) });
      }
    })();
  });
}

send({ type: 'ready' });
