/**
 * An independent reader: test/support/backup_reader.py follows docs/backup-format.md with PyNaCl (Debian's
 * python3-nacl) and Python's hashlib, and must unwrap the data key with the passphrase and check the MAC
 * of what the app makes, and refuse what the app refuses. .ci/run installs python3-nacl; where it is
 * missing this test says so and skips.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backupService, fillJournal, journalServices } from '../support/children/backup-fixture';
import { PASSPHRASE, tempDir } from '../support/temp';

const READER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'backup_reader.py');
const PYTHON = '/usr/bin/python3';
const hasNacl = spawnSync(PYTHON, ['-c', 'import nacl.bindings'], { stdio: 'ignore' }).status === 0;

function readWithPython(file: string, passphrase: string): { status: number; out: string; err: string } {
  const run = spawnSync(PYTHON, [READER, file], { input: `${passphrase}\n`, encoding: 'utf8' });
  return { status: run.status ?? -1, out: run.stdout, err: run.stderr.trim() };
}

/** The same backup with its header replaced by `text` (lengths kept consistent; the MAC is then wrong). */
function withHeader(bytes: Buffer, text: string): Buffer {
  const h = bytes.readUInt32BE(12);
  const header = Buffer.from(text, 'utf8');
  const preamble = Buffer.from(bytes.subarray(0, 16));
  preamble.writeUInt32BE(header.length, 12);
  return Buffer.concat([preamble, header, bytes.subarray(16 + h)]);
}

describe('the backup format, read by an independent implementation', () => {
  it.skipIf(!hasNacl)(
    `PyNaCl unwraps the data key with the passphrase and checks the MAC, and refuses damage${hasNacl ? '' : ' (skipped: python3-nacl is not installed)'}`,
    async () => {
      const s = await journalServices();
      fillJournal(s, 4);
      const folder = await tempDir('holding-backups-');
      const record = await backupService(s.vault).backUp(folder);
      const file = path.join(folder, record.fileName);
      // Test only: the data key, to compare with what the reader unwraps.
      const dataKey = Buffer.from((s.vault as unknown as { dataKey: Uint8Array }).dataKey).toString('hex');
      const vaultId = JSON.parse(readFileSync(s.vault.keyFilePath, 'utf8')).vaultId as string;

      const read = readWithPython(file, PASSPHRASE);
      expect(read.err).toBe('');
      const parsed = JSON.parse(read.out) as {
        header: { vaultId: string; computer: string; counts: Record<string, number>; madeAt: string };
        dataKey: string;
      };
      expect(parsed.dataKey).toBe(dataKey);
      expect(parsed.header.vaultId).toBe(vaultId);
      expect(parsed.header.madeAt).toBe(record.madeAt);
      expect(parsed.header.counts['entries']).toBe(4);

      const bytes = readFileSync(file);
      const h = bytes.readUInt32BE(12);
      const header = bytes.subarray(16, 16 + h).toString('utf8');
      const cases: [string, Buffer, string][] = [
        ['wrong passphrase', bytes, 'wrong-passphrase'],
        [
          'a flipped bit in the database',
          Buffer.from(bytes.map((v, i) => (i === bytes.length - 5000 ? v ^ 1 : v))),
          'bad-mac',
        ],
        [
          'a flipped bit in the MAC',
          Buffer.from(bytes.map((v, i) => (i === bytes.length - 1 ? v ^ 0x80 : v))),
          'bad-mac',
        ],
        ['a count changed in the header', withHeader(bytes, header.replace('"entries":4', '"entries":5')), 'bad-mac'],
        ['cut short', bytes.subarray(0, bytes.length - 4096), 'truncated'],
        ['trailing bytes', Buffer.concat([bytes, Buffer.from([0])]), 'trailing-bytes'],
        ['unknown version', Buffer.from(bytes.map((v, i) => (i === 8 ? 2 : v))), 'unknown-version'],
        ['not a backup', Buffer.from('SQLite format 3\0'), 'not-a-backup'],
        [
          'a member given twice',
          withHeader(bytes, header.replace('{"vaultId"', '{"vaultId":"x","vaultId"')),
          'malformed',
        ],
        ['white space in the header', withHeader(bytes, header.replace(',"madeAt"', ', "madeAt"')), 'malformed'],
      ];
      const dir = await tempDir();
      for (const [name, data, reason] of cases) {
        const damaged = path.join(dir, `${name}.holdingbackup`);
        writeFileSync(damaged, data);
        const result = readWithPython(damaged, name === 'wrong passphrase' ? 'not the passphrase' : PASSPHRASE);
        expect(result.err, name).toBe(reason);
        expect(result.status, name).toBe(2);
      }
    },
    120_000,
  );
});
