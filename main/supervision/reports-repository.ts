import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TimedSession } from '../../common/supervision/hours';
import type { BalanceView, EntryInSupervision, SupervisionFunction } from '../../common/supervision/types';

/** The SQL of what supervision adds up to: the balance of functions, hours, an entry's place. The rules are in reports.ts. */
export class ReportsRepository {
  constructor(private readonly db: Database) {}

  /** The last `count` sessions of a supervision, oldest first, with the items discussed in each function. */
  lastSessions(supervisorId: string, count: number): BalanceView['sessions'] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.starts_at AS startsAt, s.time_zone AS timeZone,
           (SELECT count(*) FROM session_items i WHERE i.session_id = s.id AND i.outcome = 'discussed' AND i.function = 'normative') AS normative,
           (SELECT count(*) FROM session_items i WHERE i.session_id = s.id AND i.outcome = 'discussed' AND i.function = 'formative') AS formative,
           (SELECT count(*) FROM session_items i WHERE i.session_id = s.id AND i.outcome = 'discussed' AND i.function = 'restorative') AS restorative
         FROM supervision_sessions s WHERE s.supervisor_id = ? ORDER BY s.starts_at DESC LIMIT ?`,
      )
      .all(supervisorId, count) as ({ id: string; startsAt: string; timeZone: string } & Record<
      SupervisionFunction,
      number
    >)[];
    return rows
      .map((r) => ({
        sessionId: r.id,
        startsAt: r.startsAt,
        timeZone: r.timeZone,
        counts: { normative: r.normative, formative: r.formative, restorative: r.restorative },
      }))
      .reverse();
  }

  /** When each session of a supervision began, and how long it lasted. */
  timedSessions(supervisorId: string): TimedSession[] {
    return this.db
      .prepare(
        'SELECT starts_at AS startsAt, time_zone AS timeZone, minutes FROM supervision_sessions WHERE supervisor_id = ?',
      )
      .all(supervisorId) as TimedSession[];
  }

  /** The agendas (of supervisions under way) and the sessions an entry is on. */
  forEntry(entryId: string): EntryInSupervision {
    const agenda = this.db
      .prepare(
        `SELECT a.id AS itemId, a.supervisor_id AS supervisorId, s.name AS supervisorName, a.title FROM agenda_items a
           JOIN supervisors s ON s.id = a.supervisor_id WHERE a.source_entry_id = ? AND s.ended_at IS NULL
         ORDER BY a.created_at`,
      )
      .all(entryId) as EntryInSupervision['agenda'];
    const sessions = this.db
      .prepare(
        `SELECT s.id AS sessionId, s.supervisor_name AS supervisorName, s.starts_at AS startsAt, i.title, i.outcome
         FROM session_items i JOIN supervision_sessions s ON s.id = i.session_id
         WHERE i.source_entry_id = ? ORDER BY s.starts_at DESC`,
      )
      .all(entryId) as EntryInSupervision['sessions'];
    return { agenda, sessions };
  }
}
