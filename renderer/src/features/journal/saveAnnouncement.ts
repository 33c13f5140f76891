import type { SaveState } from './useAutosave';

/**
 * What a screen reader hears about saving. Autosave runs at every pause in typing, and hearing "Saving…,
 * Saved at 11:08" each time talks over the writing; the visible status says it all anyway. So only what a
 * person needs to know is spoken:
 *
 * - a save that fails, at once (assertive), and once, not at each retry;
 * - the save that works again after a failure, so they know their words are safe;
 * - a save after a long quiet spell (nothing said about saving for `QUIET_GAP_MS`, counted from when the entry
 *   opened): a rare, gentle reassurance while writing at length, or on coming back to it.
 */
export const QUIET_GAP_MS = 5 * 60 * 1000;

export interface SaveMemory {
  /** When something was last said about saving, or when the entry opened. */
  since: number;
  /** A failure has been said and no save has worked since. */
  failing: boolean;
}

export interface SaveAnnouncement {
  text: string;
  urgency: 'polite' | 'assertive';
}

export const FAILED_TEXT = 'Not saved yet. Your words are safe here and we will keep trying.';

export const timeText = (at: Date) => at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export const freshMemory = (now: number): SaveMemory => ({ since: now, failing: false });

/** The memory after `state` arrives at `now`, and what to say, if anything. */
export function announceSave(
  memory: SaveMemory,
  state: SaveState,
  now: number,
): { memory: SaveMemory; say: SaveAnnouncement | null } {
  if (state.kind === 'error') {
    if (memory.failing) return { memory, say: null };
    return { memory: { since: now, failing: true }, say: { text: FAILED_TEXT, urgency: 'assertive' } };
  }
  if (state.kind !== 'saved' || !state.at) return { memory, say: null };
  if (memory.failing) {
    return {
      memory: { since: now, failing: false },
      say: { text: `Saved now, at ${timeText(state.at)}. Nothing you wrote was lost.`, urgency: 'polite' },
    };
  }
  if (now - memory.since < QUIET_GAP_MS) return { memory, say: null };
  return {
    memory: { since: now, failing: false },
    say: { text: `Saved at ${timeText(state.at)}.`, urgency: 'polite' },
  };
}
