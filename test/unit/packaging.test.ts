/**
 * `npm run dist` cannot run here (no Electron download), so its configuration is checked instead, as
 * far as possible by electron-builder's own code: the YAML is read by its loader and validated against
 * its scheme.json, package.json goes through its metadata check, and the deb's maintainer and homepage
 * through the deb target's own check. The rest pins what docs/packaging.md promises: the fuses, the
 * .holdingbundle association, the icons, the shipped SQLite addon, no rebuild of node_modules, and
 * `dependencies` being exactly what the bundled main process requires.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARE_EXTENSION } from '../../common/sharing/types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFIG_FILE = 'electron-builder.yml';
const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

// electron-builder's internals, reached through electron-builder itself (app-builder-lib is its dependency).
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
type Config = Record<string, unknown> & {
  directories?: { buildResources?: string; output?: string };
  extraResources?: ({ from: string; to: string } | string)[];
  electronFuses?: Record<string, boolean>;
  fileAssociations?: { ext: string | string[]; name?: string; description?: string; mimeType?: string }[];
  linux?: { icon?: string; maintainer?: string; [key: string]: unknown };
  deb?: Record<string, unknown>;
  win?: { icon?: string };
  mac?: { icon?: string };
  nsis?: { perMachine?: boolean; oneClick?: boolean };
};
interface PackageJson {
  name: string;
  homepage?: string;
  author?: { name: string; email?: string };
  desktopName?: string;
  engines?: { node?: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
  scripts?: Record<string, string>;
}
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: unknown): Promise<void>;
};
const { checkMetadata } = fromBuilder('app-builder-lib/out/util/packageMetadata') as {
  checkMetadata(metadata: PackageJson, devMetadata: PackageJson, file: string, devFile: string): void;
};
const FpmTarget = (fromBuilder('app-builder-lib/out/targets/FpmTarget') as { default: { prototype: object } }).default;
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
let config: Config;

beforeAll(async () => {
  config = await getConfig(ROOT, CONFIG_FILE, null);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The deb target's own maintainer/homepage check (FpmTarget.computeFpmMetaInfoOptions), given our files. */
async function debMetadata(metadata: PackageJson, linux: Config): Promise<{ maintainer: string; url: string }> {
  const target = Object.create(FpmTarget.prototype) as {
    packager: unknown;
    options: unknown;
    computeFpmMetaInfoOptions(): Promise<{ maintainer: string; url: string }>;
  };
  // AppInfo.computePackageUrl: package.json's homepage, else a GitHub repository (this one names none).
  target.packager = {
    appInfo: { computePackageUrl: async () => metadata.homepage ?? null, linuxPackageName: metadata.name },
    info: { metadata },
  };
  target.options = { ...linux.linux, ...linux.deb };
  return target.computeFpmMetaInfoOptions();
}

describe('electron-builder accepts the configuration', () => {
  it('validates electron-builder.yml against its own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('and that validation is live: a misplaced option is refused', async () => {
    const wrong = { ...config, linux: { ...config.linux, mimeType: 'application/x-holding-bundle' } };
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/);
  });

  it('accepts package.json', () => {
    const file = path.join(ROOT, 'package.json');
    expect(() => checkMetadata(pkg, pkg, file, file)).not.toThrow();
  });

  it('has what the deb needs: a homepage and a maintainer with an e-mail address', async () => {
    const meta = await debMetadata(pkg, config);
    expect(meta.url).toMatch(/^https:\/\//);
    expect(meta.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^@\s]+\.[a-z]+>$/);
    expect(pkg.author?.email).toMatch(/@/);
    expect(config.linux?.maintainer).toBe(`${pkg.author?.name} <${pkg.author?.email}>`);
  });

  it('refuses a deb without them (the check above is the real one)', async () => {
    const { homepage: _homepage, author: _author, ...bare } = pkg;
    await expect(debMetadata(bare, { linux: {} })).rejects.toThrow(/homepage[\s\S]*email/);
  });
});

