/**
 * File names inside the export that every system can unpack: Windows, macOS and Linux, on case-sensitive
 * and case-insensitive disks alike. A person's title becomes a name with nothing a system forbids or
 * treats specially (separators, `<>:"|?*`, control characters, a trailing dot or space, Windows' reserved
 * device names such as CON or LPT1), short enough for any file system, and unique in its folder however
 * it is cased: two entries written in the same second under the same title get " (2)", " (3)"…
 */

/** Names Windows keeps for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/** At most this many UTF-8 bytes in a name's stem: most file systems allow 255 for the whole name. */
export const MAX_STEM_BYTES = 120;

function cutToBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > max) break;
    out += char;
    bytes += size;
  }
  return out;
}

/** One safe path segment (no extension) from any text; `fallback` when nothing of it is left. */
export function safeStem(text: string, fallback: string): string {
  let stem = text.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  stem = cutToBytes(stem, MAX_STEM_BYTES)
    .replace(/[. ]+$/u, '')
    .replace(/^[. ]+/u, '');
  if (!stem) stem = fallback;
  if (RESERVED.test(stem)) stem = `${stem} (entry)`;
  return stem;
}

/** Hands out names unique within each folder, compared as a case-insensitive disk would compare them. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** `folder/stem.ext`, or `folder/stem (n).ext` when that is taken (in any case). */
  take(folder: string, stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const name = `${folder}/${n === 1 ? stem : `${stem} (${n})`}.${extension}`;
      const key = name.normalize('NFC').toLocaleLowerCase('en-GB');
      if (this.taken.has(key)) continue;
      this.taken.add(key);
      return name;
    }
  }
}
