/**
 * The browser shell: the real renderer in Debian's Chromium, driven by Playwright, with
 * `window.holding` built by the same bridge builder as the Electron preload and every call
 * going to the real services in this Node process. The renderer is served by request routing
 * (no listening port) and every other request is refused and recorded.
 *
 *   const shell = await openShell();              // fresh temporary data folder
 *   const shell = await openShell({ dataDir });   // an existing one
 *   await shell.page.getByLabel('Passphrase').fill('…');
 *   await shell.close();
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Channel, EventMap } from '../../common/ipc/contract';
import type { EventName } from '../../common/ipc/names';
import type { Services } from '../../main/app';
import { ServicesHost } from '../../main/worker/host';
import { CHROMIUM_PATH, PDF_CREATOR, pdfRendererFor } from './pdf';
import { workerFile } from './worker';

export { CHROMIUM_PATH };
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppAsset } from '../../main/shell-common/assets';
import { type LinkPrompt, linkPrompt } from '../../main/shell-common/link-prompt';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
/** `.invalid` can never resolve, so if routing ever failed the request would go nowhere. */
export const SHELL_ORIGIN = 'https://holding.invalid';

export interface ShellOptions {
  /** An existing data folder; a fresh temporary one is made when omitted. */
  dataDir?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Replace the idle clock (seconds since last activity), e.g. to test auto-lock. */
  idleSeconds?: () => number;
  /** Whether the person says yes when asked to open a link (the shell records it, never opens it). */
  confirmLinks?: boolean;
  /**
   * Stands in for the save dialog: the path to save a file under (null: the person cancelled). By
   * default, the suggested name in a temporary folder of the shell's own.
   */
  savePath?: (suggestedName: string) => string | null;
  /** Stands in for the open dialog: the file the person picks (null: they cancelled). */
  openPath?: () => string | null;
  /** Stands in for the folder dialog: the folder the person picks (null: they cancelled). */
  folderPath?: () => string | null;
  /** A bundle the system asked Holding to open at start (the file association). */
  openFile?: string;
}

