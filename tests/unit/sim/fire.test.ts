import { describe, expect, it } from 'vitest';
import { featureCollectionSchema } from '../../../src/data/schemas';
import type { CityModel } from '../../../mocks/city/generate-city';
import { generateCity } from '../../../mocks/city/generate-city';
import { distance, type XY } from '../../../mocks/city/geo';
import { toPosition } from '../../../mocks/city/projection';
import {
  backgroundFireEvents,
  fireModel,
  frontage,
  planFires,
  TURNOUT_MS,
  VERIFY_MS,
  type FireIncident,
} from '../../../mocks/sim/fire';
import { buildingNode, responseTree, stationNode } from '../../../mocks/sim/fire/response-routes';
import { roadNetwork } from '../../../mocks/sim/routing/road-network';
import { shortestRoute } from '../../../mocks/sim/routing/shortest-path';
import { roadSpeedMap, segmentSpeeds } from '../../../mocks/sim/traffic';
import type { CrossEffects, SimContext, SimEvent } from '../../../mocks/sim/types';

const town = generateCity({ seed: 42, scale: 'town' });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function emptyEffects(): CrossEffects {
  return { rainMmH: 0, roadCapacity: new Map(), roadDemand: new Map(), streetWaterCm: new Map() };
}

function contextFor(events: readonly SimEvent[], city: CityModel = town): SimContext {
  const speeds = new Map<number, ReadonlyMap<string, number>>();
  const ctx: SimContext = {
    city,
    events,
    roadSpeedsAt: (t) => {
      let map = speeds.get(t);
      if (!map) {
        map = roadSpeedMap(ctx, t, emptyEffects());
        speeds.set(t, map);
      }
      return map;
    },
  };
  return ctx;
}

/** A weekday morning with no background fire in the dispatch window or the hours after. */
const QUIET = (() => {
  const day = Date.parse('2026-01-15T09:00:00+08:00');
  for (let t = day; t < day + 48 * HOUR; t += HOUR) {
    const fires = backgroundFireEvents(town, t - 7 * HOUR, t + 4 * HOUR);
    if (!fires.some((event) => event.kind === 'building-fire')) return t;
  }
  throw new Error('no quiet time');
})();

function fire(id: string, buildingId: string, startMs = QUIET, magnitude = 0.2): SimEvent {
  return {
    id,
    kind: 'building-fire',
    target: buildingId,
    startMs,
    endMs: startMs + 20 * MINUTE,
    magnitude,
    source: 'operator',
  };
}

function incident(ctx: SimContext, t: number, id: string): FireIncident {
  const found = planFires(ctx, t).incidents.find((i) => i.event.id === id);
  if (!found) throw new Error(`no incident ${id}`);
  return found;
}

const dispatchAt = QUIET + VERIFY_MS;

/** Buildings whose nearest station (straight line) is the given one, nearest first. */
function buildingsOf(stationIndex: number): CityModel['buildings'][number][] {
  const position = town.fireStations[stationIndex]!.position;
  return town.buildings
    .filter((building) => {
      const own = distance(building.center, position);
      return town.fireStations.every((s) => distance(building.center, s.position) >= own);
    })
    .sort((a, b) => distance(a.center, position) - distance(b.center, position));
}

const nearFs1 = buildingsOf(0);

