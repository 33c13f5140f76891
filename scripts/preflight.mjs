// What `npm test` needs from this machine, checked before anything is built, so that a missing tool is
// one sentence saying what to install rather than a wall of stack traces twenty minutes later.
// `preflight(environment)` is pure: it takes what it needs to know about the machine and returns the
// problems (the tests cannot run) and the skips (some tests will skip, saying so). `systemEnvironment()`
// is this machine's, and costs a fraction of a second: a look along PATH, one `python3 -c`, and the
// SQLite addon opened in memory.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the tests look for Chromium unless HOLDING_CHROMIUM says otherwise (test/support/pdf.ts). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Where the Word export's test looks for LibreOffice (test/integration/export-office.test.ts). */
export const SOFFICE_PATHS = ['/usr/bin/soffice', '/usr/bin/libreoffice'];
/** The Python the independent bundle reader runs under (test/integration/bundle-reader.test.ts). */
export const PYTHON = '/usr/bin/python3';
/** The Node.js versions the tests run on: package.json's engines. */
export const NODE_RANGE = '^20.19.0 || ^22.13.0 || >=24';

const POPPLER = ['pdftotext', 'pdfinfo', 'pdftoppm'];
const SQLITE = 'better-sqlite3-multiple-ciphers';
const SEARCH_RANK = 'holding-search-rank';

/** Whether a Node.js version ("v20.19.0" or "20.19.0") is within NODE_RANGE. */
export function nodeVersionFits(version) {
  const match = /^v?(\d+)\.(\d+)\.\d+/.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major >= 24;
}

/** "a", "a and b", "a, b and c". */
function list(words) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** An error's first line, cut short: never its stack. */
function firstLine(message) {
  const first = message.split('\n')[0].trim();
  return first.length > 160 ? `${first.slice(0, 157)}...` : first;
}

/** One sentence for an addon that would not load, from the error it gave (never its stack). */
export function sqliteProblem(error) {
  const message = String(error?.message ?? error);
  const rebuild = `run \`npm rebuild ${SQLITE}\``;
  if (error?.code === 'MODULE_NOT_FOUND' && message.includes(`'${SQLITE}'`)) {
    return "The project's packages are not installed yet: run `npm ci` first.";
  }
  if (message.includes('NODE_MODULE_VERSION')) {
    return `The encrypted SQLite addon was built for another version of Node.js (or for Electron), so the tests cannot open a database: ${rebuild} to build it for this one.`;
  }
  if (message.includes('Could not locate the bindings file')) {
    return `The encrypted SQLite addon has not been built (its install step may have been skipped), so the tests cannot open a database: ${rebuild} (it needs Python 3, make and g++, and takes a minute or two).`;
  }
  return `The encrypted SQLite addon does not load in Node.js (${firstLine(message)}): ${rebuild}.`;
}

/** One sentence for the search ranking extension that would not load, from the error it gave. */
export function searchRankProblem(error) {
  const message = String(error?.message ?? error);
  // A checkout from before the extension: npm ci makes the package's link in node_modules and builds it.
  if (error?.code === 'MODULE_NOT_FOUND' && message.includes(`'${SEARCH_RANK}'`)) {
    return `The search ranking extension (${SEARCH_RANK}) is not installed yet, so the search tests cannot run: run \`npm ci\`.`;
  }
  return `The small SQLite extension that ranks search results does not load (${firstLine(message)}), so the search tests cannot run: run \`npm rebuild ${SEARCH_RANK}\` (it needs Python 3, make and a C compiler, and takes a few seconds).`;
}

/**
 * @param {{
 *   chromium: string,              // the Chromium the tests will launch
 *   chromiumFromEnv: boolean,      // whether HOLDING_CHROMIUM chose it
 *   isExecutable: (file: string) => boolean,
 *   exists: (file: string) => boolean,
 *   which: (command: string) => boolean,
 *   nodeVersion: string,
 *   openSqlite: () => void,        // throws if the addon cannot open a database in memory
 *   loadSearchRank: () => void,    // throws if the search ranking extension does not load into one
 *   hasNacl: () => boolean,
 * }} env
 * @returns {{ problems: string[], skips: string[] }} one sentence each
 */
