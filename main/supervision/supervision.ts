import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../common/errors';
import { carryForward } from '../../common/supervision/carry-forward';
import { dayOf, type HoursMonth, hoursByMonth, monthOf, safeTimeZone } from '../../common/supervision/hours';
import {
  type Action,
  type AgendaItem,
  type AgendaSource,
  type BalanceView,
  FREQUENCIES,
  type Frequency,
  FUNCTIONS,
  type ItemOutcome,
  PRIORITIES,
  type Priority,
  type SessionRecord,
  SOCIAL_GRACES,
  type SocialGrace,
  SUPERVISION_TYPES,
  type SupervisionFunction,
  type SupervisionType,
  type Supervisor,
} from '../../common/supervision/types';
import type { Vault } from '../vault/vault';

export interface SupervisorInput {
  id?: string | undefined;
  name: string;
  role: string;
  type: string;
  frequency: string;
  minHoursPerMonth: number;
  sessionMinutes: number;
  focusAreas: string[];
  startDate: string;
}

export interface AgendaItemInput {
  title: string;
  question: string;
  notes: string;
  function: string;
  sevenEyed: number | null;
  graces: string[];
  priority: string;
  minutes: number;
}

export type NewAgendaSource =
  { kind: 'scratch' } | { kind: 'entry'; entryId: string; excerpt: string | null } | { kind: 'trend' };

export interface SessionInput {
  supervisorId: string;
  startsAt: string;
  timeZone: string;
  minutes: number;
  attendees: string;
  notes: string;
  items: { agendaItemId: string; outcome: ItemOutcome; discussed: string; decided: string }[];
  actions: { text: string; owner: string; due: string | null }[];
}

/** An entry's place in supervision: on an agenda now, or discussed in a session. */
export interface EntryInSupervision {
  agenda: { itemId: string; supervisorId: string; supervisorName: string; title: string }[];
  sessions: { sessionId: string; supervisorName: string; startsAt: string; title: string; outcome: ItemOutcome }[];
}

export const BALANCE_SESSIONS = 6;
export const MISSING_AFTER = 3;
const MAX_TEXT = 5000;
const MAX_SHORT = 200;

const invalid = (message: string) => new AppError('INVALID_INPUT', message);
const notFound = (what: string) =>
  new AppError('NOT_FOUND', `That ${what} could not be found. It may have been deleted.`);

function text(value: string, what: string, max = MAX_TEXT): string {
  const tidy = value.replace(/\r\n?/g, '\n').trim();
  if (tidy.length > max)
    throw invalid(`${what} is longer than ${max.toLocaleString('en-GB')} characters. Could it be shorter?`);
  return tidy;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], message: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw invalid(message);
  return value as T;
}

const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

interface SupervisorRow {
  id: string;
  name: string;
  role: string;
  type: SupervisionType;
  frequency: Frequency;
  min_hours: number;
  session_minutes: number;
  focus_json: string;
  start_date: string;
  ended_at: string | null;
}

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

const toSupervisor = (r: SupervisorRow): Supervisor => ({
  id: r.id,
  name: r.name,
  role: r.role,
  type: r.type,
  frequency: r.frequency,
  minHoursPerMonth: r.min_hours,
  sessionMinutes: r.session_minutes,
  focusAreas: JSON.parse(r.focus_json) as string[],
  startDate: r.start_date,
  endedAt: r.ended_at,
});

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

/** Supervisors and contracts, agendas, session records, actions and the hours log. */
export class SupervisionService {
  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private db(): Database {
    return this.vault.db();
  }

  private tx<T>(fn: (db: Database) => T): T {
    const db = this.db();
    return db.transaction(() => fn(db))();
  }

  // Supervisors and contracts

  supervisors(): Supervisor[] {
    return (
      this.db()
        .prepare('SELECT * FROM supervisors ORDER BY ended_at IS NOT NULL, start_date, name COLLATE NOCASE')
        .all() as SupervisorRow[]
    ).map(toSupervisor);
  }

