/**
 * Holding's own export as an import batch (Settings → Bring in a journal): what it would add, shown before
 * anything is written; writing it as one batch, remembered row by row; and "Undo this import", which takes
 * back what the batch added and the person has not made their own since.
 *
 * The rows go in through applyHoldingExport (ids kept, all or nothing). Every row it added, entries too, is
 * remembered in imported_rows (migration 0015) by its table and key, with a hash of the row as it came in.
 * Undo takes rows back in groups: rows joined by a reference (a session and its items and actions, an entry
 * and the check-in written about it, linked entries) stay or go together, and a group stays whole when any
 * row in it has changed since, or when anything not brought in by this batch refers to one of them. What the
 * person has written or changed is never taken.
 */
import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { ImportPreview, SkippedItem } from '../../../common/import/types';
import type { TableSpec } from '../../export/everything/table-spec';
import { TABLES } from '../../export/everything/tables';
import { JournalRepository } from '../../journal/repository';
import { daysAndTags } from '../preview';
import { applyHoldingExport, type ApplyResult } from './apply';
import type { HoldingExport, ImportValue } from './read';

export const HOLDING_SOURCE = 'holding';
export const HOLDING_SOURCE_NAME = 'A Holding export';

/** What the preview counts besides entries, in words, in this order. */
const ALSO: { table: string; one: string; many: string }[] = [
  { table: 'checkins', one: 'check-in', many: 'check-ins' },
  { table: 'warning_signs', one: 'warning sign', many: 'warning signs' },
  { table: 'templates', one: 'template', many: 'templates' },
  { table: 'truth_prompts', one: 'two-truths prompt', many: 'two-truths prompts' },
  { table: 'supervisors', one: 'supervisor', many: 'supervisors' },
  { table: 'supervision_sessions', one: 'supervision session', many: 'supervision sessions' },
  { table: 'agenda_items', one: 'agenda item', many: 'agenda items' },
  { table: 'supervision_actions', one: 'supervision action', many: 'supervision actions' },
  { table: 'contacts', one: 'supervisor’s card', many: 'supervisors’ cards' },
  { table: 'shares_sent', one: 'share you sent', many: 'shares you sent' },
  { table: 'shares_received', one: 'share you received', many: 'shares you received' },
  { table: 'feedback_received', one: 'piece of feedback', many: 'pieces of feedback' },
];

/** Rows that come and go with their entry (JournalRepository.deleteForever), never judged on their own. */
const PART_OF_ENTRY = new Set(['entry_tags', 'entry_revisions']);

/**
 * References the schema does not declare as foreign keys, but that undo must see as references all the
 * same: an entry begun from a template, a session item from an agenda item, a shared item from what it was.
 */
const SOFT_REFERENCES: { child: string; from: string; parents: string[] }[] = [
  { child: 'entries', from: 'template_id', parents: ['templates'] },
  { child: 'session_items', from: 'agenda_item_id', parents: ['agenda_items'] },
  { child: 'share_items', from: 'source_id', parents: ['entries', 'supervision_sessions', 'supervisors'] },
];

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const SPECS = new Map(TABLES.map((t) => [t.name, t]));
const DRY_RUN = Symbol('dry run');

/**
 * Entries an earlier import of a Holding export made here brought in and the person has since deleted for
 * good: a later import leaves them out (an undo forgets what it removed, so those do come back).
 */
function deletedSinceImported(db: Database): Set<string> {
  const ids = db
    .prepare(
      `SELECT json_extract(r.key_json, '$[0]') FROM imported_rows r
        WHERE r.table_name = 'entries'
          AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = json_extract(r.key_json, '$[0]'))`,
    )
    .pluck()
    .all() as string[];
  return new Set(ids);
}

/** Applies the export and takes it all back again: exactly what an import now would add. */
function dryRun(db: Database, data: HoldingExport, leaveOut: Set<string>): ApplyResult {
  let result: ApplyResult | null = null;
  try {
    db.transaction(() => {
      result = applyHoldingExport(db, data, { leaveOut });
      throw DRY_RUN;
    })();
  } catch (error) {
    if (error !== DRY_RUN) throw error;
  }
  return result!;
}

