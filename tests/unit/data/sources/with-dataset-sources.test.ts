import { describe, expect, it, vi } from 'vitest';
import type { DataAdapter } from '../../../../src/data/adapter';
import { AdapterError } from '../../../../src/data/errors';
import { featureTable } from '../../../../src/data/feature-table';
import type { FetchLike } from '../../../../src/data/http-client';
import type { BBox, Catalog } from '../../../../src/data/schemas';
import { datasetSourcesSchema } from '../../../../src/data/sources/source-config';
import { withDatasetSources } from '../../../../src/data/sources/with-dataset-sources';
import { FAKE_OGC_URL, fakeOgcServer, fakeRoads } from './fake-ogc-server';

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
    datasets: [],
  };
  const base = {
    id: 'http:test',
    capabilities: { liveState: true },
    getCatalog: vi.fn(async () => {
      if (failures-- > 0)
        throw new AdapterError('network', 'catalog: source unreachable', { resource: 'catalog' });
      return { data: catalog, fetchedAt: 1 };
    }),
    getGeometry: vi.fn(async () => ({ data: featureTable([]), fetchedAt: 2 })),
    getLiveState: vi.fn(),
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
    expect(adapter.getLiveState).toBe(base.getLiveState);
    expect(adapter.capabilities).toBe(base.capabilities);
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
