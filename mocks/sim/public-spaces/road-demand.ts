/**
 * A crowd brings traffic: road segments within ~600 m of a space carry more demand while an
 * event crowd is there, the more the fuller the space, the bigger it is and the closer the road.
 */
import type { CityModel } from '../../city/generate-city';
import { distance } from '../../city/geo';
import { perCity } from '../../city/per-city';
import type { CrossEffects } from '../types';

const REACH_M = 600;
/** Extra demand on the nearest roads per unit of crowd share, for a space of 10 000 people. */
const DEMAND_PER_SHARE = 0.8;
const REFERENCE_CAPACITY = 10_000;

interface NearbyRoads {
  readonly segmentIds: readonly string[];
  /** 1 at the space's centre, 0 at the edge of the reach. */
  readonly closeness: Float64Array;
}

const nearbyRoads = perCity((city) => {
  const cache = new Map<string, NearbyRoads>();
  return (spaceId: string): NearbyRoads | null => {
    const hit = cache.get(spaceId);
    if (hit) return hit;
    const space = city.publicSpaces.find((s) => s.id === spaceId);
    if (!space) return null;
    const segmentIds: string[] = [];
    const closeness: number[] = [];
    for (const segment of city.roadSegments) {
      const middle = segment.points[Math.floor(segment.points.length / 2)]!;
      const d = distance(middle, space.center);
      if (d >= REACH_M) continue;
      segmentIds.push(segment.id);
      closeness.push(1 - d / REACH_M);
    }
    const roads = { segmentIds, closeness: Float64Array.from(closeness) };
    cache.set(spaceId, roads);
    return roads;
  };
});

const capacityOf = perCity((city) => new Map(city.publicSpaces.map((s) => [s.id, s.capacity])));

/** Multiplies `effects.roadDemand` near every space with an event crowd. */
export function applyCrowdDemand(
  city: CityModel,
  crowds: ReadonlyMap<string, number>,
  effects: CrossEffects,
): void {
  for (const [spaceId, share] of crowds) {
    const roads = nearbyRoads(city)(spaceId);
    if (!roads || share <= 0) continue;
    const size = Math.min(
      1.5,
      Math.max(0.4, Math.sqrt((capacityOf(city).get(spaceId) ?? 0) / REFERENCE_CAPACITY)),
    );
    roads.segmentIds.forEach((id, k) => {
      const factor = 1 + DEMAND_PER_SHARE * share * size * roads.closeness[k]!;
      effects.roadDemand.set(
        id,
        Math.round((effects.roadDemand.get(id) ?? 1) * factor * 1000) / 1000,
      );
    });
  }
}
