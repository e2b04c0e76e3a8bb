import { describe, expect, it, vi } from 'vitest';
import type { DataAdapter } from '../../../../src/data/adapter';
import { AdapterError } from '../../../../src/data/errors';
import { featureTable } from '../../../../src/data/feature-table';
import type { FetchLike } from '../../../../src/data/http-client';
import type { BBox, Catalog } from '../../../../src/data/schemas';
import { datasetSourcesSchema } from '../../../../src/data/sources/source-config';
import { withDatasetSources } from '../../../../src/data/sources/with-dataset-sources';
import { GATHER_MS, type FeedClient } from '../../../../src/data/sources/sensorthings-mqtt';
import { FAKE_OGC_URL, fakeOgcServer, fakeRoads } from './fake-ogc-server';
import { ARCHIVE_URL, LAYER, MAX_ZOOM, MIN_ZOOM, archiveServer, waterArchive } from './fake-tiles';
import { tileAt } from '../../../../src/data/web-mercator-tiles';

const CITY_BBOX: BBox = [121.39995, 31.19, 121.40095, 31.21];

function baseAdapter(catalogFails = 0) {
  let failures = catalogFails;
  const catalog: Catalog = {
    city: {
      id: 'test',
      name: { zh: '测试', en: 'Test' },
      center: [121.4, 31.2],
      zoom: 12,
      bbox: CITY_BBOX,
    },
    datasets: [
      {
        id: 'fire.hydrants',
        domain: 'fire',
        geometryKind: 'point',
        stateCadenceS: 60,
        geometryCadenceS: null,
        stateFields: [{ key: 'inService' }],
      },
    ],
  };
  const base = {
    id: 'http:test',
    capabilities: { liveState: true, liveStream: true },
    getCatalog: vi.fn(async () => {
      if (failures-- > 0)
        throw new AdapterError('network', 'catalog: source unreachable', { resource: 'catalog' });
      return { data: catalog, fetchedAt: 1 };
    }),
    getGeometry: vi.fn(async () => ({ data: featureTable([]), fetchedAt: 2 })),
    getLiveState: vi.fn(),
    getFeature: vi.fn(),
    watchLiveState: vi.fn(() => () => undefined),
  };
  return base as unknown as DataAdapter & typeof base;
}

function routed(base: DataAdapter, fetch: FetchLike) {
  return withDatasetSources(
    base,
    datasetSourcesSchema.parse({
      'traffic.roads': {
        geometry: {
          adapter: 'ogc-api-features',
          url: FAKE_OGC_URL,
          collection: 'roads',
          fields: { 'name.zh': 'name_zh', 'name.en': 'name_en' },
        },
      },
    }),
    { fetch, timeoutMs: 5_000, now: () => 3 },
  );
}

