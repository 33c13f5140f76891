// Bundles the Electron main process and the sandboxed preload (options in electron-bundles.mjs).
import { build } from 'esbuild';
import { MAIN_BUNDLE, PRELOAD_BUNDLE, WORKER_BUNDLE } from './electron-bundles.mjs';

await build(MAIN_BUNDLE);
await build(PRELOAD_BUNDLE);
await build(WORKER_BUNDLE);

console.log('Built dist/main/index.cjs, dist/main/worker.cjs and dist/preload/index.cjs');
