import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docFromParagraphs, plainTextOf } from '../../common/journal/doc';
import { openEncryptedDatabase } from '../../main/db/open';
import { JournalService } from '../../main/journal/journal';
import { TemplateService } from '../../main/journal/templates';
import { Vault } from '../../main/vault/vault';
import { type Ack, bundledChildren, dataKeyHex, parseAck, startChild } from '../support/kill-child';
import { PASSPHRASE, tempDir } from '../support/temp';

const KILLS = Number(process.env['CRASH_KILLS'] ?? 120);

const writer = bundledChildren(['journal-writer'], 'crash-child-');

/** Starts the writer, kills it 5–250 ms after its first acknowledged save, and returns its acks in order. */
async function runAndKill(dbPath: string, keyHex: string): Promise<[string, Ack][]> {
  const acks: [string, Ack][] = [];
  let unexpected: string | null = null;
  const child = startChild(
    writer('journal-writer'),
    [dbPath],
    { HOLDING_TEST_DB_KEY: keyHex },
    {
      onLine: (line) => {
        if (unexpected !== null) return;
        const ack = parseAck(line);
        if (!ack) {
          unexpected = line;
          child.proc.kill('SIGKILL');
          return;
        }
        acks.push(ack);
        child.killIn(5 + Math.random() * 245);
      },
    },
  );
  const { killed, code, stderr } = await child.ended;
  if (unexpected !== null) throw new Error(`unexpected line from writer: ${unexpected}`);
  if (!killed) throw new Error(`writer exited by itself (${String(code)}): ${stderr}`);
  return acks;
}

const digestOf = (title: string, text: string) => createHash('sha256').update(`${title}\u0000${text}`).digest('hex');

describe('journal saves under SIGKILL', () => {
  it(`keep the database whole and every acknowledged save, across ${KILLS} kills`, async () => {
    const dataDir = await tempDir('holding-crash-');
    const vault = new Vault({ dataDir, inProcess: true });
    await vault.create(PASSPHRASE);
    // Test only: the child needs the raw data key; copy it before lock() wipes it.
    const keyHex = dataKeyHex(vault);
    const key = Uint8Array.from(Buffer.from(keyHex, 'hex'));
    const journal = new JournalService(vault, new TemplateService(vault));
    const acknowledged = new Map<string, Ack>();
    for (const title of ['First', 'Second', 'Third']) {
      const entry = journal.create({ title });
      const body = docFromParagraphs([`The ${title.toLowerCase()} entry, written before any crash.`]);
      const { version } = journal.save({
        id: entry.id,
        title,
        body,
        eventDate: null,
        tags: ['setup'],
        bringToSupervision: false,
        containsClientMaterial: false,
        pinned: title === 'First',
      });
      acknowledged.set(entry.id, { version, digest: digestOf(title, plainTextOf(body)) });
    }
    vault.lock();

    let totalAcks = 0;
    let hotWal = 0;
    let aheadOfAck = 0;
    for (let i = 0; i < KILLS; i++) {
      const acks = await runAndKill(vault.dbPath, keyHex);
      expect(acks.length).toBeGreaterThan(0);
      totalAcks += acks.length;
      if (existsSync(`${vault.dbPath}-wal`) && statSync(`${vault.dbPath}-wal`).size > 0) hotWal += 1;
      for (const [id, ack] of acks) acknowledged.set(id, ack);

      const db = openEncryptedDatabase(vault.dbPath, key, { create: false });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        // The FTS index must agree with the entries it indexes (throws SQLITE_CORRUPT_VTAB if not).
        expect(() => db.exec(`INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')`)).not.toThrow();
        const find = db.prepare('SELECT version, title, body_text FROM entries WHERE id = ?');
        for (const [id, ack] of acknowledged) {
          const row = find.get(id) as { version: number; title: string; body_text: string } | undefined;
          expect(row, `acknowledged entry ${id} is missing after kill ${i + 1}`).toBeDefined();
          expect(row!.version, `entry ${id} went back after kill ${i + 1}`).toBeGreaterThanOrEqual(ack.version);
          if (row!.version > ack.version) aheadOfAck += 1;
          if (row!.version === ack.version) {
            expect(digestOf(row!.title, row!.body_text), `entry ${id} v${ack.version} differs`).toBe(ack.digest);
          }
        }
      } finally {
        db.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThan(3);
    console.log(
      `crash test: ${KILLS} kills (${hotWal} left a WAL to recover), ${totalAcks} acknowledged saves over ` +
        `${acknowledged.size} entries; ${aheadOfAck} entry checks found a save committed but killed before its ack`,
    );
  }, 240_000);
});
