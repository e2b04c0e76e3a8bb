import { describe, expect, it } from 'vitest';
import { generateCity, type CityModel } from '../../../mocks/city/generate-city';
import { distance, type XY } from '../../../mocks/city/geo';
import type { Pipe } from '../../../mocks/city/pipes';
import { createRng } from '../../../mocks/city/prng';
import { SCALES } from '../../../mocks/city/scale';
import { layServiceLines } from '../../../mocks/city/service-lines';
import { datasetFeatures } from '../../../mocks/geojson/dataset-features';
import { createWorld } from '../../../mocks/sim/engine/world';

const T = Date.parse('2026-01-15T08:30:00+08:00');
const town = generateCity({ seed: 42, scale: 'town' });
const lines = layServiceLines(createRng(1), town.buildings, town.pipes);
/** The town with the megacity's service lines: the same code paths at a size tests can afford. */
const serviced: CityModel = { ...town, serviceLines: lines };

function distanceToPipe(point: XY, pipe: Pipe): number {
  let best = Infinity;
  for (let i = 1; i < pipe.points.length; i++) {
    const a = pipe.points[i - 1]!;
    const b = pipe.points[i]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.max(
      0,
      Math.min(1, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)),
    );
    best = Math.min(best, distance(point, [a[0] + t * dx, a[1] + t * dy]));
  }
  return best;
}

describe('service lines', () => {
  it('only the megacity preset has them', () => {
    expect(town.serviceLines).toEqual([]);
    expect(SCALES.megacity.serviceLines).toBe(true);
    expect(SCALES.city.serviceLines).toBe(false);
  });

  it('connect every building to its water main and its sewer', () => {
    for (const network of ['water', 'drainage'] as const) {
      const connected = new Set(
        lines.filter((l) => l.network === network).map((l) => l.buildingId),
      );
      expect(connected.size).toBe(town.buildings.length);
    }
    expect(new Set(lines.map((line) => line.id)).size).toBe(lines.length);
  });

  it('run from the building to the nearest pipe of their network', () => {
    const buildings = new Map(town.buildings.map((b) => [b.id, b]));
    const pipes = new Map(town.pipes.map((p) => [p.id, p]));
    for (const line of lines.filter((_, k) => k % 97 === 0)) {
      const pipe = pipes.get(line.pipeId)!;
      expect(pipe.network).toBe(line.network);
      expect(line.points[0]).toEqual(buildings.get(line.buildingId)!.center);
      expect(distanceToPipe(line.points[1], pipe)).toBeLessThan(1e-6);
      const nearest = Math.min(
        ...town.pipes
          .filter((p) => p.network === line.network)
          .map((p) => distanceToPipe(line.points[0], p)),
      );
      expect(distance(line.points[0], line.points[1])).toBeCloseTo(nearest, 6);
    }
  });

  it('are the same for the same seed', () => {
    expect(layServiceLines(createRng(1), town.buildings, town.pipes)).toEqual(lines);
  });

  it('are served after the street pipes, and carry the readings of the pipe they tap', () => {
    const world = createWorld({ seed: 42, scale: 'town', city: serviced, wallNow: () => T });
    for (const [dataset, network, column] of [
      ['pipes.water', 'water', 'pressureKpa'],
      ['pipes.drainage', 'drainage', 'fillRatio'],
    ] as const) {
      const state = world.simulation.liveState(dataset, T);
      const features = datasetFeatures(serviced, dataset, T).features;
      expect(state.ids).toEqual(features.map((f) => String(f.id)));
      const values = state.columns[column]!;
      const row = new Map(state.ids.map((id, i) => [id, i]));
      const own = lines.filter((l) => l.network === network);
      expect(state.ids.length).toBe(
        town.pipes.filter((p) => p.network === network).length + own.length,
      );
      for (const line of own) {
        expect(values[row.get(line.id)!]).toBe(values[row.get(line.pipeId)!]);
      }
      const service = features.find((f) => f.properties['service'] === true)!;
      expect(service.properties['pipeId']).toMatch(/^p[wd]-/);
    }
  });
});
