import { historyStart, latestPastRead } from '../time/replay-time';

/**
 * When a KPI's trend is sampled: on fixed marks every 20 minutes over the last hours before the
 * time shown. Fixed marks mean a mark read once is never read again (the past does not change)
 * and a replay passing over the same hours reuses them.
 */
export const TREND_HOURS = 3;
export const TREND_STEP_MS = 20 * 60_000;

/**
 * The marks before `end` (ms), oldest first, within the trend's hours, not before `earliest` and
 * not after `latest` (what the source can already answer).
 */
export function trendTimes(end: number, earliest = -Infinity, latest = Infinity): number[] {
  const last = Math.floor((end - 1) / TREND_STEP_MS) * TREND_STEP_MS;
  const count = Math.floor((TREND_HOURS * 3_600_000) / TREND_STEP_MS);
  const times: number[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const time = last - i * TREND_STEP_MS;
    if (time >= earliest && time <= latest) times.push(time);
  }
  return times;
}

/**
 * The marks of a trend ending at the time shown (`at`, or `now` when live) that the source can
 * answer at `now`, its clock running `clockRate` ×.
 */
export function trendMarks(at: number | null, now: number, clockRate: number): number[] {
  return trendTimes(at ?? now, historyStart(now), latestPastRead(now, clockRate));
}
