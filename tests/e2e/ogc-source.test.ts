/**
 * A layer from a real OGC API – Features server: the runtime config points the roads at the
 * MapServer that CI starts (scripts/servers), serving the town's roads. They load page by page
 * within the city's extent, are drawn, take the live state of the city's own backend by id, and a
 * click on one shows its details with the names mapped from the server's fields, read fresh from
 * the server as a single item.
 */
import { describe, expect } from 'vitest';
import {
  LAYER_IDS,
  layerStatus,
  openApp,
  patchConfig,
  showOnly,
  waitForLayerPhase,
} from './support/app';
import { isApiRequest, servedCatalog } from './support/city';
import { changedPixels, snapshotMap } from './support/pixels';
import { focusRoad, longestArterial } from './support/roads';
import { test } from './support/test';

const OGC_URL = process.env.CITYOPS_OGC_URL;
/** The town has 1,685 road segments; the server sends at most 500 a page. */
const SERVER_MAX_LIMIT = 500;

describe.skipIf(!OGC_URL)('a layer from an OGC API – Features server (MapServer)', () => {
  test('roads load from it page by page within the city, go live, draw, and show their details', async ({
    session,
  }) => {
    const { page } = session;
    const pages: URL[] = [];
    const items: URL[] = [];
    let ownReads = 0;
    page.on('request', (request) => {
      if (request.url().startsWith(`${OGC_URL}/collections/roads/items?`))
        pages.push(new URL(request.url()));
      else if (request.url().startsWith(`${OGC_URL}/collections/roads/items/`))
        items.push(new URL(request.url()));
      if (isApiRequest(request.url(), 'datasets/traffic.roads/features')) ownReads++;
    });
    await patchConfig(page, {
      sources: {
        'traffic.roads': {
          geometry: {
            adapter: 'ogc-api-features',
            url: OGC_URL,
            collection: 'roads',
            fields: { 'name.zh': 'name_zh', 'name.en': 'name_en' },
          },
        },
      },
    });
    await openApp(page);

    const { city } = await servedCatalog(page);
    expect(pages.length).toBeGreaterThan(2);
    for (const url of pages) {
      expect(url.searchParams.get('bbox')).toBe(city.bbox.join(','));
      expect(Number(url.searchParams.get('limit'))).toBe(SERVER_MAX_LIMIT);
    }
    expect(pages.map((url) => Number(url.searchParams.get('offset') ?? 0))).toEqual(
      pages.map((_, at) => at * SERVER_MAX_LIMIT),
    );
    expect(ownReads).toBe(0);
    // The live state of the city's backend joined by id: every reading found its road.
    const status = layerStatus(page, 'traffic.roads');
    expect(await status.getAttribute('data-phase')).toBe('live');
    expect(await status.getAttribute('data-unknown-ids')).toBe('0');

    await showOnly(page, []);
    await snapshotMap(page, 'nothing');
    await showOnly(page, ['traffic.roads']);
    await snapshotMap(page, 'roads');
    expect(await changedPixels(page, 'nothing', 'roads'), 'roads drawn').toBeGreaterThan(5_000);

    const road = await focusRoad(page, await longestArterial(page));
    await page.mouse.click(road.mouse.x, road.mouse.y);
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe(road.name);
    // The details are the server's as they are now: the road read on its own (the single item).
    await expect
      .poll(() => page.getByTestId('details-attributes').textContent())
      .toBe('as the source has them now');
    expect(items.map((url) => url.pathname)).toContain(
      `${new URL(OGC_URL!).pathname}/collections/roads/items/${encodeURIComponent(road.feature.id)}`,
    );
  });

  test('a wrong collection and a wrong field mapping each show on their own layer; the rest goes live', async ({
    session,
  }) => {
    const { page } = session;
    session.allowConsoleError({
      text: /^Failed to load resource: the server responded with a status of 404/u,
      url: new RegExp(`^${OGC_URL!.replaceAll('.', '\\.')}/collections/nope/items`, 'u'),
      reason: 'the config names a collection the server does not have, on purpose',
    });
    await patchConfig(page, {
      sources: {
        'traffic.roads': {
          geometry: { adapter: 'ogc-api-features', url: OGC_URL, collection: 'nope' },
        },
        'pipes.water': {
          geometry: {
            adapter: 'ogc-api-features',
            url: OGC_URL,
            collection: 'water_pipes',
            fields: { 'name.zh': 'NAME_CN' },
          },
        },
      },
    });
    const failing = ['traffic.roads', 'pipes.water'];
    await openApp(page, { live: LAYER_IDS.filter((id) => !failing.includes(id)) });
    for (const id of failing) await waitForLayerPhase(page, id, 'error');
    expect(await layerStatus(page, 'traffic.roads').textContent()).toContain(
      'traffic.roads: collection: the server has no collection "nope" (it has: roads, hydrants, water_pipes, spaces)',
    );
    expect(await layerStatus(page, 'pipes.water').textContent()).toContain(
      'fields.name.zh: the source has no property "NAME_CN"',
    );
  });
});
