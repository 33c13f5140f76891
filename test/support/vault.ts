import { afterEach } from 'vitest';
import type { Services, ServicesOptions } from '../../main/app';
import { createdServices } from './services';
import { tempDir } from './temp';

/** Services on a fresh, created and unlocked vault in a temporary folder, with a controllable clock. */
export async function unlockedServices(extra: Partial<ServicesOptions> = {}): Promise<Services & { dataDir: string }> {
  const dataDir = await tempDir();
  const services = await createdServices(dataDir, { ...extra, version: '0.0.0' });
  return Object.assign(services, { dataDir });
}

export type TestServices = Awaited<ReturnType<typeof unlockedServices>>;

/** `open()` gives fresh unlocked services; all of them are disposed of after each test. */
export function servicesPerTest(): (extra?: Partial<ServicesOptions>) => Promise<TestServices> {
  const opened: TestServices[] = [];
  afterEach(() => {
    while (opened.length) opened.pop()!.dispose();
  });
  return async (extra = {}) => {
    const services = await unlockedServices(extra);
    opened.push(services);
    return services;
  };
}
