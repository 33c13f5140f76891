import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { removeStaleTemps, STALE_TEMP_MS, writeFileAtomic } from '../../main/fs/atomic';
import { tempDir } from '../support/temp';

describe('atomic file writes', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'key');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['key']);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the previous file whole when the write fails part-way', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'key');
    await writeFileAtomic(file, 'the previous contents');
    const sync = vi.spyOn((await fs.open(file, 'r')).constructor.prototype as { sync: () => Promise<void> }, 'sync');
    sync.mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    await expect(writeFileAtomic(file, 'the new contents')).rejects.toThrow(/disk full/);
    sync.mockRestore();
    expect(readFileSync(file, 'utf8')).toBe('the previous contents');
    expect(readdirSync(dir)).toEqual(['key']);
  });

  it('fails clearly in a folder it cannot write to, leaving nothing', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(path.join(dir, 'missing', 'key'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes what a crash mid-write left, and only that (issue 19)', async () => {
    const dir = await tempDir();
    const old = new Date(Date.now() - STALE_TEMP_MS - 5_000);
    const make = async (name: string, when = old) => {
      await fs.writeFile(path.join(dir, name), '');
      await fs.utimes(path.join(dir, name), when, when);
    };
    await make('.Holding export 2026-12-05.pdf.0123456789ab.tmp'); // left by a crash: removed
    await make('.holding.key.abcdef012345.tmp'); // removed
    await make('.Holding export.md.fedcba987654.tmp', new Date()); // a minute old at most: maybe being written
    await make('.notes.tmp'); // not our shape
    await make('.Holding export.pdf.0123456789AB.tmp'); // not our shape (upper case)
    await make('Holding export.pdf'); // the export itself
    await fs.mkdir(path.join(dir, '.folder.0123456789ab.tmp'));
    await fs.symlink('/etc/hostname', path.join(dir, '.link.0123456789ab.tmp'));

    expect((await removeStaleTemps(dir)).sort()).toEqual([
      '.Holding export 2026-12-05.pdf.0123456789ab.tmp',
      '.holding.key.abcdef012345.tmp',
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      '.Holding export.md.fedcba987654.tmp',
      '.Holding export.pdf.0123456789AB.tmp',
      '.folder.0123456789ab.tmp',
      '.link.0123456789ab.tmp',
      '.notes.tmp',
      'Holding export.pdf',
    ]);
    // A folder that cannot be read is passed over.
    expect(await removeStaleTemps(path.join(dir, 'missing'))).toEqual([]);
  });
});
