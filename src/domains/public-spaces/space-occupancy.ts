/** The occupancy share and status of one space from its live count and its capacity. */
import { stateValue, type StateTable } from '../../data/live-state';
import type { Feature } from '../../data/schemas';
import { numberProperty } from '../../map/feature-text';
import { occupancyRatio } from './occupancy';

export function spaceOccupancy(
  feature: Feature,
  state: StateTable | null,
  index: number,
): number | null {
  return occupancyRatio(stateValue(state, 'occupancy', index), numberProperty(feature, 'capacity'));
}
