/**
 * What the person chose to import, seen the same way whether it is a zip, a folder or one file: a list
 * of files by their path inside it, each read on demand with a cap. Everything hostile is dealt with
 * here, once, before any source sees a name: names that climb out (`../`), absolute names, symbolic
 * links, too many files, a zip that claims or turns out to hold more than it may (a zip bomb).
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { SkippedItem } from '../../common/import/types';
import { ImportRefusedError } from './errors';

/** More files than any journal's export holds: 100,000 tiny files are refused before any is read. */
export const MAX_FILES = 50_000;
/** Every file read, together: more than this is not a journal. */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
/** How deep a folder may go. */
export const MAX_FOLDER_DEPTH = 32;
/** Deflate cannot shrink real text by more than about this much; a zip entry claiming more is a bomb. */
export const MAX_RATIO = 200;
/** Below this, a high ratio is harmless (a file of spaces). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface InputFile {
  /** The path inside the zip or folder, with forward slashes, never starting with / and never with `..`. */
  path: string;
  /** Bytes, as the file system or the zip's directory says: checked again while reading. */
  size: number;
  modifiedAt: Date | null;
}

export interface InputFiles {
  kind: 'zip' | 'folder' | 'file';
  /** The name of what was chosen, without its folder. */
  name: string;
  files: readonly InputFile[];
  /** What the listing itself left out (links, hidden folders), for the preview. */
  skipped: SkippedItem[];
  /** The whole file, never more than `cap` bytes (a file that turns out larger is refused). */
  read(file: InputFile, cap: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

const SYMLINK = 0o120000;
const FILE_TYPE = 0o170000;

/** Adds one to a counted skip, keeping a few names as examples. */
export function addSkipped(list: SkippedItem[], what: string, why: string, example?: string): void {
  let item = list.find((s) => s.what === what && s.why === why);
  if (!item) {
    item = { what, why, count: 0, examples: [] };
    list.push(item);
  }
  item.count += 1;
  if (example && item.examples.length < 3) item.examples.push(example.slice(0, 120));
}

const tooMany = () =>
  new ImportRefusedError(
    `It holds more than ${MAX_FILES.toLocaleString('en-GB')} files, which is more than any journal’s export Holding knows of. Nothing was imported.`,
  );
const tooLarge = () =>
  new ImportRefusedError(
    'It unpacks to far more than a journal could hold, so it was not opened any further. Nothing was imported.',
  );

/** A name from a zip or a folder: relative, forward slashes, no `.` or `..` parts. Null if it is not. */
export function safeRelativePath(name: string): string | null {
  if (!name || name.length > 1024 || name.includes('\\') || name.includes('\u0000')) return null;
  // A drive ("C:" alone or "C:/…"), not a note called "Q: what went well.md".
  if (name.startsWith('/') || /^[a-zA-Z]:(\/|$)/.test(name)) return null;
  const parts = name.split('/').filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => p === '..' || p === '.')) return null;
  return parts.join('/');
}

/** Opens what the person chose: a folder, a zip (by its contents, not its name), or any other file on its own. */
export async function openInput(chosen: string): Promise<InputFiles> {
  let stat;
  try {
    stat = await fs.lstat(chosen);
  } catch {
    throw new ImportRefusedError('Holding could not open that: it may have been moved or deleted.');
  }
  if (stat.isSymbolicLink()) {
    // The person chose it by name: follow this one link, but no link inside it.
    stat = await fs.stat(chosen).catch(() => null);
    if (!stat) throw new ImportRefusedError('Holding could not open that: it points to something that is not there.');
  }
  if (stat.isDirectory()) return openFolder(chosen);
  if (!stat.isFile()) throw new ImportRefusedError('That is not a file or a folder Holding can read.');
  if (await looksLikeZip(chosen)) return openZip(chosen);
  return oneFile(chosen, stat.size, stat.mtime);
}

async function looksLikeZip(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/** Reads a file from the disk, refusing one that grows past its cap between listing and reading. */
async function readFileCapped(full: string, cap: number, shownAs: string, follow = false): Promise<Uint8Array> {
  // O_NOFOLLOW: a file swapped for a link after the listing is not followed.
  const flags = follow ? constants.O_RDONLY : constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);
  const handle = await fs.open(full, flags).catch(() => null);
  if (!handle) throw new ImportRefusedError(`Holding could not read “${shownAs}”.`);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ImportRefusedError(`“${shownAs}” is not an ordinary file.`);
    if (stat.size > cap) throw fileTooLarge(shownAs);
    const buffer = Buffer.alloc(Math.min(stat.size, cap) + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) throw fileTooLarge(shownAs);
      if (total === buffer.length) break;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, total);
  } finally {
    await handle.close();
  }
}

export function fileTooLarge(shownAs: string): ImportRefusedError {
  return new ImportRefusedError(
    `“${shownAs.slice(0, 120)}” is larger than Holding will read for one journal file. Nothing was imported.`,
  );
}

function oneFile(chosen: string, size: number, mtime: Date): InputFiles {
  const name = path.basename(chosen);
  const file: InputFile = { path: name, size, modifiedAt: mtime };
  return {
    kind: 'file',
    name,
    files: [file],
    skipped: [],
    read: (_file, cap) => readFileCapped(chosen, cap, name, true),
    close: async () => undefined,
  };
}

/**
 * Walks a folder without following links: a link inside it (to a file or a folder, anywhere) is left
 * out with a note, so nothing outside the chosen folder is ever read. Hidden files and folders (an app's
 * settings, such as `.obsidian`, or its trash) are left out too.
 */
