/** The SQL of "Export everything": every exported table's rows, read in one transaction. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TableSpec } from './table-spec';
import { TABLES } from './tables';
import { EXPORTED_SETTINGS } from './format';

/** A row as it is written: column name to value (a blob as its bytes, converted to base64 when written). */
export type Row = Record<string, string | number | null | Uint8Array>;

export interface JournalRows {
  schemaVersion: number;
  tables: Record<string, Row[]>;
  /** The public half of this journal's identity, if it has one; its secret keys are never read. */
  identity: {
    name: string;
    role: string;
    encryption_public: Uint8Array;
    signing_public: Uint8Array;
    created_at: string;
  } | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function selectAll(db: Database, spec: TableSpec): Row[] {
  const columns = Object.keys(spec.columns).map(quote).join(', ');
  const order = spec.key.map(quote).join(', ');
  const where = spec.name === 'settings' ? ` WHERE key IN (${EXPORTED_SETTINGS.map(() => '?').join(', ')})` : '';
  const params = spec.name === 'settings' ? EXPORTED_SETTINGS : [];
  return db.prepare(`SELECT ${columns} FROM ${quote(spec.name)}${where} ORDER BY ${order}`).all(...params) as Row[];
}

/**
 * Every row of every exported table (revisions only when asked), as one consistent picture: one read
 * transaction, so a save made meanwhile is either wholly in it or wholly not.
 */
export function readJournal(db: Database, options: { history: boolean }): JournalRows {
  return db.transaction(() => {
    const tables: Record<string, Row[]> = {};
    for (const spec of TABLES) {
      if (spec.history && !options.history) continue;
      tables[spec.name] = selectAll(db, spec);
    }
    const identity =
      (db
        .prepare('SELECT name, role, encryption_public, signing_public, created_at FROM identity WHERE id = 1')
        .get() as JournalRows['identity'] | undefined) ?? null;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return { schemaVersion, tables, identity };
  })();
}
