/**
 * The simulation engine: the world at T is a pure function of (seed, T, event log), whatever was
 * evaluated before; logged runs change the world from their start on; deltas carry exactly the
 * rows that changed; road speeds at another time come through the context, memoised per minute.
 */
import { describe, expect, it } from 'vitest';
import { generateCity, type CityModel } from '../../../mocks/city/generate-city';
import { LIVE_DATASET_IDS } from '../../../mocks/datasets';
import { liveState as closedFormLiveState } from '../../../mocks/live/live-state';
import { createClock } from '../../../mocks/sim/engine/clock';
import { createEventLog, type LogEntry } from '../../../mocks/sim/engine/event-log';
import { createSimulation, type Simulation } from '../../../mocks/sim/engine/simulation';
import type { DomainModel } from '../../../mocks/sim/types';
import { closedFormModels } from './engine-closed-form';
import { stubRainstorm, stubTraffic, stubWeather } from './engine-stubs';

const T = Date.parse('2026-01-15T08:30:00+08:00');
const MINUTE = 60_000;
const town = generateCity({ seed: 42, scale: 'town' });

function simulate(
  city: CityModel,
  models: DomainModel[],
  entries: readonly LogEntry[] = [],
): Simulation {
  return createSimulation({
    city,
    models,
    log: createEventLog({ city, scenarios: [stubRainstorm], entries }),
    clock: createClock({ wallNow: () => T }),
  });
}

const closedForm = (city: CityModel, entries: readonly LogEntry[] = []): Simulation =>
  simulate(city, closedFormModels(), entries);
const stormy = (city: CityModel, entries: readonly LogEntry[] = []): Simulation =>
  simulate(city, [stubWeather(), stubTraffic()], entries);

const RUN: LogEntry = {
  kind: 'scenario-run',
  run: { runId: 'rainstorm-1', scenarioId: 'rainstorm', startMs: T - 10 * MINUTE },
};