async function openFolder(root: string): Promise<InputFiles> {
  const files: InputFile[] = [];
  const skipped: SkippedItem[] = [];
  let seen = 0;
  let bytes = 0;
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    if (depth > MAX_FOLDER_DEPTH) {
      addSkipped(
        skipped,
        'Folders nested very deeply',
        'They go deeper than any journal’s folders, so Holding did not look inside.',
        rel,
      );
      return;
    }
    const names = await fs.readdir(dir, { withFileTypes: true });
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of names) {
      seen += 1;
      if (seen > MAX_FILES) throw tooMany();
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.')) {
        addSkipped(
          skipped,
          'Hidden files and folders',
          'They hold an app’s own settings or its trash, not your writing.',
          relPath,
        );
        continue;
      }
      if (entry.isSymbolicLink()) {
        addSkipped(
          skipped,
          'Links to other places',
          'Holding reads only what is inside the folder you chose.',
          relPath,
        );
        continue;
      }
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full, relPath, depth + 1);
      } else if (entry.isFile()) {
        const stat = await fs.lstat(full);
        if (!stat.isFile()) continue;
        bytes += stat.size;
        if (bytes > MAX_TOTAL_BYTES) throw tooLarge();
        const safe = safeRelativePath(relPath);
        if (safe) files.push({ path: safe, size: stat.size, modifiedAt: stat.mtime });
      }
    }
  };
  try {
    await walk(root, '', 0);
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    throw new ImportRefusedError('Holding could not read everything in that folder. Nothing was imported.');
  }
  return {
    kind: 'folder',
    name: path.basename(root),
    files,
    skipped,
    read: (file, cap) => readFileCapped(path.join(root, ...file.path.split('/')), cap, file.path),
    close: async () => undefined,
  };
}

/**
 * Lists a zip from its central directory (yauzl: streaming, and it refuses names with `..`, absolute
 * names and backslashes itself). Counts and declared sizes are checked before any entry is unpacked;
 * the real sizes are checked again while unpacking (yauzl's validateEntrySizes, and our own count).
 */
async function openZip(file: string): Promise<InputFiles> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch {
    throw new ImportRefusedError('That zip file is damaged or not a zip Holding can read. Nothing was imported.');
  }
  try {
    if (zip.entryCount > MAX_FILES) throw tooMany();
    const files: InputFile[] = [];
    const entries = new Map<string, yauzl.Entry>();
    const skipped: SkippedItem[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = entry.fileName;
        if (name.endsWith('/')) continue; // a folder
        const safe = safeRelativePath(name);
        if (!safe)
          throw new ImportRefusedError('It holds a file whose name points outside the zip. Nothing was imported.');
        const mode = (entry.externalFileAttributes >>> 16) & FILE_TYPE;
        if (mode === SYMLINK) {
          throw new ImportRefusedError(
            'It holds a link to somewhere outside it, which a journal’s export never does. Nothing was imported.',
          );
        }
        if (entry.isEncrypted()) {
          throw new ImportRefusedError(
            'It is protected with a password. Please unzip it yourself, then choose the folder. Nothing was imported.',
          );
        }
        declared += entry.uncompressedSize;
        if (declared > MAX_TOTAL_BYTES) throw tooLarge();
        if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > entry.compressedSize * MAX_RATIO) {
          throw tooLarge();
        }
        if (safe.split('/').some((part) => part.startsWith('.')) || safe.startsWith('__MACOSX/')) {
          addSkipped(
            skipped,
            'Hidden files and folders',
            'They hold an app’s own settings or its trash, not your writing.',
            safe,
          );
          continue;
        }
        if (entries.has(safe))
          throw new ImportRefusedError(
            'It holds two files with the same name, so Holding cannot tell which is meant. Nothing was imported.',
          );
        entries.set(safe, entry);
        files.push({ path: safe, size: entry.uncompressedSize, modifiedAt: entry.getLastModDate() });
      }
    } catch (error) {
      if (error instanceof ImportRefusedError) throw error;
      throw new ImportRefusedError(
        'That zip file is damaged or holds names Holding cannot accept. Nothing was imported.',
      );
    }
    let unpacked = 0;
    return {
      kind: 'zip',
      name: path.basename(file),
      files,
      skipped,
      read: async (input, cap) => {
        const entry = entries.get(input.path);
        if (!entry) throw new ImportRefusedError(`“${input.path}” is not in the zip.`);
        if (entry.uncompressedSize > cap) throw fileTooLarge(input.path);
        let stream: Readable;
        try {
          stream = await zip.openReadStreamPromise(entry);
        } catch {
          throw new ImportRefusedError(`“${input.path}” in the zip is damaged. Nothing was imported.`);
        }
        const pieces: Buffer[] = [];
        let total = 0;
        try {
          for await (const piece of stream as AsyncIterable<Buffer>) {
            total += piece.length;
            unpacked += piece.length;
            if (total > cap) throw fileTooLarge(input.path);
            if (unpacked > MAX_TOTAL_BYTES) throw tooLarge();
            pieces.push(piece);
          }
        } catch (error) {
          stream.destroy();
          if (error instanceof ImportRefusedError) throw error;
          throw new ImportRefusedError(`“${input.path}” in the zip is damaged. Nothing was imported.`);
        }
        const joined = Buffer.concat(pieces, total);
        return new Uint8Array(joined.buffer, joined.byteOffset, total);
      },
      close: async () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}
