/**
 * Writing a Holding export's rows into a journal, ids kept, in one transaction: all of it or none.
 *
 * - A row whose key (or whose other unique value: a share's bundle id, a contact's fingerprint) is already
 *   in the journal is left as it is, and so are the rows that belong to it (its tags, history, items):
 *   bringing the same export in twice adds nothing, and nothing already here is changed.
 * - Numbers SQLite chooses by itself (an entry's search number, a revision's id) are kept when free, so an
 *   export brought into an empty journal gives every table back exactly; else new ones are taken.
 * - Every document goes through the same allow-list as typed text (sanitiseDoc), and the text, excerpt and
 *   word count search and lists use are made again from it; two-truths parts are tidied as on save.
 * - The journal's own constraints (foreign keys, checks) stand: a row that breaks one stops the whole
 *   import, and nothing of it is kept.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../common/errors';
import { countWords, type DocNode, excerptOf, plainTextOf, sanitiseDoc } from '../../../common/journal/doc';
import {
  normaliseTwoTruths,
  type TwoTruthsFields,
  twoTruthsDoc,
  twoTruthsText,
} from '../../../common/two-truths/two-truths';
import type { TableSpec } from '../../export/everything/table-spec';
import { TABLES } from '../../export/everything/tables';
import type { HoldingExport, ImportRow, ImportValue } from './read';

export interface ApplyOptions {
  /** Whether to bring in the revision history the export holds (default: yes, when it holds it). */
  history?: boolean;
  /**
   * Entries (by id) to leave out, with everything that belongs to them: ones an earlier import of this
   * export brought in and the person has since deleted for good.
   */
  leaveOut?: ReadonlySet<string>;
}

export interface ApplyResult {
  /** Rows added, by table. */
  added: Record<string, number>;
  /** Rows left out because they (or what they belong to) were already in the journal, by table. */
  alreadyHere: Record<string, number>;
  /**
   * The key of each row added, by table, as its key columns' values in TABLES order (an own number as it
   * was in the export): what a batch record needs to take the import back out.
   */
  addedKeys: Record<string, ImportValue[][]>;
}

/** The row each table's rows belong to: added only when that row is added now. */
const PARENT: Record<string, { column: string; table: string }> = {
  entry_tags: { column: 'entry_id', table: 'entries' },
  entry_revisions: { column: 'entry_id', table: 'entries' },
  checkin_signs: { column: 'checkin_id', table: 'checkins' },
  session_items: { column: 'session_id', table: 'supervision_sessions' },
  supervision_actions: { column: 'session_id', table: 'supervision_sessions' },
  share_items: { column: 'share_id', table: 'shares_sent' },
  share_comments: { column: 'share_id', table: 'shares_received' },
  feedback_comments: { column: 'feedback_id', table: 'feedback_received' },
};

/** Other columns that must be unique in the journal. */
export const UNIQUE: Record<string, string[]> = {
  contacts: ['fingerprint'],
  shares_sent: ['bundle_id'],
  shares_received: ['bundle_id'],
  feedback_received: ['bundle_id'],
};

/**
 * Columns that name a row of another table found by a unique column rather than its key: the person added
 * their supervisor's card again here (a new id, the same fingerprint), or a share is here already. A row
 * the export names by its old id is pointed at the one here instead.
 */
const REFERS: Record<string, Record<string, string>> = {
  shares_sent: { contact_id: 'contacts' },
  shares_received: { contact_id: 'contacts' },
  feedback_received: { share_id: 'shares_sent' },
  feedback_replies: {
    feedback_id: 'feedback_received',
    received_share_id: 'shares_received',
    sent_in_share_id: 'shares_sent',
  },
};

/** Columns naming an entry (besides the rows PARENT says belong to one): see ApplyOptions.leaveOut. */
const ENTRY_COLUMNS: Record<string, string[]> = {
  entry_links: ['from_id', 'to_id'],
  checkins: ['entry_id'],
  agenda_items: ['source_entry_id'],
  session_items: ['source_entry_id'],
  imported_entries: ['entry_id'],
};

