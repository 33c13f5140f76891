/**
 * When to offer a gentle suggestion after check-ins. Plain rules a person could check by eye, never a
 * score of the person:
 *
 * - Capacity is **falling** when the last three check-ins of the past fortnight average at least two
 *   points below the person's own baseline: the median of their check-ins in the four weeks before
 *   that fortnight (or, with no earlier ones, the first check-in of the fortnight).
 * - Capacity is **low** when the last three check-ins of the past fortnight are each at 3 or below,
 *   whatever is usual for the person (someone who arrives already depleted has no higher baseline to
 *   fall from). Only when it is not already offered as falling.
 * - An early-warning sign is **recurring** when it was ticked in at least three check-ins of the
 *   past fortnight.
 */
export interface CheckinPoint {
  /** ISO timestamp. */
  at: string;
  /** 0 (nothing left) to 10 (plenty). */
  capacity: number;
  /** Ids of the early-warning signs ticked. */
  signs: readonly string[];
}

/**
 * `key` names what the suggestion is about ('falling', or 'recurring:' and the sign), `since` when
 * this episode of it began. A suggestion set aside at or after `since` stays set aside; a new episode
 * (after things have eased) may be offered again. Edits to a check-in's time by a few seconds, or a
 * deleted check-in, do not bring it back.
 */
export type Suggestion =
  | { kind: 'falling'; recent: number; baseline: number; key: string; since: string }
  | { kind: 'low'; recent: number; key: string; since: string }
  | { kind: 'recurring'; sign: string; times: number; key: string; since: string };

export const WINDOW_DAYS = 14;
export const BASELINE_DAYS = 28;
export const RECENT_COUNT = 3;
export const FALL_POINTS = 2;
export const RECUR_TIMES = 3;
/** At or below this, a check-in is low in itself (on the 0–10 scale: "very little left"). */
export const LOW_LEVEL = 3;

const DAY = 24 * 60 * 60 * 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The suggestions that apply now, each with the start of its episode: the first of the unbroken run
 * of check-ins below the baseline, or the first tick of a sign that has kept coming back without a
 * fortnight's gap. Give it the whole history, not only recent weeks, so that a long episode keeps
 * its start.
 */
export function suggestionsFor(checkins: readonly CheckinPoint[], now: Date): Suggestion[] {
  const t = now.getTime();
  const sorted = [...checkins]
    .filter((c) => Number.isFinite(Date.parse(c.at)) && Date.parse(c.at) <= t)
    .sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
  const windowStart = t - WINDOW_DAYS * DAY;
  const recentWindow = sorted.filter((c) => Date.parse(c.at) > windowStart);
  const before = sorted.filter((c) => {
    const at = Date.parse(c.at);
    return at <= windowStart && at > windowStart - BASELINE_DAYS * DAY;
  });
  const out: Suggestion[] = [];

  if (recentWindow.length >= RECENT_COUNT) {
    const last = recentWindow.slice(-RECENT_COUNT);
    const recent = last.reduce((sum, c) => sum + c.capacity, 0) / RECENT_COUNT;
    const baseline = before.length ? median(before.map((c) => c.capacity)) : recentWindow[0]!.capacity;
    if (baseline - recent >= FALL_POINTS) {
      // The episode began with the first of the unbroken run of check-ins below the baseline.
      let start = sorted.length - 1;
      while (start > 0 && sorted[start - 1]!.capacity < baseline) start--;
      out.push({
        kind: 'falling',
        recent: Math.round(recent * 10) / 10,
        baseline,
        key: 'falling',
        since: new Date(Date.parse(sorted[start]!.at)).toISOString(),
      });
    } else if (last.every((c) => c.capacity <= LOW_LEVEL)) {
      // The episode began with the first of the unbroken run of low check-ins.
      let start = sorted.length - 1;
      while (start > 0 && sorted[start - 1]!.capacity <= LOW_LEVEL) start--;
      out.push({
        kind: 'low',
        recent: Math.round(recent * 10) / 10,
        key: 'low',
        since: new Date(Date.parse(sorted[start]!.at)).toISOString(),
      });
    }
  }

  const counts = new Map<string, number>();
  for (const c of recentWindow) {
    for (const sign of new Set(c.signs)) counts.set(sign, (counts.get(sign) ?? 0) + 1);
  }
  for (const [sign, times] of counts) {
    if (times < RECUR_TIMES) continue;
    // The episode began where the sign first came back without a fortnight's gap.
    const ticks = sorted.filter((c) => c.signs.includes(sign)).map((c) => Date.parse(c.at));
    let start = ticks.length - 1;
    while (start > 0 && ticks[start]! - ticks[start - 1]! < WINDOW_DAYS * DAY) start--;
    out.push({
      kind: 'recurring',
      sign,
      times,
      key: `recurring:${sign}`,
      since: new Date(ticks[start]!).toISOString(),
    });
  }
  return out;
}