describe('fire dispatch', () => {
  it('sends units from the nearest station by travel time, after verification', () => {
    const building = town.buildings[Math.floor(town.buildings.length / 3)]!;
    const ctx = contextFor([fire('f1', building.id)]);
    const found = incident(ctx, QUIET + 30 * MINUTE, 'f1');
    expect(found.trips).toHaveLength(1);
    const trip = found.trips[0]!;
    expect(trip.dispatchedAt).toBe(dispatchAt);
    // Independent check: route from every station with the same costs; the chosen is fastest.
    const speeds = ctx.roadSpeedsAt(Math.floor(dispatchAt / MINUTE) * MINUTE);
    const target = buildingNode(town, building.id, building.center);
    const { costS } = responseTree(
      town,
      speeds,
      building.id,
      target,
      frontage(town, building).segmentIds,
    );
    const network = roadNetwork(town);
    const times = town.fireStations.map(
      (_, i) => shortestRoute(network, stationNode(town, i), target, costS)?.timeS ?? Infinity,
    );
    expect(trip.stationIndex).toBe(times.indexOf(Math.min(...times)));
    expect(trip.outbound.endMs - trip.dispatchedAt).toBeCloseTo(
      TURNOUT_MS + times[trip.stationIndex]! * 1000,
      -1,
    );
  });

  it('takes longer to reach a farther fire from the same station', () => {
    const near = nearFs1[0]!;
    const far = nearFs1[nearFs1.length - 1]!;
    const at = QUIET + 30 * MINUTE;
    const nearTrip = incident(contextFor([fire('near', near.id)]), at, 'near').trips[0]!;
    const farTrip = incident(contextFor([fire('far', far.id)]), at, 'far').trips[0]!;
    expect(nearTrip.stationIndex).toBe(0);
    expect(farTrip.stationIndex).toBe(0);
    expect(farTrip.outbound.route.timeS).toBeGreaterThan(nearTrip.outbound.route.timeS);
    const response = (trip: typeof nearTrip): number => trip.outbound.endMs - trip.dispatchedAt;
    expect(response(farTrip)).toBeGreaterThan(response(nearTrip));
    expect(response(farTrip) - response(nearTrip)).toBeCloseTo(
      (farTrip.outbound.route.timeS - nearTrip.outbound.route.timeS) * 1000,
      -1,
    );
  });

  it('sends more units to a more severe fire', () => {
    const building = nearFs1[3]!;
    const severe = incident(
      contextFor([fire('big', building.id, QUIET, 0.9)]),
      QUIET + 10 * MINUTE,
      'big',
    );
    expect(severe.severity).toBe(3);
    expect(severe.trips).toHaveLength(3);
    expect(new Set(severe.trips.map((trip) => trip.unitId)).size).toBe(3);
  });

  it('does not book a busy unit twice: the second fire goes to another station', () => {
    const oneEach: CityModel = {
      ...town,
      fireStations: town.fireStations.map((station) => ({ ...station, units: 1 })),
    };
    const ctx = contextFor([fire('a', nearFs1[0]!.id), fire('b', nearFs1[1]!.id)], oneEach);
    const t = QUIET + 5 * MINUTE;
    const a = incident(ctx, t, 'a').trips[0]!;
    const b = incident(ctx, t, 'b').trips[0]!;
    expect(a.stationIndex).toBe(0);
    expect(b.stationIndex).not.toBe(0);
    expect(b.outbound.route.timeS).toBeGreaterThan(a.outbound.route.timeS);
    const stations = fireModel.columns(ctx, 'fire.stations', t, emptyEffects());
    expect(stations.columns.availableUnits![0]).toBe(0);
    expect(stations.columns.availableUnits![b.stationIndex]).toBe(0);
  });

  it('makes a fire wait for the first unit back when every unit is out', () => {
    const oneEach: CityModel = {
      ...town,
      fireStations: town.fireStations.map((station) => ({ ...station, units: 1 })),
    };
    const fires = nearFs1.slice(0, 4).map((b, k) => fire(`w${k}`, b.id));
    const ctx = contextFor(fires, oneEach);
    const t = QUIET + 3 * HOUR;
    const plan = planFires(ctx, t);
    const served = plan.incidents.filter((i) => i.trips[0]!.dispatchedAt === dispatchAt);
    expect(served).toHaveLength(3);
    const waiting = plan.incidents.find((i) => i.trips[0]!.dispatchedAt > dispatchAt)!;
    const firstBack = Math.min(...served.map((i) => i.trips[0]!.backAt));
    expect(waiting.trips[0]!.dispatchedAt).toBe(firstBack);
    // No unit is ever on two trips at once.
    const trips = plan.incidents.flatMap((i) => i.trips);
    for (const x of trips)
      for (const y of trips)
        if (x !== y && x.unitId === y.unitId)
          expect(x.backAt <= y.dispatchedAt || y.backAt <= x.dispatchedAt).toBe(true);
  });
});

