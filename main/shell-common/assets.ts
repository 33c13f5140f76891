import { createHash } from 'node:crypto';
import path from 'node:path';
import { EXPORT_CSS } from '../../common/export/html';

/**
 * What both hosts (Electron's protocol handler and the browser shell's request routing) need
 * to serve the renderer the same way. Plain Node, no Electron.
 */
export const APP_SCHEME = 'holding';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/**
 * The export preview shows the export's own HTML in a sandboxed frame; its one inline stylesheet is
 * allowed by hash, so no other inline style can run.
 */
export const EXPORT_STYLE_HASH = `'sha256-${createHash('sha256').update(EXPORT_CSS, 'utf8').digest('base64')}'`;

/** No remote origins, no inline script, no eval, no plugins, no framing of the app itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${EXPORT_STYLE_HASH}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeFor(ext: string): string {
  return TYPES[ext.toLowerCase()] ?? 'application/octet-stream';
}

/** Maps a request URL to a file inside `rootDir`, or null if it would escape it. */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/** Links a person may open outside the app (after confirming): the same rule as links in entries. */
export { isSafeHref as isExternalLinkAllowed } from '../../common/journal/doc';
