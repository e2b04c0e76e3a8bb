import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { roadNetwork } from '../../../mocks/sim/routing/road-network';
import { upstreamWithin } from '../../../mocks/sim/routing/upstream';
import {
  backgroundIncidents,
  roadSpeedMap,
  segmentSpeeds,
  trafficModel,
  TRAFFIC_RULES,
} from '../../../mocks/sim/traffic';
import type { CrossEffects, SimContext, SimEvent } from '../../../mocks/sim/types';

const town = generateCity({ seed: 42, scale: 'town' });
const network = roadNetwork(town);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const THURSDAY = Date.parse('2026-01-15T00:00:00+08:00');
const SATURDAY = Date.parse('2026-01-17T00:00:00+08:00');

function emptyEffects(): CrossEffects {
  return { rainMmH: 0, roadCapacity: new Map(), roadDemand: new Map(), streetWaterCm: new Map() };
}

function contextFor(events: readonly SimEvent[], city = town): SimContext {
  const ctx: SimContext = {
    city,
    events,
    roadSpeedsAt: (t) => roadSpeedMap(ctx, t, emptyEffects()),
  };
  return ctx;
}

const quiet = contextFor([]);

/** City-wide mean of speed / free-flow speed. */
function meanSpeedRatio(ctx: SimContext, t: number, effects = emptyEffects()): number {
  const { speedKmh } = segmentSpeeds(ctx, t, effects);
  let sum = 0;
  speedKmh.forEach((speed, i) => (sum += speed / network.freeFlowKmh[i]!));
  return sum / speedKmh.length;
}

function speedsAt(ctx: SimContext, t: number): Float64Array {
  return segmentSpeeds(ctx, t, emptyEffects()).speedKmh;
}

