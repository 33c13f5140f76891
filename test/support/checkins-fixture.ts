/** Check-ins for the tests and the benchmarks. */
import type { Services } from '../../main/app';
import type { CheckinInput } from '../../main/checkins/checkins';

const DAY = 86_400_000;

/** A check-in to save: capacity 5 now, nothing else said; `changes` over it. */
export const checkIn = (changes: Partial<CheckinInput> = {}): CheckinInput => ({
  at: new Date().toISOString(),
  capacity: 5,
  energy: null,
  sleep: null,
  load: null,
  helping: '',
  hard: '',
  signIds: [],
  entryId: null,
  ...changes,
});

/** Capacity 8 a month ago and 3 this week, three check-ins each: enough for a "capacity falling" suggestion. */
export function capacityFalling(s: Services): void {
  for (const d of [30, 26, 22])
    s.checkins.save(checkIn({ at: new Date(Date.now() - d * DAY).toISOString(), capacity: 8 }));
  for (const d of [5, 3, 1])
    s.checkins.save(checkIn({ at: new Date(Date.now() - d * DAY).toISOString(), capacity: 3 }));
}