  supervisor(id: string): Supervisor {
    const row = this.db().prepare('SELECT * FROM supervisors WHERE id = ?').get(id) as SupervisorRow | undefined;
    if (!row) throw notFound('supervisor');
    return toSupervisor(row);
  }

  saveSupervisor(input: SupervisorInput): Supervisor {
    const name = text(input.name, 'The name', MAX_SHORT).replace(/\s+/g, ' ');
    if (!name) throw invalid('Please give your supervisor’s name, or a name for the group.');
    const role = text(input.role, 'The role', MAX_SHORT);
    const type = oneOf(input.type, SUPERVISION_TYPES, 'Please choose individual, group or peer supervision.');
    const frequency = oneOf(input.frequency, FREQUENCIES, 'Please choose how often you meet.');
    if (!Number.isFinite(input.minHoursPerMonth) || input.minHoursPerMonth < 0 || input.minHoursPerMonth > 200) {
      throw invalid('The minimum hours a month should be a number from 0 to 200, such as 1.5.');
    }
    if (!Number.isInteger(input.sessionMinutes))
      throw invalid('Please give the usual session length in whole minutes.');
    if (input.sessionMinutes < 5 || input.sessionMinutes > 600) {
      throw invalid('A usual session length should be between 5 minutes and 10 hours.');
    }
    if (!isDay(input.startDate)) throw invalid('Please give the day the supervision began.');
    const focus = [...new Set(input.focusAreas.map((f) => f.replace(/\s+/g, ' ').trim()).filter(Boolean))];
    if (focus.length > 20 || focus.some((f) => f.length > 80)) {
      throw invalid('Please keep to twenty focus areas of a few words each.');
    }
    const stamp = this.now().toISOString();
    const id = input.id ?? randomUUID();
    const values = {
      id,
      name,
      role,
      type,
      frequency,
      minHours: input.minHoursPerMonth,
      sessionMinutes: input.sessionMinutes,
      focus: JSON.stringify(focus),
      startDate: input.startDate,
      stamp,
    };
    if (input.id) {
      const changed = this.db()
        .prepare(
          `UPDATE supervisors SET name = @name, role = @role, type = @type, frequency = @frequency, min_hours = @minHours,
             session_minutes = @sessionMinutes, focus_json = @focus, start_date = @startDate, updated_at = @stamp WHERE id = @id`,
        )
        .run(values).changes;
      if (!changed) throw notFound('supervisor');
    } else {
      this.db()
        .prepare(
          `INSERT INTO supervisors (id, name, role, type, frequency, min_hours, session_minutes, focus_json, start_date,
             created_at, updated_at)
           VALUES (@id, @name, @role, @type, @frequency, @minHours, @sessionMinutes, @focus, @startDate, @stamp, @stamp)`,
        )
        .run(values);
    }
    return this.supervisor(id);
  }

  /** A supervision still under way: an ended one keeps its records but takes nothing new. */
  private current(id: string): Supervisor {
    const supervisor = this.supervisor(id);
    if (supervisor.endedAt) {
      throw new AppError(
        'INVALID_INPUT',
        'This supervision has ended. Resume it first if you would like to add to it.',
      );
    }
    return supervisor;
  }

  /** Ends (or resumes) a supervision; everything recorded stays. */
  setEnded(id: string, ended: boolean): Supervisor {
    const changed = this.db()
      .prepare('UPDATE supervisors SET ended_at = ?, updated_at = ? WHERE id = ?')
      .run(ended ? this.now().toISOString() : null, this.now().toISOString(), id).changes;
    if (!changed) throw notFound('supervisor');
    return this.supervisor(id);
  }

  /** Its agenda goes; its sessions stay, under the name they were recorded with. */
  deleteSupervisor(id: string): void {
    if (this.db().prepare('DELETE FROM supervisors WHERE id = ?').run(id).changes === 0) throw notFound('supervisor');
  }

  // The agenda

  agenda(supervisorId: string): AgendaItem[] {
    this.supervisor(supervisorId);
    return (
      this.db()
        .prepare(
          `SELECT a.*, e.title AS current_title FROM agenda_items a LEFT JOIN entries e ON e.id = a.source_entry_id
           WHERE a.supervisor_id = ? ORDER BY a.position, a.created_at`,
        )
        .all(supervisorId) as AgendaRow[]
    ).map(toAgendaItem);
  }

