/**
 * The simulation engine: the world at a simulated time T as a pure function of (city, T, event
 * log), evaluated through the domain models in domain order and memoised per quantised T. It
 * answers what the API serves: live state, deltas, dynamic features and alarms at any T.
 */
import type { FeatureCollection, LiveState } from '../../../src/data/schemas';
import type { CityModel } from '../../city/generate-city';
import { geometryCadenceS, isDatasetId, stateCadenceS, type LiveDatasetId } from '../../datasets';
import { alarmPlace } from '../../geojson/alarm-place';
import { isoWithOffset, quantize } from '../../live/clock';
import type { AlarmRule, DomainModel, SimContext, SimTime } from '../types';
import { createAlarmEngine, type AlarmSnapshot } from './alarm-engine';
import type { ClockController } from './clock';
import { changedRows } from './delta';
import { orderModels } from './domain-order';
import { evaluate, type Evaluation } from './evaluation';
import type { EventLog } from './event-log';
import { createEventWindow } from './event-window';
import { createLru } from './lru';

export interface SimulationOptions {
  readonly city: CityModel;
  readonly models: readonly DomainModel[];
  readonly log: EventLog;
  readonly clock: ClockController;
  /** How far back events are collected for an evaluation (effects linger after their cause). */
  readonly lookbackMs?: number;
  /** Evaluations kept (each is the whole world at one quantised time). */
  readonly cacheSize?: number;
}

/** A live state holding only the rows that changed since `since`. */
export type LiveStateDelta = LiveState & { readonly since: string };

export interface Simulation {
  readonly city: CityModel;
  readonly log: EventLog;
  readonly clock: ClockController;
  /** Live datasets some model computes, and datasets whose features some model produces. */
  readonly liveDatasetIds: readonly LiveDatasetId[];
  readonly dynamicDatasetIds: readonly string[];
  now(): SimTime;
  liveState(datasetId: LiveDatasetId, t: SimTime): LiveState;
  delta(datasetId: LiveDatasetId, sinceT: SimTime, t: SimTime): LiveStateDelta;
  features(datasetId: string, t: SimTime): FeatureCollection;
  alarms(t: SimTime): AlarmSnapshot;
  roadSpeedsAt(t: SimTime): ReadonlyMap<string, number>;
  /** The whole world at exactly `t` (callers quantise). */
  evaluationAt(t: SimTime): Evaluation;
}

const DEFAULT_LOOKBACK_MS = 6 * 3_600_000;
/** Fire dispatch routes with the speeds of its minute: one traffic evaluation per minute at most. */
const SPEED_GRID_S = 60;
/** Dynamic datasets outside the catalog's list change at the fire alarms' pace. */
const DEFAULT_FEATURE_CADENCE_S = 5;

export function featureCadenceS(datasetId: string): number {
  return (isDatasetId(datasetId) ? geometryCadenceS(datasetId) : null) ?? DEFAULT_FEATURE_CADENCE_S;
}

export function createSimulation(options: SimulationOptions): Simulation {
  const { city, log, clock } = options;
  const models = orderModels(options.models);
  const window = createEventWindow({
    city,
    models,
    log,
    lookbackMs: options.lookbackMs ?? DEFAULT_LOOKBACK_MS,
  });
  const evaluations = createLru<SimTime, Evaluation>(options.cacheSize ?? 48);
  const speeds = createLru<SimTime, ReadonlyMap<string, number>>(32);
  const inProgress = new Set<SimTime>();
  const rules = new Map<string, AlarmRule>(
    models.flatMap((model) => model.rules.map((rule) => [rule.id, rule] as const)),
  );

  const evaluationAt = (t: SimTime): Evaluation => {
    const cached = evaluations.get(t);
    if (cached) return cached;
    if (inProgress.has(t)) {
      throw new Error(
        `evaluating ${isoWithOffset(t)} needs its own result: a model's applyEffects must not ask for road speeds`,
      );
    }
    inProgress.add(t);
    try {
      const ctx: SimContext = { city, events: window.eventsAt(t), roadSpeedsAt };
      const evaluation = evaluate(models, ctx, t);
      evaluations.set(t, evaluation);
      return evaluation;
    } finally {
      inProgress.delete(t);
    }
  };

  function roadSpeedsAt(t: SimTime): ReadonlyMap<string, number> {
    const at = quantize(t, SPEED_GRID_S);
    return speeds.getOrCreate(at, () => {
      const byId = new Map<string, number>();
      if (!liveDatasetIds.includes('traffic.roads')) return byId;
      const { ids, columns } = evaluationAt(at).columns('traffic.roads');
      const speedKmh = columns.speedKmh ?? [];
      ids.forEach((id, i) => {
        const speed = speedKmh[i];
        if (speed !== null && speed !== undefined) byId.set(id, speed);
      });
      return byId;
    });
  }

  const alarmEngine = createAlarmEngine({
    rules,
    locate: (reading) => alarmPlace(city, reading),
    readingsAt: (step) => evaluationAt(step).readings(),
  });

  log.subscribe(({ affectsFromMs }) => {
    evaluations.deleteWhere((t) => t >= affectsFromMs);
    speeds.deleteWhere((t) => t >= affectsFromMs);
    alarmEngine.invalidateFrom(affectsFromMs);
  });

  const liveDatasetIds = [...new Set(models.flatMap((model) => model.datasets))];
  const dynamicDatasetIds = [
    ...new Set(models.flatMap((model) => model.dynamic?.datasetIds ?? [])),
  ];

  const liveState = (datasetId: LiveDatasetId, t: SimTime): LiveState => {
    const cadenceS = stateCadenceS(datasetId);
    const observedAt = quantize(t, cadenceS);
    const { ids, columns } = evaluationAt(observedAt).columns(datasetId);
    return { dataset: datasetId, observedAt: isoWithOffset(observedAt), cadenceS, ids, columns };
  };

  return {
    city,
    log,
    clock,
    liveDatasetIds,
    dynamicDatasetIds,
    now: () => clock.now(),
    liveState,
    delta(datasetId, sinceT, t) {
      const cadenceS = stateCadenceS(datasetId);
      const since = quantize(sinceT, cadenceS);
      const current = liveState(datasetId, t);
      const rows = changedRows(evaluationAt(since).columns(datasetId), current);
      return { ...current, ...rows, since: isoWithOffset(since) };
    },
    features: (datasetId, t) =>
      evaluationAt(quantize(t, featureCadenceS(datasetId))).features(datasetId),
    alarms: (t) => alarmEngine.at(t),
    roadSpeedsAt,
    evaluationAt,
  };
}
