/**
 * Holding's own export as an import batch (Settings → Bring in a journal): what it would add, shown before
 * anything is written; writing it as one batch, remembered row by row; and "Undo this import", which takes
 * back exactly what the batch added and the person has not made their own since.
 *
 * The rows go in through applyHoldingExport (ids kept, all or nothing). The batch's entries are remembered
 * in imported_entries like any other source's (key `holding:<entry id>`, with the version they came in at),
 * so undo keeps an entry the person has changed and a second import leaves out one they deleted for good.
 * Every other row it added is remembered in imported_rows (migration 0015) with a hash of the row as it came
 * in: undo removes it when it is unchanged and nothing else in the journal points at it.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ImportPreview, SkippedItem } from '../../../common/import/types';
import { TABLES, type TableSpec } from '../../export/everything/tables';
import { ImportRepository } from '../repository';
import { applyHoldingExport, UNIQUE } from './apply';
import type { HoldingExport, ImportRow, ImportValue } from './read';

export const HOLDING_SOURCE = 'holding';
export const HOLDING_SOURCE_NAME = 'A Holding export';

/** Rows that belong to an entry: they come and go with it (deleteForever), never on their own. */
const WITH_ENTRIES = new Set(['entries', 'entry_tags', 'entry_revisions']);

/** What the preview counts besides entries, in words, in this order. */
const ALSO: { table: string; one: string; many: string }[] = [
  { table: 'checkins', one: 'check-in', many: 'check-ins' },
  { table: 'warning_signs', one: 'warning sign', many: 'warning signs' },
  { table: 'templates', one: 'template', many: 'templates' },
  { table: 'supervisors', one: 'supervisor', many: 'supervisors' },
  { table: 'supervision_sessions', one: 'supervision session', many: 'supervision sessions' },
  { table: 'agenda_items', one: 'agenda item', many: 'agenda items' },
  { table: 'supervision_actions', one: 'supervision action', many: 'supervision actions' },
  { table: 'contacts', one: 'supervisor’s card', many: 'supervisors’ cards' },
  { table: 'shares_sent', one: 'share you sent', many: 'shares you sent' },
  { table: 'shares_received', one: 'share you received', many: 'shares you received' },
  { table: 'feedback_received', one: 'piece of feedback', many: 'pieces of feedback' },
];

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const spec = (name: string) => TABLES.find((t) => t.name === name)!;
const sourceKey = (entryId: string) => `${HOLDING_SOURCE}:${entryId}`;

/** The export's entries an earlier import of it brought in (still here, or since deleted for good). */
function knownEntries(db: Database, data: HoldingExport): Set<string> {
  const ids = (data.tables['entries'] ?? []).map((row) => row['id'] as string);
  const known = new ImportRepository(db).knownKeys(ids.map(sourceKey));
  return new Set(ids.filter((id) => known.has(sourceKey(id))));
}

/** How many of a table's rows are not in the journal yet, by their key or another unique value. */
function freshRows(db: Database, table: TableSpec, rows: ImportRow[], leaveOut?: Set<string>): ImportRow[] {
  const name = quote(table.name);
  const byKey = db
    .prepare(`SELECT 1 FROM ${name} WHERE ${table.key.map((k) => `${quote(k)} IS ?`).join(' AND ')}`)
    .pluck();
  const byUnique = (UNIQUE[table.name] ?? []).map((column) => ({
    column,
    ask: db.prepare(`SELECT 1 FROM ${name} WHERE ${quote(column)} = ?`).pluck(),
  }));
  return rows.filter(
    (row) =>
      !leaveOut?.has(row['id'] as string) &&
      byKey.get(...table.key.map((k) => row[k])) === undefined &&
      byUnique.every(({ column, ask }) => ask.get(row[column]) === undefined),
  );
}

