// How the Electron main process and the sandboxed preload are bundled: used by
// scripts/build-electron.mjs, and by the tests that check what main requires and drive the bundles.
// The preload must be a single CommonJS file that requires nothing but 'electron'; main keeps
// node_modules external so the native addon and libsodium load from the installed packages.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
};

export const MAIN_BUNDLE = {
  ...common,
  entryPoints: ['main/shell/index.ts'],
  outfile: 'dist/main/index.cjs',
  packages: 'external',
};

export const PRELOAD_BUNDLE = {
  ...common,
  entryPoints: ['preload/index.ts'],
  outfile: 'dist/preload/index.cjs',
  external: ['electron'],
};

/** The services worker (main/worker/entry.ts): started by main as a worker thread beside index.cjs. */
export const WORKER_BUNDLE = {
  ...common,
  entryPoints: ['main/worker/entry.ts'],
  outfile: 'dist/main/worker.cjs',
  packages: 'external',
};
