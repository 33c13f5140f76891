/**
 * PDF from the export's HTML with Debian's Chromium through Playwright's page.pdf: the browser shell's
 * stand-in for Electron's printToPDF, in the same shape as the app (main/shell/print.ts). The document
 * is held in memory and served by request routing on a print-only origin, never put in a URL or set
 * directly, with the same CSS, margins and header and footer templates. The page runs no script and
 * every other request is refused, so a stray remote resource could not load.
 */
import { type Browser, chromium } from 'playwright-core';
import { PDF_ACCESSIBLE, PDF_PRINT_OPTIONS } from '../../common/export/html';
import type { PdfRenderer } from '../../main/export/export';
import { PDF_MARGINS_CSS, PrintDocuments, printHeld } from '../../main/shell-common/print';

export const PDF_CREATOR = 'Holding';

/** Debian's Chromium, or the one HOLDING_CHROMIUM names: the browser shell's too. */
export const CHROMIUM_PATH = process.env['HOLDING_CHROMIUM'] ?? '/usr/bin/chromium';

/** Chromium under Playwright cannot route a scheme of our own: an address that can never resolve stands in. */
const SHELL_PRINT_ORIGIN = 'https://print.holding.invalid';

export function pdfRendererFor(browser: Browser, blocked: string[] = []): PdfRenderer {
  const documents = new PrintDocuments(SHELL_PRINT_ORIGIN);
  return async (html, templates) => {
    // Chromium writes the user agent into the PDF as its creator: say "Holding", not the system.
    const context = await browser.newContext({ javaScriptEnabled: false, userAgent: PDF_CREATOR });
    try {
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (!documents.allows(url)) {
          blocked.push(url);
          return route.abort('blockedbyclient');
        }
        const { status, body, headers } = documents.respond(url);
        return route.fulfill({ status, body, headers });
      });
      const page = await context.newPage();
      return await printHeld(
        documents,
        html,
        async (url) => {
          const response = await page.goto(url, { waitUntil: 'load' });
          if (!response?.ok()) throw new Error('not loaded');
        },
        async () =>
          new Uint8Array(
            await page.pdf({
              ...PDF_PRINT_OPTIONS,
              ...PDF_ACCESSIBLE.playwright,
              margin: PDF_MARGINS_CSS,
              ...templates,
            }),
          ),
        (line) => console.error(`[holding shell] printing failed: ${line}`),
      );
    } finally {
      await context.close();
    }
  };
}

/** A headless Chromium of its own, for integration tests and benchmarks. */
export async function launchPdfRenderer(): Promise<{ render: PdfRenderer; blocked: string[]; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--disable-background-networking', `--user-agent=${PDF_CREATOR}`],
  });
  const blocked: string[] = [];
  return { render: pdfRendererFor(browser, blocked), blocked, close: () => browser.close() };
}
