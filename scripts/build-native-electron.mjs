// Builds the SQLite addon against Electron's ABI into .native/electron/, leaving the Node build in
// node_modules (used by tests, benchmarks and the browser shell) untouched. main/shell passes the
// result to better-sqlite3 as `nativeBinding`, so `npm test` and `npm start` never break each other.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { copiesIntoElectronBuild } from './native-copy.mjs';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const outDir = path.resolve('.native', 'electron');
const output = path.join(outDir, 'better_sqlite3.node');
const stamp = path.join(outDir, 'built-for.txt');
const pkgDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const pkgVersion = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const wanted = `electron ${electronVersion} ${process.arch} better-sqlite3-multiple-ciphers ${pkgVersion}`;

if (existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) {
  console.log(`Native addon for Electron is up to date (${wanted}).`);
  process.exit(0);
}

const src = path.join(outDir, 'src');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(pkgDir, src, { recursive: true, filter: (p) => copiesIntoElectronBuild(pkgDir, p) });

// A machine-wide nodedir (set here for Node builds) would point node-gyp at Node's headers.
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];

console.log(`Building the SQLite addon for ${wanted} (about 80 s)…`);
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const result = spawnSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: src, env, stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error(
    "\nCould not build the SQLite addon for Electron. This needs Electron's headers from the internet and a C++ toolchain.\n" +
      'Tests and the browser shell (npm test, npm run shell) do not need this build.',
  );
  process.exit(result.status ?? 1);
}
copyFileSync(path.join(src, 'build', 'Release', 'better_sqlite3.node'), output);
writeFileSync(stamp, `${wanted}\n`);
rmSync(src, { recursive: true, force: true });
console.log(`Built ${path.relative(process.cwd(), output)}`);
