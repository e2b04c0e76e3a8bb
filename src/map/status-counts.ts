/**
 * How many features of a layer are in warning and in alarm right now, from the layer's own
 * per-feature status. Counted once per (geometry, state) pair.
 */
import type { FeatureTable } from '../data/feature-table';
import type { StateTable } from '../data/live-state';
import { statusInput, type LayerData, type LayerDefinition } from './layer-contract';

export interface StatusCounts {
  readonly warning: number;
  readonly alarm: number;
}

const NO_STATE = {};
const cache = new WeakMap<FeatureTable, WeakMap<StateTable | typeof NO_STATE, StatusCounts>>();

export function countStatuses(layer: LayerDefinition, data: LayerData): StatusCounts {
  let byState = cache.get(data.geometry);
  if (!byState) {
    byState = new WeakMap();
    cache.set(data.geometry, byState);
  }
  const key = data.state ?? NO_STATE;
  const cached = byState.get(key);
  if (cached) return cached;
  let warning = 0;
  let alarm = 0;
  for (let index = 0; index < data.geometry.length; index++) {
    const status = layer.status(statusInput(data.geometry, data.state, index));
    if (status === 'alarm') alarm++;
    else if (status === 'warning') warning++;
  }
  const counts = { warning, alarm };
  byState.set(key, counts);
  return counts;
}
