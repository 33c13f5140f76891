import path from 'node:path';
import { existsSync } from 'node:fs';
import { app, type BrowserWindow, dialog, shell } from 'electron';
import { bundlePathsIn } from '../sharing/files';
import { ServicesHost } from '../worker/host';
import { resolveDataDir } from '../config/data-dir';
import { ActivityClock } from '../shell-common/activity';
import { APP_ORIGIN } from '../shell-common/assets';
import { RestartBudget } from '../shell-common/restart-budget';
import { bindIpc, sendEvent } from './ipc';
import { installMenu } from './menu';
import { lockOnPowerEvents, systemIdleSeconds } from './power';
import { printHtmlToPdf } from './print';
import { registerSchemes, serveRenderer } from './protocol';
import { createMainWindow, hardenSession, hardenWebContents, openExternalAfterConfirm } from './window';

// No crash reporter is ever started, and nothing may reach the network: no background
// component updates, no field trials, no spell-check dictionaries.
app.commandLine.appendSwitch('disable-background-networking');
app.commandLine.appendSwitch('disable-component-update');
app.commandLine.appendSwitch('disable-domain-reliability');
app.commandLine.appendSwitch('no-pings');
// Chromium writes the process-wide user agent into each PDF as its creator: "Holding", not the
// system's details. The window keeps Chromium's own user agent, because ProseMirror (the editor)
// reads it to turn on its workarounds for Chrome's Backspace, IME composition and selection.
const chromiumUserAgent = app.userAgentFallback;
app.userAgentFallback = 'Holding';

const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
// Chromium's own storage (caches, local storage) goes inside the data folder too, so portable use
// leaves nothing behind elsewhere.
app.setPath('userData', path.join(dataDir, 'chromium'));
app.setPath('crashDumps', path.join(dataDir, 'chromium', 'crashes'));

