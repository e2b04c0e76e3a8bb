import { describe, expect, it } from 'vitest';
import {
  areasSchema,
  basemapSchema,
  catalogSchema,
  featureCollectionSchema,
  type FeatureCollection,
  type Geometry,
  type Position,
} from '../../../src/data/schemas';
import { generateCity, type CityModel } from '../../../mocks/city/generate-city';
import { distance, pointAlong, pointInRing, type XY } from '../../../mocks/city/geo';
import { DATASET_IDS, type DatasetId } from '../../../mocks/datasets';
import { buildAreas } from '../../../mocks/geojson/areas';
import { buildBasemap } from '../../../mocks/geojson/basemap';
import { buildCatalog } from '../../../mocks/geojson/catalog';
import { datasetFeatures } from '../../../mocks/geojson/dataset-features';

const MORNING_PEAK = Date.parse('2026-01-15T08:30:00+08:00');

const town = generateCity({ seed: 42, scale: 'town' });
// How long generation takes is measured by the benchmarks (bench/suites/simulation.ts).
const city = generateCity({ seed: 42, scale: 'city' });

/** The properties docs/api/datasets.md lists for each dataset (besides `name`). */
const DOCUMENTED_PROPERTIES: Record<DatasetId, string[]> = {
  'traffic.roads': ['roadClass', 'freeFlowKmh', 'lanes', 'oneway', 'lengthM'],
  'pipes.water': ['diameterMm', 'material', 'zone'],
  'pipes.drainage': ['diameterMm', 'material', 'zone'],
  'pipes.gas': ['diameterMm', 'material', 'zone', 'pressureClass'],
  'pipes.nodes': ['nodeKind', 'network'],
  'fire.stations': ['units', 'phone'],
  'fire.hydrants': ['flowLpm'],
  'fire.alarms': ['alarmKind', 'severity', 'status', 'startedAt', 'address'],
  'fire.units': ['stationId', 'unitStatus', 'incidentId'],
  'public-spaces.spaces': ['spaceKind', 'capacity', 'areaM2'],
};

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

function allCollections(model: CityModel): [string, FeatureCollection][] {
  const basemap = buildBasemap(model);
  return [
    ...DATASET_IDS.map((id): [string, FeatureCollection] => [
      id,
      datasetFeatures(model, id, MORNING_PEAK),
    ]),
    ['areas', buildAreas(model)],
    ...(['water', 'landuse', 'parks', 'roads', 'buildings', 'districts'] as const).map(
      (layer): [string, FeatureCollection] => [`basemap.${layer}`, basemap[layer]],
    ),
  ];
}

function distanceToPolyline(point: XY, line: readonly XY[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const length2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2;
    const t =
      length2 === 0
        ? 0
        : Math.max(
            0,
            Math.min(
              1,
              ((point[0] - a[0]) * (b[0] - a[0]) + (point[1] - a[1]) * (b[1] - a[1])) / length2,
            ),
          );
    best = Math.min(best, distance(point, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]));
  }
  return best;
}

function extentOf(ring: readonly XY[]): [number, number, number, number] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Generating and comparing the city scale twice takes a few seconds. */
const SLOW_MS = 20_000;

