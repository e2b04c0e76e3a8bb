/**
 * What lies upstream of a road segment: the segments whose traffic flows into it, found by
 * walking the network backwards up to a distance. A queue behind an incident grows along these.
 * U-turns are left out (the other direction of the same street does not queue into this one),
 * and turning into a cross street weakens the link, since most of a queue stays on its own road.
 */
import { MinHeap } from './min-heap';
import type { RoadNetwork } from './road-network';

export interface Upstream {
  /** Segment indices, nearest first. */
  readonly segments: Int32Array;
  /**
   * Distance from each segment's end to the start of the origin segment, in metres (0 for the
   * segments that feed it directly).
   */
  readonly distanceM: Float64Array;
  /** How strongly a queue on the origin carries over into each segment, 0..1. */
  readonly weight: Float64Array;
}

/** Share of a queue that carries over into a cross street at each turn. */
const TURN_WEIGHT = 0.5;

interface Scratch {
  readonly distance: Float64Array;
  readonly weight: Float64Array;
  /** Search generation that last touched each segment (so the arrays need no clearing). */
  readonly seen: Int32Array;
  readonly settled: Int32Array;
  generation: number;
}

/** Scratch arrays per network, reused by every search (searches do not nest). */
const scratches = new WeakMap<RoadNetwork, Scratch>();

function scratchFor(network: RoadNetwork): Scratch {
  let scratch = scratches.get(network);
  if (!scratch) {
    const n = network.segmentCount;
    scratch = {
      distance: new Float64Array(n),
      weight: new Float64Array(n),
      seen: new Int32Array(n),
      settled: new Int32Array(n),
      generation: 0,
    };
    scratches.set(network, scratch);
  }
  return scratch;
}

export function upstreamWithin(
  network: RoadNetwork,
  origin: number,
  maxDistanceM: number,
): Upstream {
  const scratch = scratchFor(network);
  const generation = ++scratch.generation;
  const { distance, weight, seen, settled } = scratch;
  const order: number[] = [];
  const heap = new MinHeap(64);
  // Keys are the distance from the segment's end to the origin's start; the origin itself is
  // the head of the queue and not part of the result.
  seen[origin] = generation;
  distance[origin] = 0;
  weight[origin] = 1;
  heap.push(0, origin);
  while (heap.size > 0) {
    const key = heap.peekKey();
    const segment = heap.pop();
    if (settled[segment] === generation) continue;
    settled[segment] = generation;
    if (segment !== origin) order.push(segment);
    const reach = segment === origin ? 0 : key + network.lengthM[segment]!;
    if (reach > maxDistanceM) continue;
    const start = network.from[segment]!;
    for (let k = network.inStart[start]!; k < network.inStart[start + 1]!; k++) {
      const feeder = network.inSegments[k]!;
      if (network.edgeId[feeder] === network.edgeId[segment]) continue;
      if (settled[feeder] === generation) continue;
      if (seen[feeder] === generation && reach >= distance[feeder]!) continue;
      const turn = network.streetId[feeder] === network.streetId[segment] ? 1 : TURN_WEIGHT;
      seen[feeder] = generation;
      distance[feeder] = reach;
      weight[feeder] = weight[segment]! * turn;
      heap.push(reach, feeder);
    }
  }
  return {
    segments: Int32Array.from(order),
    distanceM: Float64Array.from(order, (segment) => distance[segment]!),
    weight: Float64Array.from(order, (segment) => weight[segment]!),
  };
}