registerSchemes();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let services: ServicesHost | null = null;
  const activity = new ActivityClock();
  // A bundle opened from the file manager: held until the services exist, then the person is asked.
  let openAtStart: string | null = bundlePathsIn(process.argv.slice(1))[0] ?? null;
  const requestOpen = (file: string) => {
    if (services) services.requestOpen(file);
    else openAtStart = file;
  };
  // macOS hands files over by event, before and after the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    requestOpen(file);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = bundlePathsIn(argv.slice(1), workingDirectory)[0];
    if (file) requestOpen(file);
    if (win) {
      if (win.isMinimized()) win.restore();
      if (!win.isVisible()) win.show();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    hardenSession();
    const root = app.getAppPath();
    const nativeBinding = electronNativeBinding(root);
    if (app.isPackaged && !nativeBinding) {
      // Without the addon built for Electron the journal cannot be opened: say so now, not at unlock.
      console.error('[holding] the SQLite addon for Electron is missing from resources/native');
      dialog.showErrorBox(
        'Holding is missing a part it needs',
        'The part of Holding that opens your encrypted journal is missing from this installation, so Holding cannot start. Your journal itself is untouched. Please reinstall Holding.',
      );
      app.quit();
      return;
    }
    serveRenderer(path.join(root, 'dist', 'renderer'));
    services = new ServicesHost({
      // Beside this bundle (dist/main/index.cjs): the worker that holds the journal's key and database.
      workerFile: path.join(__dirname, 'worker.cjs'),
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      appOrigin: APP_ORIGIN,
      nativeBinding,
      idleSeconds: () => activity.idleSeconds(systemIdleSeconds()),
      openExternal: (url) =>
        openExternalAfterConfirm(url, async (prompt) => {
          // Asked by main, not the page: a page could not skip the question. The link in its normal form.
          const options = {
            type: 'question' as const,
            buttons: ['Open link', 'Cancel'],
            defaultId: 1,
            cancelId: 1,
            message: prompt.message,
            detail: prompt.detail,
          };
          const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
          return answer.response === 0;
        }),
      chooseSavePath: async (suggestedName, filter) => {
        const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [filter] };
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      chooseOpenPath: async (filter) => {
        const options = { properties: ['openFile' as const], filters: [filter] };
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      chooseFolder: async (purpose) => {
        const options = {
          title: purpose === 'import' ? 'Choose the folder of notes to bring in' : 'Choose a folder for your backups',
          buttonLabel: purpose === 'import' ? 'Bring in this folder' : 'Use this folder',
          properties: ['openDirectory' as const, 'createDirectory' as const],
        };
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      renderPdf: printHtmlToPdf,
      // Only ever a file Holding saved, found from its own record in the worker (never a path from the window).
      showInFolder: async (file) => shell.showItemInFolder(file),
      // Described in the worker by describeForLog: never the error itself, which could carry what the person wrote.
      logError: (description, channel) => console.error(`[holding] ${channel} failed: ${description}`),
      onFatal: () => {
        dialog.showErrorBox(
          'Holding cannot open your journal',
          'The part of Holding that keeps your journal could not start, so Holding will close. Your journal itself is untouched. Please open Holding again; if this keeps happening, reinstalling Holding usually mends it.',
        );
        app.quit();
      },
    });
    bindIpc(services.router);
    services.onLock((reason) => sendEvent(win, 'vault:locked', { reason }));
    services.onFlushRequest((reason) => sendEvent(win, 'app:flushRequested', { reason }));
    services.onOpenRequest((pending) => sendEvent(win, 'sharing:openRequested', pending));
    services.onProgress((progress) => sendEvent(win, 'app:progress', progress));
    if (openAtStart) services.requestOpen(openAtStart);
    const host = services;
    const stopPowerWatch = lockOnPowerEvents(
      { now: (reason) => host.lockNow(reason), gently: (reason) => void host.lockGently(reason) },
      host,
    );
    app.on('will-quit', stopPowerWatch);
    installMenu(() => void services?.lockGently('shortcut'), { developer: !app.isPackaged });
    const windowRestarts = new RestartBudget(3);
    win = createMainWindow({
      preloadPath: path.join(root, 'dist', 'preload', 'index.cjs'),
      onActivity: () => activity.touch(),
      userAgent: chromiumUserAgent,
      onCrash: () => {
        // What was on screen is gone: lock, so the journal is never left open behind a blank window,
        // and show the unlock screen again. A window that keeps stopping is not reloaded for ever.
        services?.lockNow('window-restarted');
        if (windowRestarts.spend()) {
          console.error('[holding] the window stopped unexpectedly; locking and reloading it');
          win?.reload();
          return;
        }
        console.error('[holding] the window stopped three times in a minute; closing');
        dialog.showErrorBox(
          'Holding’s window keeps stopping',
          'Holding’s window stopped several times in a row, so Holding has locked your journal and will close. Everything you saved is safe. Please open Holding again; if this keeps happening, restarting the computer or reinstalling Holding usually mends it.',
        );
        app.quit();
      },
      onFailure: (why) => {
        console.error(`[holding] the window failed: ${why}`);
        dialog.showErrorBox(
          'Holding could not open its window',
          'Something stopped Holding’s window from opening. Your journal is safe and has not been changed. Please open Holding again; if this keeps happening, reinstalling Holding usually mends it.',
        );
        app.quit();
      },
    });
    // Closing or quitting: let the window save what is being typed first (at most two seconds).
    let closing = false;
    win.on('close', (event) => {
      if (closing || !services) return;
      event.preventDefault();
      closing = true;
      void services.flushRenderer(2000).finally(() => win?.destroy());
    });
    win.on('closed', () => {
      win = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
  // Locks in the worker (closing the database, wiping the key) before the process ends.
  app.on('will-quit', () => void services?.dispose());
}

/** The addon built against Electron's ABI, kept apart from the Node build used by tests. */
function electronNativeBinding(root: string): string | undefined {
  const candidates = [
    path.join(process.resourcesPath, 'native', 'better_sqlite3.node'),
    path.join(root, '.native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}
