/** Supervision: relationships and contracts, agendas, session records, actions and hours. */

export const SUPERVISION_TYPES = ['individual', 'group', 'peer'] as const;
export type SupervisionType = (typeof SUPERVISION_TYPES)[number];

export const FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'six-weekly', 'as-needed'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Proctor's three functions of supervision. */
export const FUNCTIONS = ['normative', 'formative', 'restorative'] as const;
export type SupervisionFunction = (typeof FUNCTIONS)[number];

export const FUNCTION_LABELS: Record<SupervisionFunction, { label: string; hint: string }> = {
  normative: { label: 'Normative', hint: 'standards, ethics, risk and accountability' },
  formative: { label: 'Formative', hint: 'learning, skills and understanding' },
  restorative: { label: 'Restorative', hint: 'how you are: support, feelings, wellbeing' },
};

/** Hawkins and Shohet's seven-eyed model. */
export const SEVEN_EYED_MODES = [
  { id: 1, label: 'The client and their world' },
  { id: 2, label: 'Interventions and strategies' },
  { id: 3, label: 'The relationship between client and supervisee' },
  { id: 4, label: 'The supervisee’s own process' },
  { id: 5, label: 'The supervisory relationship and parallel process' },
  { id: 6, label: 'The supervisor’s own process' },
  { id: 7, label: 'The wider context' },
] as const;

/** Burnham's Social GRACES. */
export const SOCIAL_GRACES = [
  'Gender',
  'Geography',
  'Race',
  'Religion',
  'Age',
  'Ability',
  'Appearance',
  'Class',
  'Culture',
  'Ethnicity',
  'Education',
  'Employment',
  'Sexuality',
  'Sexual orientation',
  'Spirituality',
] as const;
export type SocialGrace = (typeof SOCIAL_GRACES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Supervisor {
  id: string;
  name: string;
  role: string;
  type: SupervisionType;
  frequency: Frequency;
  /** The contract's minimum, in hours a month (e.g. 1.5). */
  minHoursPerMonth: number;
  /** Usual length of a session, in minutes: the agenda's time is measured against it. */
  sessionMinutes: number;
  focusAreas: string[];
  /** YYYY-MM-DD. */
  startDate: string;
  /** Set when the person ends the relationship; its sessions and hours stay. */
  endedAt: string | null;
}

export type AgendaSource =
  | { kind: 'scratch' }
  | { kind: 'entry'; entryId: string | null; entryTitle: string; excerpt: string | null }
  | { kind: 'trend' }
  | { kind: 'action'; actionId: string };

export interface AgendaItem {
  id: string;
  supervisorId: string;
  title: string;
  /** What I want from supervision: a question. */
  question: string;
  notes: string;
  function: SupervisionFunction;
  sevenEyed: number | null;
  graces: SocialGrace[];
  priority: Priority;
  minutes: number;
  position: number;
  source: AgendaSource;
  /** The last session this item was on the agenda of without being reached (or, for an action, discussed). */
  carriedFrom: string | null;
  createdAt: string;
}

export type ItemOutcome = 'discussed' | 'not-reached';

export interface SessionItem {
  /** The agenda item as it stood when the session was recorded. */
  title: string;
  question: string;
  function: SupervisionFunction;
  sourceEntryId: string | null;
  /** The agenda item this was, so feedback on it can still be found; null for sessions recorded before this was kept. */
  agendaItemId: string | null;
  notes: string;
  excerpt: string | null;
  sevenEyed: number | null;
  graces: SocialGrace[];
  priority: Priority;
  minutes: number;
  outcome: ItemOutcome;
  discussed: string;
  decided: string;
}

export interface Action {
  id: string;
  sessionId: string;
  text: string;
  owner: string;
  /** YYYY-MM-DD, or null. */
  due: string | null;
  doneAt: string | null;
}

/** An action not yet done, with the name of the supervision it came from. */
export type OpenAction = Action & { supervisorName: string };

export interface SessionRecord {
  id: string;
  supervisorId: string | null;
  /** Kept with the session, so deleting a supervisor leaves the record whole. */
  supervisorName: string;
  /** When it started (ISO, UTC). */
  startsAt: string;
  /** The time zone it was recorded in: the month it counts towards is the month there. */
  timeZone: string;
  minutes: number;
  attendees: string;
  notes: string;
  items: SessionItem[];
  actions: Action[];
}

export interface BalanceView {
  sessions: { sessionId: string; startsAt: string; timeZone: string; counts: Record<SupervisionFunction, number> }[];
  totals: Record<SupervisionFunction, number>;
  /** Functions with no discussed item in each of the last MISSING_AFTER sessions. */
  missing: SupervisionFunction[];
}

/** An entry flagged "bring to supervision" that could join an agenda. */
export interface FlaggedEntry {
  id: string;
  kind: string;
  title: string;
  excerpt: string;
  updatedAt: string;
  /** The entry's tags: one naming a function ("restorative") says what kind of item it becomes. */
  tags: string[];
}

/** An entry's place in supervision: on an agenda now, or discussed in a session. */
export interface EntryInSupervision {
  agenda: { itemId: string; supervisorId: string; supervisorName: string; title: string }[];
  sessions: { sessionId: string; supervisorName: string; startsAt: string; title: string; outcome: ItemOutcome }[];
}
