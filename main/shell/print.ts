/**
 * PDF in the app: the export's HTML printed by Electron's Chromium in a hidden window that runs no
 * script. The window has an in-memory session of its own, which serves the document from memory on
 * the print scheme (never as a URL: see shell-common/print) and refuses every other request.
 */
import { BrowserWindow, session } from 'electron';
import { PDF_ACCESSIBLE, PDF_PRINT_OPTIONS } from '../../common/export/html';
import { PDF_MARGINS_INCHES, PRINT_SCHEME, PrintDocuments, printHeld } from '../shell-common/print';

const documents = new PrintDocuments();
let printSession: Electron.Session | null = null;

function isolatedSession(): Electron.Session {
  if (printSession) return printSession;
  const ses = session.fromPartition('holding-print'); // no "persist:": nothing is written to disk
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !documents.allows(details.url) }));
  ses.protocol.handle(PRINT_SCHEME, (request) => {
    // "Not found" has no body: Chromium shows a 404 that has one as a page, and would print it.
    const { status, body, headers } = documents.respond(request.url);
    return new Response(status === 200 ? body : null, { status, headers });
  });
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
    // The PDF's creator is the process-wide user agent, "Holding" (main/shell/index.ts).
    return await printHeld(
      documents,
      html,
      (url) => win.loadURL(url),
      async () =>
        new Uint8Array(
          await win.webContents.printToPDF({
            ...PDF_PRINT_OPTIONS,
            ...PDF_ACCESSIBLE.electron,
            margins: PDF_MARGINS_INCHES,
            ...templates,
          }),
        ),
      (line) => console.error(`[holding] printing failed: ${line}`),
    );
  } finally {
    win.destroy();
  }
}
