/**
 * Which engines go to which fire, and when they are back: the fires of a window before T are
 * processed in the order they were confirmed. At confirmation the nearest station by emergency
 * travel time with a unit free sends units (1–3 by severity), topping up from the next nearest
 * if it has too few; when no unit is free anywhere the fire waits for the first one back. A
 * unit is busy from dispatch until it is back at its station, so no unit is booked twice.
 *
 * Road speeds come from `ctx.roadSpeedsAt` at the dispatch minute and at the minute a unit
 * leaves the scene. Those depend only on events, never on dispatch, so there is no cycle; and
 * only times up to T are asked for, so nothing here knows the future.
 */
import type { Building } from '../../city/buildings';
import { MINUTE_MS } from '../../live/clock';
import { roadNetwork } from '../routing/road-network';
import { routeInTree, type Route } from '../routing/shortest-path';
import type { AlarmSeverity, SimContext, SimEvent } from '../types';
import { buildingById, frontage } from './adjacent-roads';
import { VERIFY_MS, fireEventsAt, fireSeverity } from './fire-events';
import { buildingNode, responseTree, returnRoute, stationNode } from './response-routes';

/** From the call to the engine rolling out of the station. */
export const TURNOUT_MS = MINUTE_MS;
/** Least time on scene after arrival, by severity (damping down, checking, handing over). */
const MIN_WORK_MS: Readonly<Record<AlarmSeverity, number>> = {
  1: 10 * MINUTE_MS,
  2: 20 * MINUTE_MS,
  3: 30 * MINUTE_MS,
};

/** A leg driven by a unit: the route and the cumulative seconds at each segment's end. */
export interface Leg {
  readonly route: Route;
  /** cumulativeS[k] = seconds from the leg's start to the end of route.segments[k]. */
  readonly cumulativeS: Float64Array;
  readonly startMs: number;
  readonly endMs: number;
}

export interface UnitTrip {
  readonly unitId: string;
  readonly stationIndex: number;
  readonly incidentId: string;
  /** Position of the unit among those of its incident (for parking them side by side). */
  readonly slot: number;
  readonly dispatchedAt: number;
  /** outbound.startMs is the end of the turnout, outbound.endMs the arrival. */
  readonly outbound: Leg;
  readonly leavesSceneAt: number;
  /** Known once the unit has left the scene at or before T; null before that. */
  readonly inbound: Leg | null;
  /** When the unit is back (Infinity while that is after T and not yet known). */
  readonly backAt: number;
}

export interface FireIncident {
  readonly event: SimEvent;
  readonly building: Building;
  readonly severity: AlarmSeverity;
  readonly confirmedAt: number;
  readonly trips: readonly UnitTrip[];
  /** When the last unit leaves the scene (the fire's end when no unit came). */
  readonly clearedAt: number;
}

export interface FirePlan {
  readonly t: number;
  readonly incidents: readonly FireIncident[];
  readonly detectors: readonly SimEvent[];
}

const plans = new WeakMap<readonly SimEvent[], Map<number, FirePlan>>();
const PLANS_KEPT = 16;

/** The fire situation at T, cached per event log and T (columns, alarms and units share it). */
export function planFires(ctx: SimContext, t: number): FirePlan {
  let byTime = plans.get(ctx.events);
  if (!byTime) {
    byTime = new Map();
    plans.set(ctx.events, byTime);
  }
  let plan = byTime.get(t);
  if (!plan) {
    plan = computePlan(ctx, t);
    if (byTime.size >= PLANS_KEPT) byTime.delete(byTime.keys().next().value!);
    byTime.set(t, plan);
  }
  return plan;
}