describe('traffic model: determinism', () => {
  it('gives deep-equal, byte-identical columns for the same city, events and time', () => {
    const again = contextFor([], generateCity({ seed: 42, scale: 'town' }));
    const t = THURSDAY + 8.5 * HOUR;
    const a = trafficModel.columns(quiet, 'traffic.roads', t, emptyEffects());
    const b = trafficModel.columns(again, 'traffic.roads', t, emptyEffects());
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('does not depend on what was evaluated before', () => {
    const t = THURSDAY + 17.9 * HOUR;
    const first = JSON.stringify(trafficModel.columns(quiet, 'traffic.roads', t, emptyEffects()));
    trafficModel.columns(quiet, 'traffic.roads', t + 3 * HOUR, emptyEffects());
    const fresh = contextFor([], generateCity({ seed: 42, scale: 'town' }));
    trafficModel.columns(fresh, 'traffic.roads', t - 5 * HOUR, emptyEffects());
    expect(JSON.stringify(trafficModel.columns(fresh, 'traffic.roads', t, emptyEffects()))).toBe(
      first,
    );
  });

  it('serves one value per segment, in the order of the road segments', () => {
    const { ids, columns } = trafficModel.columns(quiet, 'traffic.roads', THURSDAY, emptyEffects());
    expect(ids).toEqual(town.roadSegments.map((segment) => segment.id));
    expect(columns.speedKmh).toHaveLength(ids.length);
    expect(columns.volumeVph).toHaveLength(ids.length);
    const missing = columns.speedKmh!.filter((speed) => speed === null).length;
    expect(missing).toBeLessThan(ids.length * 0.03);
  });
});

describe('traffic model: the daily rhythm', () => {
  const samples = (day: number): { hour: number; ratio: number }[] =>
    Array.from({ length: 96 }, (_, k) => ({
      hour: k / 4,
      ratio: meanSpeedRatio(quiet, day + k * 15 * MINUTE),
    }));
  const weekday = samples(THURSDAY);
  const weekend = samples(SATURDAY);
  const lowest = (list: { ratio: number }[]): number => Math.min(...list.map((s) => s.ratio));
  const within = (from: number, to: number) => (s: { hour: number }) =>
    s.hour >= from && s.hour < to;

  it('is slowest in the morning and evening peaks of a weekday', () => {
    const morning = weekday.filter(within(7, 10));
    const evening = weekday.filter(within(16.5, 20));
    const offPeak = weekday.filter((s) => !within(7, 10)(s) && !within(16.5, 20)(s));
    expect(lowest(morning)).toBeLessThan(lowest(offPeak) - 0.03);
    expect(lowest(evening)).toBeLessThan(lowest(offPeak) - 0.03);
    const slowest = weekday.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    expect(within(7, 10)(slowest) || within(16.5, 20)(slowest)).toBe(true);
    // At night the roads are free.
    expect(weekday.find((s) => s.hour === 3)!.ratio).toBeGreaterThan(0.97);
  });

  it('has milder peaks at the weekend', () => {
    expect(lowest(weekend)).toBeGreaterThan(lowest(weekday) + 0.03);
  });

  it('shows every congestion level somewhere at the evening peak', () => {
    const { speedKmh } = segmentSpeeds(quiet, THURSDAY + 18 * HOUR, emptyEffects());
    const levels = new Set<string>();
    speedKmh.forEach((speed, i) => {
      const ratio = speed / network.freeFlowKmh[i]!;
      levels.add(
        ratio >= 0.7 ? 'free' : ratio >= 0.45 ? 'slow' : ratio >= 0.25 ? 'congested' : 'jammed',
      );
    });
    expect(levels).toEqual(new Set(['free', 'slow', 'congested', 'jammed']));
  });
});

describe('traffic model: effects of other domains', () => {
  const night = THURSDAY + 3 * HOUR;
  const peak = THURSDAY + 8.25 * HOUR;

  it('slows everything by 10–25 % in heavy rain', () => {
    const dry = meanSpeedRatio(quiet, night);
    const wet = meanSpeedRatio(quiet, night, { ...emptyEffects(), rainMmH: 30 });
    expect(wet / dry).toBeGreaterThan(0.75);
    expect(wet / dry).toBeLessThan(0.9);
  });

  it('stops traffic on a closed segment and slows it where capacity is cut or demand rises', () => {
    const target = town.roadSegments.findIndex((segment) => segment.roadClass === 'arterial');
    const id = network.segmentIds[target]!;
    const base = segmentSpeeds(quiet, peak, emptyEffects());
    const closed = { ...emptyEffects(), roadCapacity: new Map([[id, 0]]) };
    expect(segmentSpeeds(quiet, peak, closed).speedKmh[target]).toBe(0);
    expect(segmentSpeeds(quiet, peak, closed).volumeVph[target]).toBe(0);
    const halved = { ...emptyEffects(), roadCapacity: new Map([[id, 0.5]]) };
    expect(segmentSpeeds(quiet, peak, halved).speedKmh[target]!).toBeLessThan(
      base.speedKmh[target]!,
    );
    const crowded = { ...emptyEffects(), roadDemand: new Map([[id, 2]]) };
    expect(segmentSpeeds(quiet, peak, crowded).speedKmh[target]!).toBeLessThan(
      base.speedKmh[target]!,
    );
  });

  it('reports closed segments to routing as speed 0', () => {
    const id = network.segmentIds[0]!;
    const closed = { ...emptyEffects(), roadCapacity: new Map([[id, 0]]) };
    expect(roadSpeedMap(quiet, peak, closed).get(id)).toBe(0);
    expect(roadSpeedMap(quiet, peak, emptyEffects()).get(id)).toBeGreaterThan(0);
  });
});

describe('traffic model: an incident', () => {
  const start = THURSDAY + 16 * HOUR;
  const end = start + 30 * MINUTE;
  // An arterial segment with a segment of the same street ~300 m upstream of it.
  const { site, upstream } = (() => {
    for (let i = 0; i < network.segmentCount; i++) {
      if (town.roadSegments[i]!.roadClass !== 'arterial') continue;
      const up = upstreamWithin(network, i, 600);
      const k = [...up.segments].findIndex(
        (_, j) => up.distanceM[j]! >= 250 && up.distanceM[j]! <= 400 && up.weight[j] === 1,
      );
      if (k >= 0) return { site: i, upstream: up.segments[k]! };
    }
    throw new Error('no arterial with a segment 300 m upstream');
  })();
  const crash: SimEvent = {
    id: 'test-crash',
    kind: 'road-incident',
    target: network.segmentIds[site]!,
    startMs: start,
    endMs: end,
    magnitude: 0.8,
    source: 'operator',
  };
  const withCrash = contextFor([crash]);

  it('slows the incident segment at once, but not yet the road 300 m behind it', () => {
    const t = start + 10_000;
    expect(speedsAt(withCrash, t)[site]!).toBeLessThan(0.5 * speedsAt(quiet, t)[site]!);
    expect(speedsAt(withCrash, t)[upstream]).toBe(speedsAt(quiet, t)[upstream]);
    expect(speedsAt(withCrash, start + 30_000)[upstream]).toBe(
      speedsAt(quiet, start + 30_000)[upstream],
    );
  });

  it('lets the queue reach 300 m upstream within minutes', () => {
    const t = start + 5 * MINUTE;
    expect(speedsAt(withCrash, t)[upstream]!).toBeLessThan(0.8 * speedsAt(quiet, t)[upstream]!);
  });

  it('recovers everywhere within ten minutes of the end', () => {
    const t = end + 10 * MINUTE;
    expect(speedsAt(withCrash, t)).toEqual(speedsAt(quiet, t));
    // …and not before the queue has cleared.
    const justAfter = end + 30_000;
    expect(speedsAt(withCrash, justAfter)).not.toEqual(speedsAt(quiet, justAfter));
  });

  it('writes its capacity cut into the cross effects without counting it twice', () => {
    const t = start + 3 * MINUTE;
    const effects = emptyEffects();
    trafficModel.applyEffects(withCrash, t, effects);
    expect(effects.roadCapacity.get(crash.target)).toBeCloseTo(0.2, 10);
    expect(segmentSpeeds(withCrash, t, effects).speedKmh).toEqual(speedsAt(withCrash, t));
  });

  it('raises an incident reading while it lasts', () => {
    const during = trafficModel.readings(withCrash, start + MINUTE, emptyEffects());
    const reading = during.find((r) => r.key === 'traffic-incident:test-crash');
    expect(reading).toMatchObject({
      ruleId: TRAFFIC_RULES.incident.id,
      department: 'traffic-police',
      featureIds: [crash.target],
      level: 1,
    });
    const after = trafficModel.readings(withCrash, end + MINUTE, emptyEffects());
    expect(after.find((r) => r.key === 'traffic-incident:test-crash')).toBeUndefined();
  });
});

describe('traffic model: background incidents', () => {
  const day = backgroundIncidents(town, THURSDAY, THURSDAY + 24 * HOUR);

  it('are a few an hour, lasting 20–60 minutes, with unique ids', () => {
    expect(day.length / 24).toBeGreaterThan(1);
    expect(day.length / 24).toBeLessThan(8);
    for (const event of day) {
      expect(event.kind).toBe('road-incident');
      expect(network.segmentIndex.has(event.target)).toBe(true);
      expect(event.endMs - event.startMs).toBeGreaterThanOrEqual(20 * MINUTE);
      expect(event.endMs - event.startMs).toBeLessThanOrEqual(60 * MINUTE);
    }
    expect(new Set(day.map((event) => event.id)).size).toBe(day.length);
  });

  it('do not depend on how the time is split into windows', () => {
    const split = [
      ...backgroundIncidents(town, THURSDAY, THURSDAY + 7.3 * HOUR),
      ...backgroundIncidents(town, THURSDAY + 7.3 * HOUR, THURSDAY + 24 * HOUR),
    ];
    expect(split).toEqual(day);
  });

  it('are counted once when the engine passes them in as well', () => {
    const t = THURSDAY + 12 * HOUR;
    const passed = contextFor(backgroundIncidents(town, t - 2 * HOUR, t));
    expect(speedsAt(passed, t)).toEqual(speedsAt(quiet, t));
  });
});

describe('traffic model: readings', () => {
  it('reports jams on through roads only, and nothing for normal segments', () => {
    const t = THURSDAY + 18 * HOUR;
    const readings = trafficModel.readings(quiet, t, emptyEffects());
    const jams = readings.filter((r) => r.ruleId === TRAFFIC_RULES.jam.id);
    expect(jams.length).toBeGreaterThan(0);
    expect(jams.length).toBeLessThan(network.segmentCount / 10);
    const { speedKmh } = segmentSpeeds(quiet, t, emptyEffects());
    for (const reading of jams) {
      const i = network.segmentIndex.get(reading.featureIds[0]!)!;
      expect(town.roadSegments[i]!.roadClass).not.toBe('local');
      expect(reading.level).toBeGreaterThanOrEqual(TRAFFIC_RULES.jam.clearBelow);
      expect(reading.level >= 1).toBe(speedKmh[i]! / network.freeFlowKmh[i]! <= 0.25);
      expect(reading.severity).toBe(town.roadSegments[i]!.roadClass === 'expressway' ? 3 : 2);
    }
  });

  it('reports nothing at night but the incidents', () => {
    const readings = trafficModel.readings(quiet, THURSDAY + 3 * HOUR, emptyEffects());
    expect(readings.every((r) => r.ruleId === TRAFFIC_RULES.incident.id)).toBe(true);
  });
});
