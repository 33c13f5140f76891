// Bundles the Electron main process and the sandboxed preload. The preload must be a single
// CommonJS file that requires nothing but 'electron'; main keeps node_modules external so the
// native addon and libsodium load from the installed packages.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['main/shell/index.ts'],
  outfile: 'dist/main/index.cjs',
  packages: 'external',
});

await build({
  ...common,
  entryPoints: ['preload/index.ts'],
  outfile: 'dist/preload/index.cjs',
  external: ['electron'],
});

console.log('Built dist/main/index.cjs and dist/preload/index.cjs');
