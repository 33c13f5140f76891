// After electron-builder (npm run dist): every app it left unpacked in release/ holds both native files
// Holding loads, where it looks for them. Without the search ranking extension searches still work, in
// bm25()'s order but slower, so a missing file would otherwise go unnoticed. It checks that they are there,
// not which processor they were built for: build on each system for that system (docs/packaging.md).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const NATIVE = [
  ['native', 'better_sqlite3.node'],
  ['app.asar.unpacked', 'node_modules', 'holding-search-rank', 'build', 'Release', 'holding_search_rank.node'],
];

/** Each folder under `dir` that holds an app.asar: the resources folder of an unpacked app. */
function resourceFolders(dir, depth = 0) {
  if (depth > 5 || !existsSync(dir)) return [];
  // Entries as they are, links not followed (a macOS app's Frameworks hold links, and one may dangle).
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((entry) => entry.name === 'app.asar')) return [dir];
  return entries
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => resourceFolders(path.join(dir, entry.name), depth + 1));
}

const release = path.resolve(process.argv[2] ?? 'release');
const folders = resourceFolders(release);
const missing = folders.flatMap((folder) =>
  NATIVE.map((parts) => path.join(folder, ...parts)).filter((file) => !existsSync(file) || statSync(file).size === 0),
);
if (folders.length === 0) {
  console.error(`No packaged app found in ${release}.`);
  process.exit(1);
}
if (missing.length) {
  console.error(`The packaged app is missing native files Holding loads:\n${missing.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `Both native files are in place in ${folders.length} packaged app(s): ${folders.map((f) => path.relative(release, f)).join(', ')}.`,
);