describe('simulation engine', () => {
  it('gives byte-identical state for the same seed, time and log', () => {
    const a = closedForm(town, [RUN]);
    const b = closedForm(generateCity({ seed: 42, scale: 'town' }), [RUN]);
    // Different evaluation histories on one side.
    b.liveState('traffic.roads', T + 40 * MINUTE);
    b.alarms(T - 30 * MINUTE);
    for (const id of LIVE_DATASET_IDS)
      expect(JSON.stringify(b.liveState(id, T)), id).toBe(JSON.stringify(a.liveState(id, T)));
    expect(JSON.stringify(b.alarms(T))).toBe(JSON.stringify(a.alarms(T)));
    expect(JSON.stringify(b.features('fire.alarms', T))).toBe(
      JSON.stringify(a.features('fire.alarms', T)),
    );
  });

  it('gives different cities for different seeds', () => {
    const other = generateCity({ seed: 7, scale: 'town' });
    expect(other.id).not.toBe(town.id);
    const mine = closedForm(town).liveState('traffic.roads', T);
    const theirs = closedForm(other).liveState('traffic.roads', T);
    expect(JSON.stringify(theirs)).not.toBe(JSON.stringify(mine));
  });

  it('serves exactly what its models compute, stamped at the start of the cadence step', () => {
    const sim = closedForm(town);
    for (const id of LIVE_DATASET_IDS)
      expect(sim.liveState(id, T + 7_500), id).toEqual(closedFormLiveState(town, id, T + 7_500));
  });

  it('evaluates domains in domain order whatever order the models are given in', () => {
    const order: string[] = [];
    const spy = (model: DomainModel): DomainModel => ({
      ...model,
      applyEffects: (ctx, t, effects) => {
        order.push(model.id);
        model.applyEffects(ctx, t, effects);
      },
    });
    simulate(town, [spy(stubTraffic()), spy(stubWeather())]).liveState('traffic.roads', T);
    expect(order).toEqual(['weather', 'traffic']);
    expect(() => simulate(town, [{ ...stubWeather(), id: 'tides' }])).toThrow(/no place/);
  });

  it('collects background events of the look-back window and logged events', () => {
    const sim = stormy(town, [RUN]);
    const events = sim.evaluationAt(T).ctx.events;
    expect(events.every((e) => e.startMs <= T && e.startMs >= T - 6 * 60 * MINUTE)).toBe(true);
    expect(events.some((e) => e.source === 'background')).toBe(true);
    expect(events.find((e) => e.source === 'scenario')).toMatchObject({
      id: 'rainstorm-1:rain',
      scenarioRunId: 'rainstorm-1',
    });
    const starts = events.map((e) => e.startMs);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  it('changes the world from a run’s start on, and not before', () => {
    const sim = stormy(town);
    const before = JSON.stringify(sim.liveState('traffic.roads', T - 20 * MINUTE));
    const during = JSON.stringify(sim.liveState('traffic.roads', T));
    sim.log.startRun('rainstorm', T - 10 * MINUTE);
    expect(JSON.stringify(sim.liveState('traffic.roads', T - 20 * MINUTE))).toBe(before);
    const rained = sim.liveState('traffic.roads', T);
    expect(JSON.stringify(rained)).not.toBe(during);
    // Heavy rain (80 mm/h) takes 40 % off free-flow speed.
    const first = town.roadSegments[0]!;
    expect(rained.columns.speedKmh![0]).toBeCloseTo(first.freeFlowKmh * 0.6, 0);
    expect(JSON.stringify(rained)).toBe(
      JSON.stringify(stormy(town, [RUN]).liveState('traffic.roads', T)),
    );
  });

  it('answers deltas with exactly the rows that changed', () => {
    const sim = closedForm(town);
    const before = sim.liveState('pipes.water', T);
    const after = sim.liveState('pipes.water', T + 5 * MINUTE);
    const delta = sim.delta('pipes.water', T + 4_000, T + 5 * MINUTE + 3_000);
    expect(delta.since).toBe('2026-01-15T08:30:00+08:00');
    expect(delta.observedAt).toBe(after.observedAt);
    expect(delta.ids.length).toBeGreaterThan(0);
    // Applying the delta to the earlier state gives the later one.
    const patched = new Map(before.ids.map((id, i) => [id, before.columns.pressureKpa![i]]));
    delta.ids.forEach((id, i) => patched.set(id, delta.columns.pressureKpa![i]));
    expect(after.ids.map((id) => patched.get(id))).toEqual(after.columns.pressureKpa);
    // Rows not in the delta did not change.
    const changed = new Set(delta.ids);
    after.ids.forEach((id, i) => {
      if (!changed.has(id))
        expect(after.columns.pressureKpa![i], id).toBe(before.columns.pressureKpa![i]);
    });
    expect(sim.delta('pipes.water', T, T + 14_000).ids).toEqual([]);
  });

  it('gives road speeds at another time, memoised on a one-minute grid', () => {
    let evaluations = 0;
    const traffic = stubTraffic();
    const counted: DomainModel = {
      ...traffic,
      columns: (...args) => {
        evaluations++;
        return traffic.columns(...args);
      },
    };
    const sim = simulate(town, [stubWeather(), counted]);
    const speeds = sim.roadSpeedsAt(T + 10_000);
    expect(speeds.size).toBe(town.roadSegments.length);
    expect(sim.roadSpeedsAt(T + 59_000)).toBe(speeds);
    expect(evaluations).toBe(1);
    expect(speeds.get(town.roadSegments[0]!.id)).toBe(
      sim.liveState('traffic.roads', T).columns.speedKmh![0],
    );
  });

  it('reports a model that needs its own time’s speeds while applying effects', () => {
    const loop: DomainModel = {
      ...stubWeather(),
      id: 'fire',
      applyEffects: (ctx, t) => void ctx.roadSpeedsAt(t),
    };
    const sim = simulate(town, [loop, stubTraffic()]);
    expect(() => sim.liveState('traffic.roads', T)).toThrow(/must not ask for road speeds/);
  });
});
