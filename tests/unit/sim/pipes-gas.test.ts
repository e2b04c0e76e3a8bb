import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { isolatingValves, pipesModel } from '../../../mocks/sim/pipes';
import type { CrossEffects, SimContext, SimEvent } from '../../../mocks/sim/types';

const city = generateCity({ seed: 42, scale: 'town' });
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const T0 = Date.parse('2026-01-15T11:00:00+08:00');
/** Alarm bands of docs/api/datasets.md. */
const ALARM_BAND = { low: [1.2, 3.8], medium: [50, 400] } as const;
const WARNING_BAND = { low: [1.6, 3.4], medium: [80, 350] } as const;

function evaluate(events: readonly SimEvent[], t: number) {
  const ctx: SimContext = { city, events, roadSpeedsAt: () => new Map() };
  const effects: CrossEffects = {
    rainMmH: 0,
    roadCapacity: new Map(),
    roadDemand: new Map(),
    streetWaterCm: new Map(),
  };
  pipesModel.applyEffects(ctx, t, effects);
  const state = pipesModel.columns(ctx, 'pipes.gas', t, effects);
  return {
    pressure: new Map(state.ids.map((id, i) => [id, state.columns.pressureKpa![i] ?? null])),
    readings: pipesModel.readings(ctx, t, effects),
  };
}

const gasPipes = city.pipes.filter((p) => p.network === 'gas');
const outside = (p: number, [low, high]: readonly [number, number]) => p < low || p > high;

describe('gas pressure', () => {
  it('stays inside the warning band of its class all day', () => {
    for (let hour = 0; hour < 24; hour += 2) {
      const { pressure } = evaluate([], T0 + hour * 60 * MINUTE_MS);
      for (const pipe of gasPipes) {
        const p = pressure.get(pipe.id)!;
        expect(outside(p, WARNING_BAND[pipe.pressureClass ?? 'low'])).toBe(false);
      }
    }
  });

  it('sags at meal times', () => {
    const mean = (t: number) => {
      const { pressure } = evaluate([], t);
      const low = gasPipes.filter((p) => p.pressureClass === 'low').map((p) => pressure.get(p.id)!);
      return low.reduce((a, b) => a + b, 0) / low.length;
    };
    const lunch = Date.parse('2026-01-15T11:30:00+08:00');
    expect(mean(lunch)).toBeLessThan(mean(lunch - 8 * 60 * MINUTE_MS) - 0.2);
  });

  describe('a leak', () => {
    const pipe = gasPipes.find(
      (p) => p.pressureClass === 'low' && isolatingValves(city, p.id).length > 0,
    )!;
    const leak: SimEvent = {
      id: 'leak',
      kind: 'gas-leak',
      target: pipe.id,
      startMs: T0,
      endMs: T0 + 90 * MINUTE_MS,
      magnitude: 1,
      source: 'operator',
    };

    it('drops pressure on the pipe below the alarm band and raises a leak alarm to the gas utility', () => {
      const { pressure, readings } = evaluate([leak], T0 + 5 * MINUTE_MS);
      expect(outside(pressure.get(pipe.id)!, ALARM_BAND.low)).toBe(true);
      const alarms = readings.filter((r) => r.ruleId === 'pipes.gas-pressure' && r.level >= 1);
      expect(alarms).toHaveLength(1);
      expect(alarms[0]).toMatchObject({
        department: 'gas-utility',
        severity: 3,
        datasetId: 'pipes.gas',
      });
      expect(alarms[0]!.featureIds[0]).toBe(pipe.id);
    });

    it('is out of service once its valves are shut, and the alarm condition clears', () => {
      const shut: SimEvent[] = isolatingValves(city, pipe.id).map((valve) => ({
        id: `close-${valve}`,
        kind: 'valve-close',
        target: valve,
        startMs: T0 + 20 * MINUTE_MS,
        endMs: T0 + 90 * MINUTE_MS,
        magnitude: 1,
        source: 'operator',
      }));
      const { pressure, readings } = evaluate([leak, ...shut], T0 + 25 * MINUTE_MS);
      expect(pressure.get(pipe.id)).toBeNull();
      expect(readings.filter((r) => r.ruleId === 'pipes.gas-pressure' && r.level >= 1)).toEqual([]);
      const after = evaluate([leak, ...shut], T0 + 95 * MINUTE_MS);
      expect(outside(after.pressure.get(pipe.id)!, WARNING_BAND.low)).toBe(false);
    });
  });
});

describe('background pipe faults', () => {
  const from = Date.parse('2026-01-05T00:00:00+08:00');
  const days = 28;
  const faults = pipesModel.backgroundEvents(city, from, from + days * DAY_MS);

  it('are rare leaks on real pipes, the same whatever window is asked', () => {
    const byDay = Array.from({ length: days }, (_, d) =>
      pipesModel.backgroundEvents(city, from + d * DAY_MS, from + (d + 1) * DAY_MS),
    ).flat();
    expect(byDay).toEqual(faults);
    const ids = new Set(city.pipes.map((p) => p.id));
    for (const fault of faults) {
      expect(['water-burst', 'gas-leak']).toContain(fault.kind);
      expect(ids.has(fault.target)).toBe(true);
      expect(fault.endMs).toBeGreaterThan(fault.startMs);
    }
    const waterLeaks = faults.filter((f) => f.kind === 'water-burst').length;
    // A town of ~870 water pipes: a water leak every few days.
    expect(waterLeaks).toBeGreaterThan(1);
    expect(waterLeaks).toBeLessThan(days);
  });

  it('leave small leaks below the water alarm threshold', () => {
    const leak = faults.find((f) => f.kind === 'water-burst')!;
    const { readings } = evaluate([leak], leak.startMs + 10 * MINUTE_MS);
    expect(readings.filter((r) => r.ruleId === 'pipes.water-pressure-low' && r.level >= 1)).toEqual(
      [],
    );
  });
});
