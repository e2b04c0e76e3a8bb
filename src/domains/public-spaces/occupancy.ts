/** Occupancy of a public space as a share of its capacity, by the thresholds in `docs/api/datasets.md`. */
import type { StatusLevel } from '../../ui/theme';

/** Occupancy / capacity at or above `warning` is a warning, at or above `alarm` an alarm. */
export const OCCUPANCY_THRESHOLDS = { warning: 0.75, alarm: 0.9 } as const;

/** Null when either number is missing, the capacity is not positive or the occupancy is negative. */
export function occupancyRatio(occupancy: number | null, capacity: number | null): number | null {
  if (occupancy === null || capacity === null) return null;
  if (!Number.isFinite(occupancy) || !Number.isFinite(capacity)) return null;
  if (capacity <= 0 || occupancy < 0) return null;
  return occupancy / capacity;
}

export function occupancyStatus(ratio: number | null): StatusLevel {
  if (ratio === null || !Number.isFinite(ratio)) return 'unknown';
  if (ratio >= OCCUPANCY_THRESHOLDS.alarm) return 'alarm';
  if (ratio >= OCCUPANCY_THRESHOLDS.warning) return 'warning';
  return 'normal';
}