describe('fire units', () => {
  const building = nearFs1[Math.floor(nearFs1.length / 2)]!;
  const ctx = contextFor([fire('u', building.id, QUIET, 0.5)]);
  const trip = incident(ctx, QUIET + 3 * HOUR, 'u').trips[0]!;
  const station = town.fireStations[trip.stationIndex]!;
  const unitsAt = (t: number) => fireModel.dynamic!.features(ctx, 'fire.units', t, emptyEffects());
  const positionOf = (t: number): XY => {
    const feature = unitsAt(t).features.find((f) => f.id === trip.unitId)!;
    const [lon, lat] = (feature.geometry as { coordinates: number[] }).coordinates as [
      number,
      number,
    ];
    return [lon, lat];
  };
  const project = (p: XY): XY => {
    const [lon, lat] = toPosition(town.origin, p);
    return [lon!, lat!];
  };

  it('drive between their station and the building, getting closer', () => {
    const from = project(station.position);
    const to = project(building.center);
    const straight = distance(from, to);
    const route = trip.outbound;
    const samples: number[] = [];
    for (let t = route.startMs; t < route.endMs; t += 10_000) {
      const p = positionOf(t);
      // In degrees, but the ratio is what matters: never farther out than the route allows.
      expect(distance(from, p) + distance(p, to)).toBeLessThan(
        straight * (route.route.lengthM / distance(station.position, building.center)) * 1.2 + 1e-3,
      );
      samples.push(distance(p, to));
      expect(unitsAt(t).features.find((f) => f.id === trip.unitId)!.properties.unitStatus).toBe(
        'dispatched',
      );
    }
    expect(samples.length).toBeGreaterThan(3);
    expect(samples[samples.length - 1]!).toBeLessThan(samples[0]!);
  });

  it('work on scene, go home and are available again', () => {
    const status = (t: number) =>
      unitsAt(t).features.find((f) => f.id === trip.unitId)?.properties.unitStatus;
    expect(status(trip.outbound.endMs + MINUTE)).toBe('on-scene');
    expect(status(trip.leavesSceneAt + 10_000)).toBe('returning');
    expect(status(trip.backAt + 1000)).toBeUndefined();
    const available = (t: number) =>
      fireModel.columns(ctx, 'fire.stations', t, emptyEffects()).columns.availableUnits![
        trip.stationIndex
      ];
    expect(available(trip.outbound.endMs)).toBe(station.units - 2);
    expect(available(trip.backAt + 1000)).toBe(station.units);
  });
});

