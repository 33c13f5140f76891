/**
 * An Electron stand-in for machines where the Electron binary cannot be downloaded. It loads the
 * built `dist/main/index.cjs` and `dist/preload/index.cjs` with a stand-in `electron` module that
 * enforces what Electron documents and what its source does, so the code only Electron runs is
 * exercised on every test run:
 *
 * - `protocol.registerSchemesAsPrivileged` only before ready, and only once; `protocol`, `session`,
 *   `BrowserWindow`, `powerMonitor`, `dialog` and `Menu` only after ready;
 * - `loadURL` refuses URLs longer than Chromium's 2,097,152 characters, with an error that carries
 *   the URL (as Electron's does); every load goes through the session's request handler and its
 *   scheme handlers, so a blocked or unserved address fails as it would;
 * - the sandboxed preload may require only `electron` (and `events`, `timers`, `url`); what it
 *   exposes crosses the bridge, and every IPC message is structured-cloned;
 * - one `ipcMain.handle` per channel; navigation and window-open handlers are called as Electron 45
 *   calls them (the deprecated positional arguments are withheld, so code must read `event.url`);
 * - permission handlers, single-instance hand-over (`second-instance`, `open-file`), power events;
 * - a response of 404 or more with a body is shown as the page, as Chromium does; only an empty
 *   one fails the load;
 * - `printToPDF` accepts only Electron's documented options and prints the loaded page with real
 *   Chromium (Playwright), so a PDF made here is the document the app loaded; the PDF's creator is
 *   the process-wide user agent (`app.userAgentFallback`), as in Chromium.
 *
 * It does not replace the real smoke test (test/e2e/electron.spec.ts), which runs wherever the
 * binary exists.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { type Browser, chromium } from 'playwright-core';
import type { HoldingApi } from '../../common/ipc/contract';
import { CHROMIUM_PATH } from './pdf';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MAIN_BUNDLE = path.join(ROOT, 'dist', 'main', 'index.cjs');
export const PRELOAD_BUNDLE = path.join(ROOT, 'dist', 'preload', 'index.cjs');

/** Chromium's kMaxURLChars: Electron's loadURL refuses anything longer (electron/electron#8317). */
export const MAX_URL_CHARS = 2 * 1024 * 1024;
const CHROME_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Holding/0.1.0 Chrome/140.0.7339.133 Electron/45.4.1 Safari/537.36';

/** Electron's documented printToPDF options (Electron 45, webContents.printToPDF). */
const PRINT_OPTIONS = new Set([
  'landscape',
  'displayHeaderFooter',
  'printBackground',
  'scale',
  'pageSize',
  'margins',
  'pageRanges',
  'headerTemplate',
  'footerTemplate',
  'preferCSSPageSize',
  'generateTaggedPDF',
  'generateDocumentOutline',
]);

export class StandInError extends Error {
  override name = 'StandInError';
}

type Handler = (request: Request) => Response | Promise<Response>;
type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export interface ElectronStandInOptions {
  /** What requestSingleInstanceLock answers: false when another Holding already runs. */
  singleInstance?: boolean;
  /** The main window never paints (ready-to-show never comes). */
  neverReady?: boolean;
  /** Where the app is (app.getAppPath()): by default this project, with its built renderer. */
  appPath?: string;
  /** The print window's loads fail with an error that carries the URL, as Electron's do. */
  failPrintLoads?: boolean;
  /** What the save dialog answers. */
  savePath?: (defaultPath: string) => string | null;
  /** What the message box answers (the index of the button). */
  messageBoxResponse?: number;
}

