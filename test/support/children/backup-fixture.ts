/**
 * Shared by the backup tests (test/integration/backup*.test.ts): a journal with something in every kind of
 * table, a hash of every table's rows to compare journals by, and a BackupService on test services.
 * (Not a child process: it sits here because the backups work owns only backup* files under test/support.)
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach } from 'vitest';
import { docFromParagraphs } from '../../../common/journal/doc';
import { BackupService, type BackupServiceOptions } from '../../../main/backup/service';
import type { Vault } from '../../../main/vault/vault';
import type { Services } from '../../../main/app';
import { createdServices } from '../services';
import { CONTRACT } from '../supervision-fixture';
import { tempDir } from '../temp';

export type JournalServices = Services & { dataDir: string; recoveryKey: string; parent: string };

const opened: Services[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.dispose();
});

/**
 * Unlocked services on a new journal whose data folder is `<temp>/Holding`, so what a restore sets aside
 * beside it stays inside the test's own temporary folder; keeps the recovery key. Disposed after each test.
 */
export async function journalServices(): Promise<JournalServices> {
  const parent = await tempDir('holding-backup-test-');
  const dataDir = path.join(parent, 'Holding');
  const services = await createdServices(dataDir);
  opened.push(services);
  return Object.assign(services, { dataDir, parent });
}

export const MARKER = 'PLAINTEXT-MARKER-7f3a9c-never-in-a-backup';

/** Something in entries, tags, revisions, links, check-ins, signs, supervision, sessions and actions. */
export function fillJournal(s: Services, entries = 12): void {
  const ids: string[] = [];
  for (let i = 0; i < entries; i++) {
    const entry = s.journal.create({ title: `Entry ${i}` });
    for (const round of [0, 1]) {
      s.journal.save({
        id: entry.id,
        title: `Entry ${i} ${round ? 'revised' : ''}`,
        body: docFromParagraphs([`${MARKER} paragraph ${i}.${round}`, 'Ünïcödé, שלום, 🌱 and a tab\there']),
        eventDate: i % 2 ? '2026-03-14' : null,
        tags: i % 3 ? ['supervision', `tag-${i % 4}`] : [],
        bringToSupervision: i % 4 === 0,
        containsClientMaterial: i % 5 === 0,
        pinned: i === 0,
      });
    }
    ids.push(entry.id);
  }
  if (ids.length > 1) s.journal.link(ids[0]!, ids[1]!);
  const sign = s.checkins.saveSign({ name: 'Skipping lunch', whatHelps: 'A proper break', contact: 'Sam' });
  for (let i = 0; i < 3; i++) {
    s.checkins.save({
      at: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
      capacity: 4 + i,
      energy: 3,
      sleep: 4,
      load: 2,
      helping: `A walk ${MARKER}`,
      hard: 'A long clinic',
      signIds: i ? [sign.id] : [],
      entryId: ids[0] ?? null,
    });
  }
  const sup = s.supervision.saveSupervisor({ ...CONTRACT, focusAreas: ['Risk'] });
  s.supervision.recordSession({
    supervisorId: sup.id,
    startsAt: '2026-11-12T10:00:00Z',
    timeZone: 'Europe/London',
    minutes: 60,
    attendees: 'Ama and me',
    notes: MARKER,
    items: [],
    actions: [{ text: 'Book two days of leave', owner: 'Me', due: '2026-11-20' }],
  });
}

/**
 * Every ordinary table's rows, hashed: all columns, in an order that does not depend on the page layout.
 * The `backups` table is left out when asked: it records backups made after the one being compared.
 */
export function tableHashes(db: Database, options: { withoutBackups?: boolean } = {}): Record<string, string> {
  const searchIndexes = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'`)
    .pluck()
    .all() as string[];
  // A search index's own tables hold its words in whatever segments its merges left: the same index can
  // be laid out differently (unlocking tidies it). Its words are compared instead, word by word.
  const shadowOfIndex = (name: string) => searchIndexes.some((index) => name.startsWith(`${index}_`));
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
      )
      .pluck()
      .all() as string[]
  ).filter((name) => !shadowOfIndex(name));
  const out: Record<string, string> = {};
  for (const index of searchIndexes) {
    db.exec(`CREATE VIRTUAL TABLE temp.words_of_index USING fts5vocab(main, "${index}", 'instance')`);
    try {
      const rows = db
        .prepare('SELECT term, doc, col, offset FROM temp.words_of_index ORDER BY 1, 2, 3, 4')
        .raw(true)
        .all();
      out[`${index} (words)`] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
    } finally {
      db.exec('DROP TABLE temp.words_of_index');
    }
  }
  for (const table of tables) {
    if (options.withoutBackups && table === 'backups') continue;
    const columns = (db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number) || 1;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    // Every unlock counts itself in vault_meta (main/vault/opened-record.ts): a journal restored and opened
    // again has counted one more opening, which is no change to what it holds.
    // And a restored journal keeps, as Holding's own note, where the journal it replaced went (taken in at
    // the unlock after the restore): not part of what was backed up.
    const where =
      table === 'vault_meta'
        ? ` WHERE key NOT IN ('open_count', 'last_opened_at')`
        : table === 'settings'
          ? ` WHERE key != 'backupSetAside'`
          : '';
    const rows = db.prepare(`SELECT * FROM "${table}"${where} ORDER BY ${order}`).raw(true).safeIntegers(true).all();
    const text = JSON.stringify(rows, (_k, v: unknown) =>
      typeof v === 'bigint' ? `${v}n` : Buffer.isBuffer(v) ? `x${v.toString('hex')}` : v,
    );
    out[table] = `${rows.length}:${createHash('sha256').update(text).digest('hex')}`;
  }
  return out;
}

export const COMPUTER = "May's Laptop";

export function backupService(vault: Vault, extra: Partial<BackupServiceOptions> = {}): BackupService {
  return new BackupService(vault, { appVersion: '0.0.0-test', computerName: () => COMPUTER, ...extra });
}
