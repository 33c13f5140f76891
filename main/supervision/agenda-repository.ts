import type { Database } from 'better-sqlite3-multiple-ciphers';
import type {
  AgendaItem,
  AgendaSource,
  FlaggedEntry,
  Priority,
  SocialGrace,
  SupervisionFunction,
} from '../../common/supervision/types';

/** The SQL of agendas. The rules are in agenda.ts. */

interface AgendaRow {
  id: string;
  supervisor_id: string;
  title: string;
  question: string;
  notes: string;
  function: SupervisionFunction;
  seven_eyed: number | null;
  graces_json: string;
  priority: Priority;
  minutes: number;
  position: number;
  source_kind: AgendaSource['kind'];
  source_entry_id: string | null;
  source_title: string;
  current_title: string | null;
  excerpt: string | null;
  action_id: string | null;
  carried_from: string | null;
  created_at: string;
}

/** An item's own fields, checked, with its graces as JSON. */
export interface ItemValues {
  title: string;
  question: string;
  notes: string;
  fn: SupervisionFunction;
  sevenEyed: number | null;
  graces: string;
  priority: Priority;
  minutes: number;
}

/** A new item: its fields, where it came from, and when. */
export interface NewItemValues extends ItemValues {
  id: string;
  supervisorId: string;
  kind: AgendaSource['kind'];
  entryId: string | null;
  sourceTitle: string;
  excerpt: string | null;
  actionId: string | null;
  stamp: string;
}

function toAgendaItem(r: AgendaRow): AgendaItem {
  const source: AgendaSource =
    r.source_kind === 'entry'
      ? { kind: 'entry', entryId: r.source_entry_id, entryTitle: r.current_title ?? r.source_title, excerpt: r.excerpt }
      : r.source_kind === 'action'
        ? { kind: 'action', actionId: r.action_id ?? '' }
        : { kind: r.source_kind };
  return {
    id: r.id,
    supervisorId: r.supervisor_id,
    title: r.title,
    question: r.question,
    notes: r.notes,
    function: r.function,
    sevenEyed: r.seven_eyed,
    graces: JSON.parse(r.graces_json) as SocialGrace[],
    priority: r.priority,
    minutes: r.minutes,
    position: r.position,
    source,
    carriedFrom: r.carried_from,
    createdAt: r.created_at,
  };
}

/** Items with the current title of the entry each came from. */
const SELECT_ITEMS =
  'SELECT a.*, e.title AS current_title FROM agenda_items a LEFT JOIN entries e ON e.id = a.source_entry_id';

export class AgendaRepository {
  constructor(private readonly db: Database) {}

  items(supervisorId: string): AgendaItem[] {
    return (
      this.db
        .prepare(`${SELECT_ITEMS} WHERE a.supervisor_id = ? ORDER BY a.position, a.created_at`)
        .all(supervisorId) as AgendaRow[]
    ).map(toAgendaItem);
  }

  item(id: string): AgendaItem | undefined {
    const row = this.db.prepare(`${SELECT_ITEMS} WHERE a.id = ?`).get(id) as AgendaRow | undefined;
    return row && toAgendaItem(row);
  }

  /** The entry an item is to come from, deleted or not. */
  entry(entryId: string): { title: string; deletedAt: string | null } | undefined {
    return this.db.prepare('SELECT title, deleted_at AS deletedAt FROM entries WHERE id = ?').get(entryId) as
      { title: string; deletedAt: string | null } | undefined;
  }

  /** Adds the item at the end of its supervisor's agenda. */
  insert(values: NewItemValues): void {
    this.db
      .prepare(
        `INSERT INTO agenda_items (id, supervisor_id, title, question, notes, function, seven_eyed, graces_json, priority,
           minutes, position, source_kind, source_entry_id, source_title, excerpt, action_id, created_at, updated_at)
         VALUES (@id, @supervisorId, @title, @question, @notes, @fn, @sevenEyed, @graces, @priority, @minutes,
           (SELECT COALESCE(max(position), 0) + 1 FROM agenda_items WHERE supervisor_id = @supervisorId),
           @kind, @entryId, @sourceTitle, @excerpt, @actionId, @stamp, @stamp)`,
      )
      .run(values);
  }

  /** False when there is no such item. */
  update(id: string, values: ItemValues, stamp: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE agenda_items SET title = @title, question = @question, notes = @notes, function = @fn,
             seven_eyed = @sevenEyed, graces_json = @graces, priority = @priority, minutes = @minutes, updated_at = @stamp
           WHERE id = @id`,
        )
        .run({ id, ...values, stamp }).changes > 0
    );
  }

  /** How many of the items there were. */
  remove(ids: readonly string[]): number {
    const remove = this.db.prepare('DELETE FROM agenda_items WHERE id = ?');
    let removed = 0;
    for (const id of ids) removed += remove.run(id).changes;
    return removed;
  }

  /** Numbers the items 1, 2, 3… in the order given. */
  reorder(ids: readonly string[]): void {
    const update = this.db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
    ids.forEach((id, i) => update.run(i + 1, id));
  }

  /** Marks the items carried from a session, numbering them 1, 2, 3… in the order given. */
  carry(sessionId: string, ids: readonly string[]): void {
    const carry = this.db.prepare('UPDATE agenda_items SET carried_from = ?, position = ? WHERE id = ?');
    ids.forEach((id, i) => carry.run(sessionId, i + 1, id));
  }

  hasAction(actionId: string): boolean {
    return this.db.prepare('SELECT 1 FROM agenda_items WHERE action_id = ?').get(actionId) !== undefined;
  }

  removeAction(actionId: string): void {
    this.db.prepare('DELETE FROM agenda_items WHERE action_id = ?').run(actionId);
  }

  /** See Agendas.flagged. */
  flagged(supervisorId: string): FlaggedEntry[] {
    const rows = this.db
      .prepare(
        `SELECT e.id, e.kind, e.title, e.excerpt, e.updated_at AS updatedAt,
                (SELECT json_group_array(t.tag) FROM entry_tags t WHERE t.entry_id = e.id) AS tagsJson
         FROM entries e
         WHERE e.bring_to_supervision = 1 AND e.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.source_entry_id = e.id AND a.supervisor_id = @sid)
           AND NOT EXISTS (
             SELECT 1 FROM session_items i JOIN supervision_sessions s ON s.id = i.session_id
             WHERE i.source_entry_id = e.id AND i.outcome = 'discussed' AND s.supervisor_id = @sid
               AND s.created_at >= e.updated_at)
         ORDER BY e.updated_at DESC LIMIT 50`,
      )
      .all({ sid: supervisorId }) as (Omit<FlaggedEntry, 'tags'> & { tagsJson: string })[];
    return rows.map(({ tagsJson, ...row }) => ({ ...row, tags: JSON.parse(tagsJson) as string[] }));
  }
}
