/**
 * What Holding writes to its log (stderr, which often ends up in the system journal): the kind of
 * error and where in the code it came from, never what a person wrote or where they keep it. Quoted
 * text, addresses (an error from Chromium carries the URL it failed to load) and file paths (which
 * name people: "/home/sam/Feedback from Ama.holdingbundle") are replaced, and a long message is cut
 * short.
 */
const QUOTED = /'[^']*'|"[^"]*"|`[^`]*`|\u2018[^\u2019]*\u2019|\u201c[^\u201d]*\u201d/g;
const ADDRESS =
  /\b(?:data|blob|file|https?|mailto|tel|holding(?:-print)?):[^\s)]*|\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s)]*/gi;
/** POSIX, drive-letter and UNC paths; in a stack frame the last part (a file of ours) is kept. */
const PATH = /(?:[A-Za-z]:[\\/]|\\\\|\/)(?:[^\s()\\/:]+[\\/])+([^\s()\\/]*)/g;
const MAX_MESSAGE = 240;

function scrub(text: string, keepFileName = false): string {
  const cleaned = text
    .replace(QUOTED, (match) => `${match[0]}…${match.at(-1)}`)
    .replace(ADDRESS, (match) => `${match.split(':', 1)[0]}:…`)
    .replace(PATH, (_match, last: string) => (keepFileName ? `…/${last}` : '…'));
  return cleaned.length > MAX_MESSAGE ? `${cleaned.slice(0, MAX_MESSAGE)}… (${cleaned.length} characters)` : cleaned;
}

/** One log entry for a failure: the error's name and code, a scrubbed message and the stack's frames. */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return `something other than an Error was thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const head = `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''}: ${scrub(error.message)}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => scrub(line, true));
  return [head, ...frames].join('\n');
}
