import path from 'node:path';
import { app, BrowserWindow, nativeTheme, session, shell as electronShell, type WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../shell-common/assets';
import { originOf } from '../ipc/router';
import { secureWebPreferences } from '../shell-common/web-preferences';
import { isExternalLinkAllowed } from '../shell-common/assets';

export interface WindowOptions {
  preloadPath: string;
}

/** The one window, with every web preference that matters stated explicitly. */
export function createMainWindow({ preloadPath }: WindowOptions): BrowserWindow {
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
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Applies to every web contents the app ever creates. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== APP_ORIGIN) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== APP_ORIGIN) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Session-wide rules: no permissions, no network beyond the app's own scheme, no spell-check downloads. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  // Nothing but writing to the clipboard (the Copy button for the recovery key), and only from the app.
  const allowed = (permission: string, origin: string | undefined) =>
    permission === 'clipboard-sanitized-write' && origin !== undefined && originOf(origin) === APP_ORIGIN;
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

export async function openExternalAfterConfirm(url: string, confirm: () => Promise<boolean>): Promise<boolean> {
  if (!isExternalLinkAllowed(url)) return false;
  if (!(await confirm())) return false;
  await electronShell.openExternal(url);
  return true;
}
