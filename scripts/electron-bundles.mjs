// How the Electron main process and the sandboxed preload are bundled: used by
// scripts/build-electron.mjs, and by the tests that check what main requires and drive the bundles.
// The preload must be a single CommonJS file that requires nothing but 'electron'; main and the worker keep
// node_modules external so the native addon and libsodium load from the installed packages, except the
// packages Node could load only through require(esm) (the Markdown ones): those are bundled.
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';

/** The type of the package.json nearest above a file: whether Node reads a .js file there as CommonJS. */
function commonJsAt(file) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    try {
      return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).type !== 'module';
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    if (path.dirname(dir) === dir) return true;
  }
}

/** What `require` of this specifier from this folder would load, if that is CommonJS (or JSON); else null. */
function requiredAsCommonJs(specifier, resolveDir) {
  let file;
  try {
    file = createRequire(path.join(resolveDir, 'index.js')).resolve(specifier);
  } catch {
    return null; // no "require" export (an ES module only package): bundled
  }
  if (file.endsWith('.mjs')) return null;
  if (file.endsWith('.cjs') || file.endsWith('.json') || file.endsWith('.node')) return file;
  return commonJsAt(file) ? file : null;
}

/**
 * The packages our code imports stay external, loaded by `require` from node_modules, when Node loads them as
 * CommonJS. An ES module only package is bundled instead, with whatever it imports: loading one through require(esm) is still experimental in Node,
 * and a services worker doing so aborted its whole process once in CI (SIGABRT in module_job's runSync).
 */
const externalUnlessEsModule = {
  name: 'external-unless-es-module',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path) || args.path === 'electron') return { path: args.path, external: true };
      // What a bundled package imports is bundled with it.
      if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      return requiredAsCommonJs(args.path, args.resolveDir) ? { path: args.path, external: true } : undefined;
    });
  },
};

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
  plugins: [externalUnlessEsModule],
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
  plugins: [externalUnlessEsModule],
};