describe('withDatasetSources', () => {
  it('is the base adapter itself when no dataset has a source', () => {
    const base = baseAdapter();
    expect(withDatasetSources(base, {}, { fetch, timeoutMs: 1, now: Date.now })).toBe(base);
  });

  it("reads a configured dataset from its source, within the city's extent", async () => {
    const base = baseAdapter();
    const server = fakeOgcServer({ roads: fakeRoads(50) });
    const adapter = routed(base, server.fetch);
    const fetched = await adapter.getGeometry('traffic.roads');
    // The roads stand 0.0001° apart: ten of them are in the city.
    expect(fetched.data.length).toBe(10);
    expect(server.requests[0]!.searchParams.get('bbox')).toBe(CITY_BBOX.join(','));
    expect(base.getGeometry).not.toHaveBeenCalled();
    await adapter.getGeometry('traffic.roads', { at: '2026-01-15T08:00:00+08:00' });
    expect(base.getCatalog).toHaveBeenCalledTimes(1);
    expect(adapter.id).not.toBe(base.id);
  });

  it('leaves every other dataset, and every other call, to the base adapter', async () => {
    const base = baseAdapter();
    const adapter = routed(base, fakeOgcServer({}).fetch);
    await adapter.getGeometry('fire.hydrants', { bbox: CITY_BBOX });
    expect(base.getGeometry).toHaveBeenCalledWith('fire.hydrants', { bbox: CITY_BBOX }, {});
    await adapter.getLiveState('fire.hydrants', { at: '2026-01-15T08:00:00+08:00' });
    expect(base.getLiveState).toHaveBeenCalledWith(
      'fire.hydrants',
      { at: '2026-01-15T08:00:00+08:00' },
      {},
    );
    expect(adapter.getAreas).toBe(base.getAreas);
    // The base's capabilities, and the OGC source's single item read.
    expect(adapter.capabilities).toEqual({ ...base.capabilities, featureById: true });
    await adapter.getFeature('fire.hydrants', 'h-1');
    expect(base.getFeature).toHaveBeenCalledWith('fire.hydrants', 'h-1', {});
  });

  it('reads a PMTiles dataset as tiles, its reader loaded on the first read', async () => {
    const base = baseAdapter();
    const server = archiveServer(waterArchive());
    const adapter = withDatasetSources(
      base,
      datasetSourcesSchema.parse({
        'water.mains': {
          geometry: { adapter: 'pmtiles', url: ARCHIVE_URL, sourceLayer: LAYER, idProperty: 'id' },
        },
      }),
      { fetch: server.fetch, timeoutMs: 5_000, now: () => 3 },
    );
    expect(server.requests).toHaveLength(0);
    const fetched = await adapter.getGeometry('water.mains');
    expect(base.getGeometry).not.toHaveBeenCalled();
    expect(fetched.data.length).toBe(0);
    expect(fetched.tiles).toMatchObject({ minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
    const [x, y] = tileAt(121.4031, 31.2079, MAX_ZOOM);
    const tile = await fetched.tiles!.tile(MAX_ZOOM, x, y);
    expect(tile.indexOf('valve-1')).toBeGreaterThanOrEqual(0);
  });

  it("takes the catalog the page read rather than reading it again", async () => {
    const base = baseAdapter();
    const adapter = routed(base, fakeOgcServer({ roads: fakeRoads(5) }).fetch);
    await adapter.getCatalog();
    expect((await adapter.getGeometry('traffic.roads')).data.length).toBe(5);
    expect(base.getCatalog).toHaveBeenCalledTimes(1);
  });

  it('asks for the catalog again after it failed', async () => {
    const base = baseAdapter(1);
    const adapter = routed(base, fakeOgcServer({ roads: fakeRoads(5) }).fetch);
    await expect(adapter.getGeometry('traffic.roads')).rejects.toThrow(
      'catalog: source unreachable',
    );
    expect((await adapter.getGeometry('traffic.roads')).data.length).toBe(5);
    expect(base.getCatalog).toHaveBeenCalledTimes(2);
  });
});

describe('withDatasetSources: live state from SensorThings', () => {
  const things: FetchLike = async () =>
    Response.json({
      value: [
        {
          '@iot.id': 1,
          name: 'h-1',
          Datastreams: [
            {
              '@iot.id': 11,
              name: 'inService',
              Observations: [{ result: 0, phenomenonTime: '2026-01-15T00:00:00Z' }],
            },
          ],
        },
      ],
    });
  const sources = (mqtt: boolean) =>
    datasetSourcesSchema.parse({
      'fire.hydrants': {
        state: {
          adapter: 'sensorthings',
          url: 'https://sta.example/v1.1',
          columns: { inService: 'inService' },
          ...(mqtt ? { mqtt: { url: 'ws://127.0.0.1:9001' } } : {}),
        },
      },
    });

  it("reads the dataset's live state from it, with the catalog's cadence", async () => {
    const base = baseAdapter();
    const adapter = withDatasetSources(base, sources(false), {
      fetch: things,
      timeoutMs: 5_000,
      now: () => 3,
    });
    const fetched = await adapter.getLiveState('fire.hydrants');
    expect(fetched.data).toMatchObject({
      dataset: 'fire.hydrants',
      cadenceS: 60,
      ids: ['h-1'],
      columns: { inService: [0] },
      observedAt: '2026-01-15T00:00:00.000Z',
    });
    expect(base.getLiveState).not.toHaveBeenCalled();
    await adapter.getLiveState('pipes.water');
    expect(base.getLiveState).toHaveBeenCalledWith('pipes.water', {}, {});
    // Without a broker nothing is pushed: the base stream watches the rest as before.
    adapter.watchLiveState!(['fire.hydrants', 'pipes.water'], { onState: () => undefined });
    expect(base.watchLiveState).toHaveBeenCalledWith(['pipes.water'], expect.anything());
  });

  it("takes the source's own cadence, for the catalog the app polls by and for the state", async () => {
    const configured = datasetSourcesSchema.parse({
      'fire.hydrants': {
        state: {
          adapter: 'sensorthings',
          url: 'https://sta.example/v1.1',
          columns: { inService: 'inService' },
          cadenceS: 15,
        },
      },
    });
    const adapter = withDatasetSources(baseAdapter(), configured, {
      fetch: things,
      timeoutMs: 5_000,
      now: () => 3,
    });
    const { data: catalog } = await adapter.getCatalog();
    expect(catalog.datasets.find((dataset) => dataset.id === 'fire.hydrants')?.stateCadenceS).toBe(
      15,
    );
    expect((await adapter.getLiveState('fire.hydrants')).data.cadenceS).toBe(15);
    expect(() =>
      datasetSourcesSchema.parse({
        'fire.hydrants': {
          state: {
            adapter: 'sensorthings',
            url: 'https://sta.example/v1.1',
            columns: { a: 'a' },
            cadenceS: 0,
          },
        },
      }),
    ).toThrow(/cadenceS/u);
  });

  it('pushes what the broker publishes, and says on the layer while the broker is down', async () => {
    vi.useFakeTimers();
    try {
      const base = baseAdapter();
      const listeners = new Map<string, (...args: unknown[]) => void>();
      const client = {
        on: (event: string, listener: (...args: unknown[]) => void) =>
          listeners.set(event, listener),
        subscribe: (_topics: string[], callback: (error: null) => void) => callback(null),
        end: vi.fn(),
      };
      const adapter = withDatasetSources(base, sources(true), {
        fetch: things,
        timeoutMs: 5_000,
        now: () => 3,
        connectFeed: async () => client as unknown as FeedClient,
      });
      expect(adapter.capabilities.liveStream).toBe(true);
      const pushed: unknown[] = [];
      const overdue: string[] = [];
      const stop = adapter.watchLiveState!(['fire.hydrants', 'pipes.water'], {
        onState: (datasetId, state) => pushed.push([datasetId, state.data.columns]),
        onOverdue: (datasetId) => overdue.push(datasetId),
      });
      expect(base.watchLiveState).toHaveBeenCalledWith(['pipes.water'], expect.anything());
      await vi.advanceTimersByTimeAsync(0);
      listeners.get('connect')!();
      listeners.get('message')!(
        'v1.1/Datastreams(11)/Observations',
        new TextEncoder().encode('{"result":1,"phenomenonTime":"2026-01-15T00:01:00Z"}'),
      );
      await vi.advanceTimersByTimeAsync(GATHER_MS);
      expect(pushed).toEqual([['fire.hydrants', { inService: [1] }]]);

      listeners.get('offline')!();
      expect(overdue).toContain('fire.hydrants');
      expect((await adapter.getLiveState('fire.hydrants')).liveFeedProblem).toBe(
        'ws://127.0.0.1:9001: the broker cannot be reached',
      );
      listeners.get('connect')!();
      await vi.advanceTimersByTimeAsync(0);
      expect((await adapter.getLiveState('fire.hydrants')).liveFeedProblem).toBeUndefined();
      stop();
      expect(client.end).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
