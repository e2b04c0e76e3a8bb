/**
 * Fire stations, spread over the city at arterial intersections so every part of it is covered,
 * and hydrants on the water mains every ~150 m along every street.
 */
import type { LocalizedText } from '../../src/data/schemas';
import { pointAlong, polylineLength, spreadPoints, translate, type XY } from './geo';
import { districtLocator, type District } from './districts';
import { zhNumeral } from './names';
import { NETWORK_SHIFT_M } from './pipes';
import type { Rng } from './prng';
import type { RoadGraph, RoadNode } from './road-graph';

export interface FireStation {
  readonly id: string;
  readonly name: LocalizedText;
  readonly position: XY;
  readonly units: number;
  readonly phone: string;
}

export interface Hydrant {
  readonly id: string;
  readonly name: LocalizedText;
  readonly position: XY;
  readonly flowLpm: number;
}

const HYDRANT_SPACING_M = 150;
/** Stations stand back from the intersection, on the corner of a block. */
const STATION_SETBACK_M: XY = [25, -25];
/** Hydrants stand on the pavement next to the water main. */
const HYDRANT_SETBACK_M: XY = [2, 2];

export function placeFireStations(
  rng: Rng,
  arterialCrossings: readonly RoadNode[],
  districts: readonly District[],
  count: number,
): FireStation[] {
  const sites = spreadPoints(arterialCrossings, count, (node) => node.position, [0, 0]);
  const districtAt = districtLocator(districts);
  const perDistrict = new Map<string, number>();
  return sites.map((node, k) => {
    const district = districtAt(node.position);
    const n = (perDistrict.get(district.id) ?? 0) + 1;
    perDistrict.set(district.id, n);
    const [zh, en] = district.root;
    return {
      id: `fs-${k + 1}`,
      name:
        n === 1
          ? { zh: `${zh}消防救援站`, en: `${en} Fire Station` }
          : { zh: `${zh}第${zhNumeral(n)}消防救援站`, en: `${en} Fire Station No. ${n}` },
      position: translate(node.position, STATION_SETBACK_M),
      units: rng.int(3, 6),
      phone: `021-${rng.int(5000, 6999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`,
    };
  });
}

/**
 * Walks each street from end to end and drops a hydrant every HYDRANT_SPACING_M. The distance
 * carries over from one segment to the next while they connect, so spacing does not depend on
 * block size.
 */
export function placeHydrants(rng: Rng, graph: RoadGraph): Hydrant[] {
  const hydrants: Hydrant[] = [];
  const shift = translate(NETWORK_SHIFT_M.water, HYDRANT_SETBACK_M);
  const firstAt = HYDRANT_SPACING_M / 5;
  for (const street of graph.streets) {
    if (street.roadClass === 'expressway') continue;
    let lastNode = -1;
    let untilNext = firstAt;
    for (const edgeId of street.edgeIds) {
      const edge = graph.edges[edgeId]!;
      // One-way segments may point against the walk; a gap in the street restarts the count.
      const reversed = edge.to === lastNode;
      if (!reversed && edge.from !== lastNode) untilNext = firstAt;
      const points = reversed ? [...edge.points].reverse() : edge.points;
      const length = polylineLength(points);
      let at = untilNext;
      for (; at < length; at += HYDRANT_SPACING_M) {
        const n = hydrants.length + 1;
        hydrants.push({
          id: `h-${n}`,
          name: { zh: `消火栓 H${n} · ${street.name.zh}`, en: `Hydrant H${n}, ${street.name.en}` },
          position: translate(pointAlong(points, at), shift),
          flowLpm: edge.roadClass === 'arterial' ? rng.pick([1200, 1500]) : rng.pick([900, 1000]),
        });
      }
      untilNext = at - length;
      lastNode = reversed ? edge.from : edge.to;
    }
  }
  return hydrants;
}
