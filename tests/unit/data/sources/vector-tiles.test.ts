import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, writePmtiles } from '../../../../scripts/pmtiles/pmtiles-writer';
import { vectorTiles } from '../../../../scripts/pmtiles/vector-tiles';
import { tileAt } from '../../../../src/data/web-mercator-tiles';
import type { TiledFeatures } from '../../../../src/data/adapter';
import type { FeatureTable } from '../../../../src/data/feature-table';
import type { FetchLike } from '../../../../src/data/http-client';
import type { Feature, Position } from '../../../../src/data/schemas';
import { mvtSourceSchema, pmtilesSourceSchema } from '../../../../src/data/sources/source-config';
import { mvtReader, pmtilesReader } from '../../../../src/data/sources/vector-tiles';
import { adapterFailure } from '../../../helpers/adapter-failure';
import {
  ARCHIVE_URL,
  BOUNDS,
  FEATURES,
  LAYER,
  MAX_ZOOM,
  MIN_ZOOM,
  TEMPLATE,
  archiveServer,
  tileServer,
  waterArchive,
  waterTiles,
} from './fake-tiles';

const NAMES = { 'name.zh': 'name_zh', 'name.en': 'name_en' };
/** Around the water mains: the read's probe tile is at its centre. */
const CITY = [121.38, 31.18, 121.48, 31.23] as const;
const REQUEST = { timeoutMs: 5_000, now: () => 11 };

function pmtiles(fetch: FetchLike, overrides: Record<string, unknown> = {}) {
  return pmtilesReader(
    'water.mains',
    pmtilesSourceSchema.parse({
      adapter: 'pmtiles',
      url: ARCHIVE_URL,
      sourceLayer: LAYER,
      idProperty: 'id',
      fields: NAMES,
      ...overrides,
    }),
    { fetch, ...REQUEST },
  );
}

function mvt(fetch: FetchLike, overrides: Record<string, unknown> = {}) {
  return mvtReader(
    'water.mains',
    mvtSourceSchema.parse({
      adapter: 'mvt',
      url: TEMPLATE,
      sourceLayer: LAYER,
      idProperty: 'id',
      fields: NAMES,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      ...overrides,
    }),
    { fetch, ...REQUEST },
  );
}

async function tilesOf(reading: Promise<{ tiles?: TiledFeatures }>): Promise<TiledFeatures> {
  const { tiles } = await reading;
  expect(tiles).toBeDefined();
  return tiles!;
}

/** The z14 tile holding a point, read. */
function tileHolding(tiles: TiledFeatures, [longitude, latitude]: Position, z = MAX_ZOOM) {
  const [x, y] = tileAt(longitude, latitude, z);
  return tiles.tile(z, x, y);
}

function ids(table: FeatureTable): string[] {
  return Array.from({ length: table.length }, (_, index) => table.id(index)).sort();
}

function featureOf(table: FeatureTable, id: string): Feature {
  const index = table.indexOf(id);
  expect(index).toBeGreaterThanOrEqual(0);
  return table.feature(index);
}

const VALVE_1 = FEATURES[2]!;
const VALVE_1_AT: Position = [121.4031, 31.2079];