  private agendaItem(id: string): AgendaItem {
    const row = this.db()
      .prepare(
        `SELECT a.*, e.title AS current_title FROM agenda_items a LEFT JOIN entries e ON e.id = a.source_entry_id
         WHERE a.id = ?`,
      )
      .get(id) as AgendaRow | undefined;
    if (!row) throw notFound('agenda item');
    return toAgendaItem(row);
  }

  private checkItem(input: AgendaItemInput) {
    const title = text(input.title, 'The title', MAX_SHORT).replace(/\s+/g, ' ');
    if (!title) throw invalid('Please give the item a title, a few words are enough.');
    const fn = oneOf(input.function, FUNCTIONS, 'Please choose normative, formative or restorative.');
    if (
      input.sevenEyed !== null &&
      (!Number.isInteger(input.sevenEyed) || input.sevenEyed < 1 || input.sevenEyed > 7)
    ) {
      throw invalid('Please choose one of the seven modes, or none.');
    }
    const graces = [...new Set(input.graces)];
    for (const g of graces) oneOf(g, SOCIAL_GRACES, 'Please choose from the Social GRACES listed.');
    const priority = oneOf(input.priority, PRIORITIES, 'Please choose a priority.');
    if (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes > 600) {
      throw invalid('Please give the time for this item in whole minutes, up to 600.');
    }
    return {
      title,
      question: text(input.question, 'What you want from supervision'),
      notes: text(input.notes, 'The notes', 20_000),
      fn,
      sevenEyed: input.sevenEyed,
      graces: JSON.stringify(graces),
      priority,
      minutes: input.minutes,
    };
  }

  addAgendaItem(
    supervisorId: string,
    input: AgendaItemInput,
    source: NewAgendaSource = { kind: 'scratch' },
  ): AgendaItem {
    const id = randomUUID();
    this.tx((db) => this.insertItem(db, supervisorId, id, input, source));
    return this.agendaItem(id);
  }

  private insertItem(
    db: Database,
    supervisorId: string,
    id: string,
    input: AgendaItemInput,
    source: NewAgendaSource | { kind: 'action'; actionId: string },
  ): void {
    this.current(supervisorId);
    const item = this.checkItem(input);
    let entryId: string | null = null;
    let sourceTitle = '';
    let excerpt: string | null = null;
    if (source.kind === 'entry') {
      const entry = db.prepare('SELECT title, deleted_at FROM entries WHERE id = ?').get(source.entryId) as
        { title: string; deleted_at: string | null } | undefined;
      if (!entry || entry.deleted_at) throw notFound('entry');
      entryId = source.entryId;
      sourceTitle = entry.title;
      excerpt = source.excerpt === null ? null : text(source.excerpt, 'The excerpt', 20_000) || null;
    }
    const stamp = this.now().toISOString();
    db.prepare(
      `INSERT INTO agenda_items (id, supervisor_id, title, question, notes, function, seven_eyed, graces_json, priority,
         minutes, position, source_kind, source_entry_id, source_title, excerpt, action_id, created_at, updated_at)
       VALUES (@id, @supervisorId, @title, @question, @notes, @fn, @sevenEyed, @graces, @priority, @minutes,
         (SELECT COALESCE(max(position), 0) + 1 FROM agenda_items WHERE supervisor_id = @supervisorId),
         @kind, @entryId, @sourceTitle, @excerpt, @actionId, @stamp, @stamp)`,
    ).run({
      id,
      supervisorId,
      ...item,
      kind: source.kind,
      entryId,
      sourceTitle,
      excerpt,
      actionId: source.kind === 'action' ? source.actionId : null,
      stamp,
    });
  }

