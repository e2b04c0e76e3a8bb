/**
 * Road speeds. Demand follows the weekday rhythm of a Chinese city (morning peak around 08:15,
 * evening peak around 18:00, a quieter weekend), heavier towards the centre in the morning and
 * away from it in the evening. How much a segment suffers from demand depends on the segment,
 * on slowly drifting congestion hot spots, and on incidents that jam a segment for a quarter of
 * an hour. At a peak every congestion level appears somewhere.
 */
import { hashString, unitHash } from '../city/prng';
import type { CityModel } from '../city/generate-city';
import { perCity } from '../city/per-city';
import type { RoadClass } from '../city/street-grid';
import { MINUTE_MS, isWeekend, localHour, periodIndex } from './clock';
import type { StateColumns } from './columns';
import { between, bump, clamp, roundTo, smoothNoise, stepJitter } from './signals';

/** How strongly demand loads each class (side streets carry less through traffic). */
const CLASS_LOAD: Readonly<Record<RoadClass, number>> = {
  expressway: 1.1,
  arterial: 1,
  local: 0.75,
};
/** Vehicles per hour per lane at capacity. */
const LANE_CAPACITY_VPH: Readonly<Record<RoadClass, number>> = {
  expressway: 2000,
  arterial: 1600,
  local: 800,
};
const INCIDENT_PERIOD_MS = 15 * MINUTE_MS;
const INCIDENT_SHARE = 0.004;
const SENSOR_OUTAGE_SHARE = 0.005;

interface SegmentConstants {
  readonly key: number;
  /** How easily the segment congests, 0.1..1. */
  readonly susceptibility: number;
  /** +1 heading straight for the centre, -1 straight away from it. */
  readonly inbound: number;
  readonly x: number;
  readonly y: number;
}

const segmentConstants = perCity((city): SegmentConstants[] =>
  city.roadSegments.map((segment) => {
    const key = hashString(segment.id);
    const first = segment.points[0]!;
    const last = segment.points[segment.points.length - 1]!;
    const x = (first[0] + last[0]) / 2;
    const y = (first[1] + last[1]) / 2;
    const heading = Math.hypot(last[0] - first[0], last[1] - first[1]) || 1;
    const toCenter = Math.hypot(x, y) || 1;
    const inbound = ((last[0] - first[0]) * -x + (last[1] - first[1]) * -y) / (heading * toCenter);
    return { key, susceptibility: 0.1 + 0.9 * unitHash(key) ** 2, inbound, x, y };
  }),
);

/** Share of peak demand on the roads at a local hour. */
export function trafficDemand(
  hour: number,
  weekend: boolean,
): { total: number; morning: number; evening: number } {
  if (weekend) {
    return {
      total: 0.1 + 0.45 * bump(hour, 11, 3) + 0.45 * bump(hour, 17, 3),
      morning: 0,
      evening: 0,
    };
  }
  const morning = bump(hour, 8.25, 1);
  const evening = bump(hour, 18, 1.3);
  return {
    total: 0.12 + 0.85 * morning + 0.8 * evening + 0.3 * bump(hour, 13, 2.5),
    morning,
    evening,
  };
}

export function trafficState(city: CityModel, timeMs: number, step: number): StateColumns {
  const demand = trafficDemand(localHour(timeMs), isWeekend(timeMs));
  const constants = segmentConstants(city);
  const cityKey = hashString(city.id);
  const hotspots = hotspotField(cityKey, timeMs, city.halfExtentM);
  const ids: string[] = [];
  const speedKmh: (number | null)[] = [];
  const volumeVph: (number | null)[] = [];
  city.roadSegments.forEach((segment, i) => {
    const c = constants[i]!;
    ids.push(segment.id);
    if (
      unitHash(c.key, periodIndex(timeMs, 60 * MINUTE_MS, unitHash(c.key, 1)), 2) <
      SENSOR_OUTAGE_SHARE
    ) {
      speedKmh.push(null);
      volumeVph.push(null);
      return;
    }
    const tidal = 1 + 0.35 * c.inbound * (demand.morning - demand.evening);
    const wander = 0.85 + 0.3 * smoothNoise(c.key, timeMs, 20 * MINUTE_MS);
    let load =
      demand.total *
      CLASS_LOAD[segment.roadClass] *
      c.susceptibility *
      tidal *
      wander *
      hotspots(c.x, c.y);
    if (
      unitHash(c.key, periodIndex(timeMs, INCIDENT_PERIOD_MS, unitHash(c.key, 4)), 3) <
      INCIDENT_SHARE
    )
      load += 1.2;
    load += stepJitter(c.key, step, 0.02);
    const ratio = clamp(1 - load, 0.04, 1);
    const jamFactor = ratio < 0.45 ? ratio / 0.45 : 1;
    speedKmh.push(roundTo(segment.freeFlowKmh * ratio, 1));
    volumeVph.push(
      Math.round(
        segment.lanes * LANE_CAPACITY_VPH[segment.roadClass] * clamp(load, 0.02, 1) * jamFactor,
      ),
    );
  });
  return { ids, columns: { speedKmh, volumeVph } };
}

/** Areas of heavier congestion that drift over the city through the day; about 0.7..1.3. */
function hotspotField(
  cityKey: number,
  timeMs: number,
  halfExtentM: number,
): (x: number, y: number) => number {
  const drift = timeMs / (90 * MINUTE_MS);
  const waves = [0, 1, 2].map((k) => ({
    angle: between(unitHash(cityKey, k, 10), 0, Math.PI),
    wavelength: halfExtentM * between(unitHash(cityKey, k, 11), 0.6, 1.4),
    phase: between(unitHash(cityKey, k, 12), 0, 2 * Math.PI) + drift * (k + 1) * 0.3,
  }));
  return (x, y) => {
    let sum = 0;
    for (const wave of waves) {
      const along = x * Math.cos(wave.angle) + y * Math.sin(wave.angle);
      sum += Math.sin((2 * Math.PI * along) / wave.wavelength + wave.phase);
    }
    return 1 + 0.1 * sum;
  };
}
