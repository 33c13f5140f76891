/** The SQL of the backups table (migration 0012): each backup Holding made and proved. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { BackupCounts, BackupRecord } from './types';

interface Row {
  id: string;
  folder: string;
  file_name: string;
  made_at: string;
  verified_at: string;
  bytes: number;
  sha256: string;
  counts_json: string;
  computer: string;
}

export interface StoredRecord extends BackupRecord {
  sha256: string;
}

/** Rows per table as the header has them, with `sessions` for supervision sessions. */
export function personCounts(counts: Record<string, number>): BackupCounts {
  return {
    ...counts,
    entries: counts['entries'] ?? 0,
    checkins: counts['checkins'] ?? 0,
    sessions: counts['supervision_sessions'] ?? 0,
  };
}

function fromRow(row: Row): StoredRecord {
  return {
    id: row.id,
    folder: row.folder,
    fileName: row.file_name,
    madeAt: row.made_at,
    verifiedAt: row.verified_at,
    bytes: row.bytes,
    sha256: row.sha256,
    counts: personCounts(JSON.parse(row.counts_json) as Record<string, number>),
    computer: row.computer,
  };
}

export function insertRecord(db: Database, record: StoredRecord, counts: Record<string, number>): void {
  db.prepare(
    `INSERT INTO backups (id, folder, file_name, made_at, verified_at, bytes, sha256, counts_json, computer)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.id,
    record.folder,
    record.fileName,
    record.madeAt,
    record.verifiedAt,
    record.bytes,
    record.sha256,
    JSON.stringify(counts),
    record.computer,
  );
}

export function listRecords(db: Database): StoredRecord[] {
  const rows = db.prepare(`SELECT * FROM backups ORDER BY made_at DESC, verified_at DESC, id`).all() as Row[];
  return rows.map(fromRow);
}

export function deleteRecord(db: Database, id: string): boolean {
  return db.prepare(`DELETE FROM backups WHERE id = ?`).run(id).changes > 0;
}
