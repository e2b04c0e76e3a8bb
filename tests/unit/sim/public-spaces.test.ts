import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { distance } from '../../../mocks/city/geo';
import { publicSpacesModel } from '../../../mocks/sim/public-spaces';
import { festivalCrowdScenario } from '../../../mocks/sim/scenarios/festival-crowd';
import type { CrossEffects, SimContext, SimEvent } from '../../../mocks/sim/types';

const city = generateCity({ seed: 42, scale: 'town' });
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const T0 = Date.parse('2026-01-15T10:00:00+08:00'); // a Thursday

function evaluate(events: readonly SimEvent[], t: number) {
  const ctx: SimContext = { city, events, roadSpeedsAt: () => new Map() };
  const effects: CrossEffects = {
    rainMmH: 0,
    roadCapacity: new Map(),
    roadDemand: new Map(),
    streetWaterCm: new Map(),
  };
  publicSpacesModel.applyEffects(ctx, t, effects);
  const state = publicSpacesModel.columns(ctx, 'public-spaces.spaces', t, effects);
  return {
    effects,
    state,
    occupancy: new Map(state.ids.map((id, i) => [id, state.columns.occupancy![i]!])),
    readings: publicSpacesModel.readings(ctx, t, effects),
  };
}

const share = (e: ReturnType<typeof evaluate>, id: string) =>
  e.occupancy.get(id)! / city.publicSpaces.find((s) => s.id === id)!.capacity;

describe('public spaces occupancy', () => {
  it('follows the daily profile: parks busier in the afternoon than at 4 am', () => {
    const parks = city.publicSpaces.filter((s) => s.spaceKind === 'park');
    const total = (t: number) => {
      const { occupancy } = evaluate([], t);
      return parks.reduce((sum, park) => sum + occupancy.get(park.id)!, 0);
    };
    const night = Date.parse('2026-01-15T04:00:00+08:00');
    const afternoon = Date.parse('2026-01-15T16:30:00+08:00');
    expect(total(afternoon)).toBeGreaterThan(3 * total(night));
  });

  it('is deterministic', () => {
    const events = festivalCrowdScenario.expand(city, T0, 'run-1');
    const t = T0 + 40 * MINUTE_MS;
    expect(JSON.stringify(evaluate([...events], t).state)).toBe(
      JSON.stringify(evaluate(events, t).state),
    );
  });

  it('raises no crowding alarm on an ordinary morning', () => {
    expect(evaluate([], T0).readings.filter((r) => r.level >= 1)).toEqual([]);
  });
});

describe('festival crowd', () => {
  const events = festivalCrowdScenario.expand(city, T0, 'run-fest');
  const crowd = events[0]!;
  const space = city.publicSpaces.find((s) => s.id === crowd.target)!;

  it('takes place in a venue or plaza at about 1.1 times its capacity for two hours', () => {
    expect(['venue', 'plaza']).toContain(space.spaceKind);
    expect(crowd.kind).toBe('crowd-event');
    expect(crowd.magnitude).toBeCloseTo(1.1);
    expect(crowd.endMs - crowd.startMs).toBe(120 * MINUTE_MS);
  });

  it('fills the space over the first hour past the alarm threshold and raises a critical alarm', () => {
    const filling = evaluate(events, T0 + 15 * MINUTE_MS);
    const full = evaluate(events, T0 + 60 * MINUTE_MS);
    expect(share(filling, space.id)).toBeLessThan(share(full, space.id));
    expect(share(full, space.id)).toBeGreaterThan(1);
    const reading = full.readings.find((r) => r.featureIds.includes(space.id))!;
    expect(reading).toMatchObject({
      department: 'city-management',
      severity: 3,
      datasetId: 'public-spaces.spaces',
    });
    expect(reading.level).toBeGreaterThan(1);
  });

  it('warns at 0.75 of capacity before it becomes critical at 0.9', () => {
    for (let minutes = 0; minutes < 60; minutes += 2) {
      const e = evaluate(events, T0 + minutes * MINUTE_MS);
      const reading = e.readings.find((r) => r.featureIds.includes(space.id));
      const s = share(e, space.id);
      if (s >= 0.9) expect(reading?.severity).toBe(3);
      else if (s >= 0.75) expect(reading).toMatchObject({ severity: 2 });
    }
  });

  it('brings traffic to the roads around it, the nearest the most', () => {
    const { effects } = evaluate(events, T0 + 60 * MINUTE_MS);
    expect(effects.roadDemand.size).toBeGreaterThan(0);
    const around = city.roadSegments.map((s) => ({
      id: s.id,
      d: distance(s.points[Math.floor(s.points.length / 2)]!, space.center),
    }));
    const near = around.filter((s) => s.d < 250);
    expect(near.length).toBeGreaterThan(0);
    for (const s of near) expect(effects.roadDemand.get(s.id)!).toBeGreaterThan(1.2);
    for (const s of around.filter((s) => s.d > 700))
      expect(effects.roadDemand.has(s.id)).toBe(false);
  });

  it('disperses after the end', () => {
    const gone = evaluate(events, crowd.endMs + 60 * MINUTE_MS);
    expect(share(gone, space.id)).toBeLessThan(0.5);
    expect(gone.effects.roadDemand.size).toBe(0);
    expect(gone.readings.filter((r) => r.featureIds.includes(space.id))).toEqual([]);
  });
});

describe('background crowds', () => {
  it('are evening events at venues, the same whatever window is asked', () => {
    const from = Date.parse('2026-01-05T00:00:00+08:00');
    const events = publicSpacesModel.backgroundEvents(city, from, from + 14 * DAY_MS);
    const byDay = Array.from({ length: 14 }, (_, d) =>
      publicSpacesModel.backgroundEvents(city, from + d * DAY_MS, from + (d + 1) * DAY_MS),
    ).flat();
    expect(byDay).toEqual(events);
    expect(events.length).toBeGreaterThan(2);
    for (const event of events) {
      expect(city.publicSpaces.find((s) => s.id === event.target)?.spaceKind).toBe('venue');
      const hour = new Date(event.startMs + 8 * 3_600_000).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(17);
      expect(hour).toBeLessThanOrEqual(19);
    }
    const evening = events[0]!;
    const during = evaluate(events, evening.startMs + 90 * MINUTE_MS);
    expect(share(during, evening.target)).toBeGreaterThan(0.5);
  });
});
