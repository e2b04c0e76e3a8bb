import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../../src/data/http-client';
import { ogcApiFeaturesReader } from '../../../../src/data/sources/ogc-api-features';
import {
  ogcApiFeaturesSourceSchema,
  type OgcApiFeaturesSource,
} from '../../../../src/data/sources/source-config';
import type { BBox } from '../../../../src/data/schemas';
import { FAKE_OGC_URL, fakeOgcServer, fakeRoads } from './fake-ogc-server';
import { adapterFailure } from '../../../helpers/adapter-failure';

const NAMES = { 'name.zh': 'name_zh', 'name.en': 'name_en' };
/** The first 1,000 of 1,200 roads (they stand 0.0001° apart from 121.4°E). */
const FIRST_THOUSAND: BBox = [121.39995, 31.19, 121.49995, 31.21];

function source(overrides: Partial<Record<keyof OgcApiFeaturesSource, unknown>> = {}) {
  return ogcApiFeaturesSourceSchema.parse({
    adapter: 'ogc-api-features',
    url: FAKE_OGC_URL,
    collection: 'roads',
    fields: NAMES,
    ...overrides,
  });
}

function reader(fetch: FetchLike, config = source()) {
  return ogcApiFeaturesReader('traffic.roads', config, { fetch, timeoutMs: 5_000, now: () => 42 });
}