describe('PMTiles geometry', () => {
  it('takes its zooms and extent from the header and reads nothing but a probe tile', async () => {
    const server = archiveServer(waterArchive());
    const fetched = await pmtiles(server.fetch).read({ bbox: [...CITY] }, {});
    expect(fetched.data.length).toBe(0);
    expect(fetched.fetchedAt).toBe(11);
    const { tiles } = fetched;
    expect(tiles).toMatchObject({ minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
    tiles!.bounds!.forEach((degrees, index) => expect(degrees).toBeCloseTo(BOUNDS[index]!, 6));
    // The header with the root directory, the metadata, one tile: ranges, not the file.
    expect(server.requests.length).toBe(3);
    for (const request of server.requests) expect(request.headers.get('Range')).toMatch(/^bytes=/);
  });

  it("gives a tile's features with their ids, mapped fields and coordinates", async () => {
    const tiles = await tilesOf(pmtiles(archiveServer(waterArchive()).fetch).read({}, {}));
    const table = await tileHolding(tiles, VALVE_1_AT);
    expect(ids(table)).toContain('valve-1');
    const valve = featureOf(table, 'valve-1');
    expect(valve.properties).toMatchObject({
      name: { zh: '一号阀', en: 'Valve 1' },
      diameterMm: 600,
    });
    expect(valve.properties).not.toHaveProperty('name_zh');
    expect(valve.geometry.type).toBe('Point');
    const [longitude, latitude] = valve.geometry.coordinates as Position;
    expect(longitude).toBeCloseTo(VALVE_1.geometry.coordinates[0] as number, 4);
    expect(latitude).toBeCloseTo(VALVE_1.geometry.coordinates[1] as number, 4);
    // The long main passes through this tile too: a line, in lon/lat near its own.
    const main = featureOf(table, 'main-1');
    expect(main.properties['name']).toEqual({ zh: '一号干管', en: 'Main 1' });
    const vertices = (main.geometry.type === 'LineString' ? [main.geometry.coordinates] : [])
      .flat()
      .concat(main.geometry.type === 'MultiLineString' ? main.geometry.coordinates.flat() : []);
    expect(vertices.length).toBeGreaterThanOrEqual(2);
    for (const [, vertexLatitude] of vertices) expect(vertexLatitude).toBeCloseTo(31.205, 2);
  });

  it('gives a multi-part line as single lines with its id, so a tile stays in columns', async () => {
    const twoPart: Feature = {
      type: 'Feature',
      id: 'main-3',
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [121.401, 31.2005],
            [121.402, 31.2006],
          ],
          [
            [121.4015, 31.2015],
            [121.4025, 31.2016],
          ],
        ],
      },
      properties: { name: { zh: '三号干管', en: 'Main 3' } },
    };
    const tiles = vectorTiles([twoPart], BOUNDS, {
      layer: LAYER,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
    });
    const archive = Uint8Array.from(
      writePmtiles(
        tiles.map((tile) => ({ ...tile, data: gzipSync(tile.data) })),
        { tileType: TileType.Mvt, tileCompression: Compression.Gzip, bounds: BOUNDS, metadata: {} },
      ),
    );
    const read = await tilesOf(pmtiles(archiveServer(archive).fetch).read({ bbox: [...CITY] }, {}));
    const table = await tileHolding(read, [121.401, 31.2005]);
    expect(ids(table)).toEqual(['main-3', 'main-3']);
    expect(table.binary?.type).toBe('LineString');
    expect([0, 1].map((index) => table.feature(index).geometry.type)).toEqual([
      'LineString',
      'LineString',
    ]);
  });

  it('gives a line that crosses tile edges in each tile, with the same id', async () => {
    const tiles = await tilesOf(pmtiles(archiveServer(waterArchive()).fetch).read({}, {}));
    const west = await tileHolding(tiles, [121.405, 31.2052]);
    const east = await tileHolding(tiles, [121.455, 31.2052]);
    expect(tileAt(121.405, 31.2052, MAX_ZOOM)).not.toEqual(tileAt(121.455, 31.2052, MAX_ZOOM));
    expect(ids(west)).toContain('main-1');
    expect(ids(east)).toContain('main-1');
    expect(ids(east)).toContain('valve-2');
    expect(ids(east)).not.toContain('valve-1');
  });

  it('answers tiles outside its zooms or its extent with nothing, without a request', async () => {
    const server = archiveServer(waterArchive());
    const tiles = await tilesOf(pmtiles(server.fetch).read({}, {}));
    const before = server.requests.length;
    const [x, y] = tileAt(121.4031, 31.2079, MIN_ZOOM - 1);
    expect((await tiles.tile(MIN_ZOOM - 1, x, y)).length).toBe(0);
    expect((await tileHolding(tiles, VALVE_1_AT, MAX_ZOOM + 1)).length).toBe(0);
    // Far from the extent, and off the world.
    expect((await tileHolding(tiles, [2.35, 48.85])).length).toBe(0);
    expect((await tiles.tile(MAX_ZOOM, -1, 0)).length).toBe(0);
    expect(server.requests.length).toBe(before);
  });

  it('works with a server that ignores Range and sends the whole file', async () => {
    const server = archiveServer(waterArchive(), { ranges: false });
    const tiles = await tilesOf(pmtiles(server.fetch).read({ bbox: [...CITY] }, {}));
    expect(tiles.maxZoom).toBe(MAX_ZOOM);
    expect(ids(await tileHolding(tiles, VALVE_1_AT))).toContain('valve-1');
    expect(server.requests.every((request) => request.headers.has('Range'))).toBe(true);
  });

  it('sends the configured headers with every range', async () => {
    const server = archiveServer(waterArchive());
    const tiles = await tilesOf(
      pmtiles(server.fetch, { headers: { 'X-Api-Key': 'k-123' } }).read({}, {}),
    );
    await tileHolding(tiles, VALVE_1_AT);
    expect(server.requests.length).toBeGreaterThan(1);
    for (const request of server.requests) expect(request.headers.get('X-Api-Key')).toBe('k-123');
  });

  it('fails the read on a wrong URL (404)', async () => {
    const server = archiveServer(waterArchive());
    const error = await adapterFailure(
      pmtiles(server.fetch, { url: 'https://tiles.example/nope.pmtiles' }).read({}, {}),
    );
    expect(error).toMatchObject({ kind: 'http', status: 404, resource: 'water.mains' });
    expect(error.message).toBe('water.mains: HTTP 404');
  });

  it('fails the read on a file that is not a PMTiles archive', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection' }));
    const error = await adapterFailure(pmtiles(archiveServer(json).fetch).read({}, {}));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/^water\.mains: url: not a PMTiles archive \(/);
  });

  it('fails the read on an archive of raster tiles', async () => {
    const pngs = waterArchive({ tileType: TileType.Png });
    const error = await adapterFailure(pmtiles(archiveServer(pngs).fetch).read({}, {}));
    expect(error.message).toBe(
      'water.mains: url: the archive holds png tiles, not vector tiles (MVT)',
    );
  });

  it("fails the read on a layer the archive's metadata does not list", async () => {
    const error = await adapterFailure(
      pmtiles(archiveServer(waterArchive()).fetch, { sourceLayer: 'roads' }).read({}, {}),
    );
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe(
      'water.mains: sourceLayer: the tiles have no layer "roads" (they have: water.mains)',
    );
  });

  it('fails the read on a layer the probe tile does not have, when no metadata lists them', async () => {
    const bare = waterArchive({ metadata: {} });
    const error = await adapterFailure(
      pmtiles(archiveServer(bare).fetch, { sourceLayer: 'roads' }).read({ bbox: [...CITY] }, {}),
    );
    expect(error.message).toBe(
      'water.mains: sourceLayer: the tiles have no layer "roads" (they have: water.mains)',
    );
    // With the right layer, the same archive reads.
    const tiles = await tilesOf(pmtiles(archiveServer(bare).fetch).read({ bbox: [...CITY] }, {}));
    expect(ids(await tileHolding(tiles, VALVE_1_AT))).toContain('valve-1');
  });

  it('fails the read on a mapping that names properties the tiles lack', async () => {
    const server = archiveServer(waterArchive());
    const wrongField = await adapterFailure(
      pmtiles(server.fetch, { fields: { 'name.zh': 'NAME_CN' } }).read({ bbox: [...CITY] }, {}),
    );
    expect(wrongField.message).toMatch(
      /^water\.mains: fields\.name\.zh: the source has no property "NAME_CN" \(it has: diameterMm, id, name_en, name_zh\)$/,
    );
    // The tiler puts the id in a property: the tile features have no id of their own.
    const noId = await adapterFailure(
      pmtiles(server.fetch, { idProperty: undefined }).read({ bbox: [...CITY] }, {}),
    );
    expect(noId.message).toBe(
      'water.mains: idProperty: the features have no id; name the property that holds it',
    );
  });

  it('reads the archive afresh after a failed header read', async () => {
    const server = archiveServer(waterArchive());
    let down = true;
    const flaky: FetchLike = async (url, init) => {
      if (down) throw new TypeError('fetch failed');
      return server.fetch(url, init);
    };
    const reader = pmtiles(flaky);
    expect((await adapterFailure(reader.read({}, {}))).kind).toBe('network');
    down = false;
    expect((await tilesOf(reader.read({}, {}))).maxZoom).toBe(MAX_ZOOM);
  });

  it('ends a tile that does not come in time with a timeout, and a cancelled one as aborted', async () => {
    const server = archiveServer(waterArchive());
    let stall = false;
    const stalling: FetchLike = (url, init) =>
      stall
        ? new Promise((_, reject) =>
            init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          )
        : server.fetch(url, init);
    const reader = pmtilesReader(
      'water.mains',
      pmtilesSourceSchema.parse({
        adapter: 'pmtiles',
        url: ARCHIVE_URL,
        sourceLayer: LAYER,
        idProperty: 'id',
      }),
      { fetch: stalling, timeoutMs: 50, now: () => 1 },
    );
    const tiles = await tilesOf(reader.read({}, {}));
    stall = true;
    const [x, y] = tileAt(121.4562, 31.2153, MAX_ZOOM);
    expect((await adapterFailure(tiles.tile(MAX_ZOOM, x, y))).kind).toBe('timeout');
    const controller = new AbortController();
    const cancelled = tiles.tile(MAX_ZOOM, x, y, { signal: controller.signal });
    controller.abort();
    expect((await adapterFailure(cancelled)).kind).toBe('aborted');
  });
});

