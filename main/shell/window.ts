import path from 'node:path';
import { BrowserWindow, nativeTheme, session, shell as electronShell, type WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../shell-common/assets';
import { originOf } from '../ipc/router';

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
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1b1a' : '#faf8f5',
    webPreferences: {
      preload: path.resolve(preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // The spell-checker downloads dictionaries from the internet; nothing may leave the machine.
      spellcheck: false,
      devTools: !process.env['HOLDING_NO_DEVTOOLS'] ? true : false,
    },
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
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerDictionaryDownloadURL('https://invalid.invalid/');
  ses.webRequest.onBeforeRequest((details, callback) => {
    const scheme = details.url.split(':', 1)[0];
    callback({ cancel: !(scheme === APP_SCHEME || scheme === 'devtools') });
  });
}

/** Links the person chose to follow, after they confirm, only https: and mailto:. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

export async function openExternalAfterConfirm(url: string, confirm: () => Promise<boolean>): Promise<boolean> {
  if (!isExternalLinkAllowed(url)) return false;
  if (!(await confirm())) return false;
  await electronShell.openExternal(url);
  return true;
}
