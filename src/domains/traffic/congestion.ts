/**
 * Congestion from speed: the ratio of the measured speed to the segment's free-flow speed,
 * bucketed by the thresholds in `docs/api/datasets.md`.
 */
import type { CongestionLevel, StatusLevel } from '../../ui/theme';

/** Lower bound (inclusive) of each level's speed ratio; below `congested` is jammed. */
export const CONGESTION_THRESHOLDS = { free: 0.7, slow: 0.45, congested: 0.25 } as const;

/** Speed / free-flow speed; null when either is missing or the free-flow speed is not positive. */
export function speedRatio(speedKmh: number | null, freeFlowKmh: number | null): number | null {
  if (speedKmh === null || freeFlowKmh === null) return null;
  if (!Number.isFinite(speedKmh) || !Number.isFinite(freeFlowKmh)) return null;
  if (freeFlowKmh <= 0 || speedKmh < 0) return null;
  return speedKmh / freeFlowKmh;
}

export function congestionLevel(ratio: number | null): CongestionLevel {
  if (ratio === null || !Number.isFinite(ratio)) return 'unknown';
  if (ratio >= CONGESTION_THRESHOLDS.free) return 'free';
  if (ratio >= CONGESTION_THRESHOLDS.slow) return 'slow';
  if (ratio >= CONGESTION_THRESHOLDS.congested) return 'congested';
  return 'jammed';
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
