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

/** Never wait longer than this to look at the clock again (a paused clock may resume). */
const MAX_STEP_WAIT_MS = 60_000;

/**
 * The page's time in whole steps of `stepMs`, re-read about once a step (never more than once a
 * second): for what changes with the minute, not the second, so that a component high in the
 * tree does not re-render the page every second. With the page's clock running ×N a step of
 * page time passes N times faster.
 */
export function useSteppedNow(time: DisplayTime, stepMs: number): number {
  const wallStep =
    time.rate > 0
      ? Math.min(MAX_STEP_WAIT_MS, Math.max(1_000, stepMs / time.rate))
      : MAX_STEP_WAIT_MS;
  const now = time.at(useNow(wallStep));
  return Math.floor(now / stepMs) * stepMs;
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
