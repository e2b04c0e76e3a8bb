/**
 * The engine with the demo city's domain models: the same seed, time and event log give
 * byte-identical answers however the world was evaluated before, the models keep the engine's
 * contract for background events, and an evaluation is fast enough for a live screen.
 */
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { LIVE_DATASET_IDS } from '../../../mocks/datasets';
import { DOMAIN_MODELS } from '../../../mocks/sim/engine/domain-models';
import type { LogEntry } from '../../../mocks/sim/engine/event-log';
import { createWorld, type World } from '../../../mocks/sim/engine/world';
import { SCENARIOS } from '../../../mocks/sim/scenarios';

const T = Date.parse('2026-01-15T22:10:00+08:00');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const town = generateCity({ seed: 42, scale: 'town' });
const ENTRIES: LogEntry[] = [
  {
    kind: 'scenario-run',
    run: { runId: 'storm-night-1', scenarioId: 'storm-night', startMs: T - 80 * MINUTE },
  },
  {
    kind: 'scenario-run',
    run: { runId: 'festival-crowd-2', scenarioId: 'festival-crowd', startMs: T - 60 * MINUTE },
  },
];

function world(entries: readonly LogEntry[] = ENTRIES, city = town): World {
  return createWorld({
    seed: 42,
    scale: 'town',
    city,
    wallNow: () => T,
    models: DOMAIN_MODELS,
    scenarios: SCENARIOS,
    entries,
  });
}

function snapshot(w: World, t: number): string {
  const sim = w.simulation;
  return JSON.stringify({
    states: LIVE_DATASET_IDS.map((id) => sim.liveState(id, t)),
    features: sim.dynamicDatasetIds.map((id) => sim.features(id, t)),
    alarms: sim.alarms(t),
  });
}

describe('engine with the domain models', () => {
  it('covers every live dataset and both dynamic fire datasets', () => {
    const sim = world().simulation;
    expect([...sim.liveDatasetIds].sort()).toEqual([...LIVE_DATASET_IDS].sort());
    expect([...sim.dynamicDatasetIds].sort()).toEqual(['fire.alarms', 'fire.units']);
  });

  it('gives byte-identical answers for the same seed, time and log, whatever came before', () => {
    const direct = snapshot(world(), T);
    const other = world(ENTRIES, generateCity({ seed: 42, scale: 'town' }));
    for (const t of [T + 2 * HOUR, T - 3 * HOUR, T - 17 * MINUTE, T + 30_000]) snapshot(other, t);
    expect(snapshot(other, T)).toBe(direct);
  }, 30_000);

  it('shows the storm-night fire engines with the documented properties', () => {
    const sim = world().simulation;
    // The fire starts 76 minutes into the storm night, that is 4 minutes before T.
    const units = sim.features('fire.units', T + 5 * MINUTE).features;
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units) {
      expect(unit.geometry.type).toBe('Point');
      expect(Object.keys(unit.properties)).toEqual(
        expect.arrayContaining(['name', 'stationId', 'unitStatus', 'incidentId']),
      );
    }
  });

  it('gives a different world without the runs, and for another seed', () => {
    const direct = snapshot(world(), T);
    expect(snapshot(world([]), T)).not.toBe(direct);
    const seven = createWorld({
      seed: 7,
      scale: 'town',
      wallNow: () => T,
      models: DOMAIN_MODELS,
      scenarios: SCENARIOS,
    });
    expect(seven.city.id).not.toBe(town.id);
    expect(JSON.stringify(seven.simulation.liveState('traffic.roads', T))).not.toBe(
      JSON.stringify(world([]).simulation.liveState('traffic.roads', T)),
    );
  });

  it.each(DOMAIN_MODELS.map((m) => [m.id, m] as const))(
    '%s: background events asked for hour by hour are those asked for at once',
    (_id, model) => {
      const from = T - 6 * HOUR;
      const whole = model.backgroundEvents(town, from, T);
      const hourly = Array.from({ length: 6 }, (_, h) =>
        model.backgroundEvents(town, from + h * HOUR, from + (h + 1) * HOUR),
      ).flat();
      const key = (events: typeof whole): string[] => events.map((e) => JSON.stringify(e)).sort();
      expect(key(hourly)).toEqual(key(whole));
      expect(whole.every((e) => e.startMs >= from && e.startMs < T)).toBe(true);
    },
  );
});