export interface Shell {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /**
   * The services in the worker, as if in this process: each member is read or called in the worker while
   * the test waits (tests only; a call that needs a dialog cannot be made this way).
   */
  services: Services;
  /** Main's side of the worker: the same host the app uses. */
  host: ServicesHost;
  dataDir: string;
  /** Requests the page tried to make outside the app: should stay empty. */
  blockedRequests: string[];
  /** Uncaught page errors and console errors: should stay empty. */
  pageErrors: string[];
  /** Links the app asked to open outside, and that the person confirmed; nothing is really opened. */
  openedLinks: string[];
  /** Each "Open this link?" question, as Electron's main would ask it. */
  linkPrompts: LinkPrompt[];
  /** Files the app asked to save, by the path it was given. */
  savedFiles: string[];
  /** Files the app asked the file manager to show ("Show in folder"); nothing is really opened. */
  shownInFolder: string[];
  /** What the open dialog picks next (null: the person cancels); set it before the click. */
  nextOpenPath: string | null;
  /** What the folder dialog picks next (null: the person cancels); set it before the click. */
  nextFolderPath: string | null;
  /**
   * Holds back the answers to calls on `channel` until the function it returns is called (the work itself goes
   * on, and its events still reach the page): a test can look at what the window shows while it waits.
   */
  holdAnswers(channel: Channel): () => void;
  /** Closes the browser and locks the vault; removes a temporary data folder unless keepData. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

let bridgeScript: Promise<string> | null = null;

/** The preload's bridge builder, bundled for the page. */
function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    stdin: {
      contents: `
        import { buildBridge } from './preload/bridge';
        if (window.top === window) {
          const invoke = window.__holdingInvoke;
          const activity = window.__holdingActivity;
          delete window.__holdingInvoke;
          delete window.__holdingActivity;
          const listeners = new Map();
          Object.defineProperty(window, '__holdingEmit', {
            value: (event, payload) => (listeners.get(event) || []).forEach((l) => l(payload)),
          });
          let last = 0;
          const touch = () => { const now = Date.now(); if (now - last > 2000) { last = now; activity(); } };
          for (const type of ['keydown', 'pointerdown', 'wheel']) window.addEventListener(type, touch, { capture: true, passive: true });
          window.holding = buildBridge({
            invoke: (channel, input) => invoke(channel, input),
            subscribe: (event, listener) => {
              const list = listeners.get(event) || [];
              list.push(listener);
              listeners.set(event, list);
              return () => listeners.set(event, (listeners.get(event) || []).filter((l) => l !== listener));
            },
          });
        }`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).then((result) => result.outputFiles[0]!.text);
  return bridgeScript;
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function openShell(options: ShellOptions = {}): Promise<Shell> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer has not been built yet. Run `npm run build:renderer` first.');
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's chromium package (apt-get install chromium).`,
    );
  }
  const madeDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'holding-shell-')));
  let lastActivity = Date.now();
  const openedLinks: string[] = [];
  const linkPrompts: LinkPrompt[] = [];
  const savedFiles: string[] = [];
  const shownInFolder: string[] = [];
  let exportsDir: string | null = null;
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  const host = new ServicesHost({
    workerFile: await workerFile(),
    testHooks: true,
    verboseErrors: true,
    renderPdf: (html, templates) => pdfRendererFor(browser, blockedRequests)(html, templates),
    chooseSavePath: async (suggestedName) => {
      let target: string | null;
      if (options.savePath) target = options.savePath(suggestedName);
      else {
        exportsDir ??= await fs.mkdtemp(path.join(os.tmpdir(), 'holding-exports-'));
        target = path.join(exportsDir, suggestedName);
      }
      if (target) savedFiles.push(target);
      return target;
    },
    chooseOpenPath: async () => (options.openPath ? options.openPath() : shell.nextOpenPath),
    chooseFolder: async () => (options.folderPath ? options.folderPath() : shell.nextFolderPath),
    showInFolder: async (file) => void shownInFolder.push(file),
    openExternal: async (url) => {
      // The question Electron's main asks, as it would word it (link-prompt.ts), kept for tests to read.
      const prompt = linkPrompt(url);
      if (prompt) linkPrompts.push(prompt);
      if (options.confirmLinks === false || !prompt) return false;
      openedLinks.push(prompt.url);
      return true;
    },
    dataDir,
    host: 'browser-shell',
    version: version(),
    appOrigin: SHELL_ORIGIN,
    idleSeconds: options.idleSeconds ?? (() => (Date.now() - lastActivity) / 1000),
    logError: (description, channel) => console.error(`[holding shell] ${channel} failed: ${description}`),
  });
  const services = host.syncServices<Services>();
  // The worker loads while the browser starts; the services print PDFs with this browser.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-features=Translate,OptimizationHints,MediaRouter,SpareRendererForSitePerProcess',
      // Chromium writes the user agent into PDFs as their creator: "Holding", not the system.
      `--user-agent=${PDF_CREATOR}`,
    ],
  });

  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    // No transitions: a theme switched just before an axe check would otherwise be measured mid-fade.
    reducedMotion: 'reduce',
    viewport: options.viewport ?? { width: 1200, height: 800 },
    serviceWorkers: 'block',
    locale: 'en-GB',
  });

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${SHELL_ORIGIN}/`)) {
      const file = resolveAppAsset(RENDERER_DIR, url);
      if (file && existsSync(file)) {
        await route.fulfill({
          status: 200,
          body: await fs.readFile(file),
          headers: {
            'content-type': contentTypeFor(path.extname(file)),
            'content-security-policy': CONTENT_SECURITY_POLICY,
            'x-content-type-options': 'nosniff',
          },
        });
        return;
      }
      await route.fulfill({ status: 404, body: 'Not found' });
      return;
    }
    blockedRequests.push(url);
    await route.abort('blockedbyclient');
  });

  const held = new Map<unknown, Promise<void>>();
  await context.exposeBinding('__holdingInvoke', async ({ frame }, channel: unknown, input: unknown) => {
    lastActivity = Date.now();
    const answer = await host.router(channel, input, { url: frame.url(), isMainFrame: frame.parentFrame() === null });
    await held.get(channel);
    return answer;
  });
  await context.exposeBinding('__holdingActivity', () => {
    lastActivity = Date.now();
  });
  await context.addInitScript({ content: await bundleBridge() });

  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  // Events from main reach the page's listeners the way Electron's webContents.send would.
  const emit = <E extends EventName>(event: E, payload: EventMap[E]) =>
    void page
      .evaluate(
        ([e, p]) => (window as unknown as { __holdingEmit?: (e: string, p: unknown) => void }).__holdingEmit?.(e, p),
        [event, payload] as const,
      )
      .catch(() => undefined);
  host.onLock((reason) => emit('vault:locked', { reason }));
  host.onFlushRequest((reason) => emit('app:flushRequested', { reason }));
  host.onOpenRequest((pending) => emit('sharing:openRequested', pending));
  host.onProgress((progress) => emit('app:progress', progress));
  if (options.openFile) host.requestOpen(options.openFile);
  await host.whenReady();
  await page.goto(`${SHELL_ORIGIN}/index.html`);

  const shell: Shell = {
    page,
    context,
    browser,
    services,
    host,
    dataDir,
    blockedRequests,
    pageErrors,
    openedLinks,
    linkPrompts,
    savedFiles,
    shownInFolder,
    async close({ keepData = false } = {}) {
      await host.dispose();
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      if (madeDataDir && !keepData) await fs.rm(dataDir, { recursive: true, force: true });
      if (exportsDir && !keepData) await fs.rm(exportsDir, { recursive: true, force: true });
    },
    holdAnswers(channel) {
      let release = () => undefined as void;
      held.set(
        channel,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => {
        held.delete(channel);
        release();
      };
    },
    nextOpenPath: null,
    nextFolderPath: null,
  };
  return shell;
}
