/**
 * Which pipes the sources reach, and how far (in head loss) each pipe is from the nearest
 * source, with a given set of valves closed. A closed valve blocks its node: no flow passes it,
 * and the pipes meeting there are fed only from their other ends. Results are cached per set of
 * closed valves, so a valve closure costs one Dijkstra per city, not one per evaluation.
 */
import { MinHeap } from './min-heap';
import { otherEnd, type NetworkGraph } from './network-graph';

export interface Supply {
  readonly closedKey: string;
  /** 1 where a closed valve blocks the road node. */
  readonly closed: Uint8Array;
  /** Head-loss distance of each road node from the nearest source; Infinity = not reached. */
  readonly dist: Float64Array;
  /** The pipe through which each node is fed on its shortest path; -1 for sources and the unreached. */
  readonly parentPipe: Int32Array;
  /** Head-loss distance at the middle of each pipe; Infinity = no supply. */
  readonly pipeDistance: Float64Array;
}

const MAX_CACHED_SUPPLIES = 64;
const supplyCache = new WeakMap<NetworkGraph, Map<string, Supply>>();

/** Supply with these valves closed (road node ids); the same set gives the same cached object. */
export function supplyFor(graph: NetworkGraph, closedNodes: readonly number[]): Supply {
  const sorted = [...new Set(closedNodes)].sort((a, b) => a - b);
  const key = sorted.join(',');
  let cache = supplyCache.get(graph);
  if (!cache) {
    cache = new Map();
    supplyCache.set(graph, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const supply = computeSupply(graph, key, sorted);
  // Valve sets come and go with incidents; a small bounded cache keeps the live ones.
  if (cache.size >= MAX_CACHED_SUPPLIES) cache.clear();
  cache.set(key, supply);
  return supply;
}

export function baselineSupply(graph: NetworkGraph): Supply {
  return supplyFor(graph, []);
}

function computeSupply(
  graph: NetworkGraph,
  closedKey: string,
  closedNodes: readonly number[],
): Supply {
  const closed = new Uint8Array(graph.nodeCount);
  for (const node of closedNodes) closed[node] = 1;
  const dist = new Float64Array(graph.nodeCount).fill(Infinity);
  const parentPipe = new Int32Array(graph.nodeCount).fill(-1);
  const heap = new MinHeap(256);
  for (const source of graph.sources) {
    if (closed[source]) continue;
    dist[source] = 0;
    heap.push(0, source);
  }
  while (heap.size > 0) {
    const d = heap.peekPriority();
    const node = heap.pop();
    if (d > dist[node]!) continue;
    for (let k = graph.adjStart[node]!; k < graph.adjStart[node + 1]!; k++) {
      const next = graph.adjNode[k]!;
      if (closed[next]) continue;
      const pipe = graph.adjPipe[k]!;
      const nd = d + graph.resistance[pipe]!;
      if (nd < dist[next]!) {
        dist[next] = nd;
        parentPipe[next] = pipe;
        heap.push(nd, next);
      }
    }
  }
  const pipeDistance = new Float64Array(graph.pipes.length);
  graph.pipes.forEach((pipe, i) => {
    const fromEnd = closed[pipe.from] ? Infinity : dist[pipe.from]!;
    const toEnd = closed[pipe.to] ? Infinity : dist[pipe.to]!;
    pipeDistance[i] = Math.min(fromEnd, toEnd) + graph.resistance[i]! / 2;
  });
  return { closedKey, closed, dist, parentPipe, pipeDistance };
}

export function isSupplied(supply: Supply, pipeIndex: number): boolean {
  return Number.isFinite(supply.pipeDistance[pipeIndex]!);
}

/**
 * Road nodes downstream of a pipe: those whose shortest feed passes through it. Empty when the
 * pipe is a cross-link of the mesh rather than part of the feeding tree.
 */
export function downstreamNodes(
  graph: NetworkGraph,
  supply: Supply,
  pipeIndex: number,
): Set<number> {
  const pipe = graph.pipes[pipeIndex]!;
  const far = supply.dist[pipe.from]! > supply.dist[pipe.to]! ? pipe.from : pipe.to;
  const result = new Set<number>();
  if (supply.parentPipe[far] !== pipeIndex) return result;
  const stack = [far];
  result.add(far);
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (let k = graph.adjStart[node]!; k < graph.adjStart[node + 1]!; k++) {
      const next = graph.adjNode[k]!;
      const via = graph.adjPipe[k]!;
      if (
        supply.parentPipe[next] === via &&
        otherEnd(graph, via, next) === node &&
        !result.has(next)
      ) {
        result.add(next);
        stack.push(next);
      }
    }
  }
  return result;
}

/**
 * Pipes within `radiusM` of a pipe along the network (metres, middle to middle), not passing
 * closed valves. The pipe itself is at 0.
 */
export function nearbyPipes(
  graph: NetworkGraph,
  supply: Supply,
  pipeIndex: number,
  radiusM: number,
): Map<number, number> {
  const start = graph.pipes[pipeIndex]!;
  const half = graph.lengthM[pipeIndex]! / 2;
  const reached = new Map<number, number>();
  const heap = new MinHeap(64);
  for (const node of [start.from, start.to]) {
    if (supply.closed[node] || reached.has(node)) continue;
    reached.set(node, half);
    heap.push(half, node);
  }
  const found = new Map<number, number>([[pipeIndex, 0]]);
  while (heap.size > 0) {
    const d = heap.peekPriority();
    const node = heap.pop();
    if (d > reached.get(node)!) continue;
    for (let k = graph.adjStart[node]!; k < graph.adjStart[node + 1]!; k++) {
      const pipe = graph.adjPipe[k]!;
      const middle = d + graph.lengthM[pipe]! / 2;
      if (middle <= radiusM && middle < (found.get(pipe) ?? Infinity)) found.set(pipe, middle);
      const next = graph.adjNode[k]!;
      const nd = d + graph.lengthM[pipe]!;
      if (supply.closed[next] || nd > radiusM || nd >= (reached.get(next) ?? Infinity)) continue;
      reached.set(next, nd);
      heap.push(nd, next);
    }
  }
  return found;
}