describe('what goes into the app', () => {
  it('packs only the three builds, and none of the addon’s sources or its Node build', () => {
    // electron-builder's own loader turns the list into one filter set.
    expect(config.files).toEqual([
      {
        filter: [
          'dist/main/**/*',
          'dist/preload/**/*',
          'dist/renderer/**/*',
          'package.json',
          '!**/*.map',
          '!node_modules/better-sqlite3-multiple-ciphers/{deps,src,build}/**',
          '!node_modules/holding-search-rank/{*.c,binding.gyp,build/*.*,build/Makefile,build/Release/{obj,obj.target,.deps}/**,build/Release/*.{pdb,lib,exp,ilk,iobj,ipdb}}',
        ],
      },
    ]);
  });

  it('unpacks the search ranking extension from app.asar, where its package says it is', () => {
    // SQLite opens it with the system's loader, which reads no asar archive.
    expect(config['asarUnpack']).toEqual(['node_modules/holding-search-rank/build/Release/*.node']);
    const fromRoot = createRequire(path.join(ROOT, 'package.json'));
    const { file } = fromRoot('holding-search-rank') as { file: string };
    expect(existsSync(file)).toBe(true);
    expect(path.relative(path.join(ROOT, 'packages', 'search-rank'), file)).toMatch(
      /^build[\\/]Release[\\/][^\\/]+\.node$/,
    );
    // And npm run dist checks the packaged apps hold it there (scripts/check-release.mjs).
    expect(pkg.scripts?.['dist']).toMatch(/electron-builder .*&& node scripts\/check-release\.mjs$/);
    // Inside the packaged app, the same code names the unpacked copy.
    const source = readFileSync(path.join(ROOT, 'packages', 'search-rank', 'index.cjs'), 'utf8');
    const packaged: { file?: string } = {};
    for (const dir of ['/opt/Holding/resources/app.asar', 'C:\\Program Files\\Holding\\resources\\app.asar']) {
      const sep = dir.includes('\\') ? '\\' : '/';
      const dirname = [dir, 'node_modules', 'holding-search-rank'].join(sep);
      const pathFor = sep === '/' ? path.posix : path.win32;
      new Function('exports', 'require', '__dirname', source)(packaged, () => pathFor, dirname);
      expect(packaged.file).toBe(
        [`${dir}.unpacked`, 'node_modules', 'holding-search-rank', 'build', 'Release', 'holding_search_rank.node'].join(
          sep,
        ),
      );
    }
  });

  it('never rebuilds node_modules for Electron (the tests use that Node build)', () => {
    expect(config['npmRebuild']).toBe(false);
    expect(config['nodeGypRebuild']).toBe(false);
    expect(config['buildDependenciesFromSource']).toBe(false);
  });

  it('signs the native files on Windows as well as the executables', () => {
    // electron-builder signs only .exe files there unless told (winPackager's shouldSignFile).
    expect((config as { win?: { signExts?: string[] } }).win?.signExts).toEqual(['.node']);
  });

  it('ships the SQLite addon built for Electron beside the app, where main looks for it', () => {
    expect(config.extraResources).toContainEqual({
      from: '.native/electron/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
    const main = readFileSync(path.join(ROOT, 'main', 'shell', 'index.ts'), 'utf8');
    expect(main).toContain("path.join(process.resourcesPath, 'native', 'better_sqlite3.node')");
  });

  it('flips the fuses docs/packaging.md explains', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config['asar']).toBe(true);
  });

  describe('dependencies are exactly the packages the bundled main process requires', () => {
    let required: string[];
    const specifiers = new Set<string>();

    beforeAll(async () => {
      // main's and the services worker's own bundle options (scripts/electron-bundles.mjs), in memory
      // (dist/ stays untouched).
      const { MAIN_BUNDLE, WORKER_BUNDLE } = (await import(path.join(ROOT, 'scripts', 'electron-bundles.mjs'))) as {
        MAIN_BUNDLE: BuildOptions;
        WORKER_BUNDLE: BuildOptions;
      };
      for (const bundle of [MAIN_BUNDLE, WORKER_BUNDLE]) {
        const result = await build({
          ...bundle,
          absWorkingDir: ROOT,
          logLevel: 'silent',
          write: false,
          metafile: true,
        });
        const text = result.outputFiles[0]!.text;
        const here = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!));
        // Every external import the bundle kept must be one of those requires (so the regex missed none).
        for (const output of Object.values(result.metafile.outputs)) {
          for (const imported of output.imports) if (imported.external) expect(here).toContain(imported.path);
        }
        for (const specifier of here) specifiers.add(specifier);
      }
      const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
      required = [...specifiers]
        .filter((specifier) => !builtins.has(specifier) && specifier !== 'electron')
        .map((specifier) =>
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      required = [...new Set(required)].sort();
    });

    it('names each of them, and nothing else', () => {
      expect(Object.keys(pkg.dependencies).sort()).toEqual(required);
      expect(required).toContain('better-sqlite3-multiple-ciphers');
    });

    it('loads every one of them as CommonJS: an ES module only package is bundled, never left to require(esm)', () => {
      const fromRoot = createRequire(path.join(ROOT, 'package.json'));
      const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
      const outside = [...specifiers].filter((specifier) => !builtins.has(specifier) && specifier !== 'electron');
      expect(outside).toContain('better-sqlite3-multiple-ciphers');
      for (const specifier of outside) {
        const file = fromRoot.resolve(specifier);
        if (file.endsWith('.cjs') || file.endsWith('.json')) continue;
        expect(file, specifier).not.toMatch(/\.mjs$/);
        let dir = path.dirname(file);
        while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
        const type = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: string }).type;
        expect(type, `${specifier} (${file})`).not.toBe('module');
      }
      // The Markdown packages are ES modules only: bundled, so not required at all.
      expect([...specifiers].filter((specifier) => /^(mdast|micromark)/.test(specifier))).toEqual([]);
      // Nor do they require one in turn: each loads in a Node that refuses require(esm).
      const child = spawnSync(
        process.execPath,
        ['--no-experimental-require-module', '-e', `for (const s of ${JSON.stringify(outside)}) require(s);`],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
    });

    it('pins exact versions, and keeps everything else (the renderer, the tools) in devDependencies', () => {
      for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
        // Our own packages (packages/) are the one exception: they are in this repository.
        if (version.startsWith('file:')) expect(version, name).toMatch(/^file:packages\/[a-z-]+$/);
        else expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      }
      for (const name of ['react', 'react-dom', '@tiptap/react', 'recharts', 'dompurify', 'electron']) {
        expect(pkg.devDependencies, name).toHaveProperty([name]);
      }
    });
  });
});

