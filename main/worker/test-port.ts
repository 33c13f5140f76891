/**
 * Tests and the browser shell only: main's synchronous way to the services in the worker. A question goes
 * on its own port; main waits (Atomics.wait) until the worker has answered, then reads the answer at once
 * (receiveMessageOnPort). Never started in the app.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { AppError } from '../../common/errors';
import type { ErrorData, TestReply, TestRequest } from './protocol';

export type TestAnswer = Exclude<TestReply, { ok: false }>;

export class TestPort {
  /** The worker's end, handed over in workerData. */
  readonly workerPort: MessagePort;
  /** Where the worker writes the number of the question it has answered. */
  readonly signalBuffer = new SharedArrayBuffer(4);
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(this.signalBuffer);
  private nextId = 1;

  constructor() {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.workerPort = channel.port2;
  }

  /** Asks and waits for the answer; a late answer to an earlier question is passed over. */
  ask(request: Omit<TestRequest, 'id'>, timeoutMs: number): TestAnswer {
    const id = this.nextId++;
    this.port.postMessage({ id, ...request } satisfies TestRequest);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = receiveMessageOnPort(this.port)?.message as TestReply | undefined;
      if (reply?.id === id) {
        if (!reply.ok) throw toError(reply.error);
        return reply;
      }
      if (reply) continue;
      // Something was answered since the last look: look again.
      if (Atomics.load(this.signal, 0) !== 0) {
        Atomics.store(this.signal, 0, 0);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.signal, 0, 0, left) === 'timed-out') {
        throw new Error(
          `${request.service}.${request.member} did not answer within ${timeoutMs} ms (does it need main?)`,
        );
      }
    }
  }

  close(): void {
    this.port.close();
  }
}

/** The services as if in this process: each member read or called by name through `ask`. */
export function servicesProxy<T extends object>(
  ask: (request: Omit<TestRequest, 'id'>) => TestAnswer,
  router: unknown,
): T {
  return new Proxy({} as T, {
    get: (_target, service) => {
      if (typeof service !== 'string' || service === 'then') return undefined;
      if (service === 'router') return router;
      return new Proxy(
        {},
        {
          get: (_t, member) => {
            if (typeof member !== 'string' || member === 'then') return undefined;
            const read = ask({ service, member });
            if (read.kind === 'value') return read.value;
            return (...args: unknown[]) => {
              const done = ask({ service, member, args });
              return done.kind === 'value' ? done.value : undefined;
            };
          },
        },
      );
    },
  });
}

export function toError(data: ErrorData): Error {
  return data.code ? new AppError(data.code as 'INTERNAL', data.message) : new Error(data.message);
}