/** What bringing this export in would add to the journal `db`: nothing is written. */
export function previewHolding(
  db: Database,
  data: HoldingExport,
  ids: { id: string; name: string },
): Omit<ImportPreview, 'skipped'> & { skipped: SkippedItem[] } {
  const entries = data.tables['entries'] ?? [];
  const fresh = freshRows(db, spec('entries'), entries, knownEntries(db, data));
  const freshIds = new Set(fresh.map((row) => row['id'] as string));
  const days = fresh
    .filter((row) => row['deleted_at'] === null)
    .map((row) => (row['event_date'] as string | null) ?? String(row['created_at']).slice(0, 10))
    .sort();
  const tagCounts = new Map<string, number>();
  for (const row of data.tables['entry_tags'] ?? []) {
    if (!freshIds.has(row['entry_id'] as string)) continue;
    const tag = row['tag'] as string;
    tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  const links = (data.tables['entry_links'] ?? []).filter(
    (row) => freshIds.has(row['from_id'] as string) || freshIds.has(row['to_id'] as string),
  ).length;
  const also = ALSO.map(({ table, one, many }) => {
    const count = freshRows(db, spec(table), data.tables[table] ?? []).length;
    return { what: count === 1 ? one : many, count };
  }).filter((a) => a.count > 0);
  const skipped: SkippedItem[] = [];
  if (data.identity) {
    skipped.push({
      what: 'The sharing identity of the journal it came from',
      why: 'Its secret keys never leave the journal they were made in. This journal has its own: before your next share, send your supervisor your card from here.',
      count: 1,
      examples: [],
    });
  }
  return {
    id: ids.id,
    name: ids.name,
    source: HOLDING_SOURCE,
    sourceName: HOLDING_SOURCE_NAME,
    entries: fresh.length,
    alreadyImported: entries.length - fresh.length,
    firstDay: days[0] ?? null,
    lastDay: days.at(-1) ?? null,
    tags: [...tagCounts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
      .slice(0, 12),
    links,
    also,
    history: (data.tables['entry_revisions'] ?? []).filter((row) => freshIds.has(row['entry_id'] as string)).length,
    skipped,
  };
}

/** The row a key names, as its table's columns in order (blobs as base64), or undefined when it is gone. */
function rowValues(db: Database, table: TableSpec, key: ImportValue[]): unknown[] | undefined {
  const columns = Object.keys(table.columns);
  const row = db
    .prepare(
      `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table.name)} WHERE ${table.key
        .map((k) => `${quote(k)} IS ?`)
        .join(' AND ')}`,
    )
    .raw()
    .get(...key.map((v) => (v instanceof Uint8Array ? Buffer.from(v) : v))) as unknown[] | undefined;
  return row?.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v));
}

const hashOf = (values: unknown[]) => createHash('sha256').update(JSON.stringify(values)).digest('hex');

/**
 * Writes the export into the journal as the batch `batchId` (already started, in the same transaction as
 * this): the rows, and what undo needs to take them back. Gives the number of entries added and left out.
 */
export function writeHoldingBatch(
  db: Database,
  batchId: string,
  data: HoldingExport,
): { added: number; already: number } {
  const leaveOut = knownEntries(db, data);
  const result = applyHoldingExport(db, data, { leaveOut });
  const imports = new ImportRepository(db);
  const versions = db.prepare('SELECT version FROM entries WHERE id = ?').pluck();
  for (const [entryId] of result.addedKeys['entries'] ?? []) {
    imports.remember(batchId, sourceKey(entryId as string), entryId as string, versions.get(entryId) as number);
  }
  const remember = db.prepare(
    'INSERT INTO imported_rows (batch_id, table_name, key_json, row_hash) VALUES (?, ?, ?, ?)',
  );
  for (const table of TABLES) {
    if (WITH_ENTRIES.has(table.name)) continue;
    for (const key of result.addedKeys[table.name] ?? []) {
      const values = rowValues(db, table, key);
      if (values) remember.run(batchId, table.name, JSON.stringify(key.map(keyJson)), hashOf(values));
    }
  }
  const added = result.added['entries'] ?? 0;
  return { added, already: (data.tables['entries'] ?? []).length - added };
}

