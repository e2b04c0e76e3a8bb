/**
 * Where a fire engine is at T: at its station during turnout, along its route (on the
 * carriageway of its direction of travel, at the pace of each segment's travel time), parked
 * on the street in front of the fire, then along its way back.
 */
import type { CityModel } from '../../city/generate-city';
import { pointAlong, type XY } from '../../city/geo';
import { frontage } from './adjacent-roads';
import type { FireIncident, Leg, UnitTrip } from './dispatch';

export type UnitStatus = 'dispatched' | 'on-scene' | 'returning';

/** Spacing of engines parked side by side at a scene, metres. */
const PARKING_SPACING_M = 12;

/** Whether a unit is out at T (from dispatch until it is back at its station). */
export function isOut(trip: UnitTrip, t: number): boolean {
  return trip.dispatchedAt <= t && t < trip.backAt;
}

export function unitStatus(trip: UnitTrip, t: number): UnitStatus {
  if (t < trip.outbound.endMs) return 'dispatched';
  if (t < trip.leavesSceneAt) return 'on-scene';
  return 'returning';
}

export function unitPosition(
  city: CityModel,
  incident: FireIncident,
  trip: UnitTrip,
  t: number,
): XY {
  const station = city.fireStations[trip.stationIndex]!.position;
  if (t < trip.outbound.startMs) return station;
  if (t < trip.outbound.endMs) return alongLeg(city, trip.outbound, t);
  if (t < trip.leavesSceneAt || !trip.inbound) {
    const scene = frontage(city, incident.building).scene;
    return [scene[0] + (trip.slot - 1) * PARKING_SPACING_M, scene[1]];
  }
  if (t < trip.inbound.endMs) return alongLeg(city, trip.inbound, t);
  return station;
}

function alongLeg(city: CityModel, leg: Leg, t: number): XY {
  const elapsedS = (t - leg.startMs) / 1000;
  const { segments } = leg.route;
  if (segments.length === 0) return endOfLeg(city, leg);
  // First segment whose end comes after the elapsed time (binary search: routes can be long).
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (leg.cumulativeS[middle]! > elapsedS) high = middle;
    else low = middle + 1;
  }
  const segment = city.roadSegments[segments[low]!]!;
  const endS = leg.cumulativeS[low]!;
  const startS = low > 0 ? leg.cumulativeS[low - 1]! : 0;
  const share = endS > startS ? Math.min(1, Math.max(0, (elapsedS - startS) / (endS - startS))) : 1;
  return pointAlong(segment.points, share * segment.lengthM);
}

function endOfLeg(city: CityModel, leg: Leg): XY {
  const node = city.roads.nodes[leg.route.toNode]!;
  return node.position;
}
