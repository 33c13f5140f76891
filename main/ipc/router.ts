import { AppError } from '../../common/errors';
import { damagedDatabaseError } from '../db/damage';
import { type Channel, contract, isChannel, type OutputOf, type ParsedInputOf } from '../../common/ipc/contract';
import { fail, ok, type Result } from '../../common/result';
import { type Task, Tasks } from './tasks';

export type Handler<C extends Channel> = (input: ParsedInputOf<C>, task: Task) => OutputOf<C> | Promise<OutputOf<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers of one domain (`journal:*`): each capability's file under ipc/handlers gives one. */
export type HandlersOf<D extends string> = { [C in Extract<Channel, `${D}:${string}`>]: Handler<C> };

/** Who sent a call: the frame's URL and whether it is the window's top frame. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

export interface RouterOptions {
  /** The origin the app is served from, e.g. `holding://app`. */
  appOrigin: string;
  logError?: (error: unknown, channel: string) => void;
}

export type Router = (channel: unknown, input: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

/** A call that has passed the checks: a known channel from the app's own frame, its input parsed. */
export interface CheckedCall {
  channel: Channel;
  input: unknown;
}

/** Scheme and host, compared as text: URL.origin is "null" for custom schemes like holding://. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/**
 * Main's half of every call: refuses unknown channels and calls from any frame but the app's own top
 * frame, and validates input against the contract. Returns the parsed call, or the refusal.
 */
export function checkCall(
  channel: unknown,
  input: unknown,
  sender: SenderInfo,
  appOrigin: string,
): CheckedCall | Result<never> {
  if (!isChannel(channel)) {
    return fail('UNKNOWN_CHANNEL', 'That request is not one Holding understands.');
  }
  if (!sender.isMainFrame || originOf(sender.url) !== appOrigin) {
    return fail('FORBIDDEN_SENDER', 'That request came from outside Holding and was refused.');
  }
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = first?.code === 'custom' ? first.message : 'Some of the details were not in the expected form.';
    return fail('INVALID_INPUT', detail);
  }
  return { channel, input: parsed.data };
}

/** The services' half: runs a checked call and turns every outcome into a Result. */
export async function runCall(
  handlers: Handlers,
  tasks: Tasks,
  call: CheckedCall,
  logError?: (error: unknown, channel: string) => void,
): Promise<Result<unknown>> {
  try {
    const handler = handlers[call.channel] as (i: unknown, task: Task) => unknown;
    return ok(await tasks.run(call.channel, (task) => handler(call.input, task)));
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    logError?.(error, call.channel);
    const damaged = damagedDatabaseError(error);
    if (damaged) return fail(damaged.code, damaged.message);
    return fail('INTERNAL', 'Something went wrong on our side. Nothing you have written has been lost.');
  }
}

/** Both halves in one place: the in-process router of the services' own tests. */
export function createRouter(handlers: Handlers, options: RouterOptions, tasks = new Tasks()): Router {
  return async (channel, input, sender) => {
    const checked = checkCall(channel, input, sender, options.appOrigin);
    if ('ok' in checked) return checked;
    return runCall(handlers, tasks, checked, options.logError);
  };
}
