/**
 * Roads from vector tiles: the runtime config points the roads at a PMTiles archive, then at an
 * XYZ template of the same tiles, on a small file server of the loopback (cut from the town's
 * roads by the project's own tiler, as `npm run tiles` does). Only the tiles in view are read
 * (byte ranges of the archive), the roads are drawn, take the live state of the city's backend
 * by id, and a click on one shows its details and live speed. A missing archive is an error on
 * the roads alone.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { catalogSchema, featureCollectionSchema } from '../../src/data/schemas';
import { Compression, TileType, writePmtiles } from '../../scripts/pmtiles/pmtiles-writer';
import { vectorTiles } from '../../scripts/pmtiles/vector-tiles';
import { fixturePath } from '../helpers/fixtures';
import {
  LAYER_IDS,
  layerStatus,
  openApp,
  patchConfig,
  selectAt,
  showOnly,
  waitForLayerPhase,
} from './support/app';
import { isApiRequest, servedState } from './support/city';
import { changedPixels, snapshotMap } from './support/pixels';
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

interface Served {
  readonly path: string;
  readonly range: string | null;
}

let root = '';
let served: Served[] = [];
let close = async () => {};

/** `/town/roads.pmtiles` with byte ranges, and `/xyz/{z}/{x}/{y}.pbf` (404 where no tile). */
function answer(request: IncomingMessage): { status: number; body: Uint8Array; range?: string } {
  const url = new URL(request.url ?? '/', 'http://tiles');
  if (url.pathname === '/town/roads.pmtiles') {
    const range = /^bytes=(\d+)-(\d+)$/u.exec(request.headers.range ?? '');
    if (!range) return { status: 200, body: archive };
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), archive.length - 1);
    return {
      status: 206,
      body: archive.subarray(start, end + 1),
      range: `bytes ${start}-${end}/${archive.length}`,
    };
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
});
