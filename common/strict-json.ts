/**
 * JSON read as strictly as Holding writes it: a member named twice in one object is refused, not
 * settled by "the last one wins". Two readers of one file (Holding and another program, or two
 * versions of Holding) must never see two different values in it, so the formats say "exactly
 * these members" and mean it (docs/bundle-format.md, docs/backup-format.md).
 *
 * JSON.parse does the parsing; this adds one pass over the text it has accepted. A JSON AST library
 * (@humanwhocodes/momoa) would do the same check, but measured 80 times slower than JSON.parse on a
 * 9 MB share (7 s), and a share's payload can be tens of megabytes.
 */
export class DuplicateMemberError extends Error {
  constructor(readonly member: string) {
    super(`the member "${member.slice(0, 100)}" appears twice in one object`);
    this.name = 'DuplicateMemberError';
  }
}

export function parseStrictJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  assertNoDuplicateMembers(text);
  return value;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** For text JSON.parse has accepted: throws DuplicateMemberError at the first member named twice. */
function assertNoDuplicateMembers(text: string): void {
  // One entry per open object (the names seen so far) or array (null).
  const open: (Set<string> | null)[] = [];
  let expectName = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      for (i++; text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
      if (!expectName) continue;
      expectName = false;
      const raw = text.slice(start, i + 1);
      // "a" and "\u0061" name the same member: compare names as JSON reads them.
      const name = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      const names = open[open.length - 1]!;
      if (names.has(name)) throw new DuplicateMemberError(name);
      names.add(name);
    } else if (c === 0x7b /* { */) {
      open.push(new Set());
      expectName = true;
    } else if (c === 0x5b /* [ */) {
      open.push(null);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      expectName = false;
    } else if (c === 0x2c /* , */) {
      expectName = (open[open.length - 1] ?? null) !== null;
    }
  }
}
