/**
 * Water on a street slows and then stops traffic: a few centimetres do little, 10 cm leaves
 * about 60 % of the capacity (cars slow to a crawl through it), 25 cm closes the road.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import type { CrossEffects } from '../types';

const SHALLOW_CM = 2;
const SLOW_CM = 10;
const SLOW_CAPACITY = 0.6;
const CLOSED_CM = 25;

/** Remaining share of road capacity under `cm` of water. */
export function floodedCapacity(cm: number): number {
  if (cm <= SHALLOW_CM) return 1;
  if (cm <= SLOW_CM) return 1 - ((1 - SLOW_CAPACITY) * (cm - SHALLOW_CM)) / (SLOW_CM - SHALLOW_CM);
  if (cm < CLOSED_CM) return (SLOW_CAPACITY * (CLOSED_CM - cm)) / (CLOSED_CM - SLOW_CM);
  return 0;
}

/** Road segment ids (both directions, or the one-way) per road edge id. */
export const segmentIdsByEdge = perCity((city: CityModel) => {
  const byEdge = new Map<number, string[]>();
  for (const segment of city.roadSegments) {
    const list = byEdge.get(segment.edgeId);
    if (list) list.push(segment.id);
    else byEdge.set(segment.edgeId, [segment.id]);
  }
  return byEdge;
});

/**
 * Adds street water to the cross effects: depth per edge (added to what is there) and the
 * capacity it leaves on the edge's road segments (multiplied into what is there).
 */
export function applyStreetWater(
  city: CityModel,
  streetWaterCm: ReadonlyMap<number, number>,
  effects: CrossEffects,
): void {
  const segments = segmentIdsByEdge(city);
  for (const [edgeId, cm] of streetWaterCm) {
    if (cm <= 0) continue;
    effects.streetWaterCm.set(edgeId, (effects.streetWaterCm.get(edgeId) ?? 0) + cm);
    const capacity = floodedCapacity(cm);
    if (capacity >= 1) continue;
    for (const id of segments.get(edgeId) ?? []) {
      const remaining = (effects.roadCapacity.get(id) ?? 1) * capacity;
      effects.roadCapacity.set(id, Math.round(remaining * 1000) / 1000);
    }
  }
}
