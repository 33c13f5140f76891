import { type Priority, type SupervisionFunction } from './types';

/** The tag an entry started from a check-in suggestion carries: it is for how the person is. */
export const RESTORATIVE_TAG = 'restorative';

/** The question a restorative item starts with, in the person's own voice; theirs to change. */
export const RESTORATIVE_QUESTION = 'Some time for how I am, not only for the work.';

/** How long an entry brought to the agenda in one step is given, until the person says otherwise. */
export const ENTRY_ITEM_MINUTES = 10;

/** What an agenda item made from an entry in one step starts as (the fields `supervision:addItem` takes). */
export interface EntryItemFields {
  title: string;
  question: string;
  notes: string;
  function: SupervisionFunction;
  sevenEyed: number | null;
  graces: string[];
  priority: Priority;
  minutes: number;
}

/** With more than one function named in an entry's tags, room for the person comes first. */
const BY_PREFERENCE: readonly SupervisionFunction[] = ['restorative', 'normative', 'formative'];

/**
 * The function of Proctor's model an entry's tags name, if any (in any case): an entry tagged
 * "restorative", as one started from a check-in suggestion is, is about how the person is, whenever it
 * reaches an agenda.
 */
export function functionFromTags(tags: readonly string[]): SupervisionFunction | null {
  const named = new Set(tags.map((t) => t.trim().toLocaleLowerCase('en-GB')));
  return BY_PREFERENCE.find((f) => named.has(f)) ?? null;
}

/**
 * The agenda item an entry becomes when it is brought in one step ("Add to agenda", or a check-in
 * suggestion brought to supervision): the one definition both use, so an entry arrives the same whether
 * a supervision was under way when it was flagged or began later. Restorative entries are given room for
 * the person (the seven-eyed model's fourth mode, the supervisee's own process); anything else starts as
 * formative, for the person to change with Edit.
 */
export function agendaItemFromEntry(entry: { title: string; tags: readonly string[] }): EntryItemFields {
  const fn = functionFromTags(entry.tags) ?? 'formative';
  return {
    title: entry.title || 'Untitled',
    question: fn === 'restorative' ? RESTORATIVE_QUESTION : '',
    notes: '',
    function: fn,
    sevenEyed: fn === 'restorative' ? 4 : null,
    graces: [],
    priority: 'medium',
    minutes: ENTRY_ITEM_MINUTES,
  };
}
