/**
 * First impression: the app loads without a single console error, every layer goes live, every
 * domain draws in its legend's colours (each one alone, switched with its domain checkbox: they
 * share colours), and the base map is drawn.
 */
import { describe, expect } from 'vitest';
import { DOMAIN_IDS, LAYER_IDS, layerStatus, openApp, project } from './support/app';
import { servedCatalog } from './support/city';
import {
  BASEMAP_BACKGROUND,
  BASEMAP_PALETTES,
  BASEMAP_TOLERANCE,
  pixelsPerDomain,
} from './support/palettes';
import { countMapColors } from './support/pixels';
import { test } from './support/test';

/** Fewer pixels than this is noise (a stray antialiased edge), not a drawn layer. */
const MIN_PIXELS = 200;

describe('loading the app', () => {
  test('every layer goes live, the base map and every domain are drawn', async ({ session }) => {
    const { page } = session;
    await openApp(page);

    await expect.poll(() => page.getByTestId('city-name').textContent()).toMatch(/\S/);
    expect(await page.getByTestId('error-notice').count()).toBe(0);
    for (const id of LAYER_IDS) {
      expect.soft(await layerStatus(page, id).getAttribute('data-phase'), id).toBe('live');
      expect.soft(await layerStatus(page, id).getAttribute('data-stale'), id).toBe('false');
    }
    await session.screenshot('all layers');

    // Each domain alone over the base map draws in its own colours.
    const drawn = await pixelsPerDomain(page);
    for (const id of DOMAIN_IDS)
      expect.soft(drawn.get(id), `pixels in ${id}'s colours`).toBeGreaterThan(MIN_PIXELS);

    // With every domain off, the base map alone is a map, not a blank.
    const basemap = await countMapColors(page, BASEMAP_PALETTES, { tolerance: BASEMAP_TOLERANCE });
    for (const [name, count] of Object.entries(basemap.counts)) {
      expect.soft(count, `base-map ${name} pixels`).toBeGreaterThan(MIN_PIXELS);
    }
    const { bbox } = (await servedCatalog(page)).city;
    const [southWest, northEast] = [
      await project(page, [bbox[0], bbox[1]]),
      await project(page, [bbox[2], bbox[3]]),
    ];
    const town = {
      x: southWest.canvas.x,
      y: northEast.canvas.y,
      width: northEast.canvas.x - southWest.canvas.x,
      height: southWest.canvas.y - northEast.canvas.y,
    };
    const inTown = await countMapColors(page, {}, { region: town, background: BASEMAP_BACKGROUND });
    expect(
      inTown.nonBackground / inTown.total,
      'share of the town that is drawn, not background',
    ).toBeGreaterThan(0.5);
  });

  test('a page that is leaving starts no read the demo backend would not answer', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    // The embedded backend's service worker stops answering a page at `beforeunload`; until the
    // next document arrives the page's polls would go past it, to the static server.
    const missed: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/') && !response.fromServiceWorker())
        missed.push(`${response.status()} ${response.url()}`);
    });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeunload')));
    // Longer than the quickest poll (the alarms, every 5 s).
    await page.waitForTimeout(7_000);
    expect(missed).toEqual([]);
  });
});
