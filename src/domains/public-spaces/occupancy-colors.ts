/**
 * Fill colour of a space: below the warning threshold a continuous, colour-blind-safe sequential
 * scale (viridis) of the occupancy share; from the warning threshold on the status colours. The
 * scale is sampled once into a table, so colouring a feature allocates nothing.
 */
import { scaleSequential } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { parseRgb, statusColors, withAlpha, type Rgba } from '../../ui/theme';
import { OCCUPANCY_THRESHOLDS, occupancyStatus } from './occupancy';

export const FILL_ALPHA = 0.55;
export const STATUS_FILL_ALPHA = 0.75;
export const NO_READING_FILL_ALPHA = 0.35;
/** Part of the viridis range used: its darkest end vanishes on the dark base map. */
export const SCALE_RANGE = [0.1, 0.9] as const;
export const SCALE_STEPS = 64;

const scale = scaleSequential((t: number) =>
  interpolateViridis(SCALE_RANGE[0] + (SCALE_RANGE[1] - SCALE_RANGE[0]) * t),
).domain([0, OCCUPANCY_THRESHOLDS.warning]);

export const OCCUPANCY_SCALE: readonly Rgba[] = Array.from({ length: SCALE_STEPS }, (_, step) =>
  withAlpha(parseRgb(scale((step / (SCALE_STEPS - 1)) * OCCUPANCY_THRESHOLDS.warning)), FILL_ALPHA),
);

const WARNING_FILL = withAlpha(statusColors.warning, STATUS_FILL_ALPHA);
const ALARM_FILL = withAlpha(statusColors.alarm, STATUS_FILL_ALPHA);
const NO_READING_FILL = withAlpha(statusColors.unknown, NO_READING_FILL_ALPHA);

export function occupancyFillColor(ratio: number | null): Rgba {
  switch (occupancyStatus(ratio)) {
    case 'unknown':
      return NO_READING_FILL;
    case 'alarm':
      return ALARM_FILL;
    case 'warning':
      return WARNING_FILL;
    case 'normal': {
      const share = Math.max(0, ratio ?? 0) / OCCUPANCY_THRESHOLDS.warning;
      const step = Math.min(SCALE_STEPS - 1, Math.floor(share * SCALE_STEPS));
      return OCCUPANCY_SCALE[step] ?? NO_READING_FILL;
    }
  }
}

/** `#rrggbb` or `rgb(r, g, b)` (what d3's colour schemes return) to an opaque colour. */
