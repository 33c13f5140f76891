import { promises as fs } from 'node:fs';
import { AppError } from '../../common/errors';

/**
 * Reads a file the person chose, never more than `cap` bytes, whatever the file system says its size is
 * (a symlink to a special file, a file still growing, or one swapped after a size check). Opens once,
 * checks it is a regular file, and reads at most cap + 1 bytes: one more than allowed means too large.
 */
export async function readCapped(filePath: string, cap: number, tooLarge: () => Error): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch {
    throw new AppError('INVALID_INPUT', 'Holding could not open that file: it may have been moved or deleted.');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AppError('INVALID_INPUT', 'That is not a file Holding can open.');
    if (stat.size > cap) throw tooLarge();
    // Read in pieces until the end, stopping as soon as there is more than the cap.
    const pieces: Buffer[] = [];
    let total = 0;
    for (;;) {
      const piece = Buffer.alloc(Math.min(1024 * 1024, cap + 1 - total));
      const { bytesRead } = await handle.read(piece, 0, piece.length, total);
      if (bytesRead === 0) break;
      pieces.push(piece.subarray(0, bytesRead));
      total += bytesRead;
      if (total > cap) throw tooLarge();
    }
    return new Uint8Array(Buffer.concat(pieces, total));
  } finally {
    await handle.close();
  }
}
