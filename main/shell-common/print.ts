/**
 * Printing an export to PDF, the same way in both hosts. The HTML is held in memory under a short,
 * unguessable address on an origin used only for printing, and the host's request handler serves
 * it from there: it never travels inside a URL. (Electron refuses to load URLs longer than
 * Chromium's 2,097,152 characters, so a data: URL failed for exports over about 1.5 MB, and its
 * error carried the whole export into the log.) Plain Node, no Electron.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import { PDF_MARGINS_MM } from '../../common/export/html';
import { describeForLog } from './log';

/** The app's print scheme: registered in Electron and handled only on the print window's own session. */
export const PRINT_SCHEME = 'holding-print';
export const PRINT_ORIGIN = `${PRINT_SCHEME}://document`;

/** The print page runs no script and loads nothing but inline styles and inline images. */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface PrintResponse {
  status: 200 | 404;
  body: string;
  headers: Record<string, string>;
}

/** Documents waiting to be printed, each under its own address until it has been printed. */
export class PrintDocuments {
  private readonly held = new Map<string, string>();

  constructor(readonly origin: string = PRINT_ORIGIN) {}

  /** Holds the HTML at a new address; `release` forgets it. */
  hold(html: string): { url: string; release(): void } {
    const url = `${this.origin}/${randomUUID()}.html`;
    this.held.set(url, html);
    return { url, release: () => void this.held.delete(url) };
  }

  /** Whether a request may go ahead: only to a document being printed, never anywhere else. */
  allows(url: string): boolean {
    return this.held.has(url);
  }

  /** The host's request handler: the held document, or "not found" for anything else. */
  respond(url: string): PrintResponse {
    const html = this.held.get(url);
    if (html === undefined) return { status: 404, body: '', headers: {} };
    return {
      status: 200,
      body: html,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': PRINT_CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    };
  }

  get size(): number {
    return this.held.size;
  }
}

/** A failed print says so kindly, without the document or its address (errors reach logs). */
export class PrintFailedError extends AppError {
  constructor() {
    super(
      'INTERNAL',
      'Holding could not make the PDF, so nothing was saved. Please try again, or save it as Word or a web page instead.',
    );
    this.name = 'PrintFailedError';
  }
}

/**
 * Prints through a host: `load` shows the address in a page that runs no script (the host serves it
 * with `respond`), `print` turns the loaded page into a PDF. A failure is logged by kind only and
 * told to the person kindly; the document is released afterwards, whatever happens.
 */
export async function printHeld(
  documents: PrintDocuments,
  html: string,
  load: (url: string) => Promise<void>,
  print: () => Promise<Uint8Array>,
  log: (line: string) => void,
): Promise<Uint8Array> {
  const held = documents.hold(html);
  try {
    await load(held.url);
    return await print();
  } catch (error) {
    log(describeForLog(error));
    throw new PrintFailedError();
  } finally {
    held.release();
  }
}

/** Chromium's page margins, in inches for Electron's printToPDF (its default is about 1 cm). */
export const PDF_MARGINS_INCHES = {
  top: PDF_MARGINS_MM.top / 25.4,
  right: PDF_MARGINS_MM.right / 25.4,
  bottom: PDF_MARGINS_MM.bottom / 25.4,
  left: PDF_MARGINS_MM.left / 25.4,
};

/** The same margins as CSS lengths, for Playwright's page.pdf (its default is none). */
export const PDF_MARGINS_CSS = {
  top: `${PDF_MARGINS_MM.top}mm`,
  right: `${PDF_MARGINS_MM.right}mm`,
  bottom: `${PDF_MARGINS_MM.bottom}mm`,
  left: `${PDF_MARGINS_MM.left}mm`,
};