export function preflight(env) {
  const problems = [];
  const skips = [];

  if (!nodeVersionFits(env.nodeVersion)) {
    problems.push(
      `This is Node.js ${env.nodeVersion.replace(/^v/, '')}, and the tests need 20.19 or later in the 20 series, 22.13 or later in the 22 series, or 24 or later: install a current Node.js from nodejs.org or NodeSource (Debian 12's own nodejs package is too old), then run \`npm ci\` again.`,
    );
  }

  if (!env.isExecutable(env.chromium)) {
    problems.push(
      env.chromiumFromEnv
        ? `HOLDING_CHROMIUM points to ${env.chromium || 'nothing'}, which is not a program this machine can run: set it to the path of a Chromium (or Chrome) executable, or unset it and run \`sudo apt-get install chromium\` (on Debian) to use ${DEFAULT_CHROMIUM}.`
        : `Chromium is missing, or ${DEFAULT_CHROMIUM} is not a program this machine can run (the end-to-end and PDF tests drive it): on Debian run \`sudo apt-get install chromium\`; on another system, install Chromium (or Chrome) and set HOLDING_CHROMIUM to its path.`,
    );
  }

  const popplerMissing = POPPLER.filter((tool) => !env.which(tool));
  if (popplerMissing.length > 0) {
    problems.push(
      `Poppler's ${list(popplerMissing)} ${popplerMissing.length === 1 ? 'is' : 'are'} not on your PATH (the export tests read their PDFs back with them): on Debian or Ubuntu run \`sudo apt-get install poppler-utils\`; on a Mac, \`brew install poppler\`.`,
    );
  }

  if (!env.which('python3')) {
    problems.push(
      'Python 3 is not on your PATH (an export test opens the Word file with it): on Debian or Ubuntu run `sudo apt-get install python3`.',
    );
  }

  let sqliteLoads = true;
  try {
    env.openSqlite();
  } catch (error) {
    sqliteLoads = false;
    problems.push(sqliteProblem(error));
  }
  if (sqliteLoads) {
    try {
      env.loadSearchRank();
    } catch (error) {
      problems.push(searchRankProblem(error));
    }
  }

  if (!SOFFICE_PATHS.some((file) => env.exists(file))) {
    skips.push(
      'LibreOffice is not installed, so the test that opens the Word export in it will be skipped; to include it, run `sudo apt-get install --no-install-recommends libreoffice-writer-nogui`.',
    );
  }
  if (!env.hasNacl()) {
    skips.push(
      `PyNaCl is not available to ${PYTHON}, so the two tests that read share bundles with an independent Python reader will be skipped; to include them, run \`sudo apt-get install python3-nacl\`.`,
    );
  }

  return { problems, skips };
}

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether `command` is an executable file in one of PATH's folders. */
export function whichIn(pathVariable, command, isExecutable = isExecutableFile) {
  const extensions = process.platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD').split(';')] : [''];
  return (pathVariable ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => extensions.some((ext) => isExecutable(path.join(dir, command + ext))));
}

/** This machine, as the tests will find it. */
export function systemEnvironment(processEnv = process.env) {
  const require = createRequire(import.meta.url);
  /** `use` on a database in memory, opened by the addon and closed again. */
  const inMemory = (use) => {
    const Database = require(SQLITE);
    const db = new Database(':memory:');
    try {
      use(db);
    } finally {
      db.close();
    }
  };
  return {
    chromium: processEnv.HOLDING_CHROMIUM ?? DEFAULT_CHROMIUM,
    chromiumFromEnv: processEnv.HOLDING_CHROMIUM !== undefined,
    isExecutable: isExecutableFile,
    exists: (file) => {
      try {
        statSync(file);
        return true;
      } catch {
        return false;
      }
    },
    which: (command) => whichIn(processEnv.PATH, command),
    nodeVersion: process.version,
    openSqlite: () => inMemory((db) => db.prepare('select sqlite_version()').get()),
    loadSearchRank: () => {
      const { file, entryPoint } = require(SEARCH_RANK);
      inMemory((db) => db.loadExtension(file, entryPoint));
    },
    hasNacl: () => spawnSync(PYTHON, ['-c', 'import nacl.bindings'], { stdio: 'ignore' }).status === 0,
  };
}
