import { describe, expect, it } from 'vitest';
import { tileAt, tileExtent } from '../../../src/data/web-mercator-tiles';

describe('Web Mercator tiles', () => {
  it('the tile holding a place has the place in its extent, at every zoom', () => {
    const place = [121.4737, 31.2304] as const;
    for (const z of [0, 5, 10, 14, 18]) {
      const [x, y] = tileAt(place[0], place[1], z);
      const [west, south, east, north] = tileExtent(z, x, y);
      expect(place[0]).toBeGreaterThanOrEqual(west);
      expect(place[0]).toBeLessThan(east);
      expect(place[1]).toBeGreaterThan(south);
      expect(place[1]).toBeLessThanOrEqual(north);
    }
  });

  it('numbers tiles from the north-west, and keeps the poles and the antimeridian on the grid', () => {
    expect(tileAt(-180, 85, 1)).toEqual([0, 0]);
    expect(tileAt(179.9, -85, 1)).toEqual([1, 1]);
    expect(tileAt(180, 90, 3)).toEqual([7, 0]);
    expect(tileAt(-200, -90, 3)).toEqual([0, 7]);
    expect(tileExtent(0, 0, 0)[0]).toBe(-180);
    expect(tileExtent(0, 0, 0)[3]).toBeCloseTo(85.0511, 3);
  });
});
