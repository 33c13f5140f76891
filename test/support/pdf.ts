/**
 * PDF from the export's HTML with Debian's Chromium through Playwright's page.pdf: the browser shell's
 * stand-in for Electron's printToPDF, with the same HTML, CSS and header and footer templates. The page
 * runs no script and every request is refused, so a stray remote resource could not load.
 */
import { type Browser, chromium } from 'playwright-core';
import { PDF_PRINT_OPTIONS } from '../../common/export/html';
import type { PdfRenderer } from '../../main/export/export';

export const PDF_CREATOR = 'Holding';

/** Debian's Chromium, or the one HOLDING_CHROMIUM names: the browser shell's too. */
export const CHROMIUM_PATH = process.env['HOLDING_CHROMIUM'] ?? '/usr/bin/chromium';

export function pdfRendererFor(browser: Browser, blocked: string[] = []): PdfRenderer {
  return async (html, templates) => {
    // Chromium writes the user agent into the PDF as its creator: say "Holding", not the system.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, userAgent: PDF_CREATOR });
    try {
      await context.route('**/*', (route) => {
        blocked.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        ...PDF_PRINT_OPTIONS,
        ...templates,
      });
      return new Uint8Array(pdf);
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