describe('OGC API – Features geometry', () => {
  it('reads every page within the bbox, asking for each page itself with the bbox', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(1_200) });
    const fetched = await reader(server.fetch).read({ bbox: FIRST_THOUSAND }, {});
    expect(fetched.data.length).toBe(1_000);
    expect(fetched.data.indexOf('r-999')).toBeGreaterThanOrEqual(0);
    expect(fetched.data.indexOf('r-1000')).toBe(-1);
    expect(fetched.truncated).toBeUndefined();
    expect(fetched.fetchedAt).toBe(42);
    expect(server.requests.length).toBe(2);
    for (const request of server.requests) {
      expect(request.pathname).toBe('/ogcapi/collections/roads/items');
      expect(request.searchParams.get('bbox')).toBe(FIRST_THOUSAND.join(','));
    }
    expect(server.requests.map((request) => request.searchParams.get('offset'))).toEqual([
      null,
      '500',
    ]);
  });

  it('moves on by what came when the server clamps the page size', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(1_200) });
    const fetched = await reader(server.fetch, source({ pageSize: 2_000 })).read({}, {});
    expect(fetched.data.length).toBe(1_200);
    expect(server.requests.map((request) => request.searchParams.get('offset'))).toEqual([
      null,
      '500',
      '1000',
    ]);
  });

  it('stops at the configured cap and says how many the source has', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(1_200) });
    const fetched = await reader(server.fetch, source({ maxFeatures: 700 })).read(
      { bbox: FIRST_THOUSAND },
      {},
    );
    expect(fetched.data.length).toBe(700);
    expect(fetched.truncated).toEqual({ loaded: 700, matched: 1_000 });
    expect(server.requests.map((request) => request.searchParams.get('limit'))).toEqual([
      '500',
      '200',
    ]);
  });

  it("maps the source's properties onto the layer's, names in both languages", async () => {
    const roads = fakeRoads(3);
    roads[1]!.properties.roadClass = '';
    const server = fakeOgcServer({ roads });
    const table = (
      await reader(server.fetch, source({ fields: { ...NAMES, roadClass: 'roadClass' } })).read(
        {},
        {},
      )
    ).data;
    expect(table.feature(0).properties).toEqual({
      name: { zh: '路0', en: 'Road 0' },
      roadClass: 'arterial',
      freeFlowKmh: 30,
      oneway: true,
    });
    // MapServer sends "" for a property a feature does not have: a missing value.
    expect(table.property(1, 'roadClass')).toBeNull();
  });

  it('shows a name given in one language in both', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(1) });
    const table = (
      await reader(server.fetch, source({ fields: { 'name.zh': 'name_zh' } })).read({}, {})
    ).data;
    expect(table.property(0, 'name')).toEqual({ zh: '路0', en: '路0' });
  });

  it('takes the id from a property when told to', async () => {
    const roads = fakeRoads(2).map((road) => ({
      ...road,
      properties: { ...road.properties, ROAD_NO: `no-${road.id}` },
    }));
    const server = fakeOgcServer({ roads });
    const table = (await reader(server.fetch, source({ idProperty: 'ROAD_NO' })).read({}, {})).data;
    expect([table.id(0), table.id(1)]).toEqual(['no-r-0', 'no-r-1']);
  });

  it('reports a field mapping that names a property the source does not have', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(3) });
    const error = await adapterFailure(
      reader(server.fetch, source({ fields: { ...NAMES, roadClass: 'ROAD_CLASS' } })).read({}, {}),
    );
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('fields.roadClass');
    expect(error.message).toContain('"ROAD_CLASS"');
    expect(error.message).toContain('roadClass');
    expect(error.resource).toBe('traffic.roads');
  });

  it('reports a missing id property, and features without ids', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(2) });
    expect(
      (await adapterFailure(reader(server.fetch, source({ idProperty: 'FID' })).read({}, {})))
        .message,
    ).toContain('idProperty');
    const anonymous: FetchLike = async () =>
      Response.json({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} },
        ],
      });
    expect(
      (await adapterFailure(reader(anonymous, source({ fields: {} })).read({}, {}))).message,
    ).toContain('the features have no id');
  });

  it('names the collections the server has when the configured one is not among them', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(1), hydrants: [] });
    const error = await adapterFailure(
      reader(server.fetch, source({ collection: 'nope' })).read({}, {}),
    );
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      'traffic.roads: collection: the server has no collection "nope" (it has: roads, hydrants)',
    );
    expect(server.requests.at(-1)!.pathname).toBe('/ogcapi/collections');
  });

  it("turns the server's exception body into the message when it cannot list its collections", async () => {
    const server = fakeOgcServer({ roads: fakeRoads(1) });
    const noList: FetchLike = (input, init) =>
      new URL(input).pathname.endsWith('/collections')
        ? Promise.resolve(new Response('<html>not here</html>', { status: 404 }))
        : server.fetch(input, init);
    const error = await adapterFailure(reader(noList, source({ collection: 'nope' })).read({}, {}));
    expect([error.kind, error.status]).toEqual(['http', 404]);
    expect(error.message).toBe('traffic.roads: HTTP 404 (Invalid collection.)');
  });

  it('says the URL is wrong when there is no OGC API there at all', async () => {
    const nothing: FetchLike = async () => new Response('<html>Not Found</html>', { status: 404 });
    const error = await adapterFailure(reader(nothing).read({}, {}));
    expect([error.kind, error.status]).toEqual(['http', 404]);
    expect(error.message).toBe(
      'traffic.roads: url: no OGC API – Features landing page at https://gis.example/ogcapi (HTTP 404)',
    );
  });

  it('stops with an error when the server does not page by offset, instead of looping', async () => {
    const all = fakeOgcServer({ roads: fakeRoads(30) });
    const ignoringOffset: FetchLike = (input, init) => {
      const url = new URL(input);
      url.searchParams.delete('offset');
      return all.fetch(url.href, init);
    };
    const error = await adapterFailure(
      reader(ignoringOffset, source({ pageSize: 10 })).read({}, {}),
    );
    expect(error.message).toContain('does not page with offset');
  });

  it('reports a feature with a broken geometry by its place in the page', async () => {
    const roads = fakeRoads(3);
    roads[2] = { ...roads[2]!, geometry: { type: 'LineString', coordinates: [[121.4, 'x']] } };
    const error = await adapterFailure(reader(fakeOgcServer({ roads }).fetch).read({}, {}));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/^traffic\.roads: feature 2: invalid data/u);
  });

  it('answers an empty table for a bbox with nothing in it', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(5) });
    const fetched = await reader(server.fetch).read({ bbox: [0, 0, 1, 1] }, {});
    expect(fetched.data.length).toBe(0);
    expect(fetched.truncated).toBeUndefined();
  });

  it('reads one feature on its own, mapped like the rest, by the server id', async () => {
    const server = fakeOgcServer({ roads: fakeRoads(20) });
    const single = reader(server.fetch).feature!;
    const { data: road, fetchedAt } = await single('r-7', {});
    expect(fetchedAt).toBe(42);
    expect(road).toMatchObject({
      id: 'r-7',
      properties: { name: { zh: '路7', en: 'Road 7' }, roadClass: 'local' },
    });
    expect(server.requests.at(-1)!.pathname).toBe('/ogcapi/collections/roads/items/r-7');
    const missing = await adapterFailure(single('r-99', {}));
    expect([missing.kind, missing.status, missing.message]).toEqual([
      'http',
      404,
      'traffic.roads: HTTP 404 (Collection items id query failed.)',
    ]);
    // Ids from a property are not the server's: no single item by them.
    expect(reader(server.fetch, source({ idProperty: 'name_en' })).feature).toBeUndefined();
  });

  it('passes the configured headers and asks for GeoJSON', async () => {
    let headers: Headers | null = null;
    const server = fakeOgcServer({ roads: fakeRoads(1) });
    const capture: FetchLike = (input, init) => {
      headers = new Headers(init?.headers);
      return server.fetch(input, init);
    };
    await reader(capture, source({ headers: { Authorization: 'Bearer abc' } })).read({}, {});
    expect(headers!.get('Authorization')).toBe('Bearer abc');
    expect(headers!.get('Accept')).toContain('application/geo+json');
  });
});

