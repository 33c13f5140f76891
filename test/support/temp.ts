import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A temporary folder removed after the current test. */
export async function tempDir(prefix = 'holding-test-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  while (made.length) await fs.rm(made.pop()!, { recursive: true, force: true });
});

export { NEW_PASSPHRASE, PASSPHRASE } from './passphrases';
