/**
 * What "now" is on this page. Against a demo backend whose clock runs ×N, paused or in the past,
 * data ages are measured on the simulated clock, not the wall clock; everywhere else it is the
 * wall clock.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Fetched } from '../../data/adapter';
import type { Clock } from '../../data/schemas';
import { useNow } from '../../ui/use-now';

export interface DisplayTime {
  /** The page's time at a wall-clock time. */
  readonly at: (wallMs: number) => number;
  /** Page seconds per wall second (0 while paused). */
  readonly rate: number;
}

const wallTime: DisplayTime = { at: (wallMs) => wallMs, rate: 1 };

/** Simulated time at a wall time, extrapolated from the last clock reading. */
export function simulatedTime(clock: Fetched<Clock> | undefined): DisplayTime {
  if (!clock) return wallTime;
  const { mode, speed, time } = clock.data;
  if (mode === 'live') return wallTime;
  const readAt = Date.parse(time);
  const rate = mode === 'paused' ? 0 : speed;
  return { at: (wallMs) => readAt + (wallMs - clock.fetchedAt) * rate, rate };
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
  const { at } = useContext(DisplayTimeContext);
  return at(useNow());
}

/** Page seconds per wall second: data ages this much faster while the clock runs ×N. */
export function useDisplayRate(): number {
  return useContext(DisplayTimeContext).rate;
}
