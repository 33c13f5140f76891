import { AppError } from '../../common/errors';
import { type Channel, contract, isChannel, type OutputOf, type ParsedInputOf } from '../../common/ipc/contract';
import { fail, ok, type Result } from '../../common/result';

export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

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
 * The one IPC entry point. Refuses unknown channels and calls from any frame but the app's own
 * top frame, validates input against the contract, and turns every outcome into a Result.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  return async (channel, input, sender) => {
    if (!isChannel(channel)) {
      return fail('UNKNOWN_CHANNEL', 'That request is not one Holding understands.');
    }
    if (!sender.isMainFrame || originOf(sender.url) !== options.appOrigin) {
      return fail('FORBIDDEN_SENDER', 'That request came from outside Holding and was refused.');
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const detail = first?.code === 'custom' ? first.message : 'Some of the details were not in the expected form.';
      return fail('INVALID_INPUT', detail);
    }
    try {
      const handler = handlers[channel] as (i: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      options.logError?.(error, channel);
      return fail('INTERNAL', 'Something went wrong on our side. Nothing you have written has been lost.');
    }
  };
}
