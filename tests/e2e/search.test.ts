/**
 * Search (Ctrl+K) finds a feature by its name, in Chinese as in English, and Enter takes the
 * operator there: the map flies to it and its details open.
 */
import { describe, expect } from 'vitest';
import { camera, openApp, project } from './support/app';
import { featureName, lineMidpoint, servedFeatures } from './support/city';
import { test } from './support/test';

describe('search', () => {
  test('Ctrl+K finds a street by name and by id; Enter flies to it and shows its details', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    const roads = (await servedFeatures(page, 'traffic.roads')).features;
    // A local street far from the centre, so the flight is a real move.
    const road = roads[Math.floor(roads.length * 0.9)]!;
    const zh = featureName(road, 'zh');
    const before = await camera(page);

    await page.keyboard.press('Control+k');
    const input = page.getByTestId('search-input');
    await input.waitFor();
    // By its Chinese name: every segment of the street is offered.
    await input.fill(zh);
    await expect.poll(() => page.getByTestId('search-result').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('search-result').first().textContent()).toContain(
      featureName(road, 'en'),
    );
    // By its id: that very segment.
    await input.fill(String(road.id));
    await expect.poll(() => page.getByTestId('search-result').count()).toBe(1);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('search-dialog').count()).toBe(0);

    await expect
      .poll(() => page.getByTestId('details-title').textContent())
      .toBe(featureName(road, 'en'));
    await expect
      .poll(() => page.evaluate(() => window.__cityopsMap!.isMoving()), {
        message: 'the flight ends',
      })
      .toBe(false);
    expect((await camera(page)).zoom).toBeGreaterThan(before.zoom + 1);
    // The street is in view, between the layer panel and the alarm centre.
    const { canvas } = await project(page, lineMidpoint(road));
    const width = await page.evaluate(() => window.__cityopsMap!.getCanvas().clientWidth);
    const height = await page.evaluate(() => window.__cityopsMap!.getCanvas().clientHeight);
    expect(canvas.x).toBeGreaterThan(300);
    expect(canvas.x).toBeLessThan(width - 370);
    expect(canvas.y).toBeGreaterThan(0);
    expect(canvas.y).toBeLessThan(height);
  });
});
