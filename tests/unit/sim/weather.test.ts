import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { rainstormScenario } from '../../../mocks/sim/scenarios/rainstorm';
import type { CrossEffects, SimEvent } from '../../../mocks/sim/types';
import { backgroundShowers, rainMmHAt, weatherModel } from '../../../mocks/sim/weather';

const city = generateCity({ seed: 42, scale: 'town' });
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const T0 = Date.parse('2026-01-15T14:00:00+08:00');

function rainAt(events: readonly SimEvent[], t: number): number {
  const effects: CrossEffects = {
    rainMmH: 0,
    roadCapacity: new Map(),
    roadDemand: new Map(),
    streetWaterCm: new Map(),
  };
  weatherModel.applyEffects({ city, events, roadSpeedsAt: () => new Map() }, t, effects);
  return effects.rainMmH;
}

describe('weather', () => {
  it('has no datasets or alarms of its own', () => {
    expect(weatherModel.datasets).toEqual([]);
    expect(weatherModel.rules).toEqual([]);
  });

  it('is dry without rain events', () => {
    expect(rainAt([], T0)).toBe(0);
  });

  it('ramps a rainstorm up to ~72 mm/h, holds it for an hour, then eases off', () => {
    const events = rainstormScenario.expand(city, T0, 'run-1');
    const at = (minutes: number) => rainAt(events, T0 + minutes * MINUTE_MS);
    expect(at(-1)).toBe(0);
    expect(at(5)).toBeGreaterThan(0);
    expect(at(5)).toBeLessThan(at(10));
    expect(at(10)).toBeLessThan(at(20));
    for (const minutes of [25, 40, 60, 75]) {
      expect(at(minutes)).toBeGreaterThan(65);
      expect(at(minutes)).toBeLessThan(85);
    }
    expect(at(95)).toBeLessThan(at(75));
    expect(at(110)).toBeGreaterThan(0);
    expect(at(110)).toBeLessThan(20);
    expect(at(160)).toBe(0);
  });

  it('adds overlapping rain events', () => {
    const rain = (id: string, magnitude: number): SimEvent => ({
      id,
      kind: 'rain',
      target: 'city',
      startMs: T0,
      endMs: T0 + 60 * MINUTE_MS,
      magnitude,
      source: 'operator',
    });
    const t = T0 + 30 * MINUTE_MS;
    expect(rainMmHAt([rain('a', 0.2), rain('b', 0.3)], t)).toBeCloseTo(40, 0);
  });

  it('brings a few light showers a week, the same whatever window is asked', () => {
    const weeks = 8;
    const from = Date.parse('2026-01-05T00:00:00+08:00');
    const showers = backgroundShowers(city, from, from + weeks * 7 * DAY_MS);
    expect(showers.length / weeks).toBeGreaterThan(1.5);
    expect(showers.length / weeks).toBeLessThan(7);
    const byDay = Array.from({ length: weeks * 7 }, (_, d) =>
      backgroundShowers(city, from + d * DAY_MS, from + (d + 1) * DAY_MS),
    ).flat();
    expect(byDay).toEqual(showers);
    for (const shower of showers) {
      expect(shower.kind).toBe('rain');
      expect(shower.source).toBe('background');
      expect(shower.magnitude * 80).toBeLessThanOrEqual(20);
      const middle = (shower.startMs + shower.endMs) / 2;
      expect(rainAt(showers, middle)).toBeGreaterThan(0);
    }
  });
});
