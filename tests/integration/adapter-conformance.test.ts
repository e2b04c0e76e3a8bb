/**
 * The adapter conformance suite (tests/conformance) against every adapter: the REST contract's
 * against the demo backend, and each standard source through the adapter that routes datasets to
 * it (OGC API – Features against a fake in MapServer's manner, and against the real MapServer
 * where one runs; a GeoJSON file; vector tiles from a PMTiles archive and an XYZ server;
 * SensorThings in FROST-Server's shape).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe } from 'vitest';
import type { DataAdapter } from '../../src/data/adapter';
import { createHttpAdapter } from '../../src/data/http-adapter';
import type { FetchLike } from '../../src/data/http-client';
import type { Catalog } from '../../src/data/schemas';
import { datasetSourcesSchema } from '../../src/data/sources/source-config';
import { withDatasetSources } from '../../src/data/sources/with-dataset-sources';
import { adapterConformance } from '../conformance/adapter-conformance';
import { FAKE_OGC_URL, fakeOgcServer, fakeRoads } from '../unit/data/sources/fake-ogc-server';
import {
  ARCHIVE_URL,
  LAYER,
  MAX_ZOOM,
  MIN_ZOOM,
  TEMPLATE,
  archiveServer,
  tileServer,
  waterArchive,
} from '../unit/data/sources/fake-tiles';
import { mswBackend } from './backends';

const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

describe('the REST contract adapter', () => {
  const backend = mswBackend();
  beforeAll(() => backend.start());
  afterAll(() => backend.stop());
  adapterConformance({
    name: 'REST contract (demo backend)',
    make: (fetch, timeoutMs) =>
      createHttpAdapter({ baseUrl: backend.baseUrl, fetch, timeoutMs, liveStream: false }),
    fetch: globalFetch,
    geometryDataset: 'traffic.roads',
    liveDataset: 'traffic.roads',
  });
});

/** The REST side of a city whose datasets come from standard sources: its catalog only. */
function catalogOnly(): DataAdapter {
  const catalog: Catalog = {
    city: {
      id: 'town',
      name: { zh: '镇', en: 'Town' },
      center: [121.46, 31.22],
      zoom: 13,
      bbox: [121.3, 31.1, 121.6, 31.4],
    },
    datasets: [
      {
        id: 'traffic.roads',
        domain: 'traffic',
        geometryKind: 'line',
        stateCadenceS: 10,
        geometryCadenceS: null,
        stateFields: [],
      },
      {
        id: 'fire.hydrants',
        domain: 'fire',
        geometryKind: 'point',
        stateCadenceS: 60,
        geometryCadenceS: null,
        stateFields: [],
      },
    ],
  };
  return {
    id: 'catalog-only',
    capabilities: { liveStream: false },
    getCatalog: async () => ({ data: catalog, fetchedAt: 0 }),
  } as unknown as DataAdapter;
}

function routed(sources: unknown, fetch: FetchLike, timeoutMs: number): DataAdapter {
  return withDatasetSources(catalogOnly(), datasetSourcesSchema.parse(sources), {
    fetch,
    timeoutMs,
    now: Date.now,
  });
}

const NAMES = { 'name.zh': 'name_zh', 'name.en': 'name_en' };

adapterConformance({
  name: 'OGC API – Features (MapServer manners)',
  make: (fetch, timeoutMs) =>
    routed(
      {
        'traffic.roads': {
          geometry: {
            adapter: 'ogc-api-features',
            url: FAKE_OGC_URL,
            collection: 'roads',
            fields: NAMES,
          },
        },
      },
      fetch,
      timeoutMs,
    ),
  fetch: fakeOgcServer({ roads: fakeRoads(1_200) }).fetch,
  geometryDataset: 'traffic.roads',
});

const OGC_URL = process.env.CITYOPS_OGC_URL;
describe.skipIf(!OGC_URL)('against the real MapServer', () => {
  adapterConformance({
    name: 'OGC API – Features (MapServer 8)',
    make: (fetch, timeoutMs) =>
      routed(
        {
          'traffic.roads': {
            geometry: {
              adapter: 'ogc-api-features',
              url: OGC_URL ?? 'http://x.invalid',
              collection: 'roads',
              fields: NAMES,
            },
          },
        },
        fetch,
        timeoutMs,
      ),
    fetch: globalFetch,
    geometryDataset: 'traffic.roads',
  });
});

const roadsFile = JSON.stringify({
  type: 'FeatureCollection',
  features: fakeRoads(50).map((road) => ({ type: 'Feature', ...road })),
});
adapterConformance({
  name: 'GeoJSON file',
  make: (fetch, timeoutMs) =>
    routed(
      {
        'traffic.roads': {
          geometry: {
            adapter: 'geojson',
            url: 'https://data.example/roads.geojson',
            fields: NAMES,
          },
        },
      },
      fetch,
      timeoutMs,
    ),
  fetch: async () =>
    new Response(roadsFile, { headers: { 'Content-Type': 'application/geo+json' } }),
  geometryDataset: 'traffic.roads',
});

const frostPage = (page: 1 | 2) =>
  readFileSync(
    new URL(`../unit/data/sources/frost-shaped/frost-things-page${page}.json`, import.meta.url),
    'utf8',
  );
adapterConformance({
  name: 'SensorThings API (FROST-Server shape)',
  make: (fetch, timeoutMs) =>
    routed(
      {
        'fire.hydrants': {
          state: {
            adapter: 'sensorthings',
            url: 'https://sta.city.example/FROST-Server/v1.1',
            featureIdProperty: 'featureId',
            columns: { inService: 'inService' },
          },
        },
      },
      fetch,
      timeoutMs,
    ),
  fetch: async (input) =>
    new Response(new URL(input).searchParams.get('$skip') === '2' ? frostPage(2) : frostPage(1)),
  liveDataset: 'fire.hydrants',
});

/** Where the fake tiles have a water main and a valve. */
const WATER_MAINS_AT = [121.4031, 31.2079] as const;
const TILED = { sourceLayer: LAYER, idProperty: 'id', fields: NAMES };

adapterConformance({
  name: 'PMTiles archive',
  make: (fetch, timeoutMs) =>
    routed(
      { 'traffic.roads': { geometry: { adapter: 'pmtiles', url: ARCHIVE_URL, ...TILED } } },
      fetch,
      timeoutMs,
    ),
  fetch: archiveServer(waterArchive()).fetch,
  geometryDataset: 'traffic.roads',
  featuresAt: WATER_MAINS_AT,
});

adapterConformance({
  name: 'XYZ vector tiles',
  make: (fetch, timeoutMs) =>
    routed(
      {
        'traffic.roads': {
          geometry: {
            adapter: 'mvt',
            url: TEMPLATE,
            minZoom: MIN_ZOOM,
            maxZoom: MAX_ZOOM,
            ...TILED,
          },
        },
      },
      fetch,
      timeoutMs,
    ),
  fetch: tileServer().fetch,
  geometryDataset: 'traffic.roads',
  featuresAt: WATER_MAINS_AT,
});
