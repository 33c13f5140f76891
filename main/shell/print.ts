/**
 * PDF in the app: the export's HTML printed by Electron's Chromium, in a hidden window that runs no
 * script and can reach nothing but the document itself (its own in-memory session refuses every request
 * that is not the data: URL it was given). The browser shell does the same with Playwright's page.pdf.
 */
import { BrowserWindow, session } from 'electron';
import { PDF_PRINT_OPTIONS } from '../../common/export/html';

let printSession: Electron.Session | null = null;

function isolatedSession(): Electron.Session {
  if (printSession) return printSession;
  const ses = session.fromPartition('holding-print'); // no "persist:": nothing is written to disk
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  printSession = ses;
  return ses;
}

export async function printHtmlToPdf(
  html: string,
  templates: { headerTemplate: string; footerTemplate: string },
): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: isolatedSession(),
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    // Chromium writes the user agent into the PDF as its creator: say "Holding", not the system.
    win.webContents.setUserAgent('Holding');
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await win.webContents.printToPDF({
      ...PDF_PRINT_OPTIONS,
      ...templates,
    });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}
