import { isRealDay } from '../../common/days';
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../common/ipc/contract';
import { carryForward } from '../../common/supervision/carry-forward';
import { safeTimeZone } from '../../common/supervision/hours';
import type { Action, ItemOutcome, OpenAction, SessionRecord } from '../../common/supervision/types';
import type { Agendas } from './agenda';
import { invalid, MAX_SHORT, notFound, text } from './checks';
import type { Contracts } from './contracts';
import type { SupervisionStore } from './store';

/** A session as `supervision:recordSession` takes it. */
export type SessionInput = ParsedInputOf<'supervision:recordSession'>;

/** The rules of session records and their actions. The SQL is in sessions-repository.ts. */
export class Sessions {
  constructor(
    private readonly store: SupervisionStore,
    private readonly now: () => Date,
    private readonly contracts: Contracts,
    private readonly agendas: Agendas,
  ) {}

  private repo() {
    return this.store.repos().sessions;
  }

  recordSession(input: SessionInput): SessionRecord {
    const supervisor = this.contracts.current(input.supervisorId);
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
      if (a.due !== null && !isRealDay(a.due)) throw invalid('Please give each action’s due date as a real day.');
    const id = randomUUID();
    const stamp = this.now().toISOString();

    this.store.tx((repos) => {
      const agenda = this.agendas.items(supervisor.id);
      const byId = new Map(input.items.map((i) => [i.agendaItemId, i]));
      for (const key of byId.keys()) {
        if (!agenda.some((a) => a.id === key)) throw notFound('agenda item');
      }
      const outcomes: Record<string, ItemOutcome> = {};
      const items = agenda.map((item) => {
        const got = byId.get(item.id);
        const outcome: ItemOutcome = got?.outcome === 'discussed' ? 'discussed' : 'not-reached';
        outcomes[item.id] = outcome;
        return {
          item,
          outcome,
          discussed: text(got?.discussed ?? '', 'What was discussed', 20_000),
          decided: text(got?.decided ?? '', 'What was decided', 20_000),
        };
      });
      repos.sessions.insert({
        id,
        supervisorId: supervisor.id,
        supervisorName: supervisor.name,
        startsAt: new Date(at).toISOString(),
        timeZone: safeTimeZone(input.timeZone),
        minutes: input.minutes,
        attendees,
        notes,
        stamp,
      });
      repos.sessions.insertItems(id, items);
      repos.sessions.insertActions(
        id,
        actions.map((a) => ({ id: randomUUID(), ...a })),
        stamp,
      );

      const allActions = repos.sessions.actionsOf(supervisor.id);
      const result = carryForward({ sessionId: id, agenda, outcomes, actions: allActions });
      repos.agenda.remove(result.remove);
      repos.agenda.carry(id, result.carry);
      for (const actionId of result.addActions) {
        this.agendas.addActionItem(
          supervisor.id,
          allActions.find((a) => a.id === actionId)!,
        );
      }
    });
    return this.session(id);
  }

  sessions(supervisorId: string | null = null): SessionRecord[] {
    return this.repo().list(supervisorId);
  }

  session(id: string): SessionRecord {
    const found = this.repo().get(id);
    if (!found) throw notFound('session');
    return found;
  }

  /** Removes a session recorded by mistake, with its actions. The agenda is left as it is now. */
  deleteSession(id: string): void {
    if (!this.repo().delete(id)) throw notFound('session');
  }

  /** Marking an action done takes it off the agenda; undoing that puts it back. */
  setActionDone(actionId: string, done: boolean): Action {
    this.store.tx((repos) => {
      const action = repos.sessions.actionWithSupervisor(actionId);
      if (!action) throw notFound('action');
      repos.sessions.setDone(actionId, done ? this.now().toISOString() : null);
      if (done) {
        repos.agenda.removeAction(actionId);
      } else if (
        action.supervisorId &&
        !this.contracts.supervisor(action.supervisorId).endedAt &&
        !repos.agenda.hasAction(actionId)
      ) {
        this.agendas.addActionItem(action.supervisorId, action);
      }
    });
    return this.repo().action(actionId);
  }

  /** Open actions of a supervision (or all), oldest first. */
  openActions(supervisorId: string | null = null): OpenAction[] {
    return this.repo().openActions(supervisorId);
  }
}
