/**
 * The append-only event log of one demo backend: scenario runs a presenter triggered and events
 * operators added. With the seed and the time it is the whole input of the world, so two screens
 * sharing the log see the same story. Expanding a run is pure; its events are computed once.
 */
import type { CityModel } from '../../city/generate-city';
import type { ScenarioDefinition, ScenarioId, SimEvent, SimTime } from '../types';

export interface ScenarioRun {
  readonly runId: string;
  readonly scenarioId: ScenarioId;
  readonly startMs: SimTime;
}

export type LogEntry =
  | { readonly kind: 'scenario-run'; readonly run: ScenarioRun }
  | { readonly kind: 'operator-event'; readonly event: SimEvent };

export interface LogChange {
  readonly entry: LogEntry;
  /** The earliest time the entry changes: everything evaluated before it still holds. */
  readonly affectsFromMs: SimTime;
}

export interface EventLog {
  entries(): readonly LogEntry[];
  runs(): readonly ScenarioRun[];
  run(runId: string): ScenarioRun | undefined;
  /** Starts a scenario at `startMs` under the next run id (`<scenario>-<n>`). */
  startRun(scenarioId: ScenarioId, startMs: SimTime): ScenarioRun;
  /** Appends a run with its id given (replaying a recorded log). */
  appendRun(run: ScenarioRun): ScenarioRun;
  addOperatorEvent(event: Omit<SimEvent, 'source'>): SimEvent;
  /** The events of one run (expanded once). */
  runEvents(runId: string): readonly SimEvent[];
  /** Every logged event: all runs expanded, and the operator events, in log order. */
  events(): readonly SimEvent[];
  /** Called after every append; returns the unsubscribe function. */
  subscribe(listener: (change: LogChange) => void): () => void;
}

export interface EventLogOptions {
  readonly city: CityModel;
  readonly scenarios: readonly ScenarioDefinition[];
  readonly entries?: readonly LogEntry[];
}

export function createEventLog({ city, scenarios, entries = [] }: EventLogOptions): EventLog {
  const definitions = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const log: LogEntry[] = [];
  const runs = new Map<string, ScenarioRun>();
  const eventIds = new Set<string>();
  const expanded = new Map<string, readonly SimEvent[]>();
  const listeners = new Set<(change: LogChange) => void>();
  let allEvents: readonly SimEvent[] | null = null;

  const definition = (id: ScenarioId): ScenarioDefinition => {
    const found = definitions.get(id);
    if (!found) throw new Error(`unknown scenario "${id}"`);
    return found;
  };

  const runEvents = (runId: string): readonly SimEvent[] => {
    let events = expanded.get(runId);
    if (!events) {
      const run = runs.get(runId);
      if (!run) throw new Error(`unknown scenario run "${runId}"`);
      events = definition(run.scenarioId)
        .expand(city, run.startMs, run.runId)
        .map((event) => ({ ...event, source: 'scenario' as const, scenarioRunId: run.runId }));
      expanded.set(runId, events);
    }
    return events;
  };

  const append = (entry: LogEntry, affectsFromMs: SimTime): void => {
    log.push(entry);
    allEvents = null;
    const change = { entry, affectsFromMs };
    for (const listener of [...listeners]) listener(change);
  };

  const eventLog: EventLog = {
    entries: () => [...log],
    runs: () => [...runs.values()],
    run: (runId) => runs.get(runId),
    startRun: (scenarioId, startMs) => {
      let n = runs.size + 1;
      while (runs.has(`${scenarioId}-${n}`)) n++;
      return eventLog.appendRun({ runId: `${scenarioId}-${n}`, scenarioId, startMs });
    },
    appendRun(run) {
      definition(run.scenarioId);
      if (!Number.isFinite(run.startMs)) throw new RangeError('a run needs a finite start time');
      if (runs.has(run.runId)) throw new Error(`scenario run "${run.runId}" is already logged`);
      const logged = {
        runId: run.runId,
        scenarioId: run.scenarioId,
        startMs: Math.floor(run.startMs),
      };
      runs.set(logged.runId, logged);
      const events = runEvents(logged.runId);
      const earliest = Math.min(logged.startMs, ...events.map((event) => event.startMs));
      append({ kind: 'scenario-run', run: logged }, earliest);
      return logged;
    },
    addOperatorEvent(event) {
      if (eventIds.has(event.id)) throw new Error(`operator event "${event.id}" is already logged`);
      eventIds.add(event.id);
      const logged: SimEvent = { ...event, source: 'operator' };
      append({ kind: 'operator-event', event: logged }, logged.startMs);
      return logged;
    },
    runEvents,
    events() {
      allEvents ??= log.flatMap((entry) =>
        entry.kind === 'scenario-run' ? runEvents(entry.run.runId) : [entry.event],
      );
      return allEvents;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  for (const entry of entries) {
    if (entry.kind === 'scenario-run') eventLog.appendRun(entry.run);
    else eventLog.addOperatorEvent(entry.event);
  }
  return eventLog;
}
