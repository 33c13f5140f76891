/** Bundle files by name: which paths are bundles, and what a new one is called. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARE_EXTENSION } from '../../common/sharing/types';

/** A bundle file is known by its extension, whatever its case. */
export function isBundleFile(filePath: string): boolean {
  return path.extname(filePath).toLowerCase() === `.${SHARE_EXTENSION}`;
}

/**
 * The bundle files among a program's arguments: how Windows and Linux hand over a file opened from the
 * file manager (at start, or to the running app through second-instance). Options and the app's own
 * arguments are skipped.
 */
export function bundlePathsIn(argv: readonly string[], cwd = process.cwd()): string[] {
  const paths: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg) && !/^file:/i.test(arg)) continue; // a web address, not a file
    // Linux desktop files may pass file:// URIs (%U), with spaces and accents percent-encoded.
    const file = /^file:/i.test(arg) ? pathOfFileUri(arg) : path.resolve(cwd, arg);
    if (file && isBundleFile(file)) paths.push(file);
  }
  return paths;
}

function pathOfFileUri(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null; // another host's file (file://server/…) or a malformed address: not ours to open
  }
}

/** File names say nothing of who or what: they show in e-mails and folders, outside the encryption. */
export function bundleFileName(kind: 'share' | 'feedback', day: string): string {
  return `${kind === 'share' ? 'Holding share' : 'Holding feedback'} ${day}.${SHARE_EXTENSION}`;
}
