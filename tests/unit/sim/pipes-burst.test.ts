import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { pipesModel, isolatingValves, pickBurstMain } from '../../../mocks/sim/pipes';
import { waterGraph } from '../../../mocks/sim/pipes/network-graph';
import { baselineSupply, downstreamNodes } from '../../../mocks/sim/pipes/supply';
import { waterMainBurstScenario } from '../../../mocks/sim/scenarios/water-main-burst';
import type { CrossEffects, SimContext, SimEvent } from '../../../mocks/sim/types';
import { weatherModel } from '../../../mocks/sim/weather';

const city = generateCity({ seed: 42, scale: 'town' });
const MINUTE_MS = 60_000;
const T0 = Date.parse('2026-01-15T10:00:00+08:00'); // a Thursday morning
const WATER_ALARM_KPA = 180;
const WATER_WARNING_KPA = 250;

function evaluate(events: readonly SimEvent[], t: number) {
  const ctx: SimContext = { city, events, roadSpeedsAt: () => new Map() };
  const effects: CrossEffects = {
    rainMmH: 0,
    roadCapacity: new Map(),
    roadDemand: new Map(),
    streetWaterCm: new Map(),
  };
  weatherModel.applyEffects(ctx, t, effects);
  pipesModel.applyEffects(ctx, t, effects);
  const column = (datasetId: 'pipes.water' | 'pipes.drainage' | 'pipes.nodes', key: string) => {
    const state = pipesModel.columns(ctx, datasetId, t, effects);
    return new Map(state.ids.map((id, i) => [id, state.columns[key]![i] ?? null]));
  };
  return {
    effects,
    pressure: column('pipes.water', 'pressureKpa'),
    fill: column('pipes.drainage', 'fillRatio'),
    open: column('pipes.nodes', 'open'),
    running: column('pipes.nodes', 'running'),
    readings: pipesModel.readings(ctx, t, effects),
  };
}

const at = (minutes: number) => T0 + minutes * MINUTE_MS;
const events = waterMainBurstScenario.expand(city, T0, 'run-burst');
const burst = events.find((event) => event.kind === 'water-burst')!;
const valveEvents = events.filter((event) => event.kind === 'valve-close');
const main = city.pipes.find((pipe) => pipe.id === burst.target)!;
const drain = `pd-${main.edgeId}`;
const segments = city.roadSegments.filter((s) => s.edgeId === main.edgeId).map((s) => s.id);
/** Minutes after T0 when the last isolating valve is shut. */
const isolatedAfter = Math.max(...valveEvents.map((e) => e.startMs - T0)) / MINUTE_MS;

/** Water pipes fed through the burst main (both ends downstream of it). */
function downstreamPipes(): string[] {
  const graph = waterGraph(city);
  const supply = baselineSupply(graph);
  const nodes = downstreamNodes(graph, supply, graph.pipeIndex.get(main.id)!);
  return graph.pipes
    .filter((pipe) => pipe.id !== main.id && nodes.has(pipe.from) && nodes.has(pipe.to))
    .map((pipe) => pipe.id);
}

const waterAlarms = (readings: ReturnType<typeof evaluate>['readings']) =>
  readings.filter((r) => r.ruleId === 'pipes.water-pressure-low' && r.level >= 1);

describe('water main burst scenario', () => {
  it('bursts a main and closes the valves that isolate it, then reopens them after the repair', () => {
    expect(main.main).toBe(true);
    expect(burst.startMs).toBe(T0);
    expect(valveEvents.map((e) => e.target).sort()).toEqual(isolatingValves(city, main.id));
    expect(valveEvents.length).toBeGreaterThan(0);
    for (const valve of valveEvents) {
      expect(valve.startMs).toBeGreaterThanOrEqual(at(12));
      expect(valve.startMs).toBeLessThanOrEqual(at(20));
      expect(valve.endMs).toBe(burst.endMs);
    }
    expect(burst.endMs).toBe(at(90));
    expect(waterMainBurstScenario.expand(city, T0, 'run-burst')).toEqual(events);
  });

  it('picks the main deterministically from the seed', () => {
    expect(pickBurstMain(city, 'run-burst')).toBe(main.id);
    const picks = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => pickBurstMain(city, seed)));
    expect(picks.size).toBeGreaterThan(1);
    for (const id of picks) expect(city.pipes.find((pipe) => pipe.id === id)?.main).toBe(true);
  });
});

