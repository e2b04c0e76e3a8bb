/**
 * Drilling down the areas: district, then sub-district, then grid cell. Each choice fits the map
 * to the area and filters the alarm list and the figures to it; the areas can be shaded by a
 * figure and chosen by clicking them on the map.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { areasSchema } from '../../src/data/schemas';
import { camera, openApp, project, showOnly } from './support/app';
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
    await page.getByTestId('area-shading').selectOption('traffic.congestion-index');
    await settleMap(page);
    await snapshotMap(page, 'shaded');
    expect(
      await changedPixels(page, 'plain', 'shaded'),
      'districts shaded by their congestion index',
    ).toBeGreaterThan(1000);
  });

  test('a shaded district is chosen by clicking it on the map', async ({ session }) => {
    const { page } = session;
    await openApp(page);
    const congestion = page.locator('[data-testid=kpi-tile][data-kpi="traffic.congestion-index"]');
    await expect.poll(() => congestion.getAttribute('data-value')).not.toBe('');
    const cityFigure = await congestion.getAttribute('data-value');
    // Nothing but the shaded areas under the pointer.
    await showOnly(page, []);
    await page.getByTestId('area-shading').selectOption('alarms');
    await settleMap(page);

    const areas = areasSchema.parse(
      await page.evaluate(async () => (await fetch('/api/v1/areas')).json() as Promise<unknown>),
    );
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    // A district whose middle is in the open part of the map (not under a panel).
    let target: { id: string; x: number; y: number } | null = null;
    for (const area of areas.features.filter((a) => a.properties.level === 'district')) {
      if (area.geometry.type !== 'Polygon') continue;
      const ring = area.geometry.coordinates[0]!;
      const lng = ring.reduce((sum, p) => sum + p[0]!, 0) / ring.length;
      const lat = ring.reduce((sum, p) => sum + p[1]!, 0) / ring.length;
      const { page: point } = await project(page, [lng, lat]);
      const open =
        point.x > mapBox.x + 340 &&
        point.x < mapBox.x + mapBox.width - 400 &&
        point.y > mapBox.y + 120 &&
        point.y < mapBox.y + mapBox.height - 180;
      if (open) {
        target = { id: String(area.id), ...point };
        break;
      }
    }
    expect(target, 'a district in the open part of the map').not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await settled(page);
    await expect.poll(() => page.getByTestId('area-select-district').inputValue()).toBe(target!.id);
    expect(new URL(page.url()).searchParams.get('area')).toBe(target!.id);
    // The figures follow the area.
    await expect.poll(() => congestion.getAttribute('data-value')).not.toBe(cityFigure);
  });
});
