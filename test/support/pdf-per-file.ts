/** One headless Chromium for a whole test file's PDFs: launched before its first test, closed after its last. */
import { afterAll, beforeAll } from 'vitest';
import type { PdfRenderer } from '../../main/export/export';
import { launchPdfRenderer } from './pdf';

/** `pdf.render` prints as the app does; `pdf.blocked` lists any request the printed page tried to make. */
export function pdfRendererPerFile(): { render: PdfRenderer; readonly blocked: string[] } {
  let pdf: Awaited<ReturnType<typeof launchPdfRenderer>> | undefined;
  beforeAll(async () => {
    pdf = await launchPdfRenderer();
  });
  afterAll(async () => {
    await pdf?.close();
  });
  return {
    render: (html, templates) => pdf!.render(html, templates),
    get blocked() {
      return pdf!.blocked;
    },
  };
}
