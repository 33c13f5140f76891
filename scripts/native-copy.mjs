// What build-native-electron.mjs copies of the SQLite package before building it for Electron:
// everything but the package's own build/ folder (the Node build the tests use). Judged relative
// to the package, so a checkout under some other folder called build (/home/ci/build/holding)
// still copies everything. Kept apart so a test can hold it to that.
import path from 'node:path';

export function copiesIntoElectronBuild(pkgDir, file) {
  const rel = path.relative(pkgDir, file);
  return rel !== 'build' && !rel.startsWith(`build${path.sep}`);
}
