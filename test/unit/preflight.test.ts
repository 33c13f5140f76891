/**
 * `npm test` checks what it needs from the machine before building anything (scripts/preflight.mjs):
 * each missing tool is one sentence with the command that installs it, and an optional one says which
 * tests will skip. The script is plain JavaScript for Node, so it is imported here with its shape
 * written out.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Environment {
  chromium: string;
  chromiumFromEnv: boolean;
  isExecutable: (file: string) => boolean;
  exists: (file: string) => boolean;
  which: (command: string) => boolean;
  nodeVersion: string;
  openSqlite: () => void;
  loadSearchRank: () => void;
  hasNacl: () => boolean;
}
interface PreflightModule {
  preflight(env: Environment): { problems: string[]; skips: string[] };
  nodeVersionFits(version: string): boolean;
  NODE_RANGE: string;
  whichIn(pathVariable: string, command: string, isExecutable: (file: string) => boolean): boolean;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const modulePath: string = path.join(ROOT, 'scripts', 'preflight.mjs');
const { preflight, nodeVersionFits, whichIn, NODE_RANGE } = (await import(modulePath)) as PreflightModule;

const ALL_TOOLS = ['pdftotext', 'pdfinfo', 'pdftoppm', 'python3'];

/** A machine with everything, changed by `overrides`. */
function machine(overrides: Partial<Environment> & { without?: string[] } = {}): Environment {
  const { without = [], ...rest } = overrides;
  return {
    chromium: '/usr/bin/chromium',
    chromiumFromEnv: false,
    isExecutable: (file) => file === '/usr/bin/chromium' && !without.includes('chromium'),
    exists: (file) => file === '/usr/bin/soffice' && !without.includes('soffice'),
    which: (command) => ALL_TOOLS.includes(command) && !without.includes(command),
    nodeVersion: 'v20.19.0',
    openSqlite: () => {},
    loadSearchRank: () => {},
    hasNacl: () => !without.includes('nacl'),
    ...rest,
  };
}

function failing(message: string, code?: string): () => never {
  return () => {
    throw Object.assign(new Error(message), code ? { code } : {});
  };
}

