// Shared by the child processes that save entries (journal-writer, backup-saver): the journal at a path,
// opened as the app opens it, with the journal service over it.
//
// Test only: the data key arrives as hex in HOLDING_TEST_DB_KEY.
import { migrate } from '../../../main/db/migrate';
import { openEncryptedDatabase } from '../../../main/db/open';
import { JournalService } from '../../../main/journal/journal';
import { TemplateService } from '../../../main/journal/templates';
import { sodiumReady } from '../../../main/vault/crypto';
import type { Vault } from '../../../main/vault/vault';

/** The data key the parent passed, as bytes. */
export const keyFromParent = (): Uint8Array =>
  Uint8Array.from(Buffer.from(process.env['HOLDING_TEST_DB_KEY'] ?? '', 'hex'));

/**
 * The journal in `dbPath`, migrated. With `shared`, another process writes it too (the app has one
 * connection): it waits for the other's lock.
 */
export async function openJournal(dbPath: string, { shared = false } = {}) {
  await sodiumReady();
  const db = openEncryptedDatabase(dbPath, keyFromParent(), { create: false });
  migrate(db);
  if (shared) db.pragma('busy_timeout = 10000');
  const vault = { db: () => db } as unknown as Vault;
  return { db, journal: new JournalService(vault, new TemplateService(vault)) };
}