/** Columns holding JSON that Holding parses later: refused here if they are not JSON. */
const JSON_COLUMNS: Record<string, string[]> = {
  templates: ['sections_json'],
  supervisors: ['focus_json'],
  agenda_items: ['graces_json'],
  session_items: ['graces_json'],
  shares_received: ['payload'],
  settings: ['value'],
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const notLaidOut = (detail: string) => {
  const error = new AppError(
    'INVALID_INPUT',
    'That export holds something Holding cannot keep as it is, so nothing was brought in from it.',
  );
  error.cause = detail;
  return error;
};

function parseJson(text: unknown, where: string): unknown {
  try {
    return JSON.parse(String(text)) as unknown;
  } catch {
    throw notLaidOut(`${where} is not JSON`);
  }
}

/** A document and what is made from it, as the journal makes them when a person types (journal.ts). */
function document(row: ImportRow, table: string): ImportRow {
  const fieldsJson = row['fields_json'];
  if (typeof fieldsJson === 'string') {
    const fields = normaliseTwoTruths(parseJson(fieldsJson, `${table}.fields_json`) as Partial<TwoTruthsFields>);
    const body = twoTruthsDoc(fields);
    const text = twoTruthsText(fields);
    return {
      ...row,
      fields_json: JSON.stringify(fields),
      body_json: JSON.stringify(body),
      body_text: text,
      word_count: countWords(text),
      ...(table === 'entries' ? { excerpt: excerptOf(body) } : {}),
    };
  }
  const body: DocNode = sanitiseDoc(parseJson(row['body_json'], `${table}.body_json`));
  const text = plainTextOf(body);
  return {
    ...row,
    body_json: JSON.stringify(body),
    body_text: text,
    word_count: countWords(`${String(row['title'] ?? '')}\n${text}`),
    ...(table === 'entries' ? { excerpt: excerptOf(body) } : {}),
  };
}

/** Writes the export's rows into the journal `db` (unlocked, migrated); all or nothing. */
export function applyHoldingExport(db: Database, data: HoldingExport, options: ApplyOptions = {}): ApplyResult {
  const history = options.history ?? data.history;
  const added: Record<string, number> = {};
  const alreadyHere: Record<string, number> = {};
  /** Keys of rows added now, by table (as JSON of the key's values). */
  const addedKeys = new Map<string, Set<string>>();
  const keyOf = (spec: TableSpec, row: ImportRow) => JSON.stringify(spec.key.map((k) => row[k]));
  /** By table: an id in the export, and the id of the same thing already here (found by a unique column). */
  const sameAs = new Map<string, Map<unknown, unknown>>();

  const run = db.transaction(() => {
    for (const spec of TABLES) {
      const rows = data.tables[spec.name];
      added[spec.name] = 0;
      alreadyHere[spec.name] = 0;
      addedKeys.set(spec.name, new Set());
      if (!rows || (spec.history && !history)) continue;
      const table = quote(spec.name);
      const columns = Object.keys(spec.columns);
      const exists = db
        .prepare(`SELECT 1 FROM ${table} WHERE ${spec.key.map((k) => `${quote(k)} IS ?`).join(' AND ')}`)
        .pluck();
      const uniques = (UNIQUE[spec.name] ?? []).map((column) =>
        db
          .prepare(
            `SELECT ${spec.key.length === 1 ? quote(spec.key[0]!) : '1'} FROM ${table} WHERE ${quote(column)} = ?`,
          )
          .pluck(),
      );
      sameAs.set(spec.name, new Map());
      const numberTaken = spec.ownNumber
        ? db.prepare(`SELECT 1 FROM ${table} WHERE ${quote(spec.ownNumber)} = ?`).pluck()
        : null;
      const insertWith = db.prepare(
        `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      const without = columns.filter((c) => c !== spec.ownNumber);
      const insertWithout = db.prepare(
        `INSERT INTO ${table} (${without.map(quote).join(', ')}) VALUES (${without.map((c) => `@${c}`).join(', ')})`,
      );
      const parent = PARENT[spec.name];
      // A row named only by a number SQLite chose is known by what it belongs to, not by that number.
      const numbered = spec.key.length === 1 && spec.key[0] === spec.ownNumber;
      for (const original of rows) {
        let row = original;
        // A reference to something the journal already has under another id points at that one.
        for (const [column, target] of Object.entries(REFERS[spec.name] ?? {})) {
          const here = sameAs.get(target)?.get(row[column]);
          if (here !== undefined) row = { ...row, [column]: here as ImportValue };
        }
        // Rows belonging to something already here (or not brought in) are its, and left as they are.
        const belongs = parent && !addedKeys.get(parent.table)!.has(JSON.stringify([row[parent.column]]));
        let leftOut = spec.name === 'entries' && !!options.leaveOut?.has(row['id'] as string);
        // A row naming an entry left out: the name goes where it may, else the row stays out with the entry.
        for (const column of options.leaveOut?.size ? (ENTRY_COLUMNS[spec.name] ?? []) : []) {
          if (!options.leaveOut!.has(row[column] as string)) continue;
          if (spec.columns[column]!.nullable) row = { ...row, [column]: null };
          else leftOut = true;
        }
        if (belongs || leftOut || (!numbered && exists.get(...spec.key.map((k) => row[k])) !== undefined)) {
          alreadyHere[spec.name]! += 1;
          continue;
        }
        const twin = uniques
          .map((statement, i) => statement.get(row[UNIQUE[spec.name]![i]!]))
          .find((found) => found !== undefined);
        if (twin !== undefined) {
          if (spec.key.length === 1) sameAs.get(spec.name)!.set(row[spec.key[0]!], twin);
          alreadyHere[spec.name]! += 1;
          continue;
        }
        for (const column of JSON_COLUMNS[spec.name] ?? []) parseJson(row[column], `${spec.name}.${column}`);
        if (spec.name === 'entries' || spec.name === 'entry_revisions') row = document(row, spec.name);
        const params = Object.fromEntries(
          columns.map((c) => [c, row[c] instanceof Uint8Array ? Buffer.from(row[c] as Uint8Array) : row[c]]),
        );
        try {
          if (spec.ownNumber && numberTaken!.get(row[spec.ownNumber]) !== undefined) {
            // A new number: the row is known by it from now on (its key, when the number is the key).
            const info = insertWithout.run(params);
            row = { ...row, [spec.ownNumber]: Number(info.lastInsertRowid) };
          } else insertWith.run(params);
        } catch (error) {
          throw notLaidOut(`${spec.name}: ${(error as Error).message}`);
        }
        addedKeys.get(spec.name)!.add(keyOf(spec, row));
        added[spec.name]! += 1;
      }
    }
    // Foreign keys are checked as each row goes in; a row pointing at something missing has stopped it.
  });
  run();
  const keys: Record<string, ImportValue[][]> = {};
  for (const [table, set] of addedKeys) keys[table] = [...set].map((key) => JSON.parse(key) as ImportValue[]);
  return { added, alreadyHere, addedKeys: keys };
}
