/**
 * Fastest routes over the road network. Costs are travel times per segment in seconds
 * (`segmentTimesS`), so the same search serves free-flow routing, routing in today's traffic
 * and routing around closures (an infinite cost is never taken).
 */
import { MinHeap } from './min-heap';
import type { RoadNetwork } from './road-network';

export interface Route {
  readonly fromNode: number;
  readonly toNode: number;
  /** Segment indices in driving order (empty when fromNode = toNode). */
  readonly segments: readonly number[];
  /** Sum of the segments' costs, in seconds. */
  readonly timeS: number;
  readonly lengthM: number;
}

/** Below this a speed counts as standing still: the segment is closed. */
const CLOSED_KMH = 0.01;

/**
 * Travel time of every segment in seconds from a speed map (km/h by segment id). Segments the
 * map does not list run at free flow; a speed of 0 (closed) gives an infinite time.
 */
export function segmentTimesS(
  network: RoadNetwork,
  speedsKmh: ReadonlyMap<string, number>,
): Float64Array {
  const times = new Float64Array(network.segmentCount);
  for (let i = 0; i < network.segmentCount; i++) {
    const speed = speedsKmh.get(network.segmentIds[i]!) ?? network.freeFlowKmh[i]!;
    times[i] = speed < CLOSED_KMH ? Infinity : (network.lengthM[i]! * 3.6) / speed;
  }
  return times;
}

/** Free-flow travel times, for routing when traffic does not matter. */
export function freeFlowTimesS(network: RoadNetwork): Float64Array {
  const times = new Float64Array(network.segmentCount);
  for (let i = 0; i < network.segmentCount; i++)
    times[i] = (network.lengthM[i]! * 3.6) / network.freeFlowKmh[i]!;
  return times;
}

/** The fastest route from one node to another, or null when every way is closed. */
export function shortestRoute(
  network: RoadNetwork,
  fromNode: number,
  toNode: number,
  costS: Float64Array,
): Route | null {
  const time = new Float64Array(network.nodeCount).fill(Infinity);
  const via = new Int32Array(network.nodeCount).fill(-1);
  const heap = new MinHeap();
  time[fromNode] = 0;
  heap.push(0, fromNode);
  while (heap.size > 0) {
    const key = heap.peekKey();
    const node = heap.pop();
    if (key > time[node]!) continue;
    if (node === toNode) break;
    for (let k = network.outStart[node]!; k < network.outStart[node + 1]!; k++) {
      const segment = network.outSegments[k]!;
      const next = network.to[segment]!;
      const candidate = key + costS[segment]!;
      if (candidate < time[next]!) {
        time[next] = candidate;
        via[next] = segment;
        heap.push(candidate, next);
      }
    }
  }
  if (time[toNode] === Infinity) return null;
  const segments: number[] = [];
  for (let node = toNode; node !== fromNode; node = network.from[via[node]!]!)
    segments.push(via[node]!);
  segments.reverse();
  return routeOf(network, fromNode, toNode, segments, costS);
}

/**
 * Fastest times from every node to one target, and the segment to take next on the way: one
 * search answers "which station is closest in time" for all stations at once.
 */
export interface TreeToNode {
  readonly target: number;
  /** Seconds from each node to the target (Infinity when it cannot get there). */
  readonly timeS: Float64Array;
  /** The segment to drive next from each node (-1 at the target or when unreachable). */
  readonly next: Int32Array;
}

export function treeToNode(network: RoadNetwork, target: number, costS: Float64Array): TreeToNode {
  const time = new Float64Array(network.nodeCount).fill(Infinity);
  const next = new Int32Array(network.nodeCount).fill(-1);
  const heap = new MinHeap();
  time[target] = 0;
  heap.push(0, target);
  while (heap.size > 0) {
    const key = heap.peekKey();
    const node = heap.pop();
    if (key > time[node]!) continue;
    for (let k = network.inStart[node]!; k < network.inStart[node + 1]!; k++) {
      const segment = network.inSegments[k]!;
      const previous = network.from[segment]!;
      const candidate = key + costS[segment]!;
      if (candidate < time[previous]!) {
        time[previous] = candidate;
        next[previous] = segment;
        heap.push(candidate, previous);
      }
    }
  }
  return { target, timeS: time, next };
}

/** The route from a node to the tree's target, or null when the target cannot be reached. */
export function routeInTree(
  network: RoadNetwork,
  tree: TreeToNode,
  fromNode: number,
  costS: Float64Array,
): Route | null {
  if (tree.timeS[fromNode] === Infinity) return null;
  const segments: number[] = [];
  for (let node = fromNode; node !== tree.target; node = network.to[tree.next[node]!]!)
    segments.push(tree.next[node]!);
  return routeOf(network, fromNode, tree.target, segments, costS);
}

function routeOf(
  network: RoadNetwork,
  fromNode: number,
  toNode: number,
  segments: number[],
  costS: Float64Array,
): Route {
  let timeS = 0;
  let lengthM = 0;
  for (const segment of segments) {
    timeS += costS[segment]!;
    lengthM += network.lengthM[segment]!;
  }
  return { fromNode, toNode, segments, timeS, lengthM };
}

export function routeSegmentIds(network: RoadNetwork, route: Route): string[] {
  return route.segments.map((segment) => network.segmentIds[segment]!);
}
