/**
 * What a burst does: while water flows out of the broken pipe (the burst is not repaired and
 * the pipe is still connected to a source), pressure drops sharply on it and downstream of it,
 * moderately around it, and the water floods the street above. Once the valves cut the section
 * off, the flow stops and the street drains over minutes.
 */
import type { SimEvent, SimTime } from '../types';
import type { NetworkGraph } from './network-graph';
import { closedValveNodes } from './isolation';
import type { InfluenceShape } from './influence';
import { isSupplied, supplyFor } from './supply';

const MINUTE_MS = 60_000;
/** Street water depth (cm) a full break of a 400 mm main tends to. */
const FULL_BREAK_DEPTH_CM = 35;
const FILL_TIME_MS = 6 * MINUTE_MS;
const DRAIN_TIME_MS = 10 * MINUTE_MS;
/** Shallower than this the street counts as dry. */
const DRY_CM = 0.3;
/** Pressure drop (kPa at magnitude 1) downstream of and around a burst, fading with distance (m). */
export const BURST_DROP: InfluenceShape = {
  id: 'burst',
  downstream: 330,
  downstreamFadeM: 1200,
  zone: 130,
  zoneFadeM: 350,
  radiusM: 3000,
};
/** Share of its pressure the broken pipe itself loses at magnitude 1. */
export const BURST_PIPE_LOSS = 0.75;
/** How long after a burst ends its street may still be wet (for the engine's look-back). */
export const BURST_LINGER_MS = 60 * MINUTE_MS;

function flowingAt(
  graph: NetworkGraph,
  event: SimEvent,
  pipeIndex: number,
  events: readonly SimEvent[],
  t: SimTime,
): boolean {
  if (t < event.startMs || t >= event.endMs) return false;
  return isSupplied(supplyFor(graph, closedValveNodes(graph, events, t)), pipeIndex);
}

/** Whether the burst is spilling water at `t` (active and still fed). */
export function burstFlowing(
  graph: NetworkGraph,
  event: SimEvent,
  events: readonly SimEvent[],
  t: SimTime,
): boolean {
  const index = graph.pipeIndex.get(event.target);
  return index !== undefined && flowingAt(graph, event, index, events, t);
}

/**
 * Depth of the water on the street above a burst at `t`: it rises towards its size while the
 * pipe spills and drains once it stops. The flow only changes when a valve event starts or ends,
 * so the history is a few closed-form pieces between those moments.
 */
export function burstStreetWaterCm(
  graph: NetworkGraph,
  event: SimEvent,
  events: readonly SimEvent[],
  t: SimTime,
): number {
  const index = graph.pipeIndex.get(event.target);
  if (index === undefined || t <= event.startMs) return 0;
  const pipe = graph.pipes[index]!;
  const size = Math.min(1.2, Math.max(0.3, pipe.diameterMm / 400));
  const target = FULL_BREAK_DEPTH_CM * Math.min(1.5, Math.max(0, event.magnitude)) * size;
  const flowEnd = Math.min(t, event.endMs);
  const moments = new Set<number>([event.startMs, flowEnd]);
  for (const other of events) {
    if (other.kind !== 'valve-close' || !graph.valveNode.has(other.target)) continue;
    for (const moment of [other.startMs, other.endMs]) {
      if (moment > event.startMs && moment < flowEnd) moments.add(moment);
    }
  }
  const ordered = [...moments].sort((a, b) => a - b);
  let depth = 0;
  for (let k = 1; k < ordered.length; k++) {
    const from = ordered[k - 1]!;
    const to = ordered[k]!;
    if (flowingAt(graph, event, index, events, from)) {
      depth = target - (target - depth) * Math.exp(-(to - from) / FILL_TIME_MS);
    } else {
      depth *= Math.exp(-(to - from) / DRAIN_TIME_MS);
    }
  }
  if (t > flowEnd) depth *= Math.exp(-(t - flowEnd) / DRAIN_TIME_MS);
  return depth < DRY_CM ? 0 : depth;
}