/** What bringing this export in would add to the journal `db`: worked out by doing it and undoing it. */
export function previewHolding(db: Database, data: HoldingExport, ids: { id: string; name: string }): ImportPreview {
  const leaveOut = deletedSinceImported(db);
  const result = dryRun(db, data, leaveOut);
  const entries = data.tables['entries'] ?? [];
  const added = new Set((result.addedKeys['entries'] ?? []).map(([id]) => id as string));
  const fresh = entries.filter((row) => added.has(row['id'] as string));
  const deleted = entries.filter((row) => leaveOut.has(row['id'] as string));
  const days = fresh
    .filter((row) => row['deleted_at'] === null)
    .map((row) => (row['event_date'] as string | null) ?? String(row['created_at']).slice(0, 10));
  const tags = (data.tables['entry_tags'] ?? [])
    .filter((row) => added.has(row['entry_id'] as string))
    .map((row) => row['tag'] as string);
  const skipped: SkippedItem[] = [];
  if (deleted.length) {
    skipped.push({
      what: 'Entries you deleted for good after bringing them in before',
      why: 'They stay deleted.',
      count: deleted.length,
      examples: deleted.slice(0, 3).map((row) => String(row['title'] || 'Untitled')),
    });
  }
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
    alreadyImported: entries.length - fresh.length - deleted.length,
    ...daysAndTags(days, tags),
    links: result.added['entry_links'] ?? 0,
    also: ALSO.map(({ table, one, many }) => {
      const count = result.added[table] ?? 0;
      return { what: count === 1 ? one : many, count };
    }).filter((a) => a.count > 0),
    history: result.added['entry_revisions'] ?? 0,
    skipped,
  };
}

/** Reads rows of one table by key, as its columns in order (blobs as base64). */
class RowReader {
  private readonly statement: Statement;
  readonly columns: string[];
  constructor(
    db: Database,
    readonly table: TableSpec,
  ) {
    this.columns = Object.keys(table.columns);
    this.statement = db
      .prepare(
        `SELECT ${this.columns.map(quote).join(', ')} FROM ${quote(table.name)} WHERE ${table.key
          .map((k) => `${quote(k)} IS ?`)
          .join(' AND ')}`,
      )
      .raw();
  }
  values(key: ImportValue[]): unknown[] | undefined {
    const row = this.statement.get(...key) as unknown[] | undefined;
    return row?.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v));
  }
}

const hashOf = (values: unknown[]) => createHash('sha256').update(JSON.stringify(values)).digest('hex');

/**
 * Writes the export into the journal as the batch `batchId` (already started, in the same transaction as
 * this): the rows, and what undo needs to take them back.
 */
export function writeHoldingBatch(
  db: Database,
  batchId: string,
  data: HoldingExport,
): { added: number; already: number; rowsAdded: number } {
  const result = applyHoldingExport(db, data, { leaveOut: deletedSinceImported(db) });
  const remember = db.prepare(
    'INSERT INTO imported_rows (batch_id, table_name, key_json, row_hash) VALUES (?, ?, ?, ?)',
  );
  let rowsAdded = 0;
  for (const table of TABLES) {
    if (PART_OF_ENTRY.has(table.name)) continue;
    const reader = new RowReader(db, table);
    for (const key of result.addedKeys[table.name] ?? []) {
      const values = reader.values(key);
      if (!values) continue;
      remember.run(batchId, table.name, JSON.stringify(key), hashOf(values));
      if (table.name !== 'entries') rowsAdded += 1;
    }
  }
  const added = result.added['entries'] ?? 0;
  return { added, already: (data.tables['entries'] ?? []).length - added, rowsAdded };
}

interface Reference {
  child: string;
  from: string[];
  parent: string;
  to: string[];
}

/** Each connection's references: its schema is settled once it is open (migrations run first), so read once. */
const referencesOf = new WeakMap<Database, readonly Reference[]>();

/** Every reference between tables: the declared foreign keys, and the soft ones above (read once a connection). */
function allReferences(db: Database): readonly Reference[] {
  let references = referencesOf.get(db);
  if (!references) {
    references = readReferences(db);
    referencesOf.set(db, references);
  }
  return references;
}

function readReferences(db: Database): Reference[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  const out: Reference[] = [];
  for (const child of tables) {
    const keys = db.prepare('SELECT * FROM pragma_foreign_key_list(?)').all(child) as {
      id: number;
      table: string;
      from: string;
      to: string | null;
    }[];
    const byId = new Map<number, Reference>();
    for (const k of keys) {
      const ref = byId.get(k.id) ?? { child, from: [], parent: k.table, to: [] };
      ref.from.push(k.from);
      ref.to.push(k.to ?? 'rowid');
      byId.set(k.id, ref);
    }
    out.push(...byId.values());
  }
  for (const soft of SOFT_REFERENCES)
    for (const parent of soft.parents) out.push({ child: soft.child, from: [soft.from], parent, to: ['id'] });
  return out;
}

interface Node {
  table: string;
  keyJson: string;
  key: ImportValue[];
  values: Record<string, unknown> | null;
  /** Changed since it came in, or referred to by something this batch did not bring. */
  keep: boolean;
  group: Node;
}

function groupOf(node: Node): Node {
  while (node.group !== node) {
    node.group = node.group.group;
    node = node.group;
  }
  return node;
}

/**
 * "Undo this import" for a Holding export: takes back every group of rows it added in which nothing has
 * changed and to which nothing else refers, entries through deleteForever (their tags, history, links and
 * search index with them). Run inside the undo's transaction.
 */
