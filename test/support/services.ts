/**
 * The app's services as the tests, the benchmarks and the scripts make them (the browser shell's host, no
 * idle clock), in this process or through the worker host. No Vitest here: the benchmarks and scripts run it
 * under tsx.
 */
import { createServices, type Services, type ServicesOptions } from '../../main/app';
import { ServicesHost, type ServicesHostOptions } from '../../main/worker/host';
import { PASSPHRASE } from './passphrases';
import { workerFile } from './worker';

export { NEW_PASSPHRASE, PASSPHRASE } from './passphrases';

type Given = Partial<ServicesOptions> & { version?: string };

/** Who the services say they are here: the browser shell's host, with no idle clock. */
const asTheShell = (version: string) =>
  ({ host: 'browser-shell', version, appOrigin: 'holding://app', idleSeconds: () => 0 }) as const;

/** What the app's services are given here: `extra` (dialogs, a PDF renderer…) over the browser shell's. */
export function servicesOptions(dataDir: string, { version = '0.0.0', ...extra }: Given = {}): ServicesOptions {
  return { inProcess: true, ...extra, dataDir, ...asTheShell(version) };
}

/** The services in this process on the journal in `dataDir` (none yet, or locked). */
export function servicesIn(dataDir: string, given: Given = {}): Services {
  return createServices(servicesOptions(dataDir, given));
}

/** The services on a new journal in `dataDir`, created (and so unlocked) with PASSPHRASE; keeps its recovery key. */
export async function createdServices(dataDir: string, given: Given = {}): Promise<Services & { recoveryKey: string }> {
  const services = servicesIn(dataDir, given);
  const { recoveryKey } = await services.vault.create(PASSPHRASE);
  return Object.assign(services, { recoveryKey });
}

/** The app's worker host (main's side, the worker bundled as the app's build bundles it) on `dataDir`. */
export async function servicesHost(
  dataDir: string,
  { version = '0.0.0', ...extra }: Partial<ServicesHostOptions> = {},
): Promise<ServicesHost> {
  return new ServicesHost({ workerFile: await workerFile(), ...extra, dataDir, ...asTheShell(version) });
}