  updateAgendaItem(id: string, input: AgendaItemInput): AgendaItem {
    const item = this.checkItem(input);
    const changed = this.db()
      .prepare(
        `UPDATE agenda_items SET title = @title, question = @question, notes = @notes, function = @fn,
           seven_eyed = @sevenEyed, graces_json = @graces, priority = @priority, minutes = @minutes, updated_at = @stamp
         WHERE id = @id`,
      )
      .run({ id, ...item, stamp: this.now().toISOString() }).changes;
    if (!changed) throw notFound('agenda item');
    return this.agendaItem(id);
  }

  removeAgendaItem(id: string): void {
    if (this.db().prepare('DELETE FROM agenda_items WHERE id = ?').run(id).changes === 0) throw notFound('agenda item');
  }

  /** The agenda in the order given; any item not named keeps its place after them. */
  reorderAgenda(supervisorId: string, ids: string[]): AgendaItem[] {
    this.current(supervisorId);
    this.tx((db) => {
      const current = this.agenda(supervisorId).map((i) => i.id);
      const order = [...ids.filter((id) => current.includes(id)), ...current.filter((id) => !ids.includes(id))];
      const update = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
      order.forEach((id, i) => update.run(i + 1, id));
    });
    return this.agenda(supervisorId);
  }

  /**
   * Entries flagged "bring to supervision" that are not on this agenda, and have not been discussed in
   * this supervision since they last changed (an entry stays flagged after it is discussed; it comes
   * back only with something new in it).
   */
  suggestions(supervisorId: string): { id: string; kind: string; title: string; excerpt: string; updatedAt: string }[] {
    return this.db()
      .prepare(
        `SELECT e.id, e.kind, e.title, e.excerpt, e.updated_at AS updatedAt FROM entries e
         WHERE e.bring_to_supervision = 1 AND e.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.source_entry_id = e.id AND a.supervisor_id = @sid)
           AND NOT EXISTS (
             SELECT 1 FROM session_items i JOIN supervision_sessions s ON s.id = i.session_id
             WHERE i.source_entry_id = e.id AND i.outcome = 'discussed' AND s.supervisor_id = @sid
               AND s.created_at >= e.updated_at)
         ORDER BY e.updated_at DESC LIMIT 50`,
      )
      .all({ sid: supervisorId }) as { id: string; kind: string; title: string; excerpt: string; updatedAt: string }[];
  }

  // Sessions

