/**
 * What "now" is on this page. Against a demo backend whose clock runs ×N, paused or in the past,
 * data ages are measured on the simulated clock, not the wall clock; everywhere else it is the
 * wall clock.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Fetched } from '../../data/adapter';
import type { Clock } from '../../data/schemas';
import { useNow } from '../../ui/use-now';

export type DisplayTime = (wallMs: number) => number;

const wallTime: DisplayTime = (wallMs) => wallMs;

/** Simulated time at a wall time, extrapolated from the last clock reading. */
export function simulatedTime(clock: Fetched<Clock> | undefined): DisplayTime {
  if (!clock) return wallTime;
  const { mode, speed, time } = clock.data;
  if (mode === 'live') return wallTime;
  const readAt = Date.parse(time);
  const rate = mode === 'paused' ? 0 : speed;
  return (wallMs) => readAt + (wallMs - clock.fetchedAt) * rate;
}

const DisplayTimeContext = createContext<DisplayTime>(wallTime);

export function DisplayTimeProvider({
  value,
  children,
}: {
  value: DisplayTime;
  children: ReactNode;
}) {
  return <DisplayTimeContext.Provider value={value}>{children}</DisplayTimeContext.Provider>;
}

/** The page's "now", re-read every second. */
export function useDisplayNow(): number {
  const toDisplay = useContext(DisplayTimeContext);
  return toDisplay(useNow());
}
