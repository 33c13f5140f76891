/**
 * The code only Electron runs (main/shell, the preload, the print window), built exactly as
 * `npm start` builds it and driven through the Electron stand-in (test/support/electron-standin):
 * start-up, unlock, a save, locks on sleep and on idle, an export to PDF and bundles handed over by
 * the system, all through the real IPC handlers, services and an encrypted database.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderHtml, pdfTemplates } from '../../common/export/html';
import { EMPTY_SELECTION, type ExportDocument } from '../../common/export/types';
import type { HoldingApi } from '../../common/ipc/contract';
import type { PdfRenderer } from '../../main/export/export';
import { docFromParagraphs } from '../../common/journal/doc';
import type { Result } from '../../common/result';
import {
  ElectronStandIn,
  type ElectronStandInOptions,
  installAsElectron,
  loadMain,
  MAX_URL_CHARS,
} from '../support/electron-standin';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PASSPHRASE = 'a long walk by the estuary at dusk';

beforeAll(() => {
  // The same bundles `npm start` runs, built fresh so the test never drives a stale copy.
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`The Electron bundles did not build:\n${built.stderr}`);
}, 60_000);

const running: { electron: ElectronStandIn; dataDir: string }[] = [];

/** A stand-in with a data folder of its own, both put away after the test. */
function standIn(options: ElectronStandInOptions = {}) {
  const electron = new ElectronStandIn(options);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'holding-electron-data-'));
  running.push({ electron, dataDir });
  return { electron, dataDir };
}

/** `electron . --data-dir <its folder> …args`, after `prepare` (a packaged app, say). */
function launch(options: ElectronStandInOptions = {}, args: string[] = [], prepare?: (e: ElectronStandIn) => void) {
  const { electron, dataDir } = standIn(options);
  prepare?.(electron);
  loadMain(electron, { args: ['--data-dir', dataDir, ...args] });
  return electron;
}

/** Launched, with the window's page up. */
async function start(
  options: ElectronStandInOptions = {},
  args: string[] = [],
  prepare?: (e: ElectronStandIn) => void,
) {
  const electron = launch(options, args, prepare);
  await vi.waitFor(() => expect(electron.page).not.toBeNull(), { timeout: 10_000 });
  return { electron, holding: electron.page!.holding };
}

const packaged = (withAddon: boolean) => (electron: ElectronStandIn) => {
  electron.app.isPackaged = true;
  if (withAddon) withPackagedAddon(electron);
};

