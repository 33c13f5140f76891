/**
 * The benchmarks' services: the real ones on a new vault, in process or through the app's own worker host and
 * bundle (how they measure is in ./figures.ts).
 */
import type { Result } from '../common/result';
import type { Services, ServicesOptions } from '../main/app';
import type { ServicesHost, ServicesHostOptions } from '../main/worker/host';
import { createdServices, servicesHost, servicesIn } from '../test/support/services';

export { PASSPHRASE as BENCH_PASSPHRASE, NEW_PASSPHRASE } from '../test/support/passphrases';

/** The services in process on a new vault in `dataDir`, created and unlocked; keeps its recovery key. */
export function benchServices(
  dataDir: string,
  extra: Partial<ServicesOptions> = {},
): Promise<Services & { recoveryKey: string }> {
  return createdServices(dataDir, { ...extra, version: 'bench' });
}

/** The services in process on the journal in `dataDir` (none yet, or locked). */
export const benchServicesIn = (dataDir: string, extra: Partial<ServicesOptions> = {}): Services =>
  servicesIn(dataDir, { ...extra, version: 'bench' });

const SENDER = { url: 'holding://app/index.html', isMainFrame: true };

/** The app's worker host and bundle on `dataDir`, and a call from the window through its router. */
export async function benchHost(dataDir: string, extra: Partial<ServicesHostOptions> = {}) {
  const host: ServicesHost = await servicesHost(dataDir, { ...extra, version: 'bench' });
  const call = async <T>(channel: string, input?: unknown) =>
    value<T>(await host.router(channel, input, SENDER), channel);
  return { host, call };
}

export function value<T>(result: Result<unknown>, channel?: string): T {
  if (!result.ok) throw new Error(`${channel ? `${channel}: ` : ''}${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
