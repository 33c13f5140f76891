import { isMainThread } from 'node:worker_threads';

/**
 * The journal is opened only off main's thread: in Electron, main's thread is the browser process's UI
 * thread, and SQLite and Argon2id are synchronous. The services' own tests may say `inProcess` to run them
 * in a plain Node process; Electron's main thread is refused whatever is said.
 */
export function assertOffMainThread(inProcess: boolean | undefined): void {
  if (!isMainThread) return;
  if (inProcess && !process.versions['electron']) return;
  throw new Error(
    'The services must run in the services worker (main/worker), not on the main thread. Tests that need them in process pass `inProcess: true`.',
  );
}
