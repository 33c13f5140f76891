/** A quick check on capacity. Words, not scores, wherever the person reads it back. */
export interface Checkin {
  id: string;
  /** When it was about (ISO timestamp). */
  at: string;
  /** 0 (nothing left) to 10 (plenty). */
  capacity: number;
  energy: Level | null;
  sleep: Level | null;
  load: Level | null;
  helping: string;
  hard: string;
  entryId: string | null;
  /** The linked entry's title as it is now; null when it has no title or no link. */
  entryTitle: string | null;
  /** Signs ticked: the id while the sign still exists, and always its name. */
  signs: { id: string | null; name: string }[];
  createdAt: string;
  updatedAt: string;
}

export type Level = 1 | 2 | 3 | 4 | 5;

export interface WarningSign {
  id: string;
  name: string;
  whatHelps: string;
  contact: string;
  /** How many check-ins have ticked it. */
  timesTicked: number;
}

export type SuggestionView =
  | { kind: 'falling'; key: string; recent: number; baseline: number }
  | { kind: 'low'; key: string; recent: number }
  | { kind: 'recurring'; key: string; signName: string; times: number };

export const CAPACITY_MIN = 0;
export const CAPACITY_MAX = 10;
export const MAX_CHECKIN_TEXT = 1000;
export const MAX_SIGN_NAME = 120;
export const MAX_SIGN_HELPS = 2000;
export const MAX_SIGN_CONTACT = 300;
export const MAX_SIGNS = 50;

/** The words for each level, lowest first: how the form and the table speak. */
export const LEVEL_WORDS = {
  energy: ['Very low', 'Low', 'Some', 'Good', 'Plenty'],
  sleep: ['Very poor', 'Poor', 'Patchy', 'Good', 'Very good'],
  load: ['Light', 'Manageable', 'Full', 'Heavy', 'Too much'],
} as const satisfies Record<'energy' | 'sleep' | 'load', readonly [string, string, string, string, string]>;

export const CAPACITY_WORDS: Record<number, string> = {
  0: 'Nothing left',
  5: 'Some',
  10: 'Plenty',
};
