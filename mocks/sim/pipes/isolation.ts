/**
 * Valves on the topology: which valves isolate a pipe, which valves are closed at a time, and
 * which water main a burst scenario breaks.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import type { SimEvent, SimTime } from '../types';
import { networkGraph, otherEnd, waterGraph, type NetworkGraph } from './network-graph';
import { baselineSupply, type Supply } from './supply';

interface Section {
  /** Valves on the boundary of the pipe's section, sorted. */
  readonly valves: string[];
  /** Pipes inside the section (cut off once the valves close). */
  readonly pipeCount: number;
  /** Whether a source sits inside: closing the valves would not cut its supply. */
  readonly fed: boolean;
}

/** The section around a pipe bounded by the nearest valves: walks the network, stopping at valves. */
function sectionOf(graph: NetworkGraph, pipeIndex: number): Section {
  const pipe = graph.pipes[pipeIndex]!;
  const sources = new Set(graph.sources);
  const valves = new Set<string>();
  const seenNodes = new Set<number>();
  const seenPipes = new Set<number>([pipeIndex]);
  const stack: number[] = [];
  let fed = false;
  const visit = (node: number): void => {
    if (seenNodes.has(node)) return;
    seenNodes.add(node);
    const valve = graph.valveAt.get(node);
    if (valve !== undefined) {
      valves.add(valve);
      return;
    }
    if (sources.has(node)) fed = true;
    stack.push(node);
  };
  visit(pipe.from);
  visit(pipe.to);
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (let k = graph.adjStart[node]!; k < graph.adjStart[node + 1]!; k++) {
      seenPipes.add(graph.adjPipe[k]!);
      visit(graph.adjNode[k]!);
    }
  }
  return { valves: [...valves].sort(), pipeCount: seenPipes.size, fed };
}

/**
 * The valves to close to cut a water or gas pipe off from its sources, found on the topology.
 * Empty for unknown pipes and for sections with a source inside (no valve set isolates them).
 */
export function isolatingValves(city: CityModel, pipeId: string): string[] {
  for (const network of ['water', 'gas'] as const) {
    const graph = networkGraph(city, network);
    const index = graph.pipeIndex.get(pipeId);
    if (index === undefined) continue;
    const section = sectionOf(graph, index);
    return section.fed ? [] : section.valves;
  }
  return [];
}

/** A burst should show downstream: the main feeds at least this many intersections. */
const MIN_DOWNSTREAM_NODES = 8;

/** Mains that make a good burst: a short section, isolable, and with pipes fed through them. */
const burstCandidates = perCity((city) => {
  const graph = waterGraph(city);
  const supply = baselineSupply(graph);
  const downstream = subtreeSizes(graph, supply);
  const candidates: string[] = [];
  graph.pipes.forEach((pipe, i) => {
    if (!pipe.main || !Number.isFinite(supply.pipeDistance[i]!)) return;
    const far = supply.dist[pipe.from]! > supply.dist[pipe.to]! ? pipe.from : pipe.to;
    if (supply.parentPipe[far] !== i || downstream[far]! < MIN_DOWNSTREAM_NODES) return;
    const section = sectionOf(graph, i);
    if (section.fed || section.valves.length === 0 || section.valves.length > 6) return;
    if (section.pipeCount > 8) return;
    candidates.push(pipe.id);
  });
  return candidates;
});

/** Size of each node's subtree in the feeding tree (itself included), in one pass. */
function subtreeSizes(graph: NetworkGraph, supply: Supply): Int32Array {
  const size = new Int32Array(graph.nodeCount).fill(1);
  const order = Array.from({ length: graph.nodeCount }, (_, n) => n)
    .filter((n) => Number.isFinite(supply.dist[n]!))
    .sort((a, b) => supply.dist[b]! - supply.dist[a]!);
  for (const node of order) {
    const via = supply.parentPipe[node]!;
    if (via >= 0) size[otherEnd(graph, via, node)]! += size[node]!;
  }
  return size;
}

/** A water main to burst, chosen deterministically from a seed (a run id or a start time). */
export function pickBurstMain(city: CityModel, seed: string | number): string {
  const candidates = burstCandidates(city);
  const key = hashString(String(seed));
  const fallback = waterGraph(city).pipes.find((pipe) => pipe.main) ?? waterGraph(city).pipes[0];
  const chosen = candidates[Math.floor(unitHash(key, 0xb057) * candidates.length)];
  if (chosen !== undefined) return chosen;
  if (!fallback) throw new Error(`${city.id} has no water pipes`);
  return fallback.id;
}

/** Road nodes of the network's valves closed at `t` by `valve-close` events. */
export function closedValveNodes(
  graph: NetworkGraph,
  events: readonly SimEvent[],
  t: SimTime,
): number[] {
  const nodes: number[] = [];
  for (const event of events) {
    if (event.kind !== 'valve-close' || t < event.startMs || t >= event.endMs) continue;
    const node = graph.valveNode.get(event.target);
    if (node !== undefined) nodes.push(node);
  }
  return nodes;
}

/** Valve ids (any network) closed at `t`. */
export function closedValveIds(events: readonly SimEvent[], t: SimTime): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.kind === 'valve-close' && t >= event.startMs && t < event.endMs)
      ids.add(event.target);
  }
  return ids;
}
