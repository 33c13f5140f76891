import type { EventMap, HoldingApi } from '../common/ipc/contract';
import { type Channel, CHANNELS, type EventName, EVENTS } from '../common/ipc/names';
import type { Result } from '../common/result';

/** How calls reach main: ipcRenderer in Electron, a Playwright binding in the browser shell. */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.holding` from the contract: one function per channel, grouped by domain
 * (`vault:unlock` → `holding.vault.unlock`). No generic send, no channel names exposed.
 */
export function buildBridge(transport: Transport): HoldingApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    const [domain, action] = channel.split(':') as [string, string];
    const group = (api[domain] ??= {});
    group[action] = (input?: unknown) => transport.invoke(channel, input);
  }
  api['events'] = {
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event: ${String(event)}`);
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  };
  return api as unknown as HoldingApi;
}