export function undoHoldingBatch(
  db: Database,
  batchId: string,
): { removed: number; kept: number; rowsRemoved: number; rowsKept: number } {
  const stored = db
    .prepare(
      'SELECT table_name AS tableName, key_json AS keyJson, row_hash AS hash FROM imported_rows WHERE batch_id = ?',
    )
    .all(batchId) as { tableName: string; keyJson: string; hash: string }[];
  const readers = new Map<string, RowReader>();
  const reader = (table: string) => {
    let r = readers.get(table);
    if (!r) readers.set(table, (r = new RowReader(db, SPECS.get(table)!)));
    return r;
  };
  const forget = db.prepare('DELETE FROM imported_rows WHERE batch_id = ? AND table_name = ? AND key_json = ?');
  const nodes = new Map<string, Node>();
  const id = (table: string, keyJson: string) => `${table}\u0000${keyJson}`;
  for (const row of stored) {
    if (!SPECS.has(row.tableName)) continue;
    const key = JSON.parse(row.keyJson) as ImportValue[];
    const values = reader(row.tableName).values(key);
    if (!values) {
      // Gone already (the person removed it): nothing to take back, but an entry is remembered as deleted.
      if (row.tableName !== 'entries') forget.run(batchId, row.tableName, row.keyJson);
      continue;
    }
    const named = Object.fromEntries(reader(row.tableName).columns.map((c, i) => [c, values[i]]));
    const node = { table: row.tableName, keyJson: row.keyJson, key, values: named, keep: hashOf(values) !== row.hash };
    (node as Node).group = node as Node;
    nodes.set(id(row.tableName, row.keyJson), node as Node);
  }

  // Join each row to the rows of this batch it refers to; mark it kept if anything else refers to it.
  const references = allReferences(db);
  const asked = new Map<string, Statement>();
  const ask = (sql: string) => {
    let s = asked.get(sql);
    if (!s) asked.set(sql, (s = db.prepare(sql)));
    return s;
  };
  for (const node of nodes.values()) {
    for (const ref of references) {
      if (ref.child === node.table) {
        const values = ref.from.map((c) => node.values![c]);
        if (values.some((v) => v === null || v === undefined)) continue;
        const parentSpec = SPECS.get(ref.parent);
        if (!parentSpec) continue;
        const keys = ask(
          `SELECT ${parentSpec.key.map(quote).join(', ')} FROM ${quote(ref.parent)} WHERE ${ref.to
            .map((c) => `${quote(c)} = ?`)
            .join(' AND ')}`,
        )
          .raw()
          .all(...(values as ImportValue[])) as ImportValue[][];
        for (const key of keys) {
          const parent = nodes.get(id(ref.parent, JSON.stringify(key)));
          if (parent) groupOf(node).group = groupOf(parent);
        }
      }
      if (ref.parent === node.table && !(node.table === 'entries' && PART_OF_ENTRY.has(ref.child))) {
        const values = ref.to.map((c) => node.values![c]);
        if (values.some((v) => v === undefined)) {
          node.keep = true;
          continue;
        }
        const childSpec = SPECS.get(ref.child);
        const rows = ask(
          `SELECT ${childSpec ? childSpec.key.map(quote).join(', ') : '1'} FROM ${quote(ref.child)} WHERE ${ref.from
            .map((c) => `${quote(c)} = ?`)
            .join(' AND ')}`,
        )
          .raw()
          .all(...(values as ImportValue[])) as ImportValue[][];
        // Something not of this batch (or of no table an export carries) refers to it: the person's own.
        if (rows.some((key) => !childSpec || !nodes.has(id(ref.child, JSON.stringify(key))))) node.keep = true;
      }
    }
  }
  const keptGroups = new Set<Node>();
  for (const node of nodes.values()) if (node.keep) keptGroups.add(groupOf(node));

  let removed = 0;
  let kept = 0;
  let rowsRemoved = 0;
  let rowsKept = 0;
  const entries: string[] = [];
  const byTable = new Map<string, Node[]>();
  for (const node of nodes.values()) {
    const keep = keptGroups.has(groupOf(node));
    if (node.table === 'entries') {
      if (keep) kept += 1;
      else entries.push(node.key[0] as string);
    } else if (keep) rowsKept += 1;
    if (keep) continue;
    const list = byTable.get(node.table);
    if (list) list.push(node);
    else byTable.set(node.table, [node]);
  }
  // Last table first, so what refers to a row goes before it; entries last, with all that is theirs.
  for (const table of [...TABLES].reverse()) {
    if (table.name === 'entries') continue;
    const list = byTable.get(table.name);
    if (!list) continue;
    const remove = db.prepare(
      `DELETE FROM ${quote(table.name)} WHERE ${table.key.map((k) => `${quote(k)} IS ?`).join(' AND ')}`,
    );
    for (const node of list) {
      remove.run(...node.key);
      forget.run(batchId, node.table, node.keyJson);
      rowsRemoved += 1;
    }
  }
  if (entries.length) {
    removed = new JournalRepository(db).deleteForever(entries);
    for (const entryId of entries) forget.run(batchId, 'entries', JSON.stringify([entryId]));
  }
  return { removed, kept, rowsRemoved, rowsKept };
}
