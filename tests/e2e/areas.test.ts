/**
 * Drilling down the areas: district, then sub-district, then grid cell. Each choice fits the map
 * to the area and filters the alarm list to it; the alarms-by-area shading draws over the map.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { camera, openApp } from './support/app';
import { changedPixels, settleMap, snapshotMap } from './support/pixels';
import { test } from './support/test';

async function settled(page: Page) {
  await expect.poll(() => page.evaluate(() => window.__cityopsMap!.isMoving())).toBe(false);
  await settleMap(page);
}

describe('areas', () => {
  test('district → sub-district → grid cell: the map follows and the alarm list filters', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    const rows = page.getByTestId('alarm-row');
    const allRows = await rows.count();
    const city = await camera(page);

    const district = page.getByTestId('area-select-district');
    const first = await district.locator('option').nth(1).getAttribute('value');
    await district.selectOption(first!);
    await settled(page);
    const inDistrict = await camera(page);
    expect(inDistrict.zoom).toBeGreaterThan(city.zoom);
    expect(await rows.count()).toBeLessThanOrEqual(allRows);

    const sub = page.getByTestId('area-select-subdistrict');
    await sub.selectOption((await sub.locator('option').nth(1).getAttribute('value'))!);
    await settled(page);
    const grid = page.getByTestId('area-select-grid');
    await grid.selectOption((await grid.locator('option').nth(1).getAttribute('value'))!);
    await settled(page);
    expect((await camera(page)).zoom).toBeGreaterThan(inDistrict.zoom);
    expect(new URL(page.url()).searchParams.get('area')).toMatch(/-g\d+$/);

    // Back to the whole city in one click.
    await page.getByTestId('area-city').click();
    await settled(page);
    expect(await page.getByTestId('area-select-subdistrict').count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(allRows);

    await snapshotMap(page, 'plain');
    await page.getByTestId('area-choropleth').check();
    await settleMap(page);
    await snapshotMap(page, 'shaded');
    expect(
      await changedPixels(page, 'plain', 'shaded'),
      'districts shaded by their alarms',
    ).toBeGreaterThan(1000);
  });
});