/** A key value as JSON can hold it (a blob key never occurs; base64 if it did). */
const keyJson = (v: ImportValue) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v);

/** For each table: the tables whose rows point at it, by which columns and at which of its columns. */
function referencesTo(db: Database): Map<string, { child: string; from: string[]; to: string[] }[]> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  const out = new Map<string, { child: string; from: string[]; to: string[] }[]>();
  for (const child of tables) {
    const keys = db.prepare(`SELECT * FROM pragma_foreign_key_list(?)`).all(child) as {
      id: number;
      table: string;
      from: string;
      to: string | null;
    }[];
    const byId = new Map<number, { table: string; from: string[]; to: string[] }>();
    for (const k of keys) {
      const ref = byId.get(k.id) ?? { table: k.table, from: [], to: [] };
      ref.from.push(k.from);
      ref.to.push(k.to ?? 'rowid');
      byId.set(k.id, ref);
    }
    for (const ref of byId.values()) {
      const list = out.get(ref.table) ?? [];
      list.push({ child, from: ref.from, to: ref.to });
      out.set(ref.table, list);
    }
  }
  return out;
}

/**
 * Takes back the rows other than entries that the batch added, last table first: each one still as it came
 * in and pointed at by nothing else in the journal. Rows the person has changed, or that something of theirs
 * (or an entry kept) points at, stay. Gives how many went and how many stayed; call it again after the
 * entries have gone, for the rows only they held. Run inside the undo's transaction.
 */
export function undoHoldingRows(db: Database, batchId: string): { removed: number; kept: number } {
  const stored = db
    .prepare(
      'SELECT table_name AS tableName, key_json AS keyJson, row_hash AS hash FROM imported_rows WHERE batch_id = ?',
    )
    .all(batchId) as { tableName: string; keyJson: string; hash: string }[];
  const byTable = new Map<string, typeof stored>();
  for (const row of stored) byTable.set(row.tableName, [...(byTable.get(row.tableName) ?? []), row]);
  const references = referencesTo(db);
  const forget = db.prepare('DELETE FROM imported_rows WHERE batch_id = ? AND table_name = ? AND key_json = ?');
  let removed = 0;
  let kept = 0;
  for (const table of [...TABLES].reverse()) {
    const rows = byTable.get(table.name);
    if (!rows) continue;
    const columns = Object.keys(table.columns);
    const where = table.key.map((k) => `${quote(k)} IS ?`).join(' AND ');
    const remove = db.prepare(`DELETE FROM ${quote(table.name)} WHERE ${where}`);
    const pointing = (references.get(table.name) ?? []).map((ref) => ({
      to: ref.to,
      ask: db
        .prepare(
          `SELECT 1 FROM ${quote(ref.child)} WHERE ${ref.from.map((f) => `${quote(f)} = ?`).join(' AND ')} LIMIT 1`,
        )
        .pluck(),
    }));
    for (const row of rows) {
      const key = JSON.parse(row.keyJson) as ImportValue[];
      const values = rowValues(db, table, key);
      if (!values) {
        // Gone already (with an entry, or the person removed it): nothing to take back.
        forget.run(batchId, row.tableName, row.keyJson);
        continue;
      }
      const named = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
      // A column pointed at that the export does not carry cannot be checked: then the row stays.
      const pointedAt = pointing.some(
        ({ to, ask }) =>
          to.some((c) => named[c] === undefined) || ask.get(...to.map((c) => named[c] as ImportValue)) !== undefined,
      );
      if (hashOf(values) !== row.hash || pointedAt) {
        kept += 1;
        continue;
      }
      remove.run(...key);
      forget.run(batchId, row.tableName, row.keyJson);
      removed += 1;
    }
  }
  return { removed, kept };
}
