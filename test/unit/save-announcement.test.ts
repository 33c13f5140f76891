import { describe, expect, it } from 'vitest';
import {
  announceSave,
  FAILED_TEXT,
  freshMemory,
  QUIET_GAP_MS,
  type SaveMemory,
} from '../../renderer/src/features/journal/saveAnnouncement';
import type { SaveState } from '../../renderer/src/features/journal/useAutosave';

const OPENED = new Date('2026-12-05T11:00:00').getTime();
const MIN = 60_000;

/** Plays save states at given minutes after the entry opened; returns what was said, in order. */
function play(steps: [minutes: number, state: 'pending' | 'saving' | 'saved' | 'error'][]) {
  let memory: SaveMemory = freshMemory(OPENED);
  const said: string[] = [];
  for (const [minutes, kind] of steps) {
    const now = OPENED + minutes * MIN;
    const state: SaveState =
      kind === 'saved'
        ? { kind, at: new Date(now) }
        : kind === 'error'
          ? { kind, message: 'The disk is full.' }
          : { kind };
    const next = announceSave(memory, state, now);
    memory = next.memory;
    if (next.say) said.push(`${next.say.urgency}: ${next.say.text}`);
  }
  return said;
}

/** A save at each pause: "Saving…" then "Saved". */
const pause = (minutes: number): [number, 'saving' | 'saved'][] => [
  [minutes, 'saving'],
  [minutes, 'saved'],
];

describe('what a screen reader hears about saving', () => {
  it('says nothing at the pauses of ordinary writing', () => {
    expect(play([...pause(0.5), ...pause(1), ...pause(2), ...pause(4.9)])).toEqual([]);
  });

  it('says a save once after a long quiet spell, then is quiet again for as long', () => {
    const said = play([...pause(1), ...pause(5), ...pause(6), ...pause(9.9), ...pause(10.5)]);
    expect(said).toEqual(['polite: Saved at 11:05.', 'polite: Saved at 11:10.']);
    // Coming back after a break: the first save is said.
    expect(play([...pause(1), ...pause(42)])).toEqual(['polite: Saved at 11:42.']);
  });

  it('says a failure at once and assertively, only once across retries, and the save that works after it', () => {
    const said = play([...pause(1), [1.2, 'saving'], [1.2, 'error'], [1.3, 'saving'], [1.3, 'error'], ...pause(1.4)]);
    expect(said).toEqual([`assertive: ${FAILED_TEXT}`, 'polite: Saved now, at 11:01. Nothing you wrote was lost.']);
    // And a later failure is said again.
    expect(play([[1, 'error'], ...pause(2), [3, 'error']])).toHaveLength(3);
  });

  it('counts the quiet spell from the last thing said', () => {
    expect(QUIET_GAP_MS).toBe(5 * MIN);
    expect(play([[1, 'error'], ...pause(2), ...pause(6.9), ...pause(7)])).toEqual([
      `assertive: ${FAILED_TEXT}`,
      'polite: Saved now, at 11:02. Nothing you wrote was lost.',
      'polite: Saved at 11:07.',
    ]);
  });
});
