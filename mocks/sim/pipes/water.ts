/**
 * Water supply pressure on the network's topology: pump head minus the head loss along the
 * cheapest path from the nearest pump, which grows with daily demand (breakfast and evening).
 * Bursts pull pressure down around them while they spill; pipes cut off by closed valves have
 * no supply and report no reading (out of service, not in alarm).
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import { localHour } from '../../live/clock';
import { bump, roundTo, smoothNoise, stepJitter } from '../../live/signals';
import type { SimEvent, SimTime } from '../types';
import { BURST_DROP, BURST_PIPE_LOSS, burstStreetWaterCm } from './burst';
import { pipeInfluence } from './influence';
import { closedValveNodes } from './isolation';
import { waterGraph } from './network-graph';
import { baselineSupply, isSupplied, supplyFor } from './supply';

const MINUTE_MS = 60_000;
/** Pump delivery head, kPa. */
const PUMP_HEAD_KPA = 465;
/** Head loss at the farthest pipe: a fixed part plus a part that grows with demand. */
const FAR_LOSS_KPA = 60;
const FAR_DEMAND_LOSS_KPA = 70;
/** City-wide sag at full demand (every pump works harder). */
const DEMAND_SAG_KPA = 25;
/** Pipes rerouted by closed valves may end up farther than any pipe normally is; not endlessly. */
const MAX_REMOTENESS = 1.3;
/** Pipes no pump reaches even with every valve open are fed from outside the model. */
const UNREACHED_REMOTENESS = 0.8;
/** Never quite zero while fed: the broken pipe still holds some water. */
const MIN_FED_KPA = 5;
const JITTER_STEP_MS = 15_000;

const waterConstants = perCity((city) => {
  const graph = waterGraph(city);
  const base = baselineSupply(graph);
  let farthest = 0;
  for (const d of base.pipeDistance) if (Number.isFinite(d)) farthest = Math.max(farthest, d);
  const keys = graph.pipes.map((pipe) => hashString(pipe.id));
  return {
    graph,
    base,
    farthest: farthest || 1,
    keys,
    /** Per-pipe offset: elevation of the service, local fittings. */
    offsetKpa: keys.map((key) => 25 * unitHash(key, 1)),
  };
});

/** Water demand 0.2 (night) .. 1 (breakfast, evening). */
export function waterDemand(t: SimTime): number {
  const hour = localHour(t);
  return 0.2 + 0.8 * Math.max(bump(hour, 7.5, 1.2), bump(hour, 19, 1.8));
}

export interface WaterState {
  /** kPa per water pipe (in network order); null = cut off, no supply. */
  readonly pressureKpa: (number | null)[];
  /** Road edge id → street water depth (cm) from bursts. */
  readonly streetWaterCm: Map<number, number>;
}

export function waterState(city: CityModel, events: readonly SimEvent[], t: SimTime): WaterState {
  const { graph, base, farthest, keys, offsetKpa } = waterConstants(city);
  const supply = supplyFor(graph, closedValveNodes(graph, events, t));
  const demand = waterDemand(t);
  const step = Math.floor(t / JITTER_STEP_MS);
  const pressure = new Float64Array(graph.pipes.length);
  const fed = new Uint8Array(graph.pipes.length);
  for (let i = 0; i < graph.pipes.length; i++) {
    const distance = supply.pipeDistance[i]!;
    const reachable = Number.isFinite(base.pipeDistance[i]!);
    if (!Number.isFinite(distance) && reachable) continue;
    const remoteness = reachable
      ? Math.min(MAX_REMOTENESS, distance / farthest)
      : UNREACHED_REMOTENESS;
    const key = keys[i]!;
    fed[i] = 1;
    pressure[i] =
      PUMP_HEAD_KPA -
      offsetKpa[i]! -
      remoteness * (FAR_LOSS_KPA + FAR_DEMAND_LOSS_KPA * demand) -
      DEMAND_SAG_KPA * demand +
      12 * (smoothNoise(key, t, 10 * MINUTE_MS) - 0.5) +
      stepJitter(key, step, 1.5);
  }

  const streetWaterCm = new Map<number, number>();
  for (const event of events) {
    if (event.kind !== 'water-burst') continue;
    const index = graph.pipeIndex.get(event.target);
    if (index === undefined || t < event.startMs) continue;
    const depth = burstStreetWaterCm(graph, event, events, t);
    const edgeId = graph.pipes[index]!.edgeId;
    if (depth > 0) streetWaterCm.set(edgeId, (streetWaterCm.get(edgeId) ?? 0) + depth);
    if (t >= event.endMs || !isSupplied(supply, index)) continue;
    const magnitude = Math.min(1.5, Math.max(0, event.magnitude));
    const influence = pipeInfluence(graph, supply, index, BURST_DROP);
    for (let k = 0; k < influence.pipes.length; k++) {
      pressure[influence.pipes[k]!]! -= magnitude * influence.weight[k]!;
    }
    pressure[index] = pressure[index]! * Math.max(0, 1 - BURST_PIPE_LOSS * magnitude);
  }

  const pressureKpa: (number | null)[] = new Array<number | null>(graph.pipes.length);
  for (let i = 0; i < graph.pipes.length; i++) {
    pressureKpa[i] = fed[i] ? roundTo(Math.max(MIN_FED_KPA, pressure[i]!), 1) : null;
  }
  return { pressureKpa, streetWaterCm };
}

const waterIds = perCity((city) => waterGraph(city).pipes.map((pipe) => pipe.id));

/** Water pipe ids in column order. */
export function waterPipeIds(city: CityModel): string[] {
  return waterIds(city).slice();
}