describe('the burst chain', () => {
  const before = evaluate(events, at(-1));
  const early = evaluate(events, at(3));
  const later = evaluate(events, at(10));

  it('is quiet before the burst', () => {
    expect(waterAlarms(before.readings)).toEqual([]);
    expect(before.effects.streetWaterCm.size).toBe(0);
    expect(before.pressure.get(main.id)!).toBeGreaterThan(WATER_WARNING_KPA);
  });

  it('drops pressure on the main and downstream of it below the alarm threshold', () => {
    expect(early.pressure.get(main.id)!).toBeLessThan(WATER_ALARM_KPA);
    const downstream = downstreamPipes();
    expect(downstream.length).toBeGreaterThan(0);
    const low = downstream.filter((id) => early.pressure.get(id)! < WATER_ALARM_KPA);
    expect(low.length).toBeGreaterThan(0);
    // Far away the city does not notice.
    const far = city.pipes.filter(
      (p) => p.network === 'water' && Math.abs(p.points[0]![0] - main.points[0]![0]) > 2000,
    );
    for (const pipe of far) expect(early.pressure.get(pipe.id)!).toBeGreaterThan(WATER_WARNING_KPA);
  });

  it('reports a water pressure alarm to the water utility naming the main', () => {
    const alarms = waterAlarms(early.readings);
    expect(alarms.length).toBeGreaterThan(0);
    expect(alarms.every((r) => r.department === 'water-utility' && r.datasetId === 'pipes.water')).toBe(true);
    expect(alarms.flatMap((r) => r.featureIds)).toContain(main.id);
  });

  it('floods the street above, more as minutes pass, and cuts its road capacity', () => {
    const early_cm = early.effects.streetWaterCm.get(main.edgeId) ?? 0;
    const later_cm = later.effects.streetWaterCm.get(main.edgeId) ?? 0;
    expect(early_cm).toBeGreaterThan(0);
    expect(later_cm).toBeGreaterThan(early_cm + 5);
    expect(segments.length).toBeGreaterThan(0);
    for (const id of segments) {
      expect(early.effects.roadCapacity.get(id)!).toBeLessThan(1);
      expect(later.effects.roadCapacity.get(id)!).toBeLessThan(early.effects.roadCapacity.get(id)!);
    }
  });

  it('raises the drainage fill on that street', () => {
    expect(later.fill.get(drain)!).toBeGreaterThan(before.fill.get(drain)! + 0.3);
  });

  it('once the valves are shut: the section is out of service, the rest back to normal', () => {
    const isolated = evaluate(events, at(isolatedAfter + 1));
    expect(isolated.pressure.get(main.id)).toBeNull();
    for (const valve of valveEvents) expect(isolated.open.get(valve.target)).toBe(0);
    for (const [, running] of [...isolated.running].filter(([id]) => id.startsWith('pump-')))
      expect(running).toBe(1);
    const fed = [...isolated.pressure.values()].filter((p): p is number => p !== null);
    expect(fed.length).toBeGreaterThan(city.pipes.filter((p) => p.network === 'water').length * 0.9);
    expect(Math.min(...fed)).toBeGreaterThan(WATER_WARNING_KPA);
    expect(waterAlarms(isolated.readings)).toEqual([]);
  });

  it('then the street drains over minutes and traffic gets its road back', () => {
    const shut = evaluate(events, at(isolatedAfter));
    const draining = evaluate(events, at(isolatedAfter + 10));
    const dry = evaluate(events, at(isolatedAfter + 60));
    const depth = (e: typeof shut) => e.effects.streetWaterCm.get(main.edgeId) ?? 0;
    expect(depth(draining)).toBeLessThan(depth(shut) * 0.5);
    expect(depth(draining)).toBeGreaterThan(0);
    expect(depth(dry)).toBe(0);
    for (const id of segments) expect(dry.effects.roadCapacity.has(id)).toBe(false);
  });

  it('after the repair the valves reopen and the main is back in service', () => {
    const repaired = evaluate(events, at(95));
    for (const valve of valveEvents) expect(repaired.open.get(valve.target)).toBe(1);
    expect(repaired.pressure.get(main.id)!).toBeGreaterThan(WATER_WARNING_KPA);
    expect(waterAlarms(repaired.readings)).toEqual([]);
  });

  it('keeps the street flooding while the valves stay open', () => {
    const unchecked = [burst];
    const a = evaluate(unchecked, at(20)).effects.streetWaterCm.get(main.edgeId)!;
    const b = evaluate(unchecked, at(40)).effects.streetWaterCm.get(main.edgeId)!;
    expect(b).toBeGreaterThanOrEqual(a);
    expect(b).toBeGreaterThan(25);
    expect(evaluate(unchecked, at(40)).effects.roadCapacity.get(segments[0]!)).toBe(0);
  });
});

describe('isolating valves', () => {
  it('cut a pipe off from supply when closed, without a burst', () => {
    const pipe = city.pipes.find((p) => p.network === 'water' && !p.main && isolatingValves(city, p.id).length > 0)!;
    const closures: SimEvent[] = isolatingValves(city, pipe.id).map((valve) => ({
      id: `close-${valve}`,
      kind: 'valve-close',
      target: valve,
      startMs: at(0),
      endMs: at(60),
      magnitude: 1,
      source: 'operator',
    }));
    expect(evaluate(closures, at(1)).pressure.get(pipe.id)).toBeNull();
    expect(evaluate(closures, at(61)).pressure.get(pipe.id)).not.toBeNull();
  });

  it('are none for unknown pipes', () => {
    expect(isolatingValves(city, 'pw-nope')).toEqual([]);
    expect(isolatingValves(city, `pd-${main.edgeId}`)).toEqual([]);
  });
});
