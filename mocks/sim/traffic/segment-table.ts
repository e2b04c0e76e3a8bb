/**
 * Per-segment constants of the traffic model, computed once per city into typed arrays so that
 * evaluating the whole network at a time T is a tight loop over numbers, with no objects.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import type { RoadClass } from '../../city/street-grid';
import { between } from '../../live/signals';

/** Vehicles per hour per lane at capacity. */
export const LANE_CAPACITY_VPH: Readonly<Record<RoadClass, number>> = {
  expressway: 2000,
  arterial: 1600,
  local: 800,
};
/**
 * Volume / capacity at the height of a weekday peak on a typical segment of each class: through
 * roads fill up, side streets less so.
 */
const CLASS_PEAK_LOAD: Readonly<Record<RoadClass, number>> = {
  expressway: 1.15,
  arterial: 1.1,
  local: 0.85,
};
export const CLASS_INDEX: Readonly<Record<RoadClass, number>> = {
  expressway: 0,
  arterial: 1,
  local: 2,
};

export interface SegmentTable {
  readonly key: Uint32Array;
  readonly roadClass: Uint8Array;
  readonly freeFlowKmh: Float64Array;
  readonly capacityVph: Float64Array;
  /** Volume / capacity at full weekday-peak demand, before the time-varying factors. */
  readonly peakLoad: Float64Array;
  /** +1 heading straight for the centre, -1 straight away from it (tidal flows). */
  readonly inbound: Float64Array;
  readonly midX: Float64Array;
  readonly midY: Float64Array;
  /** Per-segment phase (0..1) of the hourly sensor-outage draw, so outages do not roll together. */
  readonly outagePhase: Float64Array;
}

export const segmentTable = perCity((city: CityModel): SegmentTable => {
  const n = city.roadSegments.length;
  const table: SegmentTable = {
    key: new Uint32Array(n),
    roadClass: new Uint8Array(n),
    freeFlowKmh: new Float64Array(n),
    capacityVph: new Float64Array(n),
    peakLoad: new Float64Array(n),
    inbound: new Float64Array(n),
    midX: new Float64Array(n),
    midY: new Float64Array(n),
    outagePhase: new Float64Array(n),
  };
  city.roadSegments.forEach((segment, i) => {
    const key = hashString(segment.id);
    const first = segment.points[0]!;
    const last = segment.points[segment.points.length - 1]!;
    const x = (first[0] + last[0]) / 2;
    const y = (first[1] + last[1]) / 2;
    const heading = Math.hypot(last[0] - first[0], last[1] - first[1]) || 1;
    const toCentre = Math.hypot(x, y) || 1;
    table.key[i] = key;
    table.roadClass[i] = CLASS_INDEX[segment.roadClass];
    table.freeFlowKmh[i] = segment.freeFlowKmh;
    table.capacityVph[i] = segment.lanes * LANE_CAPACITY_VPH[segment.roadClass];
    // Skewed: most segments have slack at the peak, a few are bottlenecks.
    table.peakLoad[i] =
      CLASS_PEAK_LOAD[segment.roadClass] * between(unitHash(key, 1) ** 2, 0.7, 1.75);
    table.inbound[i] =
      ((last[0] - first[0]) * -x + (last[1] - first[1]) * -y) / (heading * toCentre);
    table.midX[i] = x;
    table.midY[i] = y;
    table.outagePhase[i] = unitHash(key, 2);
  });
  return table;
});
