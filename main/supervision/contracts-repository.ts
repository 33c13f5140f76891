import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Frequency, SupervisionType, Supervisor } from '../../common/supervision/types';

/** The SQL of supervisors and their contracts. The rules are in contracts.ts. */

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

/** A contract as written: checked, with its focus areas as JSON. */
export interface SupervisorValues {
  id: string;
  name: string;
  role: string;
  type: SupervisionType;
  frequency: Frequency;
  minHours: number;
  sessionMinutes: number;
  focus: string;
  startDate: string;
  stamp: string;
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

export class ContractsRepository {
  constructor(private readonly db: Database) {}

  all(): Supervisor[] {
    return (
      this.db
        .prepare('SELECT * FROM supervisors ORDER BY ended_at IS NOT NULL, start_date, name COLLATE NOCASE')
        .all() as SupervisorRow[]
    ).map(toSupervisor);
  }

  get(id: string): Supervisor | undefined {
    const row = this.db.prepare('SELECT * FROM supervisors WHERE id = ?').get(id) as SupervisorRow | undefined;
    return row && toSupervisor(row);
  }

  insert(values: SupervisorValues): void {
    this.db
      .prepare(
        `INSERT INTO supervisors (id, name, role, type, frequency, min_hours, session_minutes, focus_json, start_date,
           created_at, updated_at)
         VALUES (@id, @name, @role, @type, @frequency, @minHours, @sessionMinutes, @focus, @startDate, @stamp, @stamp)`,
      )
      .run(values);
  }

  /** False when there is no such supervisor. */
  update(values: SupervisorValues): boolean {
    return (
      this.db
        .prepare(
          `UPDATE supervisors SET name = @name, role = @role, type = @type, frequency = @frequency, min_hours = @minHours,
             session_minutes = @sessionMinutes, focus_json = @focus, start_date = @startDate, updated_at = @stamp WHERE id = @id`,
        )
        .run(values).changes > 0
    );
  }

  /** False when there is no such supervisor. */
  setEnded(id: string, endedAt: string | null, stamp: string): boolean {
    return (
      this.db.prepare('UPDATE supervisors SET ended_at = ?, updated_at = ? WHERE id = ?').run(endedAt, stamp, id)
        .changes > 0
    );
  }

  /** False when there is no such supervisor. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM supervisors WHERE id = ?').run(id).changes > 0;
  }
}
