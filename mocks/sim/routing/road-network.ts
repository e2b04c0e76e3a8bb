/**
 * The road network as a directed graph for routing: one arc per road segment (per direction of
 * travel), between the road graph's intersections. Everything is in typed arrays indexed by the
 * segment's position in `city.roadSegments`, with adjacency in compressed (CSR) form both ways,
 * so a route over a city of ~12k segments takes a few milliseconds and allocates almost nothing.
 * Built once per city.
 */
import type { XY } from '../../city/geo';
import { perCity } from '../../city/per-city';

export interface RoadNetwork {
  readonly segmentCount: number;
  readonly nodeCount: number;
  /** Segment ids, in the order of `city.roadSegments`. */
  readonly segmentIds: readonly string[];
  readonly segmentIndex: ReadonlyMap<string, number>;
  /** Start and end node of each segment in its direction of travel. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly edgeId: Int32Array;
  readonly streetId: Int32Array;
  readonly lengthM: Float64Array;
  readonly freeFlowKmh: Float64Array;
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  /** Segments leaving node n: outSegments[outStart[n] .. outStart[n + 1]). */
  readonly outStart: Int32Array;
  readonly outSegments: Int32Array;
  /** Segments arriving at node n: inSegments[inStart[n] .. inStart[n + 1]). */
  readonly inStart: Int32Array;
  readonly inSegments: Int32Array;
  /**
   * 1 for nodes of the largest strongly connected part: from any of them every other one can be
   * reached and left again, so routes between them always exist when nothing is closed.
   */
  readonly connected: Uint8Array;
}

export const roadNetwork = perCity((city): RoadNetwork => {
  const segments = city.roadSegments;
  const edges = city.roads.edges;
  const n = segments.length;
  const nodeCount = city.roads.nodes.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const edgeId = new Int32Array(n);
  const streetId = new Int32Array(n);
  const lengthM = new Float64Array(n);
  const freeFlowKmh = new Float64Array(n);
  const segmentIndex = new Map<string, number>();
  segments.forEach((segment, i) => {
    const edge = edges[segment.edgeId]!;
    // `-b` runs against the edge's own direction; `-f` and one-way segments run with it.
    const backward = segment.id.endsWith('-b');
    from[i] = backward ? edge.to : edge.from;
    to[i] = backward ? edge.from : edge.to;
    edgeId[i] = segment.edgeId;
    streetId[i] = edge.streetId;
    lengthM[i] = segment.lengthM;
    freeFlowKmh[i] = segment.freeFlowKmh;
    segmentIndex.set(segment.id, i);
  });
  const nodeX = new Float64Array(nodeCount);
  const nodeY = new Float64Array(nodeCount);
  city.roads.nodes.forEach((node) => {
    nodeX[node.id] = node.position[0];
    nodeY[node.id] = node.position[1];
  });
  const [outStart, outSegments] = compressed(nodeCount, from);
  const [inStart, inSegments] = compressed(nodeCount, to);
  const network: RoadNetwork = {
    segmentCount: n,
    nodeCount,
    segmentIds: segments.map((segment) => segment.id),
    segmentIndex,
    from,
    to,
    edgeId,
    streetId,
    lengthM,
    freeFlowKmh,
    nodeX,
    nodeY,
    outStart,
    outSegments,
    inStart,
    inSegments,
    connected: new Uint8Array(nodeCount),
  };
  markMainComponent(network);
  return network;
});

/** CSR adjacency: for each node, the segments whose `key` node it is. */
function compressed(nodeCount: number, key: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(nodeCount + 1);
  for (const node of key) start[node + 1]!++;
  for (let i = 0; i < nodeCount; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nodeCount);
  const list = new Int32Array(key.length);
  key.forEach((node, segment) => {
    list[fill[node]!++] = segment;
  });
  return [start, list];
}

/**
 * The strongly connected part around the best-connected node near the centre: the nodes that
 * can both be reached from it and reach it. In a street grid that is nearly the whole city; the
 * few nodes outside it are one-way dead ends where a route could start but never end.
 */
function markMainComponent(network: RoadNetwork): void {
  let seed = -1;
  let best = -Infinity;
  for (let node = 0; node < network.nodeCount; node++) {
    const degree =
      network.outStart[node + 1]! -
      network.outStart[node]! +
      network.inStart[node + 1]! -
      network.inStart[node]!;
    const score = degree * 1e6 - Math.hypot(network.nodeX[node]!, network.nodeY[node]!);
    if (score > best) {
      best = score;
      seed = node;
    }
  }
  if (seed < 0) return;
  const forward = reach(network, seed, network.outStart, network.outSegments, network.to);
  const backward = reach(network, seed, network.inStart, network.inSegments, network.from);
  for (let node = 0; node < network.nodeCount; node++)
    network.connected[node] = forward[node]! & backward[node]!;
}

function reach(
  network: RoadNetwork,
  seed: number,
  start: Int32Array,
  list: Int32Array,
  other: Int32Array,
): Uint8Array {
  const seen = new Uint8Array(network.nodeCount);
  const stack = [seed];
  seen[seed] = 1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (let k = start[node]!; k < start[node + 1]!; k++) {
      const next = other[list[k]!]!;
      if (!seen[next]) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
  return seen;
}

/** The connected node nearest to a point (a linear scan: a few thousand nodes, microseconds). */
export function nearestNode(network: RoadNetwork, point: XY): number {
  let best = -1;
  let bestD2 = Infinity;
  for (let node = 0; node < network.nodeCount; node++) {
    if (!network.connected[node]) continue;
    const dx = network.nodeX[node]! - point[0];
    const dy = network.nodeY[node]! - point[1];
    const d2 = dx * dx + dy * dy;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = node;
    }
  }
  return best;
}

export function nodePosition(network: RoadNetwork, node: number): XY {
  return [network.nodeX[node]!, network.nodeY[node]!];
}