describe('the .holdingbundle file association', () => {
  it('names the extension the app writes, with a MIME type for Linux and a description for Windows', () => {
    const association = config.fileAssociations?.find((item) => item.ext === SHARE_EXTENSION);
    expect(association).toMatchObject({
      ext: 'holdingbundle',
      mimeType: 'application/x-holding-bundle',
      description: expect.stringMatching(/\S/),
    });
  });

  it('installs per user on Windows (electron-builder writes the association to HKCU then)', () => {
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false });
  });

  it('leaves --no-sandbox to the AppImage launcher, which adds it only where user namespaces fail', () => {
    expect(config['appImage']).toEqual({ executableArgs: [] });
  });

  it('names the desktop entry as Electron names the window on Linux', () => {
    expect(pkg.desktopName).toBe('holding.desktop');
    expect(config.linux).toMatchObject({ syncDesktopName: true });
  });
});

describe('the icons', () => {
  it('lives in packaging/, the build resources folder', () => {
    expect(config.directories?.buildResources).toBe('packaging');
    expect(config.linux?.icon).toBe('packaging/icons');
    expect(config.win?.icon).toBe('packaging/icon.ico');
    expect(config.mac?.icon).toBe('packaging/icon.icns');
  });

  it('has a 1024 px master and every Linux size, each the size its name says', () => {
    expect(pngSize(path.join(ROOT, 'packaging', 'icon.png'))).toEqual({ width: 1024, height: 1024 });
    const dir = path.join(ROOT, 'packaging', 'icons');
    expect(readdirSync(dir).sort()).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_ICON_SIZES) {
      expect(pngSize(path.join(dir, `${size}x${size}.png`)), `${size}x${size}.png`).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('has a Windows .ico with 16 to 256 px images', () => {
    const data = readFileSync(path.join(ROOT, config.win!.icon!));
    expect([data.readUInt16LE(0), data.readUInt16LE(2)]).toEqual([0, 1]);
    const count = data.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => data.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]));
    for (let i = 0; i < count; i += 1) {
      const [length, offset] = [data.readUInt32LE(6 + 16 * i + 8), data.readUInt32LE(6 + 16 * i + 12)];
      expect(offset + length).toBeLessThanOrEqual(data.length);
    }
  });

  it('has a macOS .icns', () => {
    const data = readFileSync(path.join(ROOT, config.mac!.icon!));
    expect(data.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(data.readUInt32BE(4)).toBe(data.length);
    expect(data.includes(Buffer.from('ic10'))).toBe(true); // the 1024 px (512@2x) image
  });
});

