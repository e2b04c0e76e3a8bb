/**
 * What "now" is on this page. Against a demo backend whose clock runs ×N, paused or in the past,
 * data ages are measured on the simulated clock, not the wall clock; everywhere else it is the
 * wall clock. The app provides the page's time (src/app/demo/simulated-time.ts).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useNow } from './use-now';

export interface DisplayTime {
  /** The page's time at a wall-clock time. */
  readonly at: (wallMs: number) => number;
  /** Page seconds per wall second (0 while paused). */
  readonly rate: number;
  /**
   * The page shows the past (a replay): what it shows is history, which is never overdue, and
   * operators do not act on it.
   */
  readonly replay: boolean;
}

export const wallTime: DisplayTime = { at: (wallMs) => wallMs, rate: 1, replay: false };

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

/** The page's time function, for reading "now" at the moment of an action. */
export function useDisplayTime(): DisplayTime {
  return useContext(DisplayTimeContext);
}
