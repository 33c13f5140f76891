/**
 * A journal as an older Holding left it: its database at the version before migration 0010 (the search index
 * rebuilt from every entry), with `entries` entries, and a key file that opens it with `passphrase`. The first
 * unlock by this Holding then brings it up to date, as the first unlock after an update would. Made in this
 * process (tests only), before any worker or shell opens the folder.
 */
import { promises as fs } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { docFromParagraphs } from '../../common/journal/doc';
import { createServices } from '../../main/app';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migration-list';
import { migration0010 } from '../../main/db/migrations/0010-journal-search-index';
import { openEncryptedDatabase } from '../../main/db/open';
import { JournalService } from '../../main/journal/journal';
import { TemplateService } from '../../main/journal/templates';
import type { Vault } from '../../main/vault/vault';

/** The version such a journal is at: every migration before 0010's. */
export const BEFORE_SEARCH_INDEX = migrations.indexOf(migration0010);

const WORDS = ['supervision', 'tired', 'session', 'endings', 'hope', 'boundaries', 'rupture', 'repair', 'quiet'];

export async function journalBeforeSearchIndex(dataDir: string, entries: number, passphrase: string): Promise<void> {
  // A journal made today gives the key file and the facts the vault keeps about itself (its id, how often it
  // has been opened); its database is then made again, at the older version, under the same key.
  const services = createServices({
    inProcess: true,
    dataDir,
    host: 'browser-shell',
    version: '0.0.0',
    appOrigin: 'holding://app',
    idleSeconds: () => 0,
  });
  let key: Uint8Array;
  let meta: [string, string][];
  try {
    await services.vault.create(passphrase);
    key = Uint8Array.from((services.vault as unknown as { dataKey: Uint8Array }).dataKey);
    meta = services.vault.db().prepare('SELECT key, value FROM vault_meta').raw().all() as [string, string][];
  } finally {
    services.dispose();
  }
  const dbPath = services.vault.dbPath;
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) await fs.rm(file, { force: true });

  const db: Database = openEncryptedDatabase(dbPath, key, { create: true });
  key.fill(0);
  try {
    migrate(db, migrations.slice(0, BEFORE_SEARCH_INDEX));
    const vault = { db: () => db } as unknown as Vault;
    const journal = new JournalService(vault, new TemplateService(vault));
    db.transaction(() => {
      const addMeta = db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)');
      for (const [k, v] of meta) addMeta.run(k, v);
      for (let i = 0; i < entries; i += 1) {
        const words = Array.from({ length: 40 }, (_, w) => WORDS[(i * 7 + w * 5) % WORDS.length]).join(' ');
        const entry = journal.create({});
        journal.save({
          id: entry.id,
          title: `Entry ${i + 1}`,
          body: docFromParagraphs([`${words}.`, `Written on day ${i + 1}.`]),
          eventDate: null,
          tags: i % 5 === 0 ? ['supervision'] : [],
          bringToSupervision: false,
          containsClientMaterial: false,
          pinned: false,
        });
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
