import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { distance } from '../../../mocks/city/geo';
import { pipesModel } from '../../../mocks/sim/pipes';
import { waterMainBurstScenario } from '../../../mocks/sim/scenarios/water-main-burst';
import type { CrossEffects, SimContext, SimEvent } from '../../../mocks/sim/types';
import { weatherModel } from '../../../mocks/sim/weather';
import type { LiveDatasetId } from '../../../mocks/datasets';

const city = generateCity({ seed: 42, scale: 'town' });
const NIGHT = Date.parse('2026-01-15T03:00:00+08:00');
const MORNING_PEAK = Date.parse('2026-01-15T07:30:00+08:00');
const HOUR_MS = 3_600_000;
const PIPE_DATASETS: LiveDatasetId[] = ['pipes.water', 'pipes.drainage', 'pipes.gas', 'pipes.nodes'];

function freshEffects(): CrossEffects {
  return { rainMmH: 0, roadCapacity: new Map(), roadDemand: new Map(), streetWaterCm: new Map() };
}

function allColumns(model: typeof city, events: readonly SimEvent[], t: number): string {
  const ctx: SimContext = { city: model, events, roadSpeedsAt: () => new Map() };
  const effects = freshEffects();
  weatherModel.applyEffects(ctx, t, effects);
  pipesModel.applyEffects(ctx, t, effects);
  return JSON.stringify({
    columns: PIPE_DATASETS.map((id) => pipesModel.columns(ctx, id, t, effects)),
    readings: pipesModel.readings(ctx, t, effects),
    street: [...effects.streetWaterCm],
    capacity: [...effects.roadCapacity],
  });
}

function pressures(t: number): Map<string, number | null> {
  const ctx: SimContext = { city, events: [], roadSpeedsAt: () => new Map() };
  const state = pipesModel.columns(ctx, 'pipes.water', t, freshEffects());
  return new Map(state.ids.map((id, i) => [id, state.columns.pressureKpa![i] ?? null]));
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('pipes model', () => {
  it('serves every pipe dataset with the ids of the city, in the same order', () => {
    const ctx: SimContext = { city, events: [], roadSpeedsAt: () => new Map() };
    for (const network of ['water', 'drainage', 'gas'] as const) {
      const state = pipesModel.columns(ctx, `pipes.${network}`, NIGHT, freshEffects());
      expect(state.ids).toEqual(city.pipes.filter((p) => p.network === network).map((p) => p.id));
    }
    const nodes = pipesModel.columns(ctx, 'pipes.nodes', NIGHT, freshEffects());
    expect(nodes.ids).toEqual(city.pipeNodes.map((n) => n.id));
    expect(Object.keys(nodes.columns).sort()).toEqual(['open', 'running']);
  });

  it('is deterministic: the same city, time and events give byte-identical output', () => {
    const events = waterMainBurstScenario.expand(city, MORNING_PEAK, 'run-1');
    const t = MORNING_PEAK + 5 * 60_000;
    const again = generateCity({ seed: 42, scale: 'town' });
    const first = allColumns(city, events, t);
    expect(allColumns(city, [...events], t)).toBe(first);
    expect(allColumns(again, [...events], t)).toBe(first);
  });
});

describe('water supply pressure', () => {
  it('stays in the normal band all day without incidents, with no alarms', () => {
    const ctx: SimContext = { city, events: [], roadSpeedsAt: () => new Map() };
    for (let hour = 0; hour < 24; hour += 1.5) {
      const t = NIGHT + hour * HOUR_MS;
      const values = [...pressures(t).values()].filter((p): p is number => p !== null);
      expect(values.length).toBe(city.pipes.filter((p) => p.network === 'water').length);
      expect(Math.min(...values)).toBeGreaterThan(260);
      expect(Math.max(...values)).toBeLessThan(480);
      expect(pipesModel.readings(ctx, t, freshEffects()).filter((r) => r.level >= 1)).toEqual([]);
    }
  });

  it('follows daily demand: lower at the morning peak than at 3 am', () => {
    const night = pressures(NIGHT);
    const peak = pressures(MORNING_PEAK);
    const drops = [...night].map(([id, p]) => p! - peak.get(id)!);
    expect(mean(drops)).toBeGreaterThan(30);
    expect(drops.filter((d) => d > 0).length / drops.length).toBeGreaterThan(0.95);
  });

  it('is lower far from the pumps than next to them', () => {
    const pumps = city.pipeNodes.filter((n) => n.nodeKind === 'pump').map((n) => n.position);
    const peak = pressures(MORNING_PEAK);
    const near: number[] = [];
    const far: number[] = [];
    for (const pipe of city.pipes) {
      if (pipe.network !== 'water') continue;
      const d = Math.min(...pumps.map((p) => distance(p, pipe.points[0]!)));
      if (d < 500) near.push(peak.get(pipe.id)!);
      else if (d > 1800) far.push(peak.get(pipe.id)!);
    }
    expect(near.length).toBeGreaterThan(10);
    expect(far.length).toBeGreaterThan(10);
    expect(mean(near)).toBeGreaterThan(mean(far) + 40);
  });
});
