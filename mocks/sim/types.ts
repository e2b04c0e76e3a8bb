/**
 * The simulation's contracts. The world at a simulated time T is a pure function of
 * (city, T, the event log): background events come from hashed time buckets, scenario and
 * operator events from the log, and every domain model reads only those and the effects of the
 * domains evaluated before it. Nothing depends on when or how often it is asked, so two screens
 * asking for the same T see the same city, and replay is just evaluation at an earlier T.
 */
import type { KnownDepartment } from '../../src/data/alarm-schemas';
import type { FeatureCollection, LocalizedText } from '../../src/data/schemas';
import type { CityModel } from '../city/generate-city';
import type { XY } from '../city/geo';
import type { LiveDatasetId } from '../datasets';
import type { StateColumns } from '../live/columns';

/** Simulated time, ms since the epoch (the city's local time is UTC+8). */
export type SimTime = number;

export type SimEventKind =
  | 'rain' // city-wide, magnitude = intensity 0..1 (1 ≈ 80 mm/h)
  | 'road-incident' // target = road segment id; magnitude = share of capacity lost (crash, roadworks)
  | 'road-closure' // target = road segment id; capacity 0
  | 'water-burst' // target = water pipe id; magnitude = size of the break
  | 'valve-close' // target = valve node id (pipes.nodes)
  | 'gas-leak' // target = gas pipe id
  | 'building-fire' // target = building id; magnitude = severity 0..1
  | 'detector-alarm' // target = building id; a detector going off (mostly false alarms)
  | 'crowd-event'; // target = public space id; magnitude = expected attendance / capacity

export type EventSource = 'background' | 'scenario' | 'operator';

export interface SimEvent {
  /** Deterministic: the same event has the same id on every screen. */
  readonly id: string;
  readonly kind: SimEventKind;
  readonly target: string;
  readonly startMs: SimTime;
  /** When the cause ends (repair done, rain over, crowd gone). Effects may linger after it. */
  readonly endMs: SimTime;
  readonly magnitude: number;
  readonly source: EventSource;
  /** The scenario run that produced it, if any. */
  readonly scenarioRunId?: string;
}

/** The demo city's departments: those the contract module names (src/data/alarm-schemas.ts). */
export { DEPARTMENTS } from '../../src/data/alarm-schemas';
export type Department = KnownDepartment;

export type AlarmSeverity = 1 | 2 | 3; // 1 minor, 2 major, 3 critical

/**
 * One reading an alarm rule watches, at one instant. The alarm engine applies hold time and
 * hysteresis over time: it raises when `level` ≥ 1 has held for `raiseHoldS`, and clears when
 * `level` < `clearBelow` has held for `clearHoldS`.
 */
export interface AlarmReading {
  /** Stable key of what is watched, e.g. `water-pressure:p-123`. */
  readonly key: string;
  readonly ruleId: string;
  readonly domain: string;
  readonly department: Department;
  readonly severity: AlarmSeverity;
  readonly datasetId: LiveDatasetId | 'fire.alarms';
  readonly featureIds: readonly string[];
  /**
   * Where the features are (local metres, one point per feature id) when the city model has no
   * geometry for them: the features of dynamic datasets, such as a fire alarm at its building.
   */
  readonly featurePoints?: readonly XY[];
  /** Normalised exceedance: ≥ 1 beyond the raise threshold, < clearBelow back to normal. */
  readonly level: number;
  /** The raw value, for the alarm text (e.g. kPa). */
  readonly value: number;
  readonly unit: string;
  readonly title: LocalizedText;
}

export interface AlarmRule {
  readonly id: string;
  readonly raiseHoldS: number;
  readonly clearHoldS: number;
  /** Level under which the condition counts as cleared (hysteresis band: clearBelow..1). */
  readonly clearBelow: number;
}

/**
 * What a domain hands to the domains after it at the same instant. Each field is written by one
 * domain and read by others; evaluation order is fixed (see DOMAIN_ORDER in the engine).
 */
export interface CrossEffects {
  /** mm/h of rain falling now (weather). */
  rainMmH: number;
  /** Road segment id → remaining share of capacity (0 closed, 1 normal): incidents, floods, fires. */
  readonly roadCapacity: Map<string, number>;
  /** Road segment id → demand multiplier (> 1 near crowds). */
  readonly roadDemand: Map<string, number>;
  /** Road graph edge id → water depth on the street in cm (bursts, waterlogging). */
  readonly streetWaterCm: Map<number, number>;
}

export interface SimContext {
  readonly city: CityModel;
  /** Every event that matters at or before the evaluated time (background and logged). */
  readonly events: readonly SimEvent[];
  /**
   * Road speeds (km/h by road segment id) at another time, evaluated by the engine through the
   * whole pipeline and cached: fire dispatch routes with the speeds at its dispatch time.
   */
  readonly roadSpeedsAt: (t: SimTime) => ReadonlyMap<string, number>;
}

export interface DomainModel {
  /** Datasets whose features this model produces at each T (optional). */
  readonly dynamic?: DynamicFeatures;
  readonly id: string;
  /** Datasets whose live columns this model computes. */
  readonly datasets: readonly LiveDatasetId[];
  readonly rules: readonly AlarmRule[];
  /** Background events that start in [fromMs, toMs): deterministic from hashed time buckets. */
  backgroundEvents(city: CityModel, fromMs: SimTime, toMs: SimTime): SimEvent[];
  /** Adds this domain's effects at T (called in domain order, so earlier effects are final). */
  applyEffects(ctx: SimContext, t: SimTime, effects: CrossEffects): void;
  /** Live columns of one of its datasets at T. */
  columns(
    ctx: SimContext,
    datasetId: LiveDatasetId,
    t: SimTime,
    effects: CrossEffects,
  ): StateColumns;
  /**
   * Readings at T worth watching: only features at or beyond their clear threshold (level ≥
   * rule.clearBelow). Everything else is normal and need not be returned.
   */
  readings(ctx: SimContext, t: SimTime, effects: CrossEffects): AlarmReading[];
}

/** Datasets whose features themselves come and go (events on the map), served whole each time. */
export interface DynamicFeatures {
  readonly datasetIds: readonly string[];
  features(
    ctx: SimContext,
    datasetId: string,
    t: SimTime,
    effects: CrossEffects,
  ): FeatureCollection;
}

export type ScenarioId =
  'rainstorm' | 'water-main-burst' | 'high-rise-fire' | 'festival-crowd' | 'storm-night';

/**
 * A named, scripted situation a presenter triggers. Expanding it is pure: the same city, start
 * time and run id give the same events, so every screen sharing the event log sees the same story.
 */
export interface ScenarioDefinition {
  readonly id: ScenarioId;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** How long it takes to unfold and resolve, in simulated ms. */
  readonly durationMs: number;
  expand(city: CityModel, startMs: SimTime, runId: string): SimEvent[];
}
