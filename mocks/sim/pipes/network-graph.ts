/**
 * The topology of a pressurised network (water or gas): pipes are edges between road node ids,
 * valves sit on nodes, sources (pumps, the gas city gates) feed it. Built once per city and
 * kept in a WeakMap, so a city's evaluations share one graph.
 */
import type { CityModel } from '../../city/generate-city';
import { distance } from '../../city/geo';
import { perCity } from '../../city/per-city';
import type { Pipe } from '../../city/pipes';

export type PressurisedNetwork = 'water' | 'gas';

export interface NetworkGraph {
  readonly network: PressurisedNetwork;
  readonly pipes: readonly Pipe[];
  readonly pipeIndex: ReadonlyMap<string, number>;
  /** Road node count: node arrays are indexed by road node id. */
  readonly nodeCount: number;
  /** Adjacency in compressed rows: node n's neighbours are at adjStart[n] .. adjStart[n + 1] - 1. */
  readonly adjStart: Int32Array;
  readonly adjPipe: Int32Array;
  readonly adjNode: Int32Array;
  readonly lengthM: Float64Array;
  /** Head-loss weight of each pipe: its length, heavier for narrow pipes than for mains. */
  readonly resistance: Float64Array;
  /** Road node ids where the network is fed. */
  readonly sources: readonly number[];
  /** Valve id → road node id, and back. */
  readonly valveNode: ReadonlyMap<string, number>;
  readonly valveAt: ReadonlyMap<number, string>;
}

/** Diameter whose head loss per metre counts as 1. */
const REFERENCE_DIAMETER_MM = 400;

function buildGraph(city: CityModel, network: PressurisedNetwork): NetworkGraph {
  const pipes = city.pipes.filter((pipe) => pipe.network === network);
  const nodeCount = city.roads.nodes.length;
  const degree = new Int32Array(nodeCount + 1);
  for (const pipe of pipes) {
    degree[pipe.from]! += 1;
    degree[pipe.to]! += 1;
  }
  const adjStart = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1] = adjStart[n]! + degree[n]!;
  const fill = adjStart.slice(0, nodeCount);
  const adjPipe = new Int32Array(adjStart[nodeCount]!);
  const adjNode = new Int32Array(adjStart[nodeCount]!);
  const lengthM = new Float64Array(pipes.length);
  const resistance = new Float64Array(pipes.length);
  pipes.forEach((pipe, i) => {
    const edge = city.roads.edges[pipe.edgeId];
    lengthM[i] = edge
      ? edge.lengthM
      : distance(pipe.points[0]!, pipe.points[pipe.points.length - 1]!);
    // Hazen–Williams loss goes with D^-4.87 at equal flow; mains also carry more flow, so the
    // effective contrast is much milder. A square root keeps side streets visibly "farther".
    resistance[i] = lengthM[i]! * Math.sqrt(REFERENCE_DIAMETER_MM / pipe.diameterMm);
    for (const [at, other] of [
      [pipe.from, pipe.to],
      [pipe.to, pipe.from],
    ] as const) {
      const slot = fill[at]!;
      adjPipe[slot] = i;
      adjNode[slot] = other;
      fill[at] = slot + 1;
    }
  });
  const valveNode = new Map<string, number>();
  const valveAt = new Map<number, string>();
  for (const node of city.pipeNodes) {
    if (node.network !== network || node.nodeKind !== 'valve') continue;
    valveNode.set(node.id, node.roadNodeId);
    valveAt.set(node.roadNodeId, node.id);
  }
  return {
    network,
    pipes,
    pipeIndex: new Map(pipes.map((pipe, i) => [pipe.id, i])),
    nodeCount,
    adjStart,
    adjPipe,
    adjNode,
    lengthM,
    resistance,
    sources: network === 'water' ? pumpNodes(city) : gasGates(city, pipes),
    valveNode,
    valveAt,
  };
}

function pumpNodes(city: CityModel): number[] {
  return city.pipeNodes
    .filter((node) => node.network === 'water' && node.nodeKind === 'pump')
    .map((node) => node.roadNodeId);
}

/**
 * The city has no gas stations in its model: the medium-pressure grid is fed at city gates on
 * its outskirts, one per 4 km of half extent, spread apart (farthest-point order from the edge).
 */
function gasGates(city: CityModel, pipes: readonly Pipe[]): number[] {
  const onMedium = new Set<number>();
  for (const pipe of pipes) {
    if (pipe.pressureClass !== 'medium') continue;
    onMedium.add(pipe.from);
    onMedium.add(pipe.to);
  }
  const candidates = [...onMedium].sort((a, b) => a - b);
  const position = (id: number) => city.roads.nodes[id]!.position;
  const count = Math.max(1, Math.round(city.halfExtentM / 4000));
  const gates: number[] = [];
  for (let k = 0; k < count && k < candidates.length; k++) {
    let best = -1;
    let bestScore = -Infinity;
    for (const id of candidates) {
      // The first gate is the one farthest out; the next ones farthest from the gates so far.
      const score =
        gates.length === 0
          ? distance(position(id), [0, 0])
          : Math.min(...gates.map((gate) => distance(position(id), position(gate))));
      if (score > bestScore) {
        bestScore = score;
        best = id;
      }
    }
    gates.push(best);
  }
  return gates;
}

export const waterGraph = perCity((city) => buildGraph(city, 'water'));
export const gasGraph = perCity((city) => buildGraph(city, 'gas'));

export function networkGraph(city: CityModel, network: PressurisedNetwork): NetworkGraph {
  return network === 'water' ? waterGraph(city) : gasGraph(city);
}

/** The road node at the other end of pipe `i` from `node`. */
export function otherEnd(graph: NetworkGraph, i: number, node: number): number {
  const pipe = graph.pipes[i]!;
  return pipe.from === node ? pipe.to : pipe.from;
}
