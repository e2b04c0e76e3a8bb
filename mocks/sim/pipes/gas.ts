/**
 * Gas pressure by class (medium-pressure mains, low-pressure distribution), sagging at meal
 * times. A leak drops pressure on its pipe and downstream of it until it is repaired or its
 * section is shut off by valves (then the section has no supply and reports no reading).
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import { localHour } from '../../live/clock';
import { bump, roundTo, smoothNoise, stepJitter } from '../../live/signals';
import type { SimEvent, SimTime } from '../types';
import { pipeInfluence, type InfluenceShape } from './influence';
import { closedValveNodes } from './isolation';
import { gasGraph } from './network-graph';
import { baselineSupply, isSupplied, supplyFor } from './supply';

const MINUTE_MS = 60_000;
const JITTER_STEP_MS = 15_000;
/** Share of its pressure a leaking pipe loses at magnitude 1. */
const LEAK_PIPE_LOSS = 0.8;
/** Share of pressure lost downstream and around a leak at magnitude 1. */
const LEAK_DROP: InfluenceShape = {
  id: 'gas-leak',
  downstream: 0.6,
  downstreamFadeM: 500,
  zone: 0.3,
  zoneFadeM: 200,
  radiusM: 1500,
};

const gasConstants = perCity((city) => {
  const graph = gasGraph(city);
  const keys = graph.pipes.map((pipe) => hashString(pipe.id));
  return {
    graph,
    base: baselineSupply(graph),
    ids: graph.pipes.map((pipe) => pipe.id),
    keys,
    spread: keys.map((key) => unitHash(key, 1)),
  };
});

export function gasState(
  city: CityModel,
  events: readonly SimEvent[],
  t: SimTime,
): (number | null)[] {
  const { graph, base, keys, spread } = gasConstants(city);
  const supply = supplyFor(graph, closedValveNodes(graph, events, t));
  const hour = localHour(t);
  const cooking = Math.max(bump(hour, 11.5, 1), bump(hour, 18, 1.2));
  const step = Math.floor(t / JITTER_STEP_MS);
  const share = new Float64Array(graph.pipes.length).fill(1);
  for (const event of events) {
    if (event.kind !== 'gas-leak' || t < event.startMs || t >= event.endMs) continue;
    const index = graph.pipeIndex.get(event.target);
    if (index === undefined || !isSupplied(supply, index)) continue;
    const magnitude = Math.min(1, Math.max(0, event.magnitude));
    const influence = pipeInfluence(graph, supply, index, LEAK_DROP);
    for (let k = 0; k < influence.pipes.length; k++) {
      share[influence.pipes[k]!]! *= 1 - magnitude * influence.weight[k]!;
    }
    share[index]! *= 1 - LEAK_PIPE_LOSS * magnitude;
  }
  return graph.pipes.map((pipe, i) => {
    // Cut off by closed valves: no supply, no reading. Islands no gate reaches are fed locally.
    if (!Number.isFinite(supply.pipeDistance[i]!) && Number.isFinite(base.pipeDistance[i]!))
      return null;
    const key = keys[i]!;
    const wander = smoothNoise(key, t, 12 * MINUTE_MS) - 0.5;
    if (pipe.pressureClass === 'medium') {
      const normal =
        180 + 60 * spread[i]! - 35 * cooking + 10 * wander + stepJitter(key, step, 0.5);
      return roundTo(normal * share[i]!, 1);
    }
    const normal =
      2.35 + 0.3 * spread[i]! - 0.3 * cooking + 0.1 * wander + stepJitter(key, step, 0.01);
    return roundTo(normal * share[i]!, 3);
  });
}

export function gasPipeIds(city: CityModel): string[] {
  return gasConstants(city).ids.slice();
}
