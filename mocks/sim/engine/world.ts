/**
 * One simulated world: a city, its clock, its event log, the simulation over them and what
 * operators did about its alarms. The browser worker, the node test server and the standalone
 * server each hold one, so every screen on the same backend shares the world, its clock, its
 * scenario runs and its alarms' lifecycles.
 */
import { generateCity, type CityModel } from '../../city/generate-city';
import type { CityScale } from '../../city/scale';
import type { DomainModel, ScenarioDefinition } from '../types';
import { createAlarmLifecycles, type AlarmLifecycles } from './alarm-lifecycle';
import { createClock, type ClockController, type ClockState } from './clock';
import { SCENARIOS } from '../scenarios';
import { DOMAIN_MODELS } from './domain-models';
import { createEventLog, type EventLog, type LogEntry } from './event-log';
import { createSimulation, type Simulation } from './simulation';

export interface WorldOptions {
  readonly seed: number;
  readonly scale: CityScale;
  /** An already generated city of that seed and scale (generation takes a while at city scale). */
  readonly city?: CityModel;
  /** Wall time for the clock; tests pass a fixed function. */
  readonly wallNow?: () => number;
  readonly clock?: ClockState;
  /** By default the demo city's domain models and scenarios. */
  readonly models?: readonly DomainModel[];
  readonly scenarios?: readonly ScenarioDefinition[];
  /** A recorded log to start from. */
  readonly entries?: readonly LogEntry[];
}

export interface World {
  readonly city: CityModel;
  readonly clock: ClockController;
  readonly log: EventLog;
  readonly simulation: Simulation;
  readonly scenarios: readonly ScenarioDefinition[];
  /** Operators' actions on the alarms (acknowledge, dispatch, …, notes). */
  readonly lifecycles: AlarmLifecycles;
}

export function createWorld(options: WorldOptions): World {
  const city = options.city ?? generateCity({ seed: options.seed, scale: options.scale });
  const scenarios = options.scenarios ?? SCENARIOS;
  const clock = createClock({
    ...(options.wallNow ? { wallNow: options.wallNow } : {}),
    ...(options.clock ? { initial: options.clock } : {}),
  });
  const log = createEventLog({ city, scenarios, entries: options.entries ?? [] });
  const models = options.models ?? DOMAIN_MODELS;
  const simulation = createSimulation({ city, models, log, clock });
  return { city, clock, log, simulation, scenarios, lifecycles: createAlarmLifecycles() };
}
