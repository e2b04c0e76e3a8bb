/**
 * Speeds and volumes on every road segment at T, from demand, capacity and incidents, with the
 * BPR volume-delay function t = t0 (1 + α (v/c)^β). This is the one place the traffic model
 * computes anything; columns, readings and the engine's `roadSpeedsAt` all read from it.
 *
 * Results are cached per effects object: the engine builds one CrossEffects per evaluated T and
 * asks for columns and readings with it, so the network is computed once per T.
 */
import type { CrossEffects, SimContext, SimEvent } from '../types';
import { roadNetwork } from '../routing/road-network';
import { demandAt, rainSpeedFactor, TIDAL_SHARE } from './demand';
import { applyIncidents, remainingCapacity } from './incident-queues';
import { incidentsAt } from './incidents-at';
import { applyWander, hotspotFactors } from './segment-factors';
import { segmentTable } from './segment-table';

const BPR_ALPHA = 0.15;

/** Traffic that is moving at all moves at least this fast (stop-and-go averages out). */
export const MIN_MOVING_KMH = 3;

/** The network at T, indexed like city.roadSegments (see `roadNetwork(city).segmentIds`). */
export interface TrafficState {
  readonly t: number;
  /** km/h; 0 on closed segments. */
  readonly speedKmh: Float64Array;
  /** Vehicles per hour actually passing. */
  readonly volumeVph: Float64Array;
  /** Incidents considered at T (active or still queued), for readings. */
  readonly incidents: readonly SimEvent[];
}

interface CacheEntry {
  readonly t: number;
  readonly events: readonly SimEvent[];
  readonly fingerprint: number;
  readonly state: TrafficState;
}

const cache = new WeakMap<CrossEffects, CacheEntry>();
/** Effects into which `applyTrafficEffects` wrote the incident cuts, and for which T. */
const incidentCutsWritten = new WeakMap<CrossEffects, number>();

/**
 * Multiplies the capacity cuts of the incidents active at T into the cross effects, so that
 * whoever reads the effects after the evaluation (all domains have run by then: traffic is last)
 * sees every closure. The speeds then take the cuts from there instead of applying them twice.
 */
export function applyTrafficEffects(ctx: SimContext, t: number, effects: CrossEffects): void {
  const network = roadNetwork(ctx.city);
  for (const event of incidentsAt(ctx, t)) {
    if (t >= event.endMs || !network.segmentIndex.has(event.target)) continue;
    const before = effects.roadCapacity.get(event.target) ?? 1;
    effects.roadCapacity.set(event.target, before * remainingCapacity(event));
  }
  incidentCutsWritten.set(effects, t);
}

/**
 * Guards the cache against an effects object that was filled again for another evaluation:
 * a cheap digest of everything in it the traffic model reads.
 */
function effectsFingerprint(effects: CrossEffects): number {
  let digest = effects.rainMmH * 7919 + effects.roadCapacity.size * 31 + effects.roadDemand.size;
  for (const value of effects.roadCapacity.values()) digest = digest * 1.000001 + value;
  for (const value of effects.roadDemand.values()) digest = digest * 1.000003 + value;
  return digest;
}

export function segmentSpeeds(ctx: SimContext, t: number, effects: CrossEffects): TrafficState {
  const fingerprint = effectsFingerprint(effects);
  const cached = cache.get(effects);
  if (
    cached &&
    cached.t === t &&
    cached.events === ctx.events &&
    cached.fingerprint === fingerprint
  )
    return cached.state;
  const state = computeSpeeds(ctx, t, effects);
  cache.set(effects, { t, events: ctx.events, fingerprint, state });
  return state;
}

function computeSpeeds(ctx: SimContext, t: number, effects: CrossEffects): TrafficState {
  const { city } = ctx;
  const network = roadNetwork(city);
  const table = segmentTable(city);
  const n = network.segmentCount;
  const capacityShare = new Float64Array(n).fill(1);
  const speedCap = new Float64Array(n).fill(1);
  // Demand multipliers of each segment: drifting hot spots × wander × crowds nearby.
  const demandFactor = applyWander(city, t, hotspotFactors(city, t, new Float64Array(n)));
  for (const [id, share] of effects.roadCapacity) {
    const i = network.segmentIndex.get(id);
    if (i !== undefined) capacityShare[i]! *= Math.max(0, share);
  }
  for (const [id, factor] of effects.roadDemand) {
    const i = network.segmentIndex.get(id);
    if (i !== undefined) demandFactor[i]! *= Math.max(0, factor);
  }
  const incidents = incidentsAt(ctx, t);
  applyIncidents(
    city,
    incidents,
    t,
    capacityShare,
    speedCap,
    incidentCutsWritten.get(effects) === t,
  );

  const demand = demandAt(t);
  const tidal = TIDAL_SHARE * (demand.morning - demand.evening);
  const rain = rainSpeedFactor(effects.rainMmH);
  const speedKmh = new Float64Array(n);
  const volumeVph = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const share = capacityShare[i]!;
    if (share <= 0) continue; // closed: nobody drives, speed and volume stay 0
    const load =
      demand.total * table.peakLoad[i]! * (1 + tidal * table.inbound[i]!) * demandFactor[i]!;
    const ratio = load / share;
    const ratio2 = ratio * ratio;
    // BPR with β = 4: travel time t0 (1 + α (v/c)^4), so speed is free flow / (1 + α (v/c)^4).
    const bpr = 1 / (1 + BPR_ALPHA * ratio2 * ratio2);
    const cap = speedCap[i]!;
    speedKmh[i] = Math.max(MIN_MOVING_KMH, table.freeFlowKmh[i]! * rain * Math.min(bpr, cap));
    // What passes is what wants to, up to what the road can carry; a queue meters it further.
    volumeVph[i] = table.capacityVph[i]! * Math.min(load, share) * Math.max(0.3, cap);
  }
  return { t, speedKmh, volumeVph, incidents };
}

/**
 * Road speeds as the contract's `roadSpeedsAt` returns them: km/h by segment id, 0 for closed
 * segments. The engine's `roadSpeedsAt(t)` should be this, at t, with the effects of every
 * domain before traffic applied (weather → pipes → public-spaces → fire).
 */
export function roadSpeedMap(
  ctx: SimContext,
  t: number,
  effects: CrossEffects,
): Map<string, number> {
  const { speedKmh } = segmentSpeeds(ctx, t, effects);
  const ids = roadNetwork(ctx.city).segmentIds;
  const speeds = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) speeds.set(ids[i]!, speedKmh[i]!);
  return speeds;
}