function computePlan(ctx: SimContext, t: number): FirePlan {
  const { city } = ctx;
  const { fires, detectors } = fireEventsAt(ctx, t);
  // freeAt[station][unit]: when each unit is next free at its station.
  const freeAt = city.fireStations.map((station) =>
    new Array<number>(station.units).fill(-Infinity),
  );
  const queue = fires
    .map((event) => ({ event, confirmedAt: event.startMs + VERIFY_MS }))
    .sort((a, b) => a.confirmedAt - b.confirmedAt || (a.event.id < b.event.id ? -1 : 1));
  const incidents: FireIncident[] = [];
  for (const { event, confirmedAt } of queue) {
    const building = buildingById(city, event.target);
    if (!building) continue;
    const severity = fireSeverity(event.magnitude);
    const trips =
      confirmedAt <= t ? dispatch(ctx, t, event, building, severity, confirmedAt, freeAt) : [];
    const clearedAt = trips.reduce(
      (latest, trip) => Math.max(latest, trip.leavesSceneAt),
      trips.length > 0 ? -Infinity : event.endMs,
    );
    incidents.push({ event, building, severity, confirmedAt, trips, clearedAt });
  }
  return { t, incidents, detectors };
}

function dispatch(
  ctx: SimContext,
  t: number,
  event: SimEvent,
  building: Building,
  severity: AlarmSeverity,
  confirmedAt: number,
  freeAt: number[][],
): UnitTrip[] {
  const { city } = ctx;
  // With no unit free anywhere, the fire waits for the first one back (if that is before T).
  const at = Math.max(confirmedAt, Math.min(...freeAt.map((units) => Math.min(...units))));
  if (at > t) return [];
  const speeds = ctx.roadSpeedsAt(Math.floor(at / MINUTE_MS) * MINUTE_MS);
  const target = buildingNode(city, building.id, building.center);
  const scene = frontage(city, building).segmentIds;
  const { tree, costS } = responseTree(city, speeds, building.id, target, scene);
  const ranked = city.fireStations
    .map((_, index) => ({ index, timeS: tree.timeS[stationNode(city, index)]! }))
    .filter((station) => Number.isFinite(station.timeS))
    .sort((a, b) => a.timeS - b.timeS || a.index - b.index);
  const trips: UnitTrip[] = [];
  for (const { index } of ranked) {
    const units = freeAt[index]!;
    if (!units.some((free) => free <= at)) continue;
    const route = routeInTree(roadNetwork(city), tree, stationNode(city, index), costS);
    if (!route) continue;
    const outbound = leg(route, costS, at + TURNOUT_MS);
    const leavesSceneAt = Math.max(event.endMs, outbound.endMs + MIN_WORK_MS[severity]);
    const inbound =
      leavesSceneAt <= t ? returnLeg(ctx, target, stationNode(city, index), leavesSceneAt) : null;
    for (let unit = 0; unit < units.length && trips.length < severity; unit++) {
      if (units[unit]! > at) continue;
      const backAt = inbound ? inbound.endMs : Infinity;
      units[unit] = backAt;
      trips.push({
        unitId: `${city.fireStations[index]!.id}-e${unit + 1}`,
        stationIndex: index,
        incidentId: event.id,
        slot: trips.length,
        dispatchedAt: at,
        outbound,
        leavesSceneAt,
        inbound,
        backAt,
      });
    }
    if (trips.length >= severity) break;
  }
  return trips;
}

function leg(route: Route, costS: Float64Array, startMs: number): Leg {
  const cumulativeS = new Float64Array(route.segments.length);
  let sum = 0;
  route.segments.forEach((segment, k) => {
    sum += costS[segment]!;
    cumulativeS[k] = sum;
  });
  return { route, cumulativeS, startMs, endMs: startMs + Math.round(sum * 1000) };
}

function returnLeg(ctx: SimContext, from: number, to: number, leavesAt: number): Leg | null {
  const speeds = ctx.roadSpeedsAt(Math.floor(leavesAt / MINUTE_MS) * MINUTE_MS);
  const found = returnRoute(ctx.city, speeds, from, to);
  return found ? leg(found.route, found.costS, leavesAt) : null;
}
