/**
 * Incidents and the queues behind them, in closed form from the event times (nothing is
 * stepped, so any T can be evaluated on its own).
 *
 * While an incident lasts, its segment loses the incident's share of capacity (all of it for a
 * closure) and drivers slow down to pass the site. The queue's tail moves upstream at 100–300
 * m/min, faster when the road is busy, up to a length that grows with demand and severity.
 * When the incident ends, the queue dissolves from the front at DISSOLVE_M_PER_MIN while the
 * tail stays where it was, so it is gone within minutes. In the queue, speeds drop by an amount
 * that fades with distance and is smaller on cross streets (see routing/upstream).
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { MINUTE_MS } from '../../live/clock';
import { clamp } from '../../live/signals';
import { roadNetwork } from '../routing/road-network';
import { upstreamWithin, type Upstream } from '../routing/upstream';
import type { SimEvent } from '../types';
import { demandAt } from './demand';
import { segmentTable } from './segment-table';

/** The longest a queue gets (full demand, full closure), metres. */
export const MAX_QUEUE_M = 2000;
/** How fast a queue clears from its front once the road is open again. */
export const DISSOLVE_M_PER_MIN = 300;
/** Share of speed lost passing the site of an incident of magnitude 1. */
const SITE_SLOWDOWN = 0.7;
/** Share of speed lost at the head of a queue behind an incident of magnitude 1. */
const QUEUE_SLOWDOWN = 0.85;
/** Distance over which the slowdown in a queue fades by a factor e. */
const QUEUE_FADE_M = 1500;
/** How long after its end an incident can still leave a queue (MAX_QUEUE_M / DISSOLVE). */
export const QUEUE_LINGER_MS = Math.ceil(MAX_QUEUE_M / DISSOLVE_M_PER_MIN) * MINUTE_MS;

const upstreamCache = perCity(() => new Map<number, Upstream>());
/** Segments whose upstream trees are kept (a wall screen runs for days; incidents move on). */
const UPSTREAM_KEPT = 512;

function upstreamOf(city: CityModel, segment: number): Upstream {
  const cache = upstreamCache(city);
  let upstream = cache.get(segment);
  if (!upstream) {
    upstream = upstreamWithin(roadNetwork(city), segment, MAX_QUEUE_M);
    if (cache.size >= UPSTREAM_KEPT) cache.delete(cache.keys().next().value!);
    cache.set(segment, upstream);
  }
  return upstream;
}

/** Share of capacity an incident event takes away while it lasts. */
export function incidentSeverity(event: SimEvent): number {
  return event.kind === 'road-closure' ? 1 : clamp(event.magnitude, 0, 1);
}

/** Queue tail and front (metres upstream of the incident's segment start) at T. */
export function queueExtent(
  city: CityModel,
  segment: number,
  event: SimEvent,
  t: number,
): { front: number; tail: number } {
  const severity = incidentSeverity(event);
  const busy = clamp(demandAt(event.startMs).total * segmentTable(city).peakLoad[segment]!, 0.1, 1);
  const growthMPerMin = 100 + 200 * busy;
  const maxLength = MAX_QUEUE_M * severity * busy;
  const activeMin = (Math.min(t, event.endMs) - event.startMs) / MINUTE_MS;
  const tail = Math.min(maxLength, growthMPerMin * Math.max(0, activeMin));
  const front = t < event.endMs ? 0 : (DISSOLVE_M_PER_MIN * (t - event.endMs)) / MINUTE_MS;
  return { front, tail };
}

/**
 * Writes the incidents' effects at T: `capacityShare` is multiplied by what the incident leaves
 * of its segment's capacity (unless `capacityDone`: the cuts are already in the cross effects),
 * `speedCap` (share of free-flow speed) is lowered on the segment and along the queue. Both
 * arrays are indexed like city.roadSegments.
 */
/** What an incident leaves of its segment's capacity while it lasts. */
export function remainingCapacity(event: SimEvent): number {
  return 1 - incidentSeverity(event);
}

export function applyIncidents(
  city: CityModel,
  incidents: readonly SimEvent[],
  t: number,
  capacityShare: Float64Array,
  speedCap: Float64Array,
  capacityDone = false,
): void {
  const network = roadNetwork(city);
  for (const event of incidents) {
    const segment = network.segmentIndex.get(event.target);
    if (segment === undefined || t < event.startMs) continue;
    const severity = incidentSeverity(event);
    if (t < event.endMs) {
      if (!capacityDone) capacityShare[segment]! *= remainingCapacity(event);
      speedCap[segment] = Math.min(speedCap[segment]!, 1 - SITE_SLOWDOWN * severity);
    }
    const { front, tail } = queueExtent(city, segment, event, t);
    if (front >= tail) continue;
    const upstream = upstreamOf(city, segment);
    for (let k = 0; k < upstream.segments.length; k++) {
      const start = upstream.distanceM[k]!;
      if (start >= tail) break; // nearest first: the rest is beyond the tail
      const feeder = upstream.segments[k]!;
      const length = network.lengthM[feeder]!;
      const covered = (Math.min(tail, start + length) - Math.max(front, start)) / length;
      if (covered <= 0) continue;
      const depth = severity * upstream.weight[k]! * Math.exp(-start / QUEUE_FADE_M);
      speedCap[feeder] = Math.min(speedCap[feeder]!, 1 - QUEUE_SLOWDOWN * depth * covered);
    }
  }
}
