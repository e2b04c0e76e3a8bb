/**
 * Roads from vector tiles: the runtime config points the roads at a PMTiles archive, then at an
 * XYZ template of the same tiles, on a small file server of the loopback (cut from the town's
 * roads by the project's own tiler, as `npm run tiles` does). Only the tiles in view are read
 * (byte ranges of the archive), the roads are drawn, take the live state of the city's backend
 * by id, and a click on one shows its details and live speed. A missing archive is an error on
 * the roads alone. The base map from an archive of its own, through a style of it, draws as the
 * embedded one does.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { basemapSchema, catalogSchema, featureCollectionSchema } from '../../src/data/schemas';
import { Compression, TileType, writePmtiles } from '../../scripts/pmtiles/pmtiles-writer';
import { layeredVectorTiles, vectorTiles } from '../../scripts/pmtiles/vector-tiles';
import { BASEMAP_MIN_ZOOM, basemapTileLayers } from '../../scripts/pmtiles/archives';
import { BASEMAP_PARTS, tiledBasemapStyle } from '../../src/map/embedded-style';
import { basemapColors } from '../../src/ui/theme';
import { fixturePath } from '../helpers/fixtures';
import {
  LAYER_IDS,
  jumpTo,
  layerStatus,
  openApp,
  patchConfig,
  selectAt,
  showOnly,
  waitForApp,
  waitForLayerPhase,
} from './support/app';
import { isApiRequest, servedState } from './support/city';
import { changedPixels, countMapColors, hexRgb, snapshotMap } from './support/pixels';
import { focusRoad, longestArterial } from './support/roads';
import { test } from './support/test';

const MIN_ZOOM = 11;
const MAX_ZOOM = 14;
const LAYER = 'traffic.roads';

const roads = featureCollectionSchema.parse(
  JSON.parse(readFileSync(fixturePath('traffic.roads', 'features'), 'utf8')),
).features;
const { bbox } = catalogSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/town/catalog.json', import.meta.url), 'utf8')),
).city;
const tiles = vectorTiles(roads, bbox, { layer: LAYER, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
const archive = writePmtiles(
  tiles.map((tile) => ({ ...tile, data: gzipSync(tile.data) })),
  {
    tileType: TileType.Mvt,
    tileCompression: Compression.Gzip,
    bounds: bbox,
    metadata: { vector_layers: [{ id: LAYER, fields: { id: 'String' } }] },
  },
);
const tileBytes = new Map(tiles.map((tile) => [`${tile.z}/${tile.x}/${tile.y}`, tile.data]));

/** The town's base map, a layer per part, as `npm run tiles -- --datasets basemap` writes it. */
const basemap = basemapSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/town/basemap.json', import.meta.url), 'utf8')),
);
const basemapArchive = writePmtiles(
  layeredVectorTiles(basemapTileLayers(basemap), bbox, {
    minZoom: BASEMAP_MIN_ZOOM,
    maxZoom: MAX_ZOOM,
  }).map((tile) => ({ ...tile, data: gzipSync(tile.data) })),
  {
    tileType: TileType.Mvt,
    tileCompression: Compression.Gzip,
    bounds: bbox,
    metadata: { vector_layers: BASEMAP_PARTS.map((part) => ({ id: part, fields: {} })) },
  },
);

interface Served {
  readonly path: string;
  readonly range: string | null;
}

let root = '';
let served: Served[] = [];
let close = async () => {};

/**
 * `/town/roads.pmtiles` and `/town/basemap.pmtiles` with byte ranges, a style of the latter at
 * `/town/basemap.json`, and `/xyz/{z}/{x}/{y}.pbf` (404 where no tile).
 */
