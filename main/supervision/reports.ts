import { stringify } from 'csv-stringify/sync';
import { dayOf, type HoursMonth, hoursByMonth, monthOf } from '../../common/supervision/hours';
import { type BalanceView, type EntryInSupervision, FUNCTIONS, type Supervisor } from '../../common/supervision/types';
import type { Contracts } from './contracts';
import type { Sessions } from './sessions';
import type { SupervisionStore } from './store';

export const BALANCE_SESSIONS = 6;
export const MISSING_AFTER = 3;

/** The rules of what supervision adds up to. The SQL is in reports-repository.ts. */
export class Reports {
  constructor(
    private readonly store: SupervisionStore,
    private readonly contracts: Contracts,
    private readonly sessions: Sessions,
  ) {}

  private repo() {
    return this.store.repos().reports;
  }

  balance(supervisorId: string): BalanceView {
    const sessions = this.repo().lastSessions(supervisorId, BALANCE_SESSIONS);
    const totals = { normative: 0, formative: 0, restorative: 0 };
    for (const s of sessions) for (const f of FUNCTIONS) totals[f] += s.counts[f];
    // Only sessions where something was discussed say anything about balance.
    const lastFew = sessions.filter((s) => FUNCTIONS.some((f) => s.counts[f] > 0)).slice(-MISSING_AFTER);
    const missing =
      lastFew.length < MISSING_AFTER ? [] : FUNCTIONS.filter((f) => lastFew.every((s) => s.counts[f] === 0));
    return { sessions, totals, missing };
  }

  hours(supervisorId: string, range: { from: string; to: string }): HoursMonth[] {
    return this.hoursOf(this.contracts.supervisor(supervisorId), range);
  }

  /** The hours of a supervisor already found. */
  private hoursOf(supervisor: Supervisor, range: { from: string; to: string }): HoursMonth[] {
    const sessions = this.repo().timedSessions(supervisor.id);
    // Months before the supervision began, or after it ended, have no minimum to fall short of.
    return hoursByMonth(sessions, supervisor.minHoursPerMonth, range, {
      from: supervisor.startDate.slice(0, 7),
      to: supervisor.endedAt ? supervisor.endedAt.slice(0, 7) : null,
    });
  }

  /** The hours log as CSV: one row a month, then one a session. Cells that could be read as formulas are defused. */
  hoursCsv(supervisorId: string, range: { from: string; to: string }): string {
    const supervisor = this.contracts.supervisor(supervisorId);
    const months = this.hoursOf(supervisor, range);
    const sessions = this.sessions.sessions(supervisorId).filter((s) => {
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
    return this.repo().forEntry(entryId);
  }
}
