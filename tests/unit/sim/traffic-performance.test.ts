import { beforeAll, describe, expect, it } from 'vitest';
import { generateCity, type CityModel } from '../../../mocks/city/generate-city';
import { nearestNode, roadNetwork } from '../../../mocks/sim/routing/road-network';
import { segmentTimesS, shortestRoute } from '../../../mocks/sim/routing/shortest-path';
import { roadSpeedMap, trafficModel } from '../../../mocks/sim/traffic';
import type { CrossEffects, SimContext } from '../../../mocks/sim/types';

const PEAK = Date.parse('2026-01-15T08:15:00+08:00');

function emptyEffects(): CrossEffects {
  return { rainMmH: 0, roadCapacity: new Map(), roadDemand: new Map(), streetWaterCm: new Map() };
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

// Generous bounds: these guard against a slow algorithm, not against a busy test machine.
describe('at city scale', () => {
  let city: CityModel;
  let ctx: SimContext;

  beforeAll(() => {
    city = generateCity({ seed: 42, scale: 'city' });
    ctx = { city, events: [], roadSpeedsAt: (t) => roadSpeedMap(ctx, t, emptyEffects()) };
  }, 60_000);

  it('evaluates the traffic columns at one time well under 50 ms', () => {
    const columns = (k: number) => () =>
      trafficModel.columns(ctx, 'traffic.roads', PEAK + k * 10_000, emptyEffects());
    for (let k = 0; k < 5; k++) columns(k)(); // per-city tables and JIT warm-up
    const times = Array.from({ length: 15 }, (_, k) => timed(columns(100 + k)));
    expect(median(times)).toBeLessThan(50);
  }, 60_000);

  it('routes across the city in a few milliseconds', () => {
    const network = roadNetwork(city);
    const costS = segmentTimesS(network, ctx.roadSpeedsAt(PEAK));
    const extent = city.halfExtentM * 0.8;
    const route = (k: number) => () => {
      const from = nearestNode(network, [-extent, -extent + k * 300]);
      const to = nearestNode(network, [extent, extent - k * 300]);
      expect(shortestRoute(network, from, to, costS)).not.toBeNull();
    };
    for (let k = 0; k < 3; k++) route(k)();
    const times = Array.from({ length: 10 }, (_, k) => timed(route(k)));
    expect(median(times)).toBeLessThan(20);
  }, 60_000);
});