describe('MVT tiles by URL template', () => {
  it('takes its zooms and extent from the config, and serves tiles by z/x/y', async () => {
    const server = tileServer();
    const fetched = await mvt(server.fetch, { bounds: [...BOUNDS] }).read({ bbox: [...CITY] }, {});
    expect(fetched.data.length).toBe(0);
    const tiles = fetched.tiles!;
    expect(tiles).toMatchObject({ minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, bounds: [...BOUNDS] });
    const [x, y] = tileAt(121.4031, 31.2079, MAX_ZOOM);
    const table = await tiles.tile(MAX_ZOOM, x, y);
    expect(server.requests.at(-1)!.url).toBe(
      `https://tiles.example/water-mains/${MAX_ZOOM}/${x}/${y}.pbf`,
    );
    expect(ids(table)).toEqual(['main-1', 'main-2', 'valve-1']);
    expect(featureOf(table, 'valve-1').properties['name']).toEqual({ zh: '一号阀', en: 'Valve 1' });
  });

  it('answers a tile the server has not (404, 204) with nothing', async () => {
    for (const missing of [404, 204]) {
      const server = tileServer({ missing });
      const tiles = await tilesOf(mvt(server.fetch).read({ bbox: [...CITY] }, {}));
      const before = server.requests.length;
      // Within the zooms and, without configured bounds, asked for: the server has no tile.
      expect((await tileHolding(tiles, [2.35, 48.85])).length).toBe(0);
      expect(server.requests.length).toBe(before + 1);
    }
  });

  it('decodes gzipped tiles served without Content-Encoding', async () => {
    const server = tileServer({ gzip: true });
    const tiles = await tilesOf(mvt(server.fetch).read({ bbox: [...CITY] }, {}));
    expect(ids(await tileHolding(tiles, VALVE_1_AT))).toEqual(['main-1', 'main-2', 'valve-1']);
  });

  it('asks for no tile outside its zooms or its bounds', async () => {
    const server = tileServer();
    const tiles = await tilesOf(
      mvt(server.fetch, { bounds: [...BOUNDS] }).read({ bbox: [...CITY] }, {}),
    );
    const before = server.requests.length;
    expect((await tileHolding(tiles, VALVE_1_AT, MAX_ZOOM + 1)).length).toBe(0);
    expect((await tileHolding(tiles, VALVE_1_AT, MIN_ZOOM - 1)).length).toBe(0);
    expect((await tileHolding(tiles, [2.35, 48.85])).length).toBe(0);
    expect(server.requests.length).toBe(before);
  });

  it('sends the configured headers', async () => {
    const server = tileServer();
    const tiles = await tilesOf(
      mvt(server.fetch, { headers: { Authorization: 'Bearer t-1' } }).read({ bbox: [...CITY] }, {}),
    );
    await tileHolding(tiles, VALVE_1_AT);
    expect(server.requests.length).toBeGreaterThan(1);
    for (const request of server.requests)
      expect(request.headers.get('Authorization')).toBe('Bearer t-1');
  });

  it('fails the read when neither the probe tile nor the one above it at minZoom is there', async () => {
    const server = tileServer();
    const error = await adapterFailure(
      mvt(server.fetch, { url: 'https://tiles.example/pipes/{z}/{x}/{y}.pbf' }).read(
        { bbox: [...CITY] },
        {},
      ),
    );
    const [x, y] = tileAt(121.43, 31.205, 13);
    const [topX, topY] = tileAt(121.43, 31.205, MIN_ZOOM);
    expect(error.message).toBe(
      `water.mains: url: no tile at 13/${x}/${y} nor at ${MIN_ZOOM}/${topX}/${topY} (HTTP 404): check the URL template and minZoom`,
    );
    // A server without the probe tile that has the one above it reads.
    const sparse = tileServer();
    const far = await tilesOf(
      mvt(sparse.fetch).read({ bbox: [121.391, 31.191, 121.392, 31.192] }, {}),
    );
    expect(far.maxZoom).toBe(MAX_ZOOM);
  });

  it('fails the read on an unknown layer and on a wrong mapping', async () => {
    const server = tileServer();
    const layer = await adapterFailure(
      mvt(server.fetch, { sourceLayer: 'pipes' }).read({ bbox: [...CITY] }, {}),
    );
    expect(layer.message).toBe(
      'water.mains: sourceLayer: the tiles have no layer "pipes" (they have: water.mains)',
    );
    const mapping = await adapterFailure(
      mvt(server.fetch, { idProperty: 'PIPE_ID' }).read({ bbox: [...CITY] }, {}),
    );
    expect(mapping.message).toMatch(
      /^water\.mains: idProperty: the source has no property "PIPE_ID"/,
    );
  });

  it('fails a tile that is not a vector tile', async () => {
    const html: FetchLike = async () => new Response('<html>login</html>');
    const error = await adapterFailure(mvt(html).read({ bbox: [...CITY] }, {}));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/^water\.mains: tile 13\/\d+\/\d+: not a vector tile \(/);
  });

  it('gives a multi-point as points of the same id, and polygons as they are', async () => {
    const park = [
      [121.4005, 31.2005],
      [121.4015, 31.2005],
      [121.4015, 31.2015],
      [121.4005, 31.2005],
    ];
    const shapes = [
      {
        type: 'Feature',
        id: 'pair-1',
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [121.4002, 31.2002],
            [121.4008, 31.2009],
          ],
        },
        properties: {},
      },
      {
        type: 'Feature',
        id: 'park-1',
        geometry: { type: 'Polygon', coordinates: [park] },
        properties: {},
      },
    ] as unknown as Feature[];
    const [tile] = vectorTiles(shapes, [121.4, 31.2, 121.402, 31.202], {
      layer: 'shapes',
      minZoom: 14,
      maxZoom: 14,
    });
    const fetch: FetchLike = async () => new Response(Uint8Array.from(tile!.data));
    const reader = mvt(fetch, { sourceLayer: 'shapes', fields: {}, minZoom: 14 });
    const table = await (await tilesOf(reader.read({}, {}))).tile(tile!.z, tile!.x, tile!.y);
    expect(ids(table)).toEqual(['pair-1', 'pair-1', 'park-1']);
    const points = [0, 1, 2]
      .map((index) => table.feature(index))
      .filter((feature) => feature.id === 'pair-1')
      .map((feature) => (feature.geometry.type === 'Point' ? feature.geometry.coordinates : null));
    expect(points[0]![0]).toBeCloseTo(121.4002, 4);
    expect(points[1]![1]).toBeCloseTo(31.2009, 4);
    const polygon = featureOf(table, 'park-1').geometry;
    expect(polygon.type).toBe('Polygon');
    const ring = polygon.type === 'Polygon' ? polygon.coordinates[0]! : [];
    // Closed, with the park's corners (vector tiles may wind a ring the other way round).
    expect(ring.length).toBe(4);
    expect(ring[0]).toEqual(ring[3]);
    for (const [longitude, latitude] of park)
      expect(
        ring.some(([x, y]) => Math.abs(x! - longitude!) < 1e-4 && Math.abs(y! - latitude!) < 1e-4),
      ).toBe(true);
  });

  it('reads the tiles the archive was made of, gzipped or not, alike', async () => {
    const archived = await tilesOf(pmtiles(archiveServer(waterArchive()).fetch).read({}, {}));
    const served = await tilesOf(mvt(tileServer({ gzip: true }).fetch).read({}, {}));
    for (const tile of waterTiles().filter((each) => each.z === 12)) {
      const [a, b] = await Promise.all([
        archived.tile(tile.z, tile.x, tile.y),
        served.tile(tile.z, tile.x, tile.y),
      ]);
      expect(ids(a)).toEqual(ids(b));
      expect(a.length).toBeGreaterThan(0);
    }
  });
});
