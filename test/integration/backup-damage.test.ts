/**
 * Damage refused, nothing restored: a flipped byte in every region of a backup and every 4 KiB truncation
 * are refused by inspect and restore, and the data folder (and the folder around it) is left exactly as
 * it was. A backup whose MAC is right but whose contents disagree with its header, or that comes from a
 * newer Holding, is refused too. And a backup folder that is unplugged, read-only or full gives a clear
 * sentence and loses nothing.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveMacKey, MacState } from '../../main/backup/format';
import { backupService, fillJournal, journalServices, tableHashes } from '../support/children/backup-fixture';
import { PASSPHRASE, tempDir } from '../support/temp';

/** Every file under `dir`, with a hash of its bytes: what "unchanged" means here. */
function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** A journal with this many entries and a backup of it: the services (still unlocked), the backups and the file. */
async function journalWithBackup(entries: number) {
  const s = await journalServices();
  fillJournal(s, entries);
  const folder = await tempDir('holding-backups-');
  const backups = backupService(s.vault);
  const record = await backups.backUp(folder);
  return { s, backups, file: path.join(folder, record.fileName) };
}

async function madeBackup() {
  const { s, backups, file } = await journalWithBackup(6);
  s.vault.lock();
  // Test only: the data key, to make backups whose MAC is right but whose insides are not.
  return { s, backups, file, bytes: readFileSync(file) };
}

describe('a damaged backup', () => {
  it('is refused for a flipped byte in every region and every 4 KiB truncation, with nothing restored', async () => {
    const { s, backups, file, bytes } = await madeBackup();
    const before = listing(s.parent);
    const h = bytes.readUInt32BE(12);
    const k = bytes.readUInt32BE(16 + h);
    const db = 28 + h + k;
    const d = bytes.length - 32 - db;
    const regions: [string, number][] = [
      ['magic', 3],
      ['version', 8],
      ['reserved', 10],
      ['header length', 14],
      ['header start', 17],
      ['header middle', 16 + Math.floor(h / 2)],
      ['header end', 16 + h - 2],
      ['key file length', 16 + h + 3],
      ['key file start', 20 + h],
      ['key file middle', 20 + h + Math.floor(k / 2)],
      ['key file end', 20 + h + k - 1],
      ['database length', 20 + h + k + 7],
      ['database start', db],
      ['database page 1 after its salt', db + 100],
      ['database middle', db + Math.floor(d / 2)],
      ['database end', db + d - 1],
      ['MAC start', bytes.length - 32],
      ['MAC end', bytes.length - 1],
    ];
    const damaged = path.join(await tempDir(), 'damaged.holdingbackup');
    const attempts: [string, Buffer][] = [
      ...regions.map(([name, at]): [string, Buffer] => [
        `flip ${name}`,
        Buffer.from(bytes.map((v, i) => (i === at ? v ^ 0x10 : v))),
      ]),
      ...Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i): [string, Buffer] => [
        `cut to ${i * 4096}`,
        bytes.subarray(0, i * 4096),
      ]),
    ];
    expect(attempts.length).toBeGreaterThan(40);
    const secret = { recoveryKey: s.recoveryKey };
    for (const [name, data] of attempts) {
      await fs.writeFile(damaged, data);
      const error = await backups.restore(damaged, secret).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(error, name).not.toBeNull();
      expect(['BACKUP_DAMAGED', 'NOT_A_BACKUP', 'DATABASE_FROM_FUTURE'], `${name}: ${error!.code}`).toContain(
        error!.code,
      );
      if (name.startsWith('flip database') || name.startsWith('flip MAC') || name === 'flip header middle') {
        expect(error!.code, name).toBe('BACKUP_DAMAGED');
        expect(error!.message).toMatch(/damaged.*An older backup may well be fine/);
      }
      expect(s.vault.isUnlocked(), name).toBe(false);
    }
    // The same through the passphrase, once: damage is not mistaken for a wrong passphrase.
    await fs.writeFile(damaged, attempts[regions.findIndex(([n]) => n === 'database middle')]![1]);
    await expect(backups.inspect(damaged, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
    await fs.writeFile(damaged, attempts[regions.findIndex(([n]) => n === 'key file middle')]![1]);
    await expect(backups.inspect(damaged, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });

    expect(listing(s.parent)).toEqual(before);
    // And the whole backup still restores.
    await backups.restore(file, secret);
    expect(s.vault.isUnlocked()).toBe(true);
  }, 240_000);

  it('is refused when its MAC is right but its rows are not those its header describes, or it is from a newer Holding', async () => {
    const { s, backups, bytes } = await madeBackup();
    await s.vault.unlockWithRecoveryKey(s.recoveryKey);
    const dataKey = Uint8Array.from((s.vault as unknown as { dataKey: Uint8Array }).dataKey);
    s.vault.lock();
    const before = listing(s.parent);
    const h = bytes.readUInt32BE(12);
    const header = bytes.subarray(16, 16 + h).toString('utf8');
    /** The backup with another header, and a MAC made with the right key, as only the journal's owner could. */
    const reheader = (text: string) => {
      const headerBytes = Buffer.from(text, 'utf8');
      const preamble = Buffer.from(bytes.subarray(0, 16));
      preamble.writeUInt32BE(headerBytes.length, 12);
      const body = Buffer.concat([preamble, headerBytes, bytes.subarray(16 + h, bytes.length - 32)]);
      const mac = new MacState(deriveMacKey(dataKey));
      mac.update(body);
      return Buffer.concat([body, mac.final()]);
    };
    const file = path.join(await tempDir(), 'forged.holdingbackup');
    const entries = /"entries":(\d+)/.exec(header)![1]!;
    const cases: [string, string, string][] = [
      ['a count', header.replace(`"entries":${entries}`, `"entries":${Number(entries) + 1}`), 'BACKUP_DAMAGED'],
      [
        'the digest',
        header.replace(/"contentDigest":"[0-9a-f]{64}"/, `"contentDigest":"${'0'.repeat(64)}"`),
        'BACKUP_DAMAGED',
      ],
      ['the schema version', header.replace(/"schemaVersion":\d+/, '"schemaVersion":999'), 'DATABASE_FROM_FUTURE'],
    ];
    for (const [name, text, code] of cases) {
      await fs.writeFile(file, reheader(text));
      await expect(backups.restore(file, { recoveryKey: s.recoveryKey }), name).rejects.toMatchObject({ code });
    }
    await fs.writeFile(file, reheader(header.replace(/"schemaVersion":\d+/, '"schemaVersion":999')));
    await expect(backups.inspect(file, { recoveryKey: s.recoveryKey })).rejects.toMatchObject({
      message: expect.stringMatching(/newer version of Holding\. Please update Holding/),
    });
    expect(listing(s.parent)).toEqual(before);
    expect(s.vault.isUnlocked()).toBe(false);
    dataKey.fill(0);
  }, 120_000);
});

