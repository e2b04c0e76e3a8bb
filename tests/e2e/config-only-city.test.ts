/**
 * A city with no REST contract backend: the runtime config carries the catalog itself and points
 * every dataset at the real MapServer CI starts (scripts/servers), the base map at a style of a
 * file server of the loopback, and the embedded demo backend is off. The page asks nothing of
 * `/api/v1`, the configured layers go live and draw, and the layers the city does not have say so.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { catalogSchema } from '../../src/data/schemas';
import {
  LAYER_IDS,
  datasetOf,
  layerStatus,
  openApp,
  patchConfig,
  showOnly,
  waitForLayerPhase,
} from './support/app';
import { changedPixels, snapshotMap } from './support/pixels';
import { test } from './support/test';

const OGC_URL = process.env.CITYOPS_OGC_URL;

/** The town's datasets MapServer serves, by collection. */
const COLLECTIONS: Record<string, string> = {
  'traffic.roads': 'roads',
  'fire.hydrants': 'hydrants',
  'pipes.water': 'water_pipes',
  'public-spaces.spaces': 'spaces',
};
const NAMES = { 'name.zh': 'name_zh', 'name.en': 'name_en' };

const town = catalogSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/town/catalog.json', import.meta.url), 'utf8')),
);
/** Features only: without a live state source, the datasets are static here. */
const catalog = {
  city: town.city,
  datasets: town.datasets
    .filter((dataset) => dataset.id in COLLECTIONS)
    .map((dataset) => ({ ...dataset, stateCadenceS: null, geometryCadenceS: null })),
};

const STYLE = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0d1626' } }],
};

let styleUrl = '';
let close = async () => {};
beforeAll(async () => {
  const server = createServer((_request, response) => {
    response
      .writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' })
      .end(JSON.stringify(STYLE));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  styleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/style.json`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

describe.skipIf(!OGC_URL)('a city with no REST backend, from its config alone', () => {
  test('the configured layers go live from MapServer and draw; nothing is asked of /api/v1', async ({
    session,
  }) => {
    const { page } = session;
    const apiReads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiReads.push(request.url());
    });
    await patchConfig(page, {
      mock: { enabled: false },
      basemap: { kind: 'style', url: styleUrl },
      catalog,
      sources: Object.fromEntries(
        Object.entries(COLLECTIONS).map(([dataset, collection]) => [
          dataset,
          { geometry: { adapter: 'ogc-api-features', url: OGC_URL, collection, fields: NAMES } },
        ]),
      ),
    });
    const configured = LAYER_IDS.filter((id) => datasetOf(id) in COLLECTIONS);
    expect(configured.length).toBe(4);
    await openApp(page, { live: configured });
    for (const id of LAYER_IDS.filter((layer) => !configured.includes(layer)))
      await waitForLayerPhase(page, id, 'unavailable');
    expect(await layerStatus(page, 'pipes.gas').textContent()).toContain('Not offered by the source');

    await showOnly(page, []);
    await snapshotMap(page, 'nothing');
    await showOnly(page, ['traffic.roads']);
    await snapshotMap(page, 'roads');
    expect(await changedPixels(page, 'nothing', 'roads'), 'roads drawn').toBeGreaterThan(5_000);
    await showOnly(page, configured);
    await session.screenshot('config-only-city');
    expect(apiReads).toEqual([]);
  });
});
