/**
 * The page's time against a demo backend: the simulated clock, extrapolated between readings.
 */
import type { Fetched } from '../../data/adapter';
import type { Clock } from '../../data/schemas';
import { useMemo } from 'react';
import { wallTime, type DisplayTime } from '../../ui/display-time';
import { useKept } from '../../ui/kept-values';

/** Simulated time at a wall time, extrapolated from the last clock reading. */
export function simulatedTime(clock: Fetched<Clock> | undefined): DisplayTime {
  if (!clock) return wallTime;
  const { mode, speed, time } = clock.data;
  if (mode === 'live') return wallTime;
  const readAt = Date.parse(time);
  const rate = mode === 'paused' ? 0 : speed;
  return { at: (wallMs) => readAt + (wallMs - clock.fetchedAt) * rate, rate, replay: false };
}

/**
 * How far a new clock reading may be from the page's extrapolation of the last one and still be
 * taken as the same clock: a second of page time, or what a quarter second of wall time (the
 * reading's own latency) is worth at the clock's rate.
 */
const AGREEMENT_WALL_MS = 250;
const AGREEMENT_MIN_MS = 1_000;

export function sameClock(kept: DisplayTime, next: DisplayTime, wallMs: number): boolean {
  if (kept.rate !== next.rate || kept.replay !== next.replay) return false;
  const tolerance = Math.max(AGREEMENT_MIN_MS, AGREEMENT_WALL_MS * next.rate);
  return Math.abs(kept.at(wallMs) - next.at(wallMs)) <= tolerance;
}

/**
 * The simulated clock of the latest reading, kept as it was while each new reading agrees with
 * it: the clock is read every few seconds, and a new time function each time would re-render
 * every part of the page that shows a time or an age.
 */
export function useSimulatedTime(clock: Fetched<Clock> | undefined): DisplayTime {
  const next = useMemo(() => simulatedTime(clock), [clock]);
  return useKept(next, (kept, candidate) => sameClock(kept, candidate, clock?.fetchedAt ?? 0));
}