function answer(request: IncomingMessage): { status: number; body: Uint8Array; range?: string } {
  const url = new URL(request.url ?? '/', 'http://tiles');
  const archives: Record<string, Uint8Array> = {
    '/town/roads.pmtiles': archive,
    '/town/basemap.pmtiles': basemapArchive,
  };
  const bytes = archives[url.pathname];
  if (bytes) {
    const range = /^bytes=(\d+)-(\d+)$/u.exec(request.headers.range ?? '');
    if (!range) return { status: 200, body: bytes };
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), bytes.length - 1);
    return {
      status: 206,
      body: bytes.subarray(start, end + 1),
      range: `bytes ${start}-${end}/${bytes.length}`,
    };
  }
  if (url.pathname === '/town/basemap.json') {
    const style = tiledBasemapStyle(`${root}/town/basemap.pmtiles`);
    return { status: 200, body: new TextEncoder().encode(JSON.stringify(style)) };
  }
  const xyz = /^\/xyz\/(\d+)\/(\d+)\/(\d+)\.pbf$/u.exec(url.pathname);
  const tile = xyz ? tileBytes.get(`${xyz[1]}/${xyz[2]}/${xyz[3]}`) : undefined;
  return tile ? { status: 200, body: tile } : { status: 404, body: new Uint8Array() };
}