afterEach(async () => {
  vi.useRealTimers();
  for (const { electron, dataDir } of running.splice(0)) {
    electron.app.emit('will-quit');
    await electron.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function writeEntry(holding: HoldingApi, title: string, paragraphs: string[]) {
  const entry = value(await holding.journal.create({ title }));
  value(
    await holding.journal.save({
      id: entry.id,
      title,
      body: docFromParagraphs(paragraphs),
      eventDate: null,
      tags: [],
      bringToSupervision: false,
      containsClientMaterial: false,
      pinned: false,
    }),
  );
  return entry.id;
}

describe('start-up in Electron', () => {
  it('hardens the window and the session, and exposes only the bridge from a sandboxed preload', async () => {
    const { electron, holding } = await start();
    expect(electron.switches).toEqual(
      expect.arrayContaining(['disable-background-networking', 'disable-component-update']),
    );
    const win = electron.mainWindow!;
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.isVisible()).toBe(true);
    expect(value(await holding.vault.status())).toEqual({ state: 'none', lastLockReason: null });
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });

    // No permissions but the clipboard for the app itself; nothing reaches the network.
    const ses = electron.defaultSession;
    expect(await ses.askPermission(win.webContents, 'media', 'holding://app/index.html')).toBe(false);
    expect(await ses.askPermission(win.webContents, 'clipboard-sanitized-write', 'holding://app/index.html')).toBe(
      true,
    );
    expect(await ses.askPermission(win.webContents, 'clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    // Reading, to clear a copied recovery key a minute later only if it is still there: the app alone.
    expect(await ses.askPermission(win.webContents, 'clipboard-read', 'holding://app/index.html')).toBe(true);
    expect(await ses.askPermission(win.webContents, 'clipboard-read', 'https://example.org/')).toBe(false);
    expect(ses.checkPermission(win.webContents, 'notifications', 'holding://app')).toBe(false);
    await expect(ses.fetch('https://example.org/')).rejects.toThrow(/BLOCKED_BY_CLIENT/);
    expect(ses.spellChecker).toBe(false);
    const index = await ses.fetch('holding://app/index.html');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it("keeps Chromium's user agent in the window, so the editor keeps its Chrome workarounds", async () => {
    const { electron } = await start();
    // ProseMirror turns on its fixes for Chrome's Backspace, IME composition and selection only
    // when the user agent says Chrome.
    expect(electron.mainWindow!.webContents.effectiveUserAgent()).toMatch(/Chrome\/\d+/);
    // Chromium writes the process-wide one into PDFs as their creator: that stays "Holding".
    expect(electron.app.userAgentFallback).toBe('Holding');
  });

  it("registers both its schemes in Electron's one call before ready, the app's with V8's code cache", async () => {
    const { electron } = await start();
    expect(electron.registeredSchemes).toEqual([
      { scheme: 'holding', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) },
      { scheme: 'holding-print', privileges: expect.objectContaining({ standard: true }) },
    ]);
  });

  it('keeps navigation inside the app, reading where to from the event (not the deprecated argument)', async () => {
    const { electron } = await start();
    const contents = electron.mainWindow!.webContents;
    const navigate = (event: string, url: string) => {
      let prevented = false;
      // As Electron 45 calls it, less the deprecated positional arguments.
      contents.emit(event, { url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(navigate('will-navigate', 'holding://app/index.html#/journal')).toBe(false);
    expect(navigate('will-redirect', 'https://example.org/')).toBe(true);
    expect(navigate('will-redirect', 'holding://app/index.html')).toBe(false);
  });

  it('offers developer tools when run from source, and never in the packaged app', async () => {
    const { electron } = await start();
    expect(JSON.stringify(electron.menu?.template)).toContain('toggleDevTools');
    expect(electron.mainWindow!.options.webPreferences?.['devTools']).toBe(true);
    const installed = await start({}, [], packaged(true));
    expect(JSON.stringify(installed.electron.menu?.template)).not.toContain('toggleDevTools');
    expect(installed.electron.mainWindow!.options.webPreferences?.['devTools']).toBe(false);
    // The packaged app opens its journal with the addon from resources/native.
    value(await installed.holding.vault.create({ passphrase: PASSPHRASE }));
  });

  it('says so at start, not at unlock, when a packaged app is missing its SQLite addon', async () => {
    const incomplete = launch({}, [], packaged(false));
    await vi.waitFor(() => expect(incomplete.errorBoxes).toHaveLength(1));
    expect(incomplete.errorBoxes[0]!.title).toBe('Holding is missing a part it needs');
    expect(incomplete.quitCalls).toBe(1);
    expect(incomplete.windows).toHaveLength(0);
  });

  it('stops at once when another Holding is already open, handing over to it', () => {
    const electron = launch({ singleInstance: false });
    expect(electron.quitCalls).toBe(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('shows a window that never finished painting after a while, rather than hiding with the lock held', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { electron } = await start({ neverReady: true });
    expect(electron.mainWindow!.isVisible()).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(electron.mainWindow!.isVisible()).toBe(true);
  });

  it('shows a hidden window when Holding is opened again', async () => {
    const { electron } = await start({ neverReady: true });
    expect(electron.mainWindow!.isVisible()).toBe(false);
    electron.app.emit('second-instance', {}, ['/opt/Holding/holding'], os.tmpdir(), {});
    expect(electron.mainWindow!.isVisible()).toBe(true);
  });

  it('says so once and quits when its page cannot load (no built window), instead of staying open unseen', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'holding-no-app-'));
    try {
      const electron = launch({ appPath: empty });
      await vi.waitFor(() => expect(electron.errorBoxes).toHaveLength(1));
      expect(electron.errorBoxes[0]!.title).toBe('Holding could not open its window');
      expect(electron.quitCalls).toBe(1);
      // A later failure of the same kind does not ask again.
      electron.mainWindow!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(electron.errorBoxes).toHaveLength(1);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('locks and reloads when the window stops unexpectedly after opening, rather than quitting', async () => {
    const { electron, holding } = await start();
    value(await holding.vault.create({ passphrase: PASSPHRASE }));
    const win = electron.mainWindow!;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(win.reloads).toBe(1);
    expect(electron.errorBoxes).toHaveLength(0);
    expect(electron.quitCalls).toBe(0);
    await vi.waitFor(() => expect(electron.page!.holding).not.toBe(holding));
    expect(value(await electron.page!.holding.vault.status())).toEqual({
      state: 'locked',
      lastLockReason: 'window-restarted',
    });
  });

  it('stops reloading a window that keeps stopping: locked, one kind message, and quits', async () => {
    const { electron, holding } = await start();
    value(await holding.vault.create({ passphrase: PASSPHRASE }));
    const win = electron.mainWindow!;
    for (let i = 0; i < 4; i += 1) {
      win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    }
    expect(win.reloads).toBe(3);
    expect(electron.errorBoxes.map((box) => box.title)).toEqual(['Holding’s window keeps stopping']);
    expect(electron.quitCalls).toBe(1);
    await vi.waitFor(() => expect(electron.page!.holding).not.toBe(holding));
    expect(value(await electron.page!.holding.vault.status())).toMatchObject({ state: 'locked' });
  });
});

describe('the journal through the real IPC handlers', () => {
  it('creates a vault, saves an entry, locks and unlocks', async () => {
    const { holding } = await start();
    value(await holding.vault.create({ passphrase: PASSPHRASE }));
    const id = await writeEntry(holding, 'After the ward round', ['I noticed I was holding my breath.']);
    value(await holding.vault.lock());
    expect((await holding.journal.get({ id })).ok).toBe(false);
    value(await holding.vault.unlock({ passphrase: PASSPHRASE }));
    expect(JSON.stringify(value(await holding.journal.get({ id })).body)).toContain('holding my breath');
  });

  it('locks at once when the computer goes to sleep, without waiting for the window', async () => {
    const { electron, holding } = await start();
    value(await holding.vault.create({ passphrase: PASSPHRASE }));
    // A worker idle after the status call locks before main has read where the key is: the lock was
    // once left untold, the journal still on screen (lockNow in main/worker/host.ts).
    expect(value(await holding.vault.status()).state).toBe('unlocked');
    const sent = electron.mainWindow!.webContents.sent;
    expect(sent.filter((e) => e.channel === 'vault:locked')).toEqual([]);
    electron.power!.emit('suspend');
    // Synchronously: the system suspends as soon as the event has been handled.
    expect(sent.filter((e) => e.channel === 'vault:locked')).toEqual([
      { channel: 'vault:locked', payload: { reason: 'suspend' } },
    ]);
    expect(value(await holding.vault.status()).state).toBe('locked');
  });

  it('locks after the chosen idle time even where the system reports no idle time (Wayland)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date', 'performance'] });
    const { electron, holding } = await start();
    value(await holding.vault.create({ passphrase: PASSPHRASE }));
    value(await holding.settings.update({ autoLockMinutes: 5 }));
    electron.systemIdleSeconds = 0; // what Electron reports under Wayland, for ever
    const contents = electron.mainWindow!.webContents;
    // Four minutes of typing in Holding keep it open…
    for (let minute = 0; minute < 4; minute += 1) {
      contents.emit('input-event', {}, { type: 'keyDown' });
      vi.advanceTimersByTime(60_000);
    }
    expect(value(await holding.vault.status()).state).toBe('unlocked');
    // …then five minutes away from it lock it.
    vi.advanceTimersByTime(5 * 60_000 + 15_000);
    await vi.waitFor(async () => expect(value(await holding.vault.status()).state).toBe('locked'));
    expect(electron.page!.received.filter((e) => e.channel === 'vault:locked').at(-1)?.payload).toEqual({
      reason: 'idle',
    });
  });
});

describe('printing in Electron', () => {
  it('exports a PDF through the print window, which loads the document from memory by a short address', async () => {
    const exportsDir = mkdtempSync(path.join(os.tmpdir(), 'holding-electron-exports-'));
    try {
      const { electron, holding } = await start({
        savePath: (defaultPath) => path.join(exportsDir, path.basename(defaultPath)),
      });
      value(await holding.vault.create({ passphrase: PASSPHRASE }));
      const id = await writeEntry(holding, 'A quieter week', [
        'The team meeting ran long, and I noticed how tired I felt by the afternoon.',
        'Next time I will ask for a break before the handover.',
      ]);
      const selection = { ...EMPTY_SELECTION, title: 'Reflections for supervision', entries: [{ id, excerpt: null }] };
      const check = value(await holding.export.check(selection));
      const saved = value(
        await holding.export.save({
          selection,
          resolutions: { byValue: {}, byFinding: {}, pseudonyms: {} },
          fingerprint: check.fingerprint,
          format: 'pdf',
        }),
      );
      expect(saved.path).not.toBeNull();
      const pdf = readFileSync(saved.path!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfText(saved.path!)).toContain('ask for a break before the handover');

      const [printed] = electron.printed;
      expect(printed!.url).toMatch(/^holding-print:\/\/document\/[0-9a-f-]{36}\.html$/);
      // The page margins are stated, in inches, matching the stylesheet (Electron's default is ~1 cm).
      expect(printed!.options['margins']).toEqual({
        top: 22 / 25.4,
        right: 18 / 25.4,
        bottom: 20 / 25.4,
        left: 18 / 25.4,
      });
      // Chromium names the process-wide user agent as the PDF's creator: not the system's details.
      expect(printed!.creator).toBe('Holding');
      // Tagged, with an outline from its headings, so a screen reader can follow it.
      expect(printed!.options).toMatchObject({ generateTaggedPDF: true, generateDocumentOutline: true });
      expect(spawnSync('pdfinfo', [saved.path!], { encoding: 'utf8' }).stdout).toMatch(/^Tagged:\s+yes$/m);
      // The print session served that one address and nothing else; it is forgotten afterwards.
      const printSession = electron.sessions.get('holding-print')!;
      expect(printSession.requests).toEqual([{ url: printed!.url, cancelled: false }]);
      await expect(printSession.fetch(printed!.url)).rejects.toThrow(/BLOCKED_BY_CLIENT/);
      await expect(printSession.fetch('https://example.org/')).rejects.toThrow(/BLOCKED_BY_CLIENT/);
    } finally {
      rmSync(exportsDir, { recursive: true, force: true });
    }
  });

  it('prints an export of more than 5 MB of HTML with the code the app uses', async () => {
    const { electron } = standIn();
    electron.becomeReady();
    const printHtmlToPdf = await loadPrintModule(electron);
    const doc = bigExport(5.2e6);
    const html = renderHtml(doc);
    expect(html.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(html.length).toBeGreaterThan(MAX_URL_CHARS * 2);
    const pdf = await printHtmlToPdf(html, pdfTemplates(doc));
    const file = path.join(electron.tempRoot, 'big.pdf');
    writeFileSync(file, pdf);
    const text = pdfText(file);
    expect(text).toContain('Closing thought number 0.');
    expect(text).toContain(`Closing thought number ${doc.sections.length - 1}.`);
    expect(pdfPages(file)).toBeGreaterThan(500);
  }, 180_000);

  it('says kindly that the PDF was not made when printing fails, and logs neither the document nor its address', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    });
    try {
      const { holding } = await start({
        failPrintLoads: true,
        savePath: (p) => path.join(os.tmpdir(), path.basename(p)),
      });
      value(await holding.vault.create({ passphrase: PASSPHRASE }));
      const id = await writeEntry(holding, 'Private words', ['Something only I should read about the estuary walk.']);
      const selection = { ...EMPTY_SELECTION, title: 'For supervision', entries: [{ id, excerpt: null }] };
      const check = value(await holding.export.check(selection));
      const result = await holding.export.save({
        selection,
        resolutions: { byValue: {}, byFinding: {}, pseudonyms: {} },
        fingerprint: check.fingerprint,
        format: 'pdf',
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/could not make the PDF, so nothing was saved/);
      const log = logged.join('\n');
      expect(log).toMatch(/\[holding\] printing failed: StandInError: ERR_FAILED \(-2\) loading/);
      expect(log).not.toMatch(/data:text\/html|base64,/);
      expect(log).not.toContain('estuary walk');
      expect(log).not.toMatch(/holding-print:\/\/document\/[0-9a-f]/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('files handed over by the system', () => {
  it('opens a bundle given at start as a file:// address (Linux %U), then from a second launch and from macOS', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'holding electron files-'));
    try {
      const first = path.join(folder, 'Holding share 2026-12-01.holdingbundle');
      const { electron, holding } = await start({}, [`file://${encodeURI(first)}`]);
      // At start the window asks what is waiting once it is up.
      expect(value(await holding.sharing.pending())).toMatchObject({
        fileName: 'Holding share 2026-12-01.holdingbundle',
      });

      electron.mainWindow!.minimize();
      electron.app.emit('second-instance', {}, ['/opt/Holding/holding', 'Feedback from Ama.holdingbundle'], folder, {});
      // The worker holds it and says so (a message away).
      await vi.waitFor(() =>
        expect(electron.page!.received.at(-1)).toEqual({
          channel: 'sharing:openRequested',
          payload: expect.objectContaining({ fileName: 'Feedback from Ama.holdingbundle' }),
        }),
      );
      expect(electron.mainWindow!.isMinimized()).toBe(false);
      expect(electron.mainWindow!.focused).toBe(true);

      let prevented = false;
      electron.app.emit(
        'open-file',
        { preventDefault: () => (prevented = true) },
        path.join(folder, 'Third.holdingbundle'),
      );
      expect(prevented).toBe(true);
      expect(value(await holding.sharing.pending())).toMatchObject({ fileName: 'Third.holdingbundle' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

type PrintModule = { printHtmlToPdf: PdfRenderer };

/** main/shell/print.ts on its own, bundled as the app bundles it, with the stand-in as its `electron`. */
async function loadPrintModule(electron: ElectronStandIn) {
  // Inside the project, so `electron` resolves to the package the stand-in takes the place of (and
  // outside dist/, so it could never be packaged).
  const outfile = path.join(ROOT, 'test-results', 'standin', 'print.cjs');
  const { MAIN_BUNDLE } = (await import(path.join(ROOT, 'scripts', 'electron-bundles.mjs'))) as {
    MAIN_BUNDLE: BuildOptions;
  };
  await build({ ...MAIN_BUNDLE, absWorkingDir: ROOT, entryPoints: ['main/shell/print.ts'], outfile });
  installAsElectron(electron);
  const require = createRequire(outfile);
  delete require.cache[outfile];
  return (require(outfile) as PrintModule).printHtmlToPdf;
}

/** Puts an addon where a packaged app keeps it (resources/native): Node's build stands in for Electron's. */
function withPackagedAddon(electron: ElectronStandIn): void {
  const native = path.join(electron.tempRoot, 'resources', 'native');
  mkdirSync(native, { recursive: true });
  const pkg = path.dirname(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/package.json'));
  copyFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), path.join(native, 'better_sqlite3.node'));
}

/** An export document of about `chars` characters of text: many reflections, each with its own marker. */
function bigExport(chars: number): ExportDocument {
  const sentence =
    'Reflecting on a hard week on the ward, I noticed how tired I was and how much I still wanted to be kind. ';
  const sections: ExportDocument['sections'] = [];
  let size = 0;
  for (let i = 0; size < chars; i += 1) {
    const paragraphs = Array.from({ length: 8 }, () => sentence.repeat(6));
    paragraphs.push(`Closing thought number ${i}.`);
    size += paragraphs.join('').length;
    sections.push({
      kind: 'entry',
      sourceId: `entry-${i}`,
      title: [{ text: `Reflection ${i}` }],
      meta: null,
      clientMaterial: false,
      blocks: paragraphs.map((text) => ({ type: 'paragraph', content: [{ text }] })),
    });
  }
  return { title: [{ text: 'A long year of reflections' }], preparedOn: '2026-12-04', sections };
}

function pdfText(file: string): string {
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}

function pdfPages(file: string): number {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}
