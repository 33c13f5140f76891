import type { HoursMonth } from '../../common/supervision/hours';
import type {
  Action,
  OpenAction,
  AgendaItem,
  BalanceView,
  EntryInSupervision,
  FlaggedEntry,
  SessionRecord,
  Supervisor,
} from '../../common/supervision/types';
import type { Vault } from '../vault/vault';
import { type AgendaItemInput, Agendas, type NewAgendaSource } from './agenda';
import { Contracts, type SupervisorInput } from './contracts';
import { Reports } from './reports';
import { type SessionInput, Sessions } from './sessions';
import { SupervisionStore } from './store';

export type { AgendaItemInput, NewAgendaSource } from './agenda';
export type { SupervisorInput } from './contracts';
export { BALANCE_SESSIONS, MISSING_AFTER } from './reports';
export type { SessionInput } from './sessions';
export type { EntryInSupervision } from '../../common/supervision/types';

/**
 * Supervisors and contracts, agendas, session records, actions and the hours log: one door to the
 * rooms behind it. Each room keeps its rules in `<room>.ts` and its SQL in `<room>-repository.ts`.
 */
export class SupervisionService {
  private readonly contracts: Contracts;
  private readonly agendas: Agendas;
  private readonly records: Sessions;
  private readonly reports: Reports;

  constructor(vault: Vault, now: () => Date = () => new Date()) {
    const store = new SupervisionStore(vault);
    this.contracts = new Contracts(store, now);
    this.agendas = new Agendas(store, now, this.contracts);
    this.records = new Sessions(store, now, this.contracts, this.agendas);
    this.reports = new Reports(store, this.contracts, this.records);
  }

  // Supervisors and contracts (contracts.ts)

  supervisors(): Supervisor[] {
    return this.contracts.supervisors();
  }

  supervisor(id: string): Supervisor {
    return this.contracts.supervisor(id);
  }

  saveSupervisor(input: SupervisorInput): Supervisor {
    return this.contracts.saveSupervisor(input);
  }

  /** Ends (or resumes) a supervision; everything recorded stays. */
  setEnded(id: string, ended: boolean): Supervisor {
    return this.contracts.setEnded(id, ended);
  }

  /** Its agenda goes; its sessions stay, under the name they were recorded with. */
  deleteSupervisor(id: string): void {
    this.contracts.deleteSupervisor(id);
  }

  // The agenda (agenda.ts)

  agenda(supervisorId: string): AgendaItem[] {
    return this.agendas.agenda(supervisorId);
  }

  addAgendaItem(
    supervisorId: string,
    input: AgendaItemInput,
    source: NewAgendaSource = { kind: 'scratch' },
  ): AgendaItem {
    return this.agendas.addAgendaItem(supervisorId, input, source);
  }

  updateAgendaItem(id: string, input: AgendaItemInput): AgendaItem {
    return this.agendas.updateAgendaItem(id, input);
  }

  removeAgendaItem(id: string): void {
    this.agendas.removeAgendaItem(id);
  }

  /** The agenda in the order given; any item not named keeps its place after them. */
  reorderAgenda(supervisorId: string, ids: string[]): AgendaItem[] {
    return this.agendas.reorderAgenda(supervisorId, ids);
  }

  /** Flagged entries not on this agenda, nor discussed in this supervision since they last changed. */
  flagged(supervisorId: string): FlaggedEntry[] {
    return this.agendas.flagged(supervisorId);
  }

  // Sessions and actions (sessions.ts)

  recordSession(input: SessionInput): SessionRecord {
    return this.records.recordSession(input);
  }

  sessions(supervisorId: string | null = null): SessionRecord[] {
    return this.records.sessions(supervisorId);
  }

  session(id: string): SessionRecord {
    return this.records.session(id);
  }

  /** Removes a session recorded by mistake, with its actions. The agenda is left as it is now. */
  deleteSession(id: string): void {
    this.records.deleteSession(id);
  }

  /** Marking an action done takes it off the agenda; undoing that puts it back. */
  setActionDone(actionId: string, done: boolean): Action {
    return this.records.setActionDone(actionId, done);
  }

  /** Open actions of a supervision (or all), oldest first. */
  openActions(supervisorId: string | null = null): OpenAction[] {
    return this.records.openActions(supervisorId);
  }

  // Balance, hours and links (reports.ts)

  balance(supervisorId: string): BalanceView {
    return this.reports.balance(supervisorId);
  }

  hours(supervisorId: string, range: { from: string; to: string }): HoursMonth[] {
    return this.reports.hours(supervisorId, range);
  }

  /** The hours log as CSV: one row a month, then one a session. Cells that could be read as formulas are defused. */
  hoursCsv(supervisorId: string, range: { from: string; to: string }): string {
    return this.reports.hoursCsv(supervisorId, range);
  }

  forEntry(entryId: string): EntryInSupervision {
    return this.reports.forEntry(entryId);
  }
}