describe('the check before the tests', () => {
  it('finds nothing to say on a machine with everything', () => {
    expect(preflight(machine())).toEqual({ problems: [], skips: [] });
  });

  it('says how to build the search ranking extension when it does not load, and only when the addon does', () => {
    const { problems } = preflight(
      machine({ loadSearchRank: failing('/x/holding_search_rank.node: cannot open shared object file\n  at y') }),
    );
    expect(problems).toEqual([
      'The small SQLite extension that ranks search results does not load (/x/holding_search_rank.node: cannot open shared object file), so the search tests cannot run: run `npm rebuild holding-search-rank` (it needs Python 3, make and a C compiler, and takes a few seconds).',
    ]);
    // A checkout from before it: rebuilding would not make the package's link, npm ci does.
    const older = preflight(
      machine({ loadSearchRank: failing("Cannot find module 'holding-search-rank'", 'MODULE_NOT_FOUND') }),
    ).problems;
    expect(older).toEqual([
      'The search ranking extension (holding-search-rank) is not installed yet, so the search tests cannot run: run `npm ci`.',
    ]);
    const both = preflight(machine({ openSqlite: failing('x'), loadSearchRank: failing('y') })).problems;
    expect(both).toHaveLength(1);
    expect(both[0]).not.toContain('holding-search-rank');
  });

  it('says to install Chromium, or where to point HOLDING_CHROMIUM, in one sentence', () => {
    const { problems, skips } = preflight(machine({ without: ['chromium'] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('`sudo apt-get install chromium`');
    expect(problems[0]).toContain('HOLDING_CHROMIUM');
    expect(skips).toEqual([]);

    const elsewhere = preflight(machine({ chromium: '/opt/chrome/chrome', chromiumFromEnv: true })).problems;
    expect(elsewhere).toEqual([expect.stringContaining('HOLDING_CHROMIUM points to /opt/chrome/chrome')]);
    expect(elsewhere[0]).toContain('`sudo apt-get install chromium`');

    const found = machine({ chromium: '/opt/chrome/chrome', chromiumFromEnv: true });
    expect(preflight({ ...found, isExecutable: (file) => file === '/opt/chrome/chrome' }).problems).toEqual([]);
  });

  it('names the missing Poppler tools in one sentence, with the package that has them', () => {
    const one = preflight(machine({ without: ['pdftoppm'] })).problems;
    expect(one).toEqual([expect.stringMatching(/^Poppler's pdftoppm is not on your PATH/)]);
    const all = preflight(machine({ without: ['pdftotext', 'pdfinfo', 'pdftoppm'] })).problems;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatch(/^Poppler's pdftotext, pdfinfo and pdftoppm are not on your PATH/);
    expect(all[0]).toContain('`sudo apt-get install poppler-utils`');
  });

  it('asks for Python 3, which an export test uses to open the Word file', () => {
    expect(preflight(machine({ without: ['python3'] })).problems).toEqual([
      expect.stringContaining('`sudo apt-get install python3`'),
    ]);
  });

  it('says how to mend a SQLite addon that will not load, without its stack', () => {
    const mismatch = preflight(
      machine({
        openSqlite: failing(
          "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 133. This version of Node.js requires\nNODE_MODULE_VERSION 115.",
          'ERR_DLOPEN_FAILED',
        ),
      }),
    ).problems;
    expect(mismatch).toEqual([expect.stringContaining('built for another version of Node.js (or for Electron)')]);
    expect(mismatch[0]).toContain('`npm rebuild better-sqlite3-multiple-ciphers`');

    const unbuilt = preflight(
      machine({ openSqlite: failing('Could not locate the bindings file. Tried:\n → /x/build/better_sqlite3.node') }),
    ).problems;
    expect(unbuilt).toEqual([expect.stringContaining('has not been built')]);
    expect(unbuilt[0]).toContain('`npm rebuild better-sqlite3-multiple-ciphers`');
    expect(unbuilt[0]).not.toContain('\n');

    const odd = preflight(
      machine({ openSqlite: failing('libsqlcipher.so: cannot open shared object\n    at x (y.js:1:1)') }),
    );
    expect(odd.problems).toEqual([
      'The encrypted SQLite addon does not load in Node.js (libsqlcipher.so: cannot open shared object): run `npm rebuild better-sqlite3-multiple-ciphers`.',
    ]);

    const uninstalled = preflight(
      machine({ openSqlite: failing("Cannot find module 'better-sqlite3-multiple-ciphers'", 'MODULE_NOT_FOUND') }),
    );
    expect(uninstalled.problems).toEqual(["The project's packages are not installed yet: run `npm ci` first."]);
  });

  it('holds Node.js to ^20.19.0 || ^22.13.0 || >=24, as package.json does (what Vitest and ESLint accept)', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(NODE_RANGE).toBe(pkg.engines.node);
    for (const v of ['v20.19.0', 'v20.20.2', 'v22.13.0', 'v22.20.1', 'v24.1.0', 'v25.0.0']) {
      expect(nodeVersionFits(v), v).toBe(true);
    }
    for (const v of ['v18.19.0', 'v20.18.3', 'v21.7.3', 'v22.12.0', 'v23.5.0', 'nonsense']) {
      expect(nodeVersionFits(v), v).toBe(false);
    }
    expect(preflight(machine({ nodeVersion: 'v18.19.0' })).problems).toEqual([
      expect.stringMatching(/^This is Node\.js 18\.19\.0, and the tests need 20\.19 or later/),
    ]);
  });

  it('goes on without LibreOffice or PyNaCl, saying which tests will be skipped and how to include them', () => {
    const { problems, skips } = preflight(machine({ without: ['soffice', 'nacl'] }));
    expect(problems).toEqual([]);
    expect(skips).toEqual([
      expect.stringContaining('the test that opens the Word export in it will be skipped'),
      expect.stringContaining('read share bundles with an independent Python reader will be skipped'),
    ]);
    expect(skips[0]).toContain('`sudo apt-get install --no-install-recommends libreoffice-writer-nogui`');
    expect(skips[1]).toContain('`sudo apt-get install python3-nacl`');
    // The test looks in /usr/bin for either name.
    expect(preflight({ ...machine(), exists: (file) => file === '/usr/bin/libreoffice' }).skips).toEqual([]);
  });

  it('gives one sentence for each missing tool', () => {
    const { problems } = preflight(
      machine({ without: ['chromium', 'pdfinfo', 'python3'], nodeVersion: 'v21.7.3', openSqlite: failing('x') }),
    );
    expect(problems).toHaveLength(5);
    for (const sentence of problems) expect(sentence).not.toContain('\n');
  });

  it('looks along PATH for a command', () => {
    const executable = (file: string) => file === path.join('/opt/bin', 'pdftotext');
    expect(whichIn(['/usr/bin', '/opt/bin'].join(path.delimiter), 'pdftotext', executable)).toBe(true);
    expect(whichIn('/usr/bin', 'pdftotext', executable)).toBe(false);
    expect(whichIn('', 'pdftotext', executable)).toBe(false);
  });
});

describe('npm test without Chromium', () => {
  it('stops at once with the sentence that says what to install, and no stack trace', async () => {
    const started = Date.now();
    // HOLDING_PREFLIGHT_ONLY stops the script after the check even if the check were broken, so this
    // can never run the whole suite inside itself; the kill is a second guard, for the script's group.
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'test-all.mjs')], {
      cwd: ROOT,
      env: { ...process.env, HOLDING_CHROMIUM: '/nonexistent/holding-test/chromium', HOLDING_PREFLIGHT_ONLY: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    clearTimeout(killer);
    const elapsed = Date.now() - started;

    expect(status, output).toBe(1);
    expect(elapsed).toBeLessThan(15_000); // well before Vite could build anything, even on a busy machine
    expect(output).toContain(
      'HOLDING_CHROMIUM points to /nonexistent/holding-test/chromium, which is not a program this machine can run',
    );
    expect(output).toContain('`sudo apt-get install chromium`');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output.trim().split('\n').at(-1)).toMatch(
      /^No tests were run\. Once (that is|those are) done, run `npm test` again\.$/,
    );
  });
});
