/**
 * Reads another process's memory from outside it (Linux: /proc/<pid>/maps and /proc/<pid>/mem, which the
 * parent of a process may read) and counts where given byte strings occur. Used by
 * test/integration/memory-after-lock.test.ts to look for keys and secrets left behind after a lock.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';

export interface Needle {
  /** What it is, as the test reports it ("data key (raw)", "passphrase (UTF-16LE)"...). */
  name: string;
  bytes: Buffer;
}

export interface Hit {
  needle: string;
  address: number;
  /** The mapping it was found in, as /proc/<pid>/maps names it ("[heap]", "[anon]", a file). */
  region: string;
}

export interface ScanResult {
  hits: Hit[];
  /** Bytes read, and bytes of readable mappings that could not be read (reported, never silently passed over). */
  scannedBytes: number;
  unreadable: { region: string; bytes: number }[];
}

/** Whether this system lets a parent read its child's memory as the test needs. */
export function canScanMemory(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux') {
    return { ok: false, reason: `reading another process's memory needs Linux's /proc (this is ${process.platform})` };
  }
  if (!existsSync(`/proc/${process.pid}/mem`)) return { ok: false, reason: '/proc/<pid>/mem is not available here' };
  return { ok: true };
}

interface Region {
  start: number;
  end: number;
  name: string;
}

function readableRegions(pid: number): Region[] {
  const regions: Region[] = [];
  for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) {
    if (!line) continue;
    const parts = line.split(/\s+/);
    const [range, perms] = parts as [string, string];
    if (!perms.startsWith('r')) continue;
    const [start, end] = range.split('-').map((hex) => Number.parseInt(hex, 16)) as [number, number];
    const size = end - start;
    const sized = size >= 2 ** 20 ? `${Math.round(size / 2 ** 20)} MiB` : `${Math.round(size / 1024)} KiB`;
    const name = parts.slice(5).join(' ') || `[anon ${sized}]`;
    // The kernel's own pages: never ours, and reading [vvar] fails.
    if (['[vvar]', '[vsyscall]', '[vvar_vclock]'].includes(name)) continue;
    regions.push({ start, end, name });
  }
  return regions;
}

/** Every occurrence of every needle in the readable memory of process `pid`. */
export function scanProcessMemory(pid: number, needles: readonly Needle[]): ScanResult {
  const longest = Math.max(...needles.map((n) => n.bytes.length));
  const CHUNK = 8 * 1024 * 1024;
  const buffer = Buffer.alloc(CHUNK + longest);
  const hits: Hit[] = [];
  const unreadable: ScanResult['unreadable'] = [];
  let scannedBytes = 0;
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  try {
    for (const region of readableRegions(pid)) {
      for (let at = region.start; at < region.end; at += CHUNK) {
        // Each chunk overlaps the next by a needle's length, so nothing straddling the seam is missed.
        const length = Math.min(CHUNK + longest - 1, region.end - at);
        let got = 0;
        try {
          got = readSync(fd, buffer, 0, length, at);
        } catch {
          got = 0;
        }
        if (got < Math.min(length, CHUNK)) {
          unreadable.push({ region: region.name, bytes: Math.min(length, CHUNK) - got });
        }
        scannedBytes += Math.min(got, CHUNK);
        const view = buffer.subarray(0, got);
        for (const needle of needles) {
          for (let i = view.indexOf(needle.bytes); i !== -1; i = view.indexOf(needle.bytes, i + 1)) {
            // Found in the overlap: it is counted with the next chunk.
            if (i >= CHUNK) break;
            hits.push({ needle: needle.name, address: at + i, region: region.name });
          }
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return { hits, scannedBytes, unreadable };
}

/** A text as V8 may hold it: one byte a character (Latin-1/ASCII) and two (UTF-16LE). */
export function textNeedles(name: string, text: string): Needle[] {
  const needles = [
    { name: `${name} (one-byte)`, bytes: Buffer.from(text, 'latin1') },
    { name: `${name} (UTF-16LE)`, bytes: Buffer.from(text, 'utf16le') },
  ];
  const utf8 = Buffer.from(text, 'utf8');
  if (!utf8.equals(needles[0]!.bytes)) needles.push({ name: `${name} (UTF-8)`, bytes: utf8 });
  return needles;
}
