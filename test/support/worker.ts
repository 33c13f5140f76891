/**
 * The services worker for tests and the browser shell: main/worker/entry.ts bundled exactly as the app's
 * build bundles it (scripts/electron-bundles.mjs), fresh from the source once per test process. The file is
 * named by its content, so processes running side by side never write over each other's.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let built: Promise<string> | null = null;

export function workerFile(): Promise<string> {
  built ??= (async () => {
    const { WORKER_BUNDLE } = (await import(path.join(ROOT, 'scripts', 'electron-bundles.mjs'))) as {
      WORKER_BUNDLE: BuildOptions;
    };
    const { outfile: _outfile, ...options } = WORKER_BUNDLE;
    const result = await build({ ...options, write: false, absWorkingDir: ROOT });
    const code = result.outputFiles[0]!.contents;
    const dir = path.join(ROOT, 'dist', 'test-worker');
    const file = path.join(dir, `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    }
    return file;
  })();
  return built;
}
