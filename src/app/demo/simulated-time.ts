/**
 * The page's time against a demo backend: the simulated clock, extrapolated between readings.
 */
import type { Fetched } from '../../data/adapter';
import type { Clock } from '../../data/schemas';
import { wallTime, type DisplayTime } from '../../ui/display-time';

/** Simulated time at a wall time, extrapolated from the last clock reading. */
export function simulatedTime(clock: Fetched<Clock> | undefined): DisplayTime {
  if (!clock) return wallTime;
  const { mode, speed, time } = clock.data;
  if (mode === 'live') return wallTime;
  const readAt = Date.parse(time);
  const rate = mode === 'paused' ? 0 : speed;
  return { at: (wallMs) => readAt + (wallMs - clock.fetchedAt) * rate, rate, replay: false };
}
