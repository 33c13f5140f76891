import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../main/fs/atomic';
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
});