describe('fire alarms', () => {
  const building = nearFs1[2]!;
  const ctx = contextFor([fire('x', building.id, QUIET, 0.5)]);
  const alarmAt = (t: number) =>
    fireModel
      .dynamic!.features(ctx, 'fire.alarms', t, emptyEffects())
      .features.find((f) => f.id === 'x');

  it('keeps the documented properties and records the response as it happens', () => {
    const before = alarmAt(QUIET + 30_000)!;
    expect(before.properties).toMatchObject({
      alarmKind: 'fire',
      severity: 2,
      status: 'alarm',
      address: building.address,
      dispatchedAt: null,
      arrivedAt: null,
      responseTimeS: null,
    });
    expect(before.properties.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(before.properties.name).toEqual({ zh: expect.any(String), en: expect.any(String) });
    const trip = incident(ctx, QUIET + 3 * HOUR, 'x').trips[0]!;
    const enRoute = alarmAt(trip.outbound.endMs - 1000)!;
    expect(enRoute.properties.status).toBe('incident');
    expect(enRoute.properties.dispatchedAt).not.toBeNull();
    expect(enRoute.properties.responseTimeS).toBeNull();
    const arrived = alarmAt(trip.outbound.endMs)!;
    expect(arrived.properties.responseTimeS).toBe(
      Math.round((trip.outbound.endMs - trip.dispatchedAt) / 1000),
    );
    expect(alarmAt(trip.leavesSceneAt + 1000)).toBeUndefined();
  });

  it('are valid features of the REST contract', () => {
    for (const id of ['fire.alarms', 'fire.units'])
      expect(() =>
        featureCollectionSchema.parse(
          fireModel.dynamic!.features(ctx, id, QUIET + 5 * MINUTE, emptyEffects()),
        ),
      ).not.toThrow();
  });

  it('give readings for the fire-brigade: detectors minor, fires by severity', () => {
    const readings = fireModel.readings(ctx, QUIET + 5 * MINUTE, emptyEffects());
    const own = readings.find((r) => r.key === 'fire-alarm:x')!;
    expect(own).toMatchObject({
      department: 'fire-brigade',
      severity: 2,
      featureIds: ['x'],
      level: 1,
    });
    for (const reading of readings.filter((r) => r.ruleId === 'fire-detector'))
      expect(reading.severity).toBe(1);
  });

  it('are deterministic: same events and time, byte-identical features and columns', () => {
    const again = contextFor(
      [fire('x', building.id, QUIET, 0.5)],
      generateCity({ seed: 42, scale: 'town' }),
    );
    const t = QUIET + 7 * MINUTE;
    for (const id of ['fire.alarms', 'fire.units']) {
      const a = fireModel.dynamic!.features(ctx, id, t, emptyEffects());
      const b = fireModel.dynamic!.features(again, id, t, emptyEffects());
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
    const a = fireModel.columns(ctx, 'fire.stations', t, emptyEffects());
    expect(fireModel.columns(again, 'fire.stations', t, emptyEffects())).toEqual(a);
  });
});

describe('fire effects on the roads', () => {
  const building = nearFs1[5]!;
  const ctx = contextFor([fire('c', building.id)]);
  const closed = frontage(town, building).segmentIds;
  const effectsAt = (t: number): CrossEffects => {
    const effects = emptyEffects();
    fireModel.applyEffects(ctx, t, effects);
    return effects;
  };

  it('closes the streets in front of a burning building, and only while it burns', () => {
    expect(closed.length).toBeGreaterThanOrEqual(1);
    const during = effectsAt(QUIET + 10 * MINUTE);
    for (const id of closed) expect(during.roadCapacity.get(id)).toBe(0);
    expect(effectsAt(QUIET - MINUTE).roadCapacity.size).toBe(0);
    for (const id of closed)
      expect(effectsAt(QUIET + 25 * MINUTE).roadCapacity.has(id)).toBe(false);
  });

  it('stops traffic there', () => {
    const t = QUIET + 10 * MINUTE;
    const network = roadNetwork(town);
    const open = segmentSpeeds(ctx, t, emptyEffects()).speedKmh;
    const shut = segmentSpeeds(ctx, t, effectsAt(t)).speedKmh;
    for (const id of closed) {
      const i = network.segmentIndex.get(id)!;
      expect(open[i]!).toBeGreaterThan(0);
      expect(shut[i]).toBe(0);
    }
  });
});

describe('background fire events', () => {
  const day = Date.parse('2026-01-15T00:00:00+08:00');
  const events = backgroundFireEvents(town, day, day + 24 * HOUR);

  it('are mostly detector alarms, with a rare real fire', () => {
    const detectors = events.filter((e) => e.kind === 'detector-alarm').length;
    const fires = events.filter((e) => e.kind === 'building-fire').length;
    expect(detectors).toBeGreaterThan(24);
    expect(fires).toBeLessThan(detectors / 5);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('do not depend on how the time is split into windows', () => {
    const split = [
      ...backgroundFireEvents(town, day, day + 9.1 * HOUR),
      ...backgroundFireEvents(town, day + 9.1 * HOUR, day + 24 * HOUR),
    ];
    expect(split).toEqual(events);
  });
});