/** Bodies a real MapServer 8.0 sent (scripts/servers/recorded), served back as they came. */
describe('OGC API – Features geometry, on recorded MapServer responses', () => {
  const recorded = (file: string) =>
    readFileSync(new URL(`../../../../scripts/servers/recorded/${file}`, import.meta.url), 'utf8');
  const json = (file: string, status = 200) =>
    new Response(recorded(file), { status, headers: { 'Content-Type': 'application/json' } });
  /** `file` for the items; the server's own landing page and collections for those. */
  const serving =
    (file: string, status = 200): FetchLike =>
    async (input) => {
      const { pathname } = new URL(input);
      if (pathname.endsWith('/collections')) return json('collections.json');
      if (pathname === new URL(FAKE_OGC_URL).pathname) return json('landing.json');
      return json(file, status);
    };

  it('reads a page of roads: string ids, flattened names mapped back, booleans', async () => {
    // numberMatched says 108 while the page holds 2: capped at 2 here, so no second read.
    const fetched = await reader(
      serving('roads-items-bbox-limit2.json'),
      source({ maxFeatures: 2 }),
    ).read({}, {});
    expect(fetched.data.length).toBe(2);
    expect(fetched.data.id(0)).toBe('r-0');
    expect(fetched.data.property(0, 'name')).toEqual({
      zh: '福建二支路',
      en: 'Fujian 2nd Branch Road',
    });
    expect(fetched.data.property(0, 'oneway')).toBe(true);
    expect(fetched.truncated).toEqual({ loaded: 2, matched: 108 });
  });

  it.each([
    ['error-unknown-collection.json', 404, 'Invalid collection.'],
    ['error-bad-bbox.json', 400, 'Bad value for bbox.'],
    ['error-offset-out-of-range.json', 400, 'Offset out of range.'],
  ])('shows the description of %s', async (file, status, description) => {
    const error = await adapterFailure(reader(serving(file, status)).read({}, {}));
    expect(error.message).toBe(`traffic.roads: HTTP ${status} (${description})`);
  });

  it('names the collections MapServer has when the configured one is not among them', async () => {
    const error = await adapterFailure(
      reader(serving('error-unknown-collection.json', 404), source({ collection: 'nope' })).read(
        {},
        {},
      ),
    );
    expect(error.message).toBe(
      'traffic.roads: collection: the server has no collection "nope" (it has: roads, hydrants, water_pipes, spaces)',
    );
  });

  it('reads an empty page as no features', async () => {
    const fetched = await reader(serving('roads-items-empty-bbox.json')).read({}, {});
    expect(fetched.data.length).toBe(0);
  });
});
