/** The benchmarks' services: the real ones, on a new vault in the given folder, created and unlocked. */
import { createServices, type Services, type ServicesOptions } from '../main/app';

export const BENCH_PASSPHRASE = 'quiet harbour lantern meadow';

export async function benchServices(dataDir: string, extra: Partial<ServicesOptions> = {}): Promise<Services> {
  const services = createServices({
    inProcess: true,
    ...extra,
    dataDir,
    host: 'browser-shell',
    version: 'bench',
    appOrigin: 'holding://app',
    idleSeconds: () => 0,
  });
  await services.vault.create(BENCH_PASSPHRASE);
  return services;
}
