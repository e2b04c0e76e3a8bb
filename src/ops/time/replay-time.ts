/**
 * The page's time cursor, as plain arithmetic: live (null) or a past time within the source's
 * history, quantised so that every layer, the KPIs and the alarm list read the same instant.
 */

/** How far back the contract's sources keep history. */
export const HISTORY_MS = 24 * 3_600_000;
/**
 * Reads are made at whole minutes: the alarms' cadence, and coarse enough that a cursor moving
 * at ×1 asks for new data once a minute rather than every second.
 */
export const READ_STEP_MS = 60_000;
/**
 * Kept clear of the far end of history: `now` moves on while a request travels, and a cursor
 * that was just inside the 24 hours must not fall out of them on the way.
 */
const HISTORY_MARGIN_MS = 2 * READ_STEP_MS;

/**
 * How much wall time the page's "now" may run ahead of the source's own clock: the browser's
 * clock against a real backend's, or the demo clock extrapolated between two readings (one poll
 * apart). A source answers a read in its own future with an error.
 */
const CLOCK_LEAD_WALL_MS = 2_000;

/**
 * The latest time the page reads as the past at `now`, with the page's clock running `rate`
 * page seconds per wall second: kept behind `now` by a read step or by the clock's possible lead
 * at that rate, whichever is more. What is newer than that is read live.
 */
export function latestPastRead(now: number, rate: number): number {
  return now - Math.max(READ_STEP_MS, Math.max(0, rate) * CLOCK_LEAD_WALL_MS);
}

export const REPLAY_SPEEDS = [1, 10, 60, 600] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export function isReplaySpeed(value: number): value is ReplaySpeed {
  return (REPLAY_SPEEDS as readonly number[]).includes(value);
}

/** The earliest cursor the source can answer at `now`. */
export function historyStart(now: number): number {
  return now - HISTORY_MS + HISTORY_MARGIN_MS;
}

/** A cursor kept within history; at or past `now` it is live (null). */
export function clampCursor(cursor: number, now: number): number | null {
  if (!Number.isFinite(cursor) || cursor >= now) return null;
  return Math.max(historyStart(now), cursor);
}

/** The time the page reads at for a cursor: the whole minute at or before it. */
export function readTime(cursor: number | null): number | null {
  return cursor === null ? null : Math.floor(cursor / READ_STEP_MS) * READ_STEP_MS;
}

/** Where a playing cursor stands after `elapsedMs` of wall time at `speed`; live once it catches up. */
export function advanceCursor(
  cursor: number,
  speed: number,
  elapsedMs: number,
  now: number,
): number | null {
  return clampCursor(cursor + speed * Math.max(0, elapsedMs), now);
}