export class StandInSession {
  readonly handlers = new Map<string, Handler>();
  beforeRequest: BeforeRequest | null = null;
  permissionRequest: ((...args: unknown[]) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  deviceCheck: ((...args: unknown[]) => boolean) | null = null;
  spellChecker = true;
  dictionaryUrl: string | null = null;
  /** Every request made in this session, and whether it was refused. */
  readonly requests: { url: string; cancelled: boolean }[] = [];

  constructor(
    private readonly electron: ElectronStandIn,
    readonly partition: string,
  ) {}

  setPermissionRequestHandler(fn: (...args: unknown[]) => void) {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: (...args: unknown[]) => boolean) {
    this.permissionCheck = fn;
  }
  setDevicePermissionHandler(fn: (...args: unknown[]) => boolean) {
    this.deviceCheck = fn;
  }
  setSpellCheckerEnabled(enabled: boolean) {
    this.spellChecker = enabled;
  }
  setSpellCheckerDictionaryDownloadURL(url: string) {
    this.dictionaryUrl = url;
  }
  readonly webRequest = {
    onBeforeRequest: (fn: BeforeRequest) => {
      this.beforeRequest = fn;
    },
  };
  readonly protocol = {
    handle: (scheme: string, handler: Handler) => {
      this.electron.assertReady('protocol.handle');
      if (this.handlers.has(scheme)) throw new StandInError(`The scheme "${scheme}" is already handled.`);
      this.handlers.set(scheme, handler);
    },
  };

  /** A request as Chromium makes it: the request filter first, then the scheme's handler. */
  async fetch(url: string): Promise<{ status: number; body: string; headers: Headers }> {
    const cancelled = this.beforeRequest
      ? await new Promise<boolean>((resolve) => this.beforeRequest!({ url }, (r) => resolve(r.cancel === true)))
      : false;
    this.requests.push({ url, cancelled });
    if (cancelled) throw new StandInError(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    if (url.startsWith('data:')) {
      const comma = url.indexOf(',');
      const meta = url.slice(5, comma);
      const data = url.slice(comma + 1);
      const body = meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
      return { status: 200, body, headers: new Headers({ 'content-type': meta.split(';')[0] ?? '' }) };
    }
    const scheme = url.split(':', 1)[0]!;
    // The default session also answers to the global `protocol` module.
    const handler =
      this.handlers.get(scheme) ??
      (this.partition === 'default' ? this.electron.defaultProtocolHandlers.get(scheme) : undefined);
    if (!handler) throw new StandInError(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    const response = await handler(new Request(url));
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  /** Asks the session whether a page may have a permission, as Chromium would. */
  askPermission(contents: StandInWebContents, permission: string, requestingUrl: string): Promise<boolean> {
    if (!this.permissionRequest) return Promise.resolve(true);
    return new Promise((resolve) =>
      this.permissionRequest!(contents, permission, (granted: boolean) => resolve(granted), {
        requestingUrl,
        isMainFrame: true,
      }),
    );
  }

  checkPermission(contents: StandInWebContents, permission: string, requestingOrigin: string): boolean {
    return this.permissionCheck ? this.permissionCheck(contents, permission, requestingOrigin, {}) : true;
  }
}

/** A navigation or lifecycle event as Electron passes it: an Event with details and preventDefault. */
function electronEvent<T extends object>(details: T) {
  let prevented = false;
  return Object.assign(details, {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  });
}

export class StandInWebContents extends EventEmitter {
  private url = '';
  private content = '';
  private destroyed = false;
  userAgent: string | null = null;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly mainFrame: { readonly url: string };
  /** Events main sent to the page. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  private readonly pageListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();

  constructor(
    private readonly electron: ElectronStandIn,
    readonly session: StandInSession,
    readonly owner: StandInBrowserWindow,
  ) {
    super();
    const currentUrl = () => this.url;
    this.mainFrame = {
      get url() {
        return currentUrl();
      },
    };
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
  }

  setUserAgent(agent: string): void {
    this.userAgent = agent;
  }

  /** The user agent the page would see. */
  effectiveUserAgent(): string {
    return this.userAgent ?? this.electron.app.userAgentFallback;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new StandInError('Object has been destroyed');
    const cloned = structuredClone(payload);
    this.sent.push({ channel, payload: cloned });
    for (const listener of this.pageListeners.get(channel) ?? []) listener({ sender: null }, cloned);
  }

  /** The page's ipcRenderer.on. */
  listen(channel: string, listener: (event: unknown, payload: unknown) => void): void {
    const set = this.pageListeners.get(channel) ?? new Set();
    set.add(listener);
    this.pageListeners.set(channel, set);
  }

  unlisten(channel: string, listener: (event: unknown, payload: unknown) => void): void {
    this.pageListeners.get(channel)?.delete(listener);
  }

  async loadURL(url: string): Promise<void> {
    if (url.length > MAX_URL_CHARS) {
      // Electron rejects with the whole URL in the message (and emits did-fail-load).
      this.emit('did-fail-load', electronEvent({}), -300, 'ERR_INVALID_URL', url, true);
      throw new StandInError(`ERR_INVALID_URL (-300) loading '${url}'`);
    }
    if (this.owner.options.failLoads) {
      this.emit('did-fail-load', electronEvent({}), -2, 'ERR_FAILED', url, true);
      throw new StandInError(`ERR_FAILED (-2) loading '${url}'`);
    }
    let response: { status: number; body: string };
    try {
      response = await this.session.fetch(url);
    } catch (error) {
      this.emit('did-fail-load', electronEvent({}), -20, 'ERR_BLOCKED_BY_CLIENT', url, true);
      throw error;
    }
    if (response.status >= 400 && response.body === '') {
      this.emit('did-fail-load', electronEvent({}), -379, 'ERR_HTTP_RESPONSE_CODE_FAILURE', url, true);
      throw new StandInError(`ERR_HTTP_RESPONSE_CODE_FAILURE (-379) loading '${url}'`);
    }
    this.url = url;
    this.content = response.body;
    this.emit('did-finish-load', electronEvent({}));
  }

  /** The loaded document's HTML (for the page stand-in and for printing). */
  loadedHtml(): string {
    return this.content;
  }

  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    for (const key of Object.keys(options)) {
      if (!PRINT_OPTIONS.has(key)) throw new StandInError(`printToPDF has no option "${key}".`);
    }
    const margins = (options['margins'] ?? {}) as Record<string, number>;
    for (const [side, value] of Object.entries(margins)) {
      if (!['top', 'bottom', 'left', 'right', 'marginType'].includes(side))
        throw new StandInError(`No margin "${side}".`);
      if (side !== 'marginType' && (typeof value !== 'number' || value < 0 || value > 5)) {
        throw new StandInError(`Margins are inches: ${side} = ${String(value)}`);
      }
    }
    if (!this.url) throw new StandInError('Nothing has been loaded to print.');
    const browser = await this.electron.chromium();
    const context = await browser.newContext({ javaScriptEnabled: false, userAgent: this.effectiveUserAgent() });
    try {
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.setContent(this.content, { waitUntil: 'load' });
      // Electron's defaults: margins of about 1 cm (0.4 in) where none are given.
      const inches = (side: string) => `${margins[side] ?? 0.4}in`;
      const pdf = await page.pdf({
        printBackground: options['printBackground'] === true,
        preferCSSPageSize: options['preferCSSPageSize'] === true,
        displayHeaderFooter: options['displayHeaderFooter'] === true,
        // Electron's names for what Chromium's print takes as tagged and outline.
        tagged: options['generateTaggedPDF'] === true,
        outline: options['generateDocumentOutline'] === true,
        headerTemplate: (options['headerTemplate'] as string | undefined) ?? '',
        footerTemplate: (options['footerTemplate'] as string | undefined) ?? '',
        margin: { top: inches('top'), bottom: inches('bottom'), left: inches('left'), right: inches('right') },
      });
      this.electron.printed.push({
        url: this.url,
        options,
        bytes: pdf.length,
        creator: this.electron.app.userAgentFallback,
      });
      return pdf;
    } finally {
      await context.close();
    }
  }
}

export class StandInBrowserWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  private visible = false;
  private destroyed = false;
  private minimized = false;
  focused = false;
  readonly options: { show?: boolean; webPreferences?: Record<string, unknown>; failLoads?: boolean };

  constructor(
    private readonly electron: ElectronStandIn,
    options: { show?: boolean; webPreferences?: Record<string, unknown> },
  ) {
    super();
    electron.assertReady('new BrowserWindow');
    const prefs = options.webPreferences ?? {};
    const ses = (prefs['session'] as StandInSession | undefined) ?? electron.defaultSession;
    const isPrint = ses.partition !== 'default';
    this.options = { ...options, failLoads: isPrint && electron.options.failPrintLoads === true };
    this.webContents = new StandInWebContents(electron, ses, this);
    this.visible = options.show !== false;
    electron.windows.push(this);
    electron.app.emit('web-contents-created', electronEvent({}), this.webContents);
  }

  static getAllWindows(electron: ElectronStandIn): StandInBrowserWindow[] {
    return electron.windows.filter((w) => !w.isDestroyed());
  }

  async loadURL(url: string): Promise<void> {
    const main =
      (this.electron.mainWindow === null || this.electron.mainWindow === this) &&
      this.webContents.session.partition === 'default';
    if (main) this.electron.mainWindow = this;
    await this.webContents.loadURL(url);
    if (main) {
      this.electron.runPreload(this);
      if (!this.electron.options.neverReady) this.emit('ready-to-show');
    }
  }

  show(): void {
    this.visible = true;
  }
  /** Loads the page again, preload and all, as after a crash. */
  reload(): void {
    this.reloads += 1;
    void this.loadURL(this.webContents.getURL());
  }
  reloads = 0;
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  minimize(): void {
    this.minimized = true;
  }
  focus(): void {
    this.focused = true;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
  /** The person closes the window: listeners may prevent it (to save first). */
  close(): void {
    const event = electronEvent({});
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
}

/** The page side: what the preload exposed as `window.holding`, with the page's own answers. */
export interface StandInPage {
  holding: HoldingApi;
  /** Events the page received from main, in order. */
  received: { channel: string; payload: unknown }[];
}

export class ElectronStandIn {
  readonly options: ElectronStandInOptions;
  ready = false;
  private readonly readyWaiters: (() => void)[] = [];
  private schemesRegistered: { scheme: string; privileges: Record<string, boolean> }[] | null = null;
  readonly defaultProtocolHandlers = new Map<string, Handler>();
  readonly sessions = new Map<string, StandInSession>();
  readonly defaultSession: StandInSession;
  readonly windows: StandInBrowserWindow[] = [];
  mainWindow: StandInBrowserWindow | null = null;
  page: StandInPage | null = null;
  readonly ipcHandlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  readonly switches: string[] = [];
  readonly paths = new Map<string, string>();
  readonly dialogs: { kind: string; options: unknown }[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly printed: { url: string; options: Record<string, unknown>; bytes: number; creator: string }[] = [];
  readonly opened: string[] = [];
  /** Files shell.showItemInFolder was asked to show (nothing is opened). */
  readonly shownInFolder: string[] = [];
  menu: { template: unknown[] } | null = null;
  quitCalls = 0;
  systemIdleSeconds = 0;
  systemIdleState: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  private browser: Promise<Browser> | null = null;
  readonly tempRoot: string;

  readonly app: EventEmitter & {
    userAgentFallback: string;
    isPackaged: boolean;
    commandLine: { appendSwitch(name: string, value?: string): void };
    whenReady(): Promise<void>;
    isReady(): boolean;
    requestSingleInstanceLock(): boolean;
    quit(): void;
    getPath(name: string): string;
    setPath(name: string, value: string): void;
    getAppPath(): string;
    getVersion(): string;
  };

  constructor(options: ElectronStandInOptions = {}) {
    this.options = options;
    this.tempRoot = mkdtempSync(path.join(os.tmpdir(), 'holding-standin-'));
    this.defaultSession = new StandInSession(this, 'default');
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the module's classes and getters need the stand-in itself
    const electron = this;
    // Electron answers with Chromium's default until the app sets its own.
    let fallback = CHROME_USER_AGENT;
    this.app = Object.assign(new EventEmitter(), {
      get userAgentFallback() {
        return fallback;
      },
      set userAgentFallback(value: string) {
        fallback = value;
      },
      isPackaged: false,
      commandLine: {
        appendSwitch: (name: string, value?: string) => void electron.switches.push(value ? `${name}=${value}` : name),
      },
      whenReady: () =>
        electron.ready ? Promise.resolve() : new Promise<void>((resolve) => electron.readyWaiters.push(resolve)),
      isReady: () => electron.ready,
      requestSingleInstanceLock: () => options.singleInstance !== false,
      quit: () => {
        electron.quitCalls += 1;
      },
      getPath: (name: string) => electron.paths.get(name) ?? path.join(electron.tempRoot, name),
      setPath: (name: string, value: string) => {
        if (electron.ready && name === 'userData') throw new StandInError('userData must be set before ready.');
        electron.paths.set(name, value);
      },
      getAppPath: () => options.appPath ?? ROOT,
      getVersion: () =>
        (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    });
  }

  assertReady(what: string): void {
    if (!this.ready) throw new StandInError(`${what} cannot be used before the app is ready.`);
  }

  /** Electron's "ready": whenReady resolves, 'ready' is emitted. */
  becomeReady(): void {
    this.ready = true;
    this.app.emit('ready');
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  get registeredSchemes() {
    return this.schemesRegistered;
  }

  chromium(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--disable-background-networking', '--disable-component-update'],
    });
    return this.browser;
  }

  /** The `electron` module main requires. */
  mainModule() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the module's classes and getters need the stand-in itself
    const electron = this;
    const afterReady = <T extends object>(name: string, value: T): T =>
      new Proxy(value, {
        get(target, key, receiver) {
          electron.assertReady(`${name}.${String(key)}`);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    class BrowserWindow extends StandInBrowserWindow {
      constructor(options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
        super(electron, options);
      }
      static override getAllWindows() {
        return StandInBrowserWindow.getAllWindows(electron);
      }
    }
    const powerMonitor = Object.assign(new EventEmitter(), {
      getSystemIdleTime: () => electron.systemIdleSeconds,
      getSystemIdleState: () => electron.systemIdleState,
    });
    electron.power = powerMonitor;
    return {
      app: this.app,
      BrowserWindow,
      protocol: {
        registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
          if (electron.ready) throw new StandInError('registerSchemesAsPrivileged must be called before ready.');
          if (electron.schemesRegistered)
            throw new StandInError('registerSchemesAsPrivileged can be called only once.');
          for (const { privileges } of schemes) {
            if (privileges['codeCache'] && !privileges['standard']) {
              throw new StandInError('codeCache needs standard: true as well.');
            }
          }
          electron.schemesRegistered = schemes;
        },
        handle(scheme: string, handler: Handler) {
          electron.assertReady('protocol.handle');
          electron.defaultProtocolHandlers.set(scheme, handler);
        },
      },
      session: afterReady('session', {
        get defaultSession() {
          return electron.defaultSession;
        },
        fromPartition(partition: string) {
          let ses = electron.sessions.get(partition);
          if (!ses) {
            ses = new StandInSession(electron, partition);
            electron.sessions.set(partition, ses);
          }
          return ses;
        },
      }),
      ipcMain: {
        handle(channel: string, handler: (event: unknown, input: unknown) => unknown) {
          if (electron.ipcHandlers.has(channel)) {
            throw new StandInError(`Attempted to register a second handler for '${channel}'`);
          }
          electron.ipcHandlers.set(channel, handler);
        },
      },
      dialog: {
        showSaveDialog: async (...args: unknown[]) => {
          electron.assertReady('dialog.showSaveDialog');
          const options = args.at(-1) as { defaultPath: string };
          electron.dialogs.push({ kind: 'save', options });
          const chosen = electron.options.savePath ? electron.options.savePath(options.defaultPath) : null;
          return { canceled: chosen === null, filePath: chosen ?? '' };
        },
        showOpenDialog: async (...args: unknown[]) => {
          electron.assertReady('dialog.showOpenDialog');
          electron.dialogs.push({ kind: 'open', options: args.at(-1) });
          return { canceled: true, filePaths: [] };
        },
        showMessageBox: async (...args: unknown[]) => {
          electron.assertReady('dialog.showMessageBox');
          electron.dialogs.push({ kind: 'message', options: args.at(-1) });
          return { response: electron.options.messageBoxResponse ?? 1, checkboxChecked: false };
        },
        // The one dialog Electron allows before ready.
        showErrorBox: (title: string, content: string) => void electron.errorBoxes.push({ title, content }),
      },
      powerMonitor: afterReady('powerMonitor', powerMonitor),
      Menu: afterReady('Menu', {
        buildFromTemplate: (template: unknown[]) => ({ template }),
        setApplicationMenu: (menu: { template: unknown[] }) => {
          electron.menu = menu;
        },
      }),
      nativeTheme: { shouldUseDarkColors: false },
      shell: {
        openExternal: async (url: string) => void electron.opened.push(url),
        // Electron's is synchronous and takes a full path to a file.
        showItemInFolder: (fullPath: string) => {
          if (typeof fullPath !== 'string' || !path.isAbsolute(fullPath)) {
            throw new StandInError(`shell.showItemInFolder wants a full path, not ${String(fullPath)}`);
          }
          electron.shownInFolder.push(fullPath);
        },
      },
    };
  }

  power: (EventEmitter & { getSystemIdleTime(): number }) | null = null;

  /** Runs the sandboxed preload for a window, as Chromium does before the page's own scripts. */
  runPreload(win: StandInBrowserWindow): void {
    const prefs = win.options.webPreferences ?? {};
    const preloadPath = prefs['preload'];
    if (typeof preloadPath !== 'string') throw new StandInError('The main window has no preload.');
    if (prefs['sandbox'] !== true || prefs['contextIsolation'] !== true || prefs['nodeIntegration'] !== false) {
      throw new StandInError('The main window must be sandboxed and context-isolated, without Node.');
    }
    const contents = win.webContents;
    const exposed = new Map<string, unknown>();
    const received: { channel: string; payload: unknown }[] = [];
    const electronForPage = {
      contextBridge: {
        exposeInMainWorld(key: string, api: unknown) {
          if (exposed.has(key)) throw new StandInError(`Cannot bind an API on top of an existing property: ${key}`);
          exposed.set(key, api);
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          const handler = this.ipcHandlers.get(channel);
          if (!handler) throw new StandInError(`Error invoking remote method '${channel}': No handler registered`);
          const event = { sender: contents, senderFrame: contents.mainFrame, processId: 1, frameId: 1 };
          return structuredClone(await handler(event, structuredClone(input)));
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          contents.listen(channel, listener);
        },
        removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          contents.unlisten(channel, listener);
        },
      },
    };
    const allowed: Record<string, unknown> = {
      electron: electronForPage,
      events: EventEmitter,
      timers: { setTimeout, clearTimeout, setInterval, clearInterval },
      url: { URL, URLSearchParams },
    };
    const sandboxRequire = (id: string) => {
      if (!(id in allowed))
        throw new StandInError(`Error: module not found: ${id} (a sandboxed preload may require only electron)`);
      return allowed[id];
    };
    const code = readFileSync(preloadPath, 'utf8');
    const module = { exports: {} };
    const context = vm.createContext({ console, structuredClone });
    const wrapper = vm.runInContext(`(function (require, module, exports) {\n${code}\n})`, context) as (
      r: typeof sandboxRequire,
      m: typeof module,
      e: unknown,
    ) => void;
    wrapper(sandboxRequire, module, module.exports);
    const holding = exposed.get('holding') as HoldingApi | undefined;
    if (!holding) throw new StandInError('The preload did not expose window.holding.');
    this.page = { holding, received };
    for (const channel of ['vault:locked', 'app:flushRequested', 'sharing:openRequested']) {
      contents.listen(channel, (_event, payload) => received.push({ channel, payload }));
    }
    // The page answers flush requests the way the real renderer does: it saves, then says so.
    contents.listen('app:flushRequested', () => void holding.app.flushed());
  }

  async close(): Promise<void> {
    if (this.browser) await (await this.browser).close();
    rmSync(this.tempRoot, { recursive: true, force: true });
  }
}

/** Puts the stand-in in the module cache where the `electron` package would be loaded from. */
export function installAsElectron(electron: ElectronStandIn): void {
  const require = createRequire(MAIN_BUNDLE);
  const electronPath = require.resolve('electron');
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: electron.mainModule() };
}

/**
 * Loads the built main bundle with the stand-in as `electron`, as `electron . <args>` would, and
 * makes the app ready. The stand-in is the module's `electron` until the next load.
 */
export function loadMain(
  electron: ElectronStandIn,
  { args = [], ready = true }: { args?: string[]; ready?: boolean } = {},
): void {
  if (!existsSync(MAIN_BUNDLE) || !existsSync(PRELOAD_BUNDLE)) {
    throw new Error('Build the Electron bundles first: node scripts/build-electron.mjs');
  }
  installAsElectron(electron);
  const require = createRequire(MAIN_BUNDLE);
  const cache = require.cache;
  delete cache[MAIN_BUNDLE];
  const savedArgv = process.argv;
  const processWithResources = process as NodeJS.Process & { resourcesPath?: string };
  processWithResources.resourcesPath = path.join(electron.tempRoot, 'resources');
  process.argv = ['/opt/Holding/holding', '.', ...args];
  try {
    require(MAIN_BUNDLE);
  } finally {
    process.argv = savedArgv;
  }
  if (ready) electron.becomeReady();
}
