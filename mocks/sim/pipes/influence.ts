/**
 * How far a fault on one pipe (a burst, a gas leak) reaches: strongly downstream of it (the
 * nodes whose feed passes through it), weakly in the zone around it, fading with network
 * distance. Cached per valve state (Supply) and pipe, so a long incident costs one walk.
 */
import type { NetworkGraph } from './network-graph';
import { downstreamNodes, nearbyPipes, type Supply } from './supply';

export interface InfluenceShape {
  readonly id: string;
  readonly downstream: number;
  readonly downstreamFadeM: number;
  readonly zone: number;
  readonly zoneFadeM: number;
  readonly radiusM: number;
}

export interface Influence {
  readonly pipes: Int32Array;
  /** The shape's weight per entry of `pipes`; 0 for the faulty pipe itself. */
  readonly weight: Float64Array;
}

const influenceCache = new WeakMap<Supply, Map<string, Influence>>();

export function pipeInfluence(
  graph: NetworkGraph,
  supply: Supply,
  pipeIndex: number,
  shape: InfluenceShape,
): Influence {
  let bySupply = influenceCache.get(supply);
  if (!bySupply) {
    bySupply = new Map();
    influenceCache.set(supply, bySupply);
  }
  const cacheKey = `${shape.id}:${pipeIndex}`;
  const hit = bySupply.get(cacheKey);
  if (hit) return hit;
  const downstream = downstreamNodes(graph, supply, pipeIndex);
  const near = [...nearbyPipes(graph, supply, pipeIndex, shape.radiusM)].sort(
    (a, b) => a[0] - b[0],
  );
  const pipes = new Int32Array(near.length);
  const weight = new Float64Array(near.length);
  near.forEach(([pipe, d], k) => {
    const p = graph.pipes[pipe]!;
    const isDownstream = downstream.has(p.from) && downstream.has(p.to);
    pipes[k] = pipe;
    weight[k] =
      pipe === pipeIndex
        ? 0
        : isDownstream
          ? shape.downstream * Math.exp(-d / shape.downstreamFadeM)
          : shape.zone * Math.exp(-d / shape.zoneFadeM);
  });
  const influence = { pipes, weight };
  bySupply.set(cacheKey, influence);
  return influence;
}
