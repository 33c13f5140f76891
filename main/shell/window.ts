import path from 'node:path';
import { app, BrowserWindow, nativeTheme, session, shell as electronShell, type WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../shell-common/assets';
import { originOf } from '../ipc/router';
import { secureWebPreferences } from '../shell-common/web-preferences';
import { isExternalLinkAllowed } from '../shell-common/assets';
import { type LinkPrompt, linkPrompt } from '../shell-common/link-prompt';

export interface WindowOptions {
  preloadPath: string;
  /** The person used the window (typed, clicked, scrolled, touched): for auto-lock. */
  onActivity: () => void;
  /** The window could not show the app at start: the host tells the person and quits (called once). */
  onFailure: (why: string) => void;
  /** The window's process stopped after the app had loaded: the host locks, and the window reloads. */
  onCrash: () => void;
  /** The user agent the page sees: Chromium's own, so the editor keeps its Chrome workarounds. */
  userAgent: string;
  /** How long to wait for the first paint before showing the window anyway. */
  showWithinMs?: number;
}

/** The one window, with every web preference that matters stated explicitly. */
export function createMainWindow({
  preloadPath,
  onActivity,
  onFailure,
  onCrash,
  userAgent,
  showWithinMs = 10_000,
}: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Holding',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1a18' : '#f7f4ef',
    webPreferences: secureWebPreferences(path.resolve(preloadPath), !app.isPackaged),
  });
  // A window that never becomes ready would stay hidden, holding the single-instance lock, so the
  // next double-click would do nothing: it is shown anyway after a while, and a load that fails ends
  // the app with a message.
  const showAnyway = setTimeout(() => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  }, showWithinMs);
  win.once('ready-to-show', () => {
    clearTimeout(showAnyway);
    win.show();
  });
  win.on('closed', () => clearTimeout(showAnyway));
  // Failing to open is told once, outside Chromium's callback; a navigation cancelled on purpose
  // (ERR_ABORTED, -3) is not a failure. Once the app has loaded, a stopped process is a crash.
  let loaded = false;
  let failed = false;
  const fail = (why: string) => {
    if (failed || loaded) return;
    failed = true;
    setImmediate(() => onFailure(why));
  };
  win.webContents.on('did-finish-load', () => {
    loaded = true;
  });
  win.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (isMainFrame && code !== -3) fail(`the app's page did not load (${description || code})`);
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    if (loaded) onCrash();
    else fail(`the window's process stopped (${details.reason})`);
  });
  win.webContents.on('input-event', () => onActivity());
  win.webContents.setUserAgent(userAgent);
  win.loadURL(`${APP_ORIGIN}/index.html`).catch(() => undefined); // did-fail-load reports it
  return win;
}

/** Applies to every web contents the app ever creates. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (originOf(event.url) !== APP_ORIGIN) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (originOf(event.url) !== APP_ORIGIN) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Session-wide rules: no permissions, no network beyond the app's own scheme, no spell-check downloads. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  // Nothing but the clipboard, and only for the app: writing (the Copy buttons), and reading, which the
  // recovery key's Copy button needs to clear the clipboard a minute later only if it still holds the key.
  const allowed = (permission: string, origin: string | undefined) =>
    (permission === 'clipboard-sanitized-write' || permission === 'clipboard-read') &&
    origin !== undefined &&
    originOf(origin) === APP_ORIGIN;
  ses.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl ?? contents.getURL())),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerDictionaryDownloadURL('https://invalid.invalid/');
  ses.webRequest.onBeforeRequest((details, callback) => {
    const scheme = details.url.split(':', 1)[0];
    callback({ cancel: !(scheme === APP_SCHEME || scheme === 'devtools') });
  });
}

/** Asks with the link in its normal form (link-prompt.ts), and opens exactly the link it showed. */
export async function openExternalAfterConfirm(
  url: string,
  confirm: (prompt: LinkPrompt) => Promise<boolean>,
): Promise<boolean> {
  const prompt = isExternalLinkAllowed(url) ? linkPrompt(url) : null;
  if (!prompt) return false;
  if (!(await confirm(prompt))) return false;
  await electronShell.openExternal(prompt.url);
  return true;
}