  recordSession(input: SessionInput): SessionRecord {
    const supervisor = this.current(input.supervisorId);
    if (!Number.isFinite(input.minutes) || input.minutes <= 0) {
      throw invalid('A session needs a length of at least one minute. How long did it last?');
    }
    if (!Number.isInteger(input.minutes)) throw invalid('Please give the session’s length in whole minutes.');
    if (input.minutes > 1440) throw invalid('A session of more than a day does not look right. How long did it last?');
    const at = Date.parse(input.startsAt);
    if (!Number.isFinite(at)) throw invalid('Please give the date and time the session began.');
    // An hour's grace for clocks that disagree; a session is recorded once it has happened.
    if (at > this.now().getTime() + 60 * 60 * 1000) {
      throw invalid('That session is still to come. Record it once it has happened.');
    }
    const attendees = text(input.attendees, 'Who was there', 2000);
    const notes = text(input.notes, 'The notes', 50_000);
    const actions = input.actions
      .map((a) => ({
        text: text(a.text, 'An action', 1000),
        owner: text(a.owner, 'Who will do it', MAX_SHORT),
        due: a.due,
      }))
      .filter((a) => {
        if (a.text) return true;
        // A row left wholly empty is simply left out; one with an owner or a date needs its words.
        if (a.owner || a.due) throw invalid('Each action needs a few words saying what it is.');
        return false;
      });
    for (const a of actions)
      if (a.due !== null && !isDay(a.due)) throw invalid('Please give each action’s due date as a real day.');
    const id = randomUUID();
    const stamp = this.now().toISOString();

    this.tx((db) => {
      const agenda = this.agenda(supervisor.id);
      const byId = new Map(input.items.map((i) => [i.agendaItemId, i]));
      for (const key of byId.keys()) {
        if (!agenda.some((a) => a.id === key)) throw notFound('agenda item');
      }
      db.prepare(
        `INSERT INTO supervision_sessions (id, supervisor_id, supervisor_name, starts_at, time_zone, minutes, attendees, notes,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        supervisor.id,
        supervisor.name,
        new Date(at).toISOString(),
        safeTimeZone(input.timeZone),
        input.minutes,
        attendees,
        notes,
        stamp,
        stamp,
      );
      const insertItem = db.prepare(
        `INSERT INTO session_items (session_id, position, title, question, function, source_entry_id, agenda_item_id,
           notes, excerpt, seven_eyed, graces_json, priority, minutes, outcome, discussed, decided)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const outcomes: Record<string, ItemOutcome> = {};
      agenda.forEach((item, i) => {
        const got = byId.get(item.id);
        const outcome: ItemOutcome = got?.outcome === 'discussed' ? 'discussed' : 'not-reached';
        outcomes[item.id] = outcome;
        insertItem.run(
          id,
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
          text(got?.discussed ?? '', 'What was discussed', 20_000),
          text(got?.decided ?? '', 'What was decided', 20_000),
        );
      });
      const insertAction = db.prepare(
        'INSERT INTO supervision_actions (id, session_id, text, owner, due, done_at, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)',
      );
      for (const a of actions) insertAction.run(randomUUID(), id, a.text, a.owner, a.due, stamp);

      const allActions = db
        .prepare(
          `SELECT a.id, a.text, a.due, a.done_at AS doneAt FROM supervision_actions a
             JOIN supervision_sessions s ON s.id = a.session_id
           WHERE s.supervisor_id = ? ORDER BY s.starts_at, a.created_at, a.rowid`,
        )
        .all(supervisor.id) as { id: string; text: string; due: string | null; doneAt: string | null }[];
      const result = carryForward({ sessionId: id, agenda, outcomes, actions: allActions });
      const remove = db.prepare('DELETE FROM agenda_items WHERE id = ?');
      for (const itemId of result.remove) remove.run(itemId);
      const carry = db.prepare('UPDATE agenda_items SET carried_from = ?, position = ? WHERE id = ?');
      result.carry.forEach((itemId, i) => carry.run(id, i + 1, itemId));
      for (const actionId of result.addActions) {
        const action = allActions.find((a) => a.id === actionId)!;
        this.insertItem(db, supervisor.id, randomUUID(), actionItemFor(action), { kind: 'action', actionId });
      }
    });
    return this.session(id);
  }

  sessions(supervisorId: string | null = null): SessionRecord[] {
    return this.readSessions('(@sid IS NULL OR supervisor_id = @sid)', { sid: supervisorId });
  }

  session(id: string): SessionRecord {
    const [found] = this.readSessions('id = @id', { id });
    if (!found) throw notFound('session');
    return found;
  }

  /** Sessions with their items and actions: three reads in all, however many sessions there are. */
  private readSessions(where: string, params: Record<string, unknown>): SessionRecord[] {
    const rows = this.db()
      .prepare(`SELECT * FROM supervision_sessions WHERE ${where} ORDER BY starts_at DESC`)
      .all(params) as {
      id: string;
      supervisor_id: string | null;
      supervisor_name: string;
      starts_at: string;
      time_zone: string;
      minutes: number;
      attendees: string;
      notes: string;
    }[];
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const items = this.db()
      .prepare(
        `SELECT session_id, title, question, function, source_entry_id AS sourceEntryId, agenda_item_id AS agendaItemId,
           notes, excerpt,
           seven_eyed AS sevenEyed, graces_json, priority, minutes, outcome, discussed, decided
         FROM session_items WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY session_id, position`,
      )
      .all(ids) as (Omit<SessionRecord['items'][number], 'graces'> & { session_id: string; graces_json: string })[];
    const actions = this.db()
      .prepare(
        `SELECT id, session_id AS sessionId, text, owner, due, done_at AS doneAt FROM supervision_actions
         WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
      )
      .all(ids) as Action[];
    const itemsBy = new Map<string, SessionRecord['items']>();
    for (const { session_id, graces_json, ...item } of items) {
      const list = itemsBy.get(session_id) ?? [];
      list.push({ ...item, graces: JSON.parse(graces_json) as SocialGrace[] });
      itemsBy.set(session_id, list);
    }
    const actionsBy = new Map<string, Action[]>();
    for (const action of actions) {
      const list = actionsBy.get(action.sessionId) ?? [];
      list.push(action);
      actionsBy.set(action.sessionId, list);
    }
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

  /** Removes a session recorded by mistake, with its actions. The agenda is left as it is now. */
  deleteSession(id: string): void {
    if (this.db().prepare('DELETE FROM supervision_sessions WHERE id = ?').run(id).changes === 0)
      throw notFound('session');
  }

  /** Marking an action done takes it off the agenda; undoing that puts it back. */
  setActionDone(actionId: string, done: boolean): Action {
    this.tx((db) => {
      const action = db
        .prepare(
          `SELECT a.id, a.text, a.due, s.supervisor_id AS supervisorId FROM supervision_actions a
             JOIN supervision_sessions s ON s.id = a.session_id WHERE a.id = ?`,
        )
        .get(actionId) as { id: string; text: string; due: string | null; supervisorId: string | null } | undefined;
      if (!action) throw notFound('action');
      db.prepare('UPDATE supervision_actions SET done_at = ? WHERE id = ?').run(
        done ? this.now().toISOString() : null,
        actionId,
      );
      if (done) {
        db.prepare('DELETE FROM agenda_items WHERE action_id = ?').run(actionId);
      } else if (
        action.supervisorId &&
        !this.supervisor(action.supervisorId).endedAt &&
        !db.prepare('SELECT 1 FROM agenda_items WHERE action_id = ?').get(actionId)
      ) {
        this.insertItem(db, action.supervisorId, randomUUID(), actionItemFor(action), { kind: 'action', actionId });
      }
    });
    return this.db()
      .prepare(
        'SELECT id, session_id AS sessionId, text, owner, due, done_at AS doneAt FROM supervision_actions WHERE id = ?',
      )
      .get(actionId) as Action;
  }

  /** Open actions of a supervision (or all), oldest first. */
  openActions(supervisorId: string | null = null): (Action & { supervisorName: string })[] {
    return this.db()
      .prepare(
        `SELECT a.id, a.session_id AS sessionId, a.text, a.owner, a.due, a.done_at AS doneAt, s.supervisor_name AS supervisorName
         FROM supervision_actions a JOIN supervision_sessions s ON s.id = a.session_id
         WHERE a.done_at IS NULL AND (@sid IS NULL OR s.supervisor_id = @sid) ORDER BY a.due IS NULL, a.due, a.created_at`,
      )
      .all({ sid: supervisorId }) as (Action & { supervisorName: string })[];
  }

  // Balance, hours and links

  balance(supervisorId: string): BalanceView {
    const rows = this.db()
      .prepare(
        `SELECT s.id, s.starts_at AS startsAt, s.time_zone AS timeZone,
           (SELECT count(*) FROM session_items i WHERE i.session_id = s.id AND i.outcome = 'discussed' AND i.function = 'normative') AS normative,
           (SELECT count(*) FROM session_items i WHERE i.session_id = s.id AND i.outcome = 'discussed' AND i.function = 'formative') AS formative,
           (SELECT count(*) FROM session_items i WHERE i.session_id = s.id AND i.outcome = 'discussed' AND i.function = 'restorative') AS restorative
         FROM supervision_sessions s WHERE s.supervisor_id = ? ORDER BY s.starts_at DESC LIMIT ?`,
      )
      .all(supervisorId, BALANCE_SESSIONS) as ({ id: string; startsAt: string; timeZone: string } & Record<
      SupervisionFunction,
      number
    >)[];
    const sessions = rows
      .map((r) => ({
        sessionId: r.id,
        startsAt: r.startsAt,
        timeZone: r.timeZone,
        counts: { normative: r.normative, formative: r.formative, restorative: r.restorative },
      }))
      .reverse();
    const totals = { normative: 0, formative: 0, restorative: 0 };
    for (const s of sessions) for (const f of FUNCTIONS) totals[f] += s.counts[f];
    // Only sessions where something was discussed say anything about balance.
    const lastFew = sessions.filter((s) => FUNCTIONS.some((f) => s.counts[f] > 0)).slice(-MISSING_AFTER);
    const missing =
      lastFew.length < MISSING_AFTER ? [] : FUNCTIONS.filter((f) => lastFew.every((s) => s.counts[f] === 0));
    return { sessions, totals, missing };
  }

  hours(supervisorId: string, range: { from: string; to: string }): HoursMonth[] {
    const supervisor = this.supervisor(supervisorId);
    const sessions = this.db()
      .prepare(
        'SELECT starts_at AS startsAt, time_zone AS timeZone, minutes FROM supervision_sessions WHERE supervisor_id = ?',
      )
      .all(supervisorId) as { startsAt: string; timeZone: string; minutes: number }[];
    // Months before the supervision began, or after it ended, have no minimum to fall short of.
    return hoursByMonth(sessions, supervisor.minHoursPerMonth, range, {
      from: supervisor.startDate.slice(0, 7),
      to: supervisor.endedAt ? supervisor.endedAt.slice(0, 7) : null,
    });
  }

  /** The hours log as CSV: one row a month, then one a session. Cells that could be read as formulas are defused. */
  hoursCsv(supervisorId: string, range: { from: string; to: string }): string {
    const supervisor = this.supervisor(supervisorId);
    const months = this.hours(supervisorId, range);
    const sessions = this.sessions(supervisorId).filter((s) => {
      const month = monthOf(s.startsAt, s.timeZone);
      return month >= range.from && month <= range.to;
    });
    const safe = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
    const hours = (minutes: number) => (minutes / 60).toFixed(2);
    const rows: string[][] = [
      ['Supervisor', 'Month', 'Sessions', 'Hours', 'Minimum hours', 'Met minimum'],
      ...months.map((m) => [
        safe(supervisor.name),
        m.month,
        String(m.sessions),
        hours(m.minutes),
        m.inContract ? hours(m.minimumMinutes) : '',
        m.inContract ? (m.shortBy === 0 ? 'yes' : 'no') : 'outside the contract',
      ]),
      [],
      ['Supervisor', 'Date', 'Month', 'Minutes', 'Hours', 'Who was there'],
      ...sessions
        .slice()
        .reverse()
        .map((s) => [
          safe(s.supervisorName),
          dayOf(s.startsAt, s.timeZone),
          monthOf(s.startsAt, s.timeZone),
          String(s.minutes),
          hours(s.minutes),
          safe(s.attendees),
        ]),
    ];
    return stringify(rows, { bom: true, record_delimiter: 'windows' });
  }

  forEntry(entryId: string): EntryInSupervision {
    const agenda = this.db()
      .prepare(
        `SELECT a.id AS itemId, a.supervisor_id AS supervisorId, s.name AS supervisorName, a.title FROM agenda_items a
           JOIN supervisors s ON s.id = a.supervisor_id WHERE a.source_entry_id = ? AND s.ended_at IS NULL
         ORDER BY a.created_at`,
      )
      .all(entryId) as EntryInSupervision['agenda'];
    const sessions = this.db()
      .prepare(
        `SELECT s.id AS sessionId, s.supervisor_name AS supervisorName, s.starts_at AS startsAt, i.title, i.outcome
         FROM session_items i JOIN supervision_sessions s ON s.id = i.session_id
         WHERE i.source_entry_id = ? ORDER BY s.starts_at DESC`,
      )
      .all(entryId) as EntryInSupervision['sessions'];
    return { agenda, sessions };
  }
}

/** "19 November 2026", from a YYYY-MM-DD day. */
const longDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The agenda item that carries an open action forward. */
function actionItemFor(action: { text: string; due: string | null }): AgendaItemInput {
  const title = `Action: ${action.text}`.slice(0, MAX_SHORT);
  return {
    title,
    question: action.due ? `Due ${longDay(action.due)}. Where has it got to?` : 'Where has it got to?',
    notes: '',
    function: 'normative',
    sevenEyed: null,
    graces: [],
    priority: 'medium',
    minutes: 5,
  };
}
