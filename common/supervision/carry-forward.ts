import type { Action, AgendaItem, ItemOutcome } from './types';

/**
 * What happens to the agenda when a session is recorded:
 *
 * - an item that was discussed leaves the agenda (the session record keeps it);
 * - an item that was not reached stays, marked as carried from this session;
 * - an open action stays on the agenda until it is done, discussed or not, and each open action
 *   not yet on the agenda (new ones from this session, say) is added to it;
 * - the items that stay keep their order; the new ones follow.
 */
export interface CarryInput {
  sessionId: string;
  agenda: readonly Pick<AgendaItem, 'id' | 'source' | 'position'>[];
  /** By agenda item id; an item with no outcome was not reached. */
  outcomes: Readonly<Record<string, ItemOutcome>>;
  /** Every action of this supervision, this session's included. */
  actions: readonly Pick<Action, 'id' | 'doneAt'>[];
}

export interface CarryResult {
  /** Discussed: off the agenda. */
  remove: string[];
  /** Staying on the agenda, in order, marked as carried from this session. */
  carry: string[];
  /** Open actions to add to the agenda, in the order given. */
  addActions: string[];
}

export function carryForward(input: CarryInput): CarryResult {
  const open = new Set(input.actions.filter((a) => !a.doneAt).map((a) => a.id));
  const remove: string[] = [];
  const carry: string[] = [];
  const onAgenda = new Set<string>();
  for (const item of [...input.agenda].sort((a, b) => a.position - b.position)) {
    const actionId = item.source.kind === 'action' ? item.source.actionId : null;
    if (actionId !== null && !open.has(actionId)) {
      remove.push(item.id); // done: nothing left to carry
      continue;
    }
    if (actionId !== null) {
      onAgenda.add(actionId);
      carry.push(item.id);
      continue;
    }
    if (input.outcomes[item.id] === 'discussed') remove.push(item.id);
    else carry.push(item.id);
  }
  const addActions = input.actions.filter((a) => !a.doneAt && !onAgenda.has(a.id)).map((a) => a.id);
  return { remove, carry, addActions };
}
