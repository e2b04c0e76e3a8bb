import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { pipesModel, streetElevation } from '../../../mocks/sim/pipes';
import { rainstormScenario } from '../../../mocks/sim/scenarios/rainstorm';
import type { CrossEffects, SimContext, SimEvent } from '../../../mocks/sim/types';
import { weatherModel } from '../../../mocks/sim/weather';

const city = generateCity({ seed: 42, scale: 'town' });
const MINUTE_MS = 60_000;
const T0 = Date.parse('2026-01-15T14:00:00+08:00');
const DRAINAGE_ALARM_FILL = 0.9;
const { lowness } = streetElevation(city);
const drains = city.pipes.filter((p) => p.network === 'drainage');

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
  const state = pipesModel.columns(ctx, 'pipes.drainage', t, effects);
  return {
    effects,
    fill: state.columns.fillRatio!.map((f) => f!),
    readings: pipesModel.readings(ctx, t, effects),
  };
}

function rain(magnitude: number): SimEvent[] {
  return [
    {
      id: 'rain',
      kind: 'rain',
      target: 'city',
      startMs: T0,
      endMs: T0 + 120 * MINUTE_MS,
      magnitude,
      source: 'operator',
    },
  ];
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** Drains on the lowest and the highest fifth of the streets. */
const byLowness = [...drains.keys()].sort(
  (a, b) => lowness[drains[a]!.edgeId]! - lowness[drains[b]!.edgeId]!,
);
const highest = byLowness.slice(0, Math.floor(drains.length / 5));
const lowest = byLowness.slice(-Math.floor(drains.length / 5));

describe('street elevation', () => {
  it('is lower near the river and the lake, with bridges above the flood', () => {
    const { elevationM } = streetElevation(city);
    expect(Math.min(...elevationM)).toBeGreaterThan(0);
    for (const edge of city.roads.edges) if (edge.bridge) expect(lowness[edge.id]).toBe(0);
    expect(streetElevation(generateCity({ seed: 42, scale: 'town' })).elevationM).toEqual(
      elevationM,
    );
  });
});

describe('drainage', () => {
  const dry = evaluate([], T0 + 60 * MINUTE_MS);

  it('carries dry-weather flow well below the warning threshold, with no alarms', () => {
    expect(Math.max(...dry.fill)).toBeLessThan(0.7);
    expect(dry.effects.streetWaterCm.size).toBe(0);
    expect(dry.readings.filter((r) => r.department === 'drainage')).toEqual([]);
  });

  it('fills city-wide with rain, low streets first', () => {
    const moderate = evaluate(rain(0.45), T0 + 60 * MINUTE_MS);
    const rises = moderate.fill.map((f, i) => f - dry.fill[i]!);
    expect(rises.filter((r) => r > 0).length / rises.length).toBeGreaterThan(0.99);
    const rise = (indices: number[]) => mean(indices.map((i) => rises[i]!));
    expect(rise(lowest)).toBeGreaterThan(2 * rise(highest));
    expect(mean(lowest.map((i) => moderate.fill[i]!))).toBeGreaterThan(
      mean(highest.map((i) => moderate.fill[i]!)) + 0.2,
    );
  });

  it('waterlogs low streets in heavy rain, cutting their road capacity, and raises alarms', () => {
    const events = rainstormScenario.expand(city, T0, 'run-storm');
    const storm = evaluate(events, T0 + 50 * MINUTE_MS);
    expect(storm.effects.rainMmH).toBeGreaterThan(65);
    const flooded = [...storm.effects.streetWaterCm.keys()];
    expect(flooded.length).toBeGreaterThan(drains.length * 0.05);
    expect(mean(flooded.map((edge) => lowness[edge]!))).toBeGreaterThan(0.7);
    const deep = flooded.filter((edge) => storm.effects.streetWaterCm.get(edge)! > 5);
    expect(deep.length).toBeGreaterThan(0);
    for (const edge of deep) {
      const segment = city.roadSegments.find((s) => s.edgeId === edge)!;
      expect(storm.effects.roadCapacity.get(segment.id)!).toBeLessThan(0.9);
    }
    expect(storm.fill.filter((f) => f > DRAINAGE_ALARM_FILL).length).toBeGreaterThan(20);
    const alarms = storm.readings.filter((r) => r.department === 'drainage' && r.level >= 1);
    expect(alarms.map((r) => r.ruleId)).toContain('pipes.waterlogging');
    expect(alarms.map((r) => r.ruleId)).toContain('pipes.drainage-fill-high');
    expect(alarms.every((r) => r.datasetId === 'pipes.drainage')).toBe(true);
  });

  it('drains again after the storm', () => {
    const events = rainstormScenario.expand(city, T0, 'run-storm');
    const after = evaluate(events, T0 + rainstormScenario.durationMs);
    expect(after.effects.streetWaterCm.size).toBe(0);
    expect(after.readings.filter((r) => r.level >= 1)).toEqual([]);
  });
});
