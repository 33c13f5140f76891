import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../common/ipc/contract';
import {
  type AgendaItem,
  type FlaggedEntry,
  FUNCTIONS,
  PRIORITIES,
  SOCIAL_GRACES,
} from '../../common/supervision/types';
import type { ItemValues } from './agenda-repository';
import { invalid, line, MAX_SHORT, notFound, oneOf, text } from './checks';
import type { Contracts } from './contracts';
import type { SupervisionStore } from './store';

/** An agenda item's own fields, as `supervision:addItem` and `supervision:updateItem` take them. */
export type AgendaItemInput = ParsedInputOf<'supervision:updateItem'>['item'];
/** Where a new item comes from, as `supervision:addItem` takes it. */
export type NewAgendaSource = NonNullable<ParsedInputOf<'supervision:addItem'>['source']>;

/** The rules of agendas. The SQL is in agenda-repository.ts. */
export class Agendas {
  constructor(
    private readonly store: SupervisionStore,
    private readonly now: () => Date,
    private readonly contracts: Contracts,
  ) {}

  private repo() {
    return this.store.repos().agenda;
  }

  agenda(supervisorId: string): AgendaItem[] {
    this.contracts.supervisor(supervisorId);
    return this.items(supervisorId);
  }

  /** The agenda of a supervisor already found. */
  items(supervisorId: string): AgendaItem[] {
    return this.repo().items(supervisorId);
  }

  private agendaItem(id: string): AgendaItem {
    const item = this.repo().item(id);
    if (!item) throw notFound('agenda item');
    return item;
  }

  addAgendaItem(
    supervisorId: string,
    input: AgendaItemInput,
    source: NewAgendaSource = { kind: 'scratch' },
  ): AgendaItem {
    const id = randomUUID();
    this.store.tx(() => {
      this.contracts.current(supervisorId);
      this.insertItem(supervisorId, id, input, source);
    });
    return this.agendaItem(id);
  }

  /** Carries an open action on the agenda of a supervision under way; within the caller's transaction. */
  addActionItem(supervisorId: string, action: { id: string; text: string; due: string | null }): void {
    this.insertItem(supervisorId, randomUUID(), actionItemFor(action), { kind: 'action', actionId: action.id });
  }

  /** For a supervision already found to be under way. */
  private insertItem(
    supervisorId: string,
    id: string,
    input: AgendaItemInput,
    source: NewAgendaSource | { kind: 'action'; actionId: string },
  ): void {
    const item = checkItem(input);
    let entryId: string | null = null;
    let sourceTitle = '';
    let excerpt: string | null = null;
    if (source.kind === 'entry') {
      const entry = this.repo().entry(source.entryId);
      if (!entry || entry.deletedAt) throw notFound('entry');
      entryId = source.entryId;
      sourceTitle = entry.title;
      excerpt = source.excerpt === null ? null : text(source.excerpt, 'The excerpt', 20_000) || null;
    }
    this.repo().insert({
      id,
      supervisorId,
      ...item,
      kind: source.kind,
      entryId,
      sourceTitle,
      excerpt,
      actionId: source.kind === 'action' ? source.actionId : null,
      stamp: this.now().toISOString(),
    });
  }

  updateAgendaItem(id: string, input: AgendaItemInput): AgendaItem {
    const item = checkItem(input);
    if (!this.repo().update(id, item, this.now().toISOString())) throw notFound('agenda item');
    return this.agendaItem(id);
  }

  removeAgendaItem(id: string): void {
    if (this.repo().remove([id]) === 0) throw notFound('agenda item');
  }

  /** The agenda in the order given; any item not named keeps its place after them. */
  reorderAgenda(supervisorId: string, ids: string[]): AgendaItem[] {
    this.contracts.current(supervisorId);
    this.store.tx(() => {
      const current = this.items(supervisorId).map((i) => i.id);
      const order = [...ids.filter((id) => current.includes(id)), ...current.filter((id) => !ids.includes(id))];
      this.repo().reorder(order);
    });
    return this.items(supervisorId);
  }

  /**
   * Entries flagged "bring to supervision" that are not on this agenda, and have not been discussed in
   * this supervision since they last changed (an entry stays flagged after it is discussed; it comes
   * back only with something new in it).
   */
  flagged(supervisorId: string): FlaggedEntry[] {
    return this.repo().flagged(supervisorId);
  }
}

function checkItem(input: AgendaItemInput): ItemValues {
  const title = line(input.title, 'The title');
  if (!title) throw invalid('Please give the item a title, a few words are enough.');
  const fn = oneOf(input.function, FUNCTIONS, 'Please choose normative, formative or restorative.');
  if (input.sevenEyed !== null && (!Number.isInteger(input.sevenEyed) || input.sevenEyed < 1 || input.sevenEyed > 7)) {
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