describe('generateCity', () => {
  it(
    'builds the same city from the same seed and scale',
    () => {
      expect(generateCity({ seed: 42, scale: 'town' })).toEqual(town);
      expect(JSON.stringify(generateCity({ seed: 42, scale: 'city' }))).toBe(JSON.stringify(city));
    },
    SLOW_MS,
  );

  it('builds a different city from a different seed', () => {
    const other = generateCity({ seed: 7, scale: 'town' });
    expect(other.id).not.toBe(town.id);
    expect(other.roadSegments.map((s) => s.points)).not.toEqual(
      town.roadSegments.map((s) => s.points),
    );
    expect(other.water).not.toEqual(town.water);
  });

  describe.each([
    ['town', town, { roads: [1500, 3000], districts: [4, 6], stations: 3, sideKm: 4 }],
    ['city', city, { roads: [10_000, 20_000], districts: [8, 10], stations: 8, sideKm: 12 }],
  ] as const)('%s', (_, model, expected) => {
    it('has the size of its scale', () => {
      expect(model.roadSegments.length).toBeGreaterThanOrEqual(expected.roads[0]);
      expect(model.roadSegments.length).toBeLessThanOrEqual(expected.roads[1]);
      expect(model.districts.length).toBeGreaterThanOrEqual(expected.districts[0]);
      expect(model.districts.length).toBeLessThanOrEqual(expected.districts[1]);
      expect(model.fireStations).toHaveLength(expected.stations);
      expect((2 * model.halfExtentM) / 1000).toBe(expected.sideKm);
    });

    it(
      'serves features, areas, basemap and catalog that pass the app schemas',
      { timeout: SLOW_MS },
      () => {
        expect(() => catalogSchema.parse(buildCatalog(model))).not.toThrow();
        expect(() => areasSchema.parse(buildAreas(model))).not.toThrow();
        expect(() => basemapSchema.parse(buildBasemap(model))).not.toThrow();
        for (const id of DATASET_IDS) {
          const parsed = featureCollectionSchema.safeParse(
            datasetFeatures(model, id, MORNING_PEAK),
          );
          expect(parsed.error, id).toBeUndefined();
        }
      },
    );

    it('gives every feature a unique id, a zh/en name and the documented properties', () => {
      const problems: string[] = [];
      for (const id of DATASET_IDS) {
        // Engines on the move exist only in the simulation (tests/unit/sim/engine-*.test.ts).
        if (id === 'fire.units') continue;
        const { features } = datasetFeatures(model, id, MORNING_PEAK);
        expect(features.length, id).toBeGreaterThan(0);
        expect(new Set(features.map((f) => f.id)).size, id).toBe(features.length);
        for (const feature of features) {
          const name = feature.properties.name;
          if (!name || typeof name !== 'object' || !name.zh || !name.en)
            problems.push(`${id} ${feature.id}: name`);
          for (const key of DOCUMENTED_PROPERTIES[id]) {
            if (!(key in feature.properties)) problems.push(`${id} ${feature.id}: ${key}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it(
      'keeps every coordinate finite, rounded to 6 decimals and inside the city bbox',
      { timeout: SLOW_MS },
      () => {
        const [west, south, east, north] = buildCatalog(model).city.bbox;
        const rounded = (value: number): boolean => Math.round(value * 1e6) / 1e6 === value;
        const problems: string[] = [];
        for (const [name, collection] of allCollections(model)) {
          for (const feature of collection.features) {
            for (const [lon, lat] of positionsOf(feature.geometry)) {
              const ok =
                rounded(lon) &&
                rounded(lat) &&
                lon >= west &&
                lon <= east &&
                lat >= south &&
                lat <= north;
              if (!ok) problems.push(`${name} ${feature.id}: [${lon}, ${lat}]`);
            }
          }
        }
        expect(problems).toEqual([]);
      },
    );

    it('lays every pipe along its street, a few metres from the centreline', () => {
      const problems: string[] = [];
      for (const pipe of model.pipes) {
        const street = model.roads.edges[pipe.edgeId]!.points;
        for (const point of pipe.points) {
          const gap = distanceToPolyline(point, street);
          if (gap < 2 || gap > 15) problems.push(`${pipe.id}: ${gap.toFixed(1)} m from its street`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('draws two-way roads as two features offset to the right of travel, one-way roads as one', () => {
      const byId = new Map(model.roadSegments.map((segment) => [segment.id, segment]));
      const problems: string[] = [];
      for (const edge of model.roads.edges) {
        if (edge.oneway) {
          if (!byId.has(`r-${edge.id}`)) problems.push(`r-${edge.id} missing`);
          continue;
        }
        const forward = byId.get(`r-${edge.id}-f`);
        const backward = byId.get(`r-${edge.id}-b`);
        if (!forward || !backward) {
          problems.push(`r-${edge.id}-f/b missing`);
          continue;
        }
        // The centreline is on the left of travel: heading × (centre - carriageway) > 0.
        const [a, b] = [forward.points[0]!, forward.points[1]!];
        const centre = edge.points[0]!;
        const cross = (b[0] - a[0]) * (centre[1] - a[1]) - (b[1] - a[1]) * (centre[0] - a[0]);
        if (cross <= 0) problems.push(`${forward.id} is left of the centreline`);
        const gap = distanceToPolyline(backward.points[0]!, forward.points);
        if (gap < 7 || gap > 17)
          problems.push(`${forward.id}: directions ${gap.toFixed(1)} m apart`);
      }
      expect(problems).toEqual([]);
    });

    it('crosses the river on bridges of major roads only', () => {
      const river = model.water.find((body) => body.kind === 'river')!;
      expect(river).toBeDefined();
      const bridges = model.roads.edges.filter((edge) => edge.bridge);
      expect(bridges.length).toBeGreaterThan(2);
      expect(bridges.every((edge) => edge.roadClass !== 'local')).toBe(true);
      expect(model.water.some((body) => body.kind === 'lake')).toBe(true);
    });

    it('puts a hydrant about every 150 m along the streets', () => {
      const streetLengthM = model.roads.edges
        .filter((edge) => edge.roadClass !== 'expressway')
        .reduce((sum, edge) => sum + edge.lengthM, 0);
      const spacing = streetLengthM / model.hydrants.length;
      expect(spacing).toBeGreaterThan(120);
      expect(spacing).toBeLessThan(180);
    });

    it('has the public spaces, networks and names a control room expects', () => {
      const kinds = new Set(model.publicSpaces.map((space) => space.spaceKind));
      expect([...kinds].sort()).toEqual(['park', 'plaza', 'transit', 'venue']);
      const nodeKinds = new Set(model.pipeNodes.map((node) => `${node.network}:${node.nodeKind}`));
      expect([...nodeKinds].sort()).toEqual([
        'drainage:manhole',
        'gas:valve',
        'water:pump',
        'water:valve',
      ]);
      expect(
        model.districts.every((d) => /区$/.test(d.name.zh) && / District$/.test(d.name.en)),
      ).toBe(true);
      const classes = new Set(model.roadSegments.map((s) => s.roadClass));
      expect([...classes].sort()).toEqual(['arterial', 'expressway', 'local']);
      expect(model.buildings.every((b) => b.heightM > 0)).toBe(true);
    });
  });

  it(
    'keeps local streets, buildings and blocks out of the water',
    () => {
      for (const model of [town, city]) {
        const water = model.water.map((body) => ({
          ring: body.polygon,
          box: extentOf(body.polygon),
        }));
        const wet = (point: XY): boolean =>
          water.some(
            ({ ring, box }) =>
              point[0] >= box[0] &&
              point[0] <= box[2] &&
              point[1] >= box[1] &&
              point[1] <= box[3] &&
              pointInRing(point, ring),
          );
        const wetLocals = model.roads.edges.filter(
          (edge) => edge.roadClass === 'local' && wet(pointAlong(edge.points, edge.lengthM / 2)),
        );
        expect(wetLocals.map((edge) => edge.id)).toEqual([]);
        expect(model.buildings.filter((b) => b.polygon.some(wet)).map((b) => b.id)).toEqual([]);
        expect(model.blocks.filter((b) => b.quad.some(wet)).map((b) => b.id)).toEqual([]);
      }
    },
    SLOW_MS,
  );
});
