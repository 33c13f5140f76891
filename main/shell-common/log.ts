/**
 * What Holding writes to its log (stderr, which often ends up in the system journal): the kind of
 * error and where it came from, never what a person wrote. Addresses are replaced, because an
 * error from Chromium carries the URL it failed to load, and a long message is cut short.
 */
const ADDRESS = /\b(?:data|blob|file|https?|holding(?:-print)?):[^\s'"`)]*/gi;
const MAX_MESSAGE = 240;

function scrub(text: string): string {
  const cleaned = text.replace(ADDRESS, (match) => `${match.split(':', 1)[0]}:…`);
  return cleaned.length > MAX_MESSAGE ? `${cleaned.slice(0, MAX_MESSAGE)}… (${cleaned.length} characters)` : cleaned;
}

/** One log entry for a failed call: the error's name and code, a scrubbed message and the stack's frames. */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return `a ${typeof error} was thrown`;
  const code = (error as { code?: unknown }).code;
  const head = `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''}: ${scrub(error.message)}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => scrub(line));
  return [head, ...frames].join('\n');
}
