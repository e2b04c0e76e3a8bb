/**
 * Congestion from speed: the ratio of the measured speed to the segment's free-flow speed,
 * bucketed by the thresholds in `docs/api/datasets.md`.
 */
import type { CongestionLevel, StatusLevel } from '../../ui/theme';

/** Lower bound (inclusive) of each level's speed ratio; below `congested` is jammed. */
export const CONGESTION_THRESHOLDS = { free: 0.7, slow: 0.45, congested: 0.25 } as const;

/** The levels in order, as `congestionLevelIndex` counts them. */
export const CONGESTION_LEVELS = ['free', 'slow', 'congested', 'jammed', 'unknown'] as const;
const UNKNOWN_INDEX = CONGESTION_LEVELS.indexOf('unknown');

/**
 * Speed / free-flow speed, NaN when either is missing (NaN) or not usable: the form for passes
 * over typed columns.
 */
export function speedRatioValue(speedKmh: number, freeFlowKmh: number): number {
  if (!Number.isFinite(speedKmh) || !Number.isFinite(freeFlowKmh)) return Number.NaN;
  if (freeFlowKmh <= 0 || speedKmh < 0) return Number.NaN;
  return speedKmh / freeFlowKmh;
}

/** Speed / free-flow speed; null when either is missing or the free-flow speed is not positive. */
export function speedRatio(speedKmh: number | null, freeFlowKmh: number | null): number | null {
  const ratio = speedRatioValue(speedKmh ?? Number.NaN, freeFlowKmh ?? Number.NaN);
  return Number.isNaN(ratio) ? null : ratio;
}

/** The level of a ratio as its index in `CONGESTION_LEVELS` (NaN: unknown). */
export function congestionLevelIndex(ratio: number): number {
  if (!Number.isFinite(ratio)) return UNKNOWN_INDEX;
  if (ratio >= CONGESTION_THRESHOLDS.free) return 0;
  if (ratio >= CONGESTION_THRESHOLDS.slow) return 1;
  if (ratio >= CONGESTION_THRESHOLDS.congested) return 2;
  return 3;
}

export function congestionLevel(ratio: number | null): CongestionLevel {
  return CONGESTION_LEVELS[congestionLevelIndex(ratio ?? Number.NaN)]!;
}

/** How a congestion level reads as an operational status (tooltip and panel colouring). */
export function congestionStatus(level: CongestionLevel): StatusLevel {
  switch (level) {
    case 'free':
    case 'slow':
      return 'normal';
    case 'congested':
      return 'warning';
    case 'jammed':
      return 'alarm';
    case 'unknown':
      return 'unknown';
  }
}
