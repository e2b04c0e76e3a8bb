import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { fireModel, planFires } from '../../../mocks/sim/fire';
import { roadNetwork } from '../../../mocks/sim/routing/road-network';
import { highRiseFire } from '../../../mocks/sim/scenarios/high-rise-fire';
import { roadSpeedMap, segmentSpeeds, trafficModel } from '../../../mocks/sim/traffic';
import type { CrossEffects, SimContext, SimEvent } from '../../../mocks/sim/types';

const town = generateCity({ seed: 42, scale: 'town' });
const MINUTE = 60_000;
const START = Date.parse('2026-01-15T16:00:00+08:00');

function emptyEffects(): CrossEffects {
  return { rainMmH: 0, roadCapacity: new Map(), roadDemand: new Map(), streetWaterCm: new Map() };
}

/** Road speeds for dispatch with the fire's own closures applied, as the engine would. */
function contextFor(events: readonly SimEvent[]): SimContext {
  const ctx: SimContext = {
    city: town,
    events,
    roadSpeedsAt: (t) => roadSpeedMap(ctx, t, effectsAt(ctx, t)),
  };
  return ctx;
}

function effectsAt(ctx: SimContext, t: number): CrossEffects {
  const effects = emptyEffects();
  fireModel.applyEffects(ctx, t, effects);
  return effects;
}

const events = highRiseFire.expand(town, START, 'run-1');
const ctx = contextFor(events);
const tallest = Math.max(...town.buildings.map((b) => b.heightM));

describe('high-rise fire scenario', () => {
  it('expands purely: same city, start and run id give the same events', () => {
    const again = highRiseFire.expand(generateCity({ seed: 42, scale: 'town' }), START, 'run-1');
    expect(again).toEqual(events);
    expect(highRiseFire.expand(town, START, 'run-2').map((e) => e.id)).not.toEqual(
      events.map((e) => e.id),
    );
  });

  it('reports a detector alarm, then a severe fire a minute later, in the tallest building', () => {
    const detector = events.find((e) => e.kind === 'detector-alarm')!;
    const fire = events.find((e) => e.kind === 'building-fire')!;
    const building = town.buildings.find((b) => b.id === fire.target)!;
    expect(building.heightM).toBe(tallest);
    expect(detector).toMatchObject({ target: building.id, startMs: START, source: 'scenario' });
    expect(fire.startMs).toBe(START + MINUTE);
    expect(fire.magnitude).toBeGreaterThanOrEqual(0.75);
    expect(events.every((e) => e.scenarioRunId === 'run-1')).toBe(true);
    expect(highRiseFire.durationMs).toBe(90 * MINUTE);
  });

  it('unfolds on the map: alarm, three engines, closure and queue, then all clear', () => {
    const alarms = (t: number) =>
      fireModel.dynamic!.features(ctx, 'fire.alarms', t, emptyEffects());
    const units = (t: number) => fireModel.dynamic!.features(ctx, 'fire.units', t, emptyEffects());
    expect(alarms(START + 10_000).features.find((f) => f.id === 'run-1-detector')).toBeDefined();
    const fireFeature = alarms(START + 20 * MINUTE).features.find((f) => f.id === 'run-1-fire')!;
    expect(fireFeature.properties).toMatchObject({
      alarmKind: 'fire',
      severity: 3,
      status: 'incident',
    });
    expect(fireFeature.properties.responseTimeS).toBeGreaterThan(60);
    expect(
      units(START + 20 * MINUTE).features.filter((f) => f.properties.incidentId === 'run-1-fire'),
    ).toHaveLength(3);

    // Traffic: the closure stops the street and the queue slows the road behind it.
    const closure = events.find((e) => e.kind === 'road-closure')!;
    const network = roadNetwork(town);
    const t = START + 15 * MINUTE;
    const quiet = contextFor([]);
    const withFire = segmentSpeeds(ctx, t, effectsAt(ctx, t)).speedKmh;
    const without = segmentSpeeds(quiet, t, emptyEffects()).speedKmh;
    expect(withFire[network.segmentIndex.get(closure.target)!]).toBe(0);
    let slowed = 0;
    withFire.forEach((speed, i) => {
      if (speed > 0 && speed < 0.8 * without[i]!) slowed++;
    });
    expect(slowed).toBeGreaterThan(2);
    const readings = trafficModel.readings(ctx, t, effectsAt(ctx, t));
    expect(readings.some((r) => r.key === `traffic-incident:${closure.id}`)).toBe(true);

    // By the end of the scenario the fire is out and every engine is home.
    const end = START + highRiseFire.durationMs;
    expect(alarms(end).features.find((f) => f.id === 'run-1-fire')).toBeUndefined();
    expect(
      units(end).features.filter((f) => f.properties.incidentId === 'run-1-fire'),
    ).toHaveLength(0);
    const trips = planFires(ctx, end).incidents.find((i) => i.event.id === 'run-1-fire')!.trips;
    expect(trips.every((trip) => trip.backAt <= end)).toBe(true);
  });
});
