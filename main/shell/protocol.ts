import { promises as fs } from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppAsset } from '../shell-common/assets';
import { PRINT_SCHEME } from '../shell-common/print';

/**
 * Must run before the app is ready, and only once (Electron takes one list). The app's own scheme
 * keeps V8's code cache, so the renderer's script is not compiled afresh at every launch; the print
 * scheme serves one document at a time to the hidden print window.
 */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: PRINT_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

/** Serves the built renderer from holding://app/, with the CSP as a header as well as a meta tag. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererDir, request.url);
    // No body: Chromium shows a 404 that has one as the page, where an empty one fails the load
    // (and the window then says Holding could not open).
    if (!file) return new Response(null, { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(path.extname(file)),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