beforeAll(async () => {
  const server = createServer((request, response) => {
    const headers = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Range, If-Match',
      'Access-Control-Expose-Headers': 'Content-Range, ETag',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, headers).end();
      return;
    }
    served.push({
      path: new URL(request.url ?? '/', 'http://tiles').pathname,
      range: request.headers.range ?? null,
    });
    const { status, body, range } = answer(request);
    response
      .writeHead(status, {
        ...headers,
        'Content-Type': 'application/octet-stream',
        ...(range ? { 'Content-Range': range } : {}),
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

const mapping = { idProperty: 'id', fields: { 'name.zh': 'name_zh', 'name.en': 'name_en' } };

/** Roads drawn, a click on the longest arterial shows its name and its live speed. */
async function roadsDrawnAndPickable(page: Page): Promise<void> {
  await showOnly(page, []);
  await snapshotMap(page, 'nothing');
  await showOnly(page, ['traffic.roads']);
  await waitForLayerPhase(page, 'traffic.roads', 'live');
  await snapshotMap(page, 'roads');
  expect(await changedPixels(page, 'nothing', 'roads'), 'roads drawn').toBeGreaterThan(5_000);

  const road = await focusRoad(page, await longestArterial(page));
  await selectAt(page, road.mouse);
  await expect.poll(() => page.getByTestId('details-title').textContent()).toBe(road.name);
  // The speed shown is the backend's reading for this road: joined by id onto the tile's piece.
  const state = await servedState(page, 'traffic.roads');
  const speed = state.columns['speedKmh']?.[state.ids.indexOf(road.feature.id)];
  expect(typeof speed).toBe('number');
  expect(await page.getByTestId('details-primary').textContent()).toContain(
    `${Math.round(speed as number)} km/h`,
  );
}

describe('roads from vector tiles', () => {
  test('from a PMTiles archive: byte ranges of the tiles in view, drawn, live, with details', async ({
    session,
  }) => {
    const { page } = session;
    served = [];
    let ownReads = 0;
    page.on('request', (request) => {
      if (isApiRequest(request.url(), 'datasets/traffic.roads/features')) ownReads++;
    });
    await patchConfig(page, {
      sources: {
        'traffic.roads': {
          geometry: {
            adapter: 'pmtiles',
            url: `${root}/town/roads.pmtiles`,
            sourceLayer: LAYER,
            ...mapping,
          },
        },
      },
    });
    await openApp(page);
    expect(ownReads).toBe(0);
    const status = layerStatus(page, 'traffic.roads');
    expect(await status.textContent()).toContain('counts are of the features in view');
    await roadsDrawnAndPickable(page);
    // Never the whole archive: every read was a range of it, far fewer bytes than it has.
    const reads = served.filter((read) => read.path === '/town/roads.pmtiles');
    expect(reads.length).toBeGreaterThan(2);
    expect(reads.every((read) => read.range !== null)).toBe(true);
    await session.screenshot('pmtiles-roads');
  });

  test('from an XYZ template of the same tiles: absent tiles are no roads, not an error', async ({
    session,
  }) => {
    const { page } = session;
    served = [];
    await patchConfig(page, {
      sources: {
        'traffic.roads': {
          geometry: {
            adapter: 'mvt',
            url: `${root}/xyz/{z}/{x}/{y}.pbf`,
            sourceLayer: LAYER,
            minZoom: MIN_ZOOM,
            maxZoom: MAX_ZOOM,
            bounds: bbox,
            ...mapping,
          },
        },
      },
    });
    await openApp(page);
    await roadsDrawnAndPickable(page);
    const read = served.filter((entry) => entry.path.startsWith('/xyz/'));
    expect(read.length).toBeGreaterThan(0);
    // Tiles of the zooms in the template's range only.
    for (const { path } of read) {
      const z = Number(path.split('/')[2]);
      expect(z).toBeGreaterThanOrEqual(MIN_ZOOM);
      expect(z).toBeLessThanOrEqual(MAX_ZOOM);
    }
    expect(await layerStatus(page, 'traffic.roads').getAttribute('data-phase')).toBe('live');
  });

  test('a missing archive is an error on the roads alone; the rest goes live', async ({
    session,
  }) => {
    const { page } = session;
    session.allowConsoleError({
      text: /^Failed to load resource: the server responded with a status of 404/u,
      url: /\/town\/nope\.pmtiles$/u,
      reason: 'the config names an archive the server does not have, on purpose',
    });
    await patchConfig(page, {
      sources: {
        'traffic.roads': {
          geometry: {
            adapter: 'pmtiles',
            url: `${root}/town/nope.pmtiles`,
            sourceLayer: LAYER,
            ...mapping,
          },
        },
      },
    });
    await openApp(page, { live: LAYER_IDS.filter((id) => id !== 'traffic.roads') });
    await waitForLayerPhase(page, 'traffic.roads', 'error');
    expect(await layerStatus(page, 'traffic.roads').textContent()).toContain('HTTP 404');
  });

  test('the base map from an archive of its own, through a style of it, draws water, parks and roads as the embedded one', async ({
    session,
  }) => {
    const { page } = session;
    const palettes = {
      water: [hexRgb(basemapColors.water)],
      park: [hexRgb(basemapColors.park)],
      roads: [
        basemapColors.roadExpressway,
        basemapColors.roadArterial,
        basemapColors.roadLocal,
      ].map(hexRgb),
    };
    /** The base map's colours at the town's centre, closer in than the town's fit. */
    const basemapPicture = async () => {
      await showOnly(page, []);
      await jumpTo(page, [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], 14.5);
      return countMapColors(page, palettes, { background: hexRgb(basemapColors.background) });
    };
    await openApp(page);
    const embedded = await basemapPicture();

    served = [];
    let basemapReads = 0;
    page.on('request', (request) => {
      if (isApiRequest(request.url(), 'basemap')) basemapReads++;
    });
    await patchConfig(page, { basemap: { kind: 'style', url: `${root}/town/basemap.json` } });
    await page.reload();
    // The layers stay hidden across the reload (the page keeps its settings): only the map is
    // waited for.
    await waitForApp(page, []);
    const tiled = await basemapPicture();
    await session.screenshot('pmtiles-basemap');

    // The city's backend is not asked for its base map: the archive has it, read by ranges.
    expect(basemapReads).toBe(0);
    const reads = served.filter((read) => read.path === '/town/basemap.pmtiles');
    expect(reads.length).toBeGreaterThan(2);
    expect(reads.every((read) => read.range !== null)).toBe(true);
    // The same map: each of its colours covers about as much of it (tiles simplify edges a little;
    // the embedded map's labels, drawn by the app, are not in a style without glyphs).
    expect(tiled.nonBackground / tiled.total).toBeGreaterThan(0.3);
    for (const part of Object.keys(palettes) as (keyof typeof palettes)[]) {
      expect(embedded.counts[part], part).toBeGreaterThan(1_000);
      expect(tiled.counts[part] / embedded.counts[part], part).toBeGreaterThan(0.9);
      expect(tiled.counts[part] / embedded.counts[part], part).toBeLessThan(1.1);
    }
  });
});
