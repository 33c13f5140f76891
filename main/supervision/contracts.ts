import { isRealDay } from '../../common/days';
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../common/ipc/contract';
import { FREQUENCIES, SUPERVISION_TYPES, type Supervisor } from '../../common/supervision/types';
import { invalid, line, notFound, oneOf, text, MAX_SHORT } from './checks';
import type { SupervisionStore } from './store';

/** A supervisor and the contract, as `supervision:saveSupervisor` takes them. */
export type SupervisorInput = ParsedInputOf<'supervision:saveSupervisor'>;

/** The rules of supervisors and their contracts. The SQL is in contracts-repository.ts. */
export class Contracts {
  constructor(
    private readonly store: SupervisionStore,
    private readonly now: () => Date,
  ) {}

  private repo() {
    return this.store.repos().contracts;
  }

  supervisors(): Supervisor[] {
    return this.repo().all();
  }

  supervisor(id: string): Supervisor {
    const supervisor = this.repo().get(id);
    if (!supervisor) throw notFound('supervisor');
    return supervisor;
  }

  saveSupervisor(input: SupervisorInput): Supervisor {
    const name = line(input.name, 'The name');
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
    if (!isRealDay(input.startDate)) throw invalid('Please give the day the supervision began.');
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
      if (!this.repo().update(values)) throw notFound('supervisor');
    } else {
      this.repo().insert(values);
    }
    return this.supervisor(id);
  }

  /** A supervision still under way: an ended one keeps its records but takes nothing new. */
  current(id: string): Supervisor {
    const supervisor = this.supervisor(id);
    if (supervisor.endedAt) {
      throw invalid('This supervision has ended. Resume it first if you would like to add to it.');
    }
    return supervisor;
  }

  /** Ends (or resumes) a supervision; everything recorded stays. */
  setEnded(id: string, ended: boolean): Supervisor {
    if (!this.repo().setEnded(id, ended ? this.now().toISOString() : null, this.now().toISOString())) {
      throw notFound('supervisor');
    }
    return this.supervisor(id);
  }

  /** Its agenda goes; its sessions stay, under the name they were recorded with. */
  deleteSupervisor(id: string): void {
    if (!this.repo().delete(id)) throw notFound('supervisor');
  }
}
