import type { Database } from 'better-sqlite3-multiple-ciphers';
import type {
  Action,
  AgendaItem,
  ItemOutcome,
  OpenAction,
  SessionRecord,
  SocialGrace,
} from '../../common/supervision/types';

/** The SQL of session records and their actions. The rules are in sessions.ts. */

interface SessionRow {
  id: string;
  supervisor_id: string | null;
  supervisor_name: string;
  starts_at: string;
  time_zone: string;
  minutes: number;
  attendees: string;
  notes: string;
}

/** A session as written: checked, with the supervisor's name kept alongside. */
export type SessionValues = Omit<SessionRecord, 'supervisorId' | 'items' | 'actions'> & {
  supervisorId: string;
  stamp: string;
};

/** An agenda item as it stood in the session, with what became of it. */
export interface SessionItemValues {
  item: AgendaItem;
  outcome: ItemOutcome;
  discussed: string;
  decided: string;
}

/** What carrying an action forward needs to know of it. */
type ActionState = Pick<Action, 'id' | 'text' | 'due' | 'doneAt'>;

/** An action and the supervision its session belongs to (null once that supervisor is deleted). */
type ActionOf = Pick<Action, 'id' | 'text' | 'due'> & { supervisorId: string | null };

const ACTION_COLUMNS = 'id, session_id AS sessionId, text, owner, due, done_at AS doneAt';

export class SessionsRepository {
  constructor(private readonly db: Database) {}

  insert(session: SessionValues): void {
    this.db
      .prepare(
        `INSERT INTO supervision_sessions (id, supervisor_id, supervisor_name, starts_at, time_zone, minutes, attendees, notes,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.id,
        session.supervisorId,
        session.supervisorName,
        session.startsAt,
        session.timeZone,
        session.minutes,
        session.attendees,
        session.notes,
        session.stamp,
        session.stamp,
      );
  }

  /** The items in the order given. */
  insertItems(sessionId: string, items: readonly SessionItemValues[]): void {
    const insert = this.db.prepare(
      `INSERT INTO session_items (session_id, position, title, question, function, source_entry_id, agenda_item_id,
         notes, excerpt, seven_eyed, graces_json, priority, minutes, outcome, discussed, decided)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach(({ item, outcome, discussed, decided }, i) => {
      insert.run(
        sessionId,
        i + 1,
        item.title,
        item.question,
        item.function,
        item.source.kind === 'entry' ? item.source.entryId : null,
        item.id,
        item.notes,
        item.source.kind === 'entry' ? item.source.excerpt : null,
        item.sevenEyed,
        JSON.stringify(item.graces),
        item.priority,
        item.minutes,
        outcome,
        discussed,
        decided,
      );
    });
  }

  insertActions(sessionId: string, actions: readonly Omit<Action, 'sessionId' | 'doneAt'>[], stamp: string): void {
    const insert = this.db.prepare(
      'INSERT INTO supervision_actions (id, session_id, text, owner, due, done_at, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)',
    );
    for (const a of actions) insert.run(a.id, sessionId, a.text, a.owner, a.due, stamp);
  }

  /** Every action of a supervision, in the order its sessions came. */
  actionsOf(supervisorId: string): ActionState[] {
    return this.db
      .prepare(
        `SELECT a.id, a.text, a.due, a.done_at AS doneAt FROM supervision_actions a
           JOIN supervision_sessions s ON s.id = a.session_id
         WHERE s.supervisor_id = ? ORDER BY s.starts_at, a.created_at, a.rowid`,
      )
      .all(supervisorId) as ActionState[];
  }

  /** Newest first; all of them when `supervisorId` is null. */
  list(supervisorId: string | null): SessionRecord[] {
    return this.read('(@sid IS NULL OR supervisor_id = @sid)', { sid: supervisorId });
  }

  get(id: string): SessionRecord | undefined {
    return this.read('id = @id', { id })[0];
  }

  /** Sessions with their items and actions: three reads in all, however many sessions there are. */
  private read(where: string, params: Record<string, unknown>): SessionRecord[] {
    const rows = this.db
      .prepare(`SELECT * FROM supervision_sessions WHERE ${where} ORDER BY starts_at DESC`)
      .all(params) as SessionRow[];
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const items = this.db
      .prepare(
        `SELECT session_id, title, question, function, source_entry_id AS sourceEntryId, agenda_item_id AS agendaItemId,
           notes, excerpt,
           seven_eyed AS sevenEyed, graces_json, priority, minutes, outcome, discussed, decided
         FROM session_items WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY session_id, position`,
      )
      .all(ids) as (Omit<SessionRecord['items'][number], 'graces'> & { session_id: string; graces_json: string })[];
    const actions = this.db
      .prepare(
        `SELECT ${ACTION_COLUMNS} FROM supervision_actions
         WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
      )
      .all(ids) as Action[];
    const itemsBy = groupBy(
      items,
      (i) => i.session_id,
      ({ session_id: _, graces_json, ...item }) => ({ ...item, graces: JSON.parse(graces_json) as SocialGrace[] }),
    );
    const actionsBy = groupBy(
      actions,
      (a) => a.sessionId,
      (a) => a,
    );
    return rows.map((row) => ({
      id: row.id,
      supervisorId: row.supervisor_id,
      supervisorName: row.supervisor_name,
      startsAt: row.starts_at,
      timeZone: row.time_zone,
      minutes: row.minutes,
      attendees: row.attendees,
      notes: row.notes,
      items: itemsBy.get(row.id) ?? [],
      actions: actionsBy.get(row.id) ?? [],
    }));
  }

  /** False when there is no such session. Its actions go with it. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM supervision_sessions WHERE id = ?').run(id).changes > 0;
  }

  actionWithSupervisor(actionId: string): ActionOf | undefined {
    return this.db
      .prepare(
        `SELECT a.id, a.text, a.due, s.supervisor_id AS supervisorId FROM supervision_actions a
           JOIN supervision_sessions s ON s.id = a.session_id WHERE a.id = ?`,
      )
      .get(actionId) as ActionOf | undefined;
  }

  action(actionId: string): Action {
    return this.db.prepare(`SELECT ${ACTION_COLUMNS} FROM supervision_actions WHERE id = ?`).get(actionId) as Action;
  }

  setDone(actionId: string, doneAt: string | null): void {
    this.db.prepare('UPDATE supervision_actions SET done_at = ? WHERE id = ?').run(doneAt, actionId);
  }

  /** Open actions of a supervision (or all), oldest first. */
  openActions(supervisorId: string | null): OpenAction[] {
    return this.db
      .prepare(
        `SELECT a.id, a.session_id AS sessionId, a.text, a.owner, a.due, a.done_at AS doneAt, s.supervisor_name AS supervisorName
         FROM supervision_actions a JOIN supervision_sessions s ON s.id = a.session_id
         WHERE a.done_at IS NULL AND (@sid IS NULL OR s.supervisor_id = @sid) ORDER BY a.due IS NULL, a.due, a.created_at`,
      )
      .all({ sid: supervisorId }) as OpenAction[];
  }
}

/** Rows by a key, each turned into what the group holds, in the order they came. */
function groupBy<T, U>(rows: readonly T[], key: (row: T) => string, value: (row: T) => U): Map<string, U[]> {
  const groups = new Map<string, U[]>();
  for (const row of rows) {
    const list = groups.get(key(row)) ?? [];
    list.push(value(row));
    groups.set(key(row), list);
  }
  return groups;
}