describe('a backup folder that is unplugged, read-only or full', () => {
  const KEPT = /Nothing was lost: your journal is as it was\./;

  async function attempt(arrange: (folder: string) => Promise<Parameters<typeof backupService>[1]>) {
    const s = await journalServices();
    fillJournal(s, 4);
    const folder = await tempDir('holding-backups-');
    const first = await backupService(s.vault).backUp(folder);
    const journal = tableHashes(s.vault.db());
    const firstBytes = readFileSync(path.join(folder, first.fileName));
    const backups = backupService(s.vault, await arrange(folder));
    const error = await backups.backUp(folder).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    // Nothing lost or half-made: the journal as it was, one record, the earlier backup intact, no
    // partial file in the folder and no work folder in the data folder.
    expect(tableHashes(s.vault.db())).toEqual(journal);
    expect(backups.records().map((r) => r.id)).toEqual([first.id]);
    expect(readdirSync(s.dataDir).filter((n) => n.startsWith('.holding-backup'))).toEqual([]);
    let left: string[] = [];
    try {
      left = readdirSync(folder);
    } catch {
      // unplugged
    }
    expect(left.filter((n) => n !== first.fileName)).toEqual([]);
    if (left.length) expect(readFileSync(path.join(folder, first.fileName))).toEqual(firstBytes);
    return error!;
  }

  it('says it cannot reach a folder that has gone (a drive unplugged), before or during the backup', async () => {
    const gone = await attempt(async (folder) => {
      await fs.rm(folder, { recursive: true });
      return {};
    });
    expect(gone.code).toBe('BACKUP_FOLDER_UNAVAILABLE');
    expect(gone.message).toMatch(/cannot reach the backup folder.*not plugged in/);
    expect(gone.message).toMatch(KEPT);

    let pulled = false;
    const during = await attempt(async (folder) => ({
      hooks: {
        beforeWrite: (_file: string, position: number) => {
          if (position > 0 && !pulled) {
            pulled = true;
            // The folder vanishes mid-write, as when a USB drive is pulled out.
            return void fs.rm(folder, { recursive: true, force: true });
          }
        },
        onStep: () => undefined,
      },
    }));
    expect(pulled).toBe(true);
    expect(during.code).toBe('BACKUP_FOLDER_UNAVAILABLE');
    expect(during.message).toMatch(KEPT);
  }, 120_000);

  it('says so for a read-only folder', async () => {
    // Root ignores permission bits, so as root (CI) the system's answer is stood in for: EROFS at create.
    const asRoot = process.getuid?.() === 0;
    const error = await attempt(async (folder) => {
      if (!asRoot) {
        await fs.chmod(folder, 0o555);
        return {};
      }
      return {
        hooks: {
          beforeCreate: () => {
            throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
          },
        },
      };
    });
    expect(error.code).toBe('BACKUP_FOLDER_UNAVAILABLE');
    expect(error.message).toMatch(/not allowed to write in the backup folder.*read-only/);
    expect(error.message).toMatch(KEPT);
  }, 60_000);

  it('says so for a full drive (ENOSPC part-way through writing), removing the partial file', async () => {
    let thrown = false;
    const error = await attempt(async () => ({
      hooks: {
        beforeWrite: (_file: string, position: number) => {
          if (position > 8192) {
            thrown = true;
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
        },
      },
    }));
    expect(thrown).toBe(true);
    expect(error.code).toBe('BACKUP_FOLDER_UNAVAILABLE');
    expect(error.message).toMatch(/drive with the backup folder is full/);
    expect(error.message).toMatch(KEPT);
  }, 60_000);
});

describe('what an interrupted backup left', () => {
  it('is cleaned on the next run: work folders, this computer’s partial files, and other computers’ only when a day old', async () => {
    const s = await journalServices();
    const folder = await tempDir('holding-backups-');
    const work = path.join(s.dataDir, '.holding-backup-work-0123456789ab');
    await fs.mkdir(work);
    await fs.writeFile(path.join(work, 'snapshot.db'), 'x');
    const mine = path.join(folder, '.holding-backup-May-s-Laptop-0123456789ab.partial');
    const theirsNew = path.join(folder, '.holding-backup-Other-PC-0123456789ab.partial');
    const theirsOld = path.join(folder, '.holding-backup-Other-PC-ba9876543210.partial');
    const notOurs = path.join(folder, '.holding-backup-notes.txt');
    for (const f of [mine, theirsNew, theirsOld, notOurs]) await fs.writeFile(f, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await fs.utimes(theirsOld, twoDaysAgo, twoDaysAgo);
    const record = await backupService(s.vault).backUp(folder);
    expect(readdirSync(folder).sort()).toEqual(
      [record.fileName, path.basename(theirsNew), path.basename(notOurs)].sort(),
    );
    expect(readdirSync(s.dataDir).filter((n) => n.startsWith('.holding-backup'))).toEqual([]);
  }, 60_000);

  it('beside the data folder, what an interrupted restore left is removed by the next; inspecting changes nothing', async () => {
    const { s, backups, file } = await journalWithBackup(2);
    const stale = path.join(s.parent, '.Holding.restoring-0123456789ab');
    const notOurs = path.join(s.parent, '.Holding.restoring-notes');
    await fs.mkdir(stale);
    await fs.writeFile(path.join(stale, 'holding.db'), 'half a restore');
    await fs.mkdir(notOurs);
    const before = listing(s.parent);
    await backups.inspect(file, { recoveryKey: s.recoveryKey });
    expect(listing(s.parent)).toEqual(before);
    const { setAsideFolder } = await backups.restore(file, { recoveryKey: s.recoveryKey });
    expect(readdirSync(s.parent).sort()).toEqual(
      ['.Holding.restoring-notes', 'Holding', path.basename(setAsideFolder!)].sort(),
    );
  }, 60_000);
});
