import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { pipesModel } from '../../../mocks/sim/pipes';
import { rainstormScenario } from '../../../mocks/sim/scenarios/rainstorm';
import { waterMainBurstScenario } from '../../../mocks/sim/scenarios/water-main-burst';
import type { CrossEffects, SimContext } from '../../../mocks/sim/types';
import { weatherModel } from '../../../mocks/sim/weather';

describe('pipes model at city scale', () => {
  it(
    'evaluates every pipe column of ~17k pipes well within a frame budget',
    { timeout: 60_000 },
    () => {
      const city = generateCity({ seed: 42, scale: 'city' });
      const t0 = Date.parse('2026-01-15T08:00:00+08:00');
      const events = [
        ...rainstormScenario.expand(city, t0, 'storm'),
        ...waterMainBurstScenario.expand(city, t0 + 10 * 60_000, 'burst'),
      ];
      const ctx: SimContext = { city, events, roadSpeedsAt: () => new Map() };
      const evaluate = (t: number): number => {
        const started = performance.now();
        const effects: CrossEffects = {
          rainMmH: 0,
          roadCapacity: new Map(),
          roadDemand: new Map(),
          streetWaterCm: new Map(),
        };
        weatherModel.applyEffects(ctx, t, effects);
        pipesModel.applyEffects(ctx, t, effects);
        for (const datasetId of pipesModel.datasets) pipesModel.columns(ctx, datasetId, t, effects);
        pipesModel.readings(ctx, t, effects);
        return performance.now() - started;
      };
      // The first evaluation builds the per-city topology, elevation and caches.
      evaluate(t0);
      const times = Array.from({ length: 21 }, (_, k) => evaluate(t0 + k * 60_000)).sort(
        (a, b) => a - b,
      );
      expect(city.pipes.length).toBeGreaterThan(15_000);
      expect(times[10]!).toBeLessThan(50);
    },
  );
});