describe('npm', () => {
  it('runs on the Node the tests use and the one Electron 45 tools want', () => {
    expect(pkg.engines?.node).toBe('^20.19.0 || ^22.13.0 || >=24');
  });

  it('decides on every install script in the lockfile', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      // A package of ours (packages/) is named by where it is, as npm writes it in allowScripts.
      .map(([where]) =>
        where.includes('node_modules/')
          ? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)
          : `file:../${where}`,
      );
    expect(Object.keys(pkg.allowScripts ?? {}).sort()).toEqual([...new Set(withScripts)].sort());
    expect(pkg.allowScripts).toMatchObject({ 'better-sqlite3-multiple-ciphers': true, esbuild: true });
  });
});

describe('the SQLite addon for Electron', () => {
  it('copies everything but the package’s own build folder, wherever the checkout is', async () => {
    const modulePath: string = path.join(ROOT, 'scripts', 'native-copy.mjs');
    const { copiesIntoElectronBuild } = (await import(modulePath)) as {
      copiesIntoElectronBuild: (pkgDir: string, file: string) => boolean;
    };
    for (const root of ['/home/sam/holding', '/home/ci/build/holding', '/build']) {
      const pkgDir = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
      expect(copiesIntoElectronBuild(pkgDir, path.join(pkgDir, 'src', 'better_sqlite3.cpp')), root).toBe(true);
      expect(copiesIntoElectronBuild(pkgDir, path.join(pkgDir, 'deps', 'sqlite3', 'sqlite3.c')), root).toBe(true);
      expect(copiesIntoElectronBuild(pkgDir, path.join(pkgDir, 'binding.gyp')), root).toBe(true);
      expect(copiesIntoElectronBuild(pkgDir, path.join(pkgDir, 'build')), root).toBe(false);
      expect(copiesIntoElectronBuild(pkgDir, path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node')), root).toBe(
        false,
      );
    }
  });
});

describe('the check after npm run dist (scripts/check-release.mjs)', () => {
  const check = (release: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-release.mjs'), release], { encoding: 'utf8' });

  it('passes an app that holds both native files, and names what is missing from one that does not', () => {
    const release = mkdtempSync(path.join(tmpdir(), 'holding-release-'));
    try {
      // As electron-builder leaves them: Linux's and Windows' unpacked apps, and a macOS app bundle.
      const folders = [
        'linux-unpacked/resources',
        'win-unpacked/resources',
        'mac-arm64/Holding.app/Contents/Resources',
      ];
      const rank = ['app.asar.unpacked', 'node_modules', 'holding-search-rank', 'build', 'Release'];
      for (const folder of folders) {
        const at = path.join(release, folder);
        mkdirSync(path.join(at, 'native'), { recursive: true });
        mkdirSync(path.join(at, ...rank), { recursive: true });
        writeFileSync(path.join(at, 'app.asar'), 'asar');
        writeFileSync(path.join(at, 'native', 'better_sqlite3.node'), 'addon');
        writeFileSync(path.join(at, ...rank, 'holding_search_rank.node'), 'extension');
      }
      const passed = check(release);
      expect(passed.status, passed.stderr).toBe(0);
      expect(passed.stdout).toContain('3 packaged app(s)');

      rmSync(path.join(release, 'win-unpacked', 'resources', ...rank, 'holding_search_rank.node'));
      const failed = check(release);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain(path.join('win-unpacked', 'resources', ...rank, 'holding_search_rank.node'));
      expect(failed.stderr).not.toContain('linux-unpacked');
    } finally {
      rmSync(release, { recursive: true, force: true });
    }
  });

  it('fails where electron-builder left no app at all', () => {
    const release = mkdtempSync(path.join(tmpdir(), 'holding-release-'));
    try {
      expect(check(release).status).toBe(1);
    } finally {
      rmSync(release, { recursive: true, force: true });
    }
  });
});
