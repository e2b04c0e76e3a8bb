/**
 * The language switch: zh-CN changes the panels and the map's own labels, Chinese renders as
 * Chinese glyphs (not boxes), and the choice survives a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { trafficMessages } from '../../src/domains/traffic/messages';
import { fonts } from '../../src/ui/theme';
import { jumpTo, layerRow, openApp, project, showOnly, waitForApp } from './support/app';
import { servedBasemap } from './support/city';
import { renderGlyphs } from './support/glyphs';
import { changedPixels, settleMap, snapshotMap, type Region } from './support/pixels';
import { test } from './support/test';

const HAN = /\p{Script=Han}/u;
/** A 16-pixel district name in one language against the other: many pixels change. */
const MIN_LABEL_CHANGE = 150;

function layerTitle(page: Page) {
  return layerRow(page, 'traffic.roads').locator('.layer-row__title');
}

/** The map around a district label, base map only, settled and kept as `name`. */
async function snapshotLabel(
  page: Page,
  position: readonly [number, number],
  name: string,
): Promise<Region> {
  await jumpTo(page, position, 14.5);
  const { canvas } = await project(page, position);
  await snapshotMap(page, name);
  return { x: canvas.x - 100, y: canvas.y - 20, width: 200, height: 40 };
}

describe('language', () => {
  test('switching to Chinese changes panels and map labels, renders real glyphs, and is remembered', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    const en = trafficMessages.en.layers.roads;
    const zh = trafficMessages['zh-CN'].layers.roads;
    expect(await layerTitle(page).textContent()).toBe(en);
    expect(await page.getByTestId('language-en').getAttribute('aria-pressed')).toBe('true');

    const basemap = await servedBasemap(page);
    const district = basemap.labels.find((label) => label.kind === 'district');
    if (!district) throw new Error('the served base map has no district label');
    const position = [district.position[0], district.position[1]] as const;
    // Base map and its labels only: nothing else on the map changes with the language.
    await showOnly(page, []);
    const region = await snapshotLabel(page, position, 'en');
    await settleMap(page);
    await snapshotMap(page, 'en again');
    const noise = await changedPixels(page, 'en', 'en again', { region });

    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => layerTitle(page).textContent()).toBe(zh);
    expect(await page.getByRole('checkbox', { name: `显示${zh}` }).count()).toBe(1);
    expect(await page.getByTestId('city-name').textContent()).toMatch(HAN);
    await snapshotLabel(page, position, 'zh');
    const labelChange = await changedPixels(page, 'en', 'zh', { region });
    expect(labelChange, `pixels of "${district.text.en}" → "${district.text.zh}"`).toBeGreaterThan(
      Math.max(MIN_LABEL_CHANGE, 10 * noise),
    );
    await session.screenshot('zh');

    // Real glyphs, in the panel's font and in the font the map draws its labels with.
    const panelFont = await layerTitle(page).evaluate(
      (element) => getComputedStyle(element).fontFamily,
    );
    for (const [where, fontFamily] of [
      ['panel', panelFont],
      ['map', fonts.map],
    ] as const) {
      const { glyphs, distinct } = await renderGlyphs(page, `${zh}${district.text.zh}`, fontFamily);
      for (const glyph of glyphs) {
        expect
          .soft(glyph.likeMissing, `${where}: "${glyph.character}" drawn as a missing glyph`)
          .toBe(false);
        expect.soft(glyph.inked, `${where}: ink of "${glyph.character}"`).toBeGreaterThan(30);
      }
      expect
        .soft(distinct, `${where}: distinct renderings of distinct characters`)
        .toBe(glyphs.length);
    }

    await page.reload();
    // Layer visibility is remembered too: every layer is still off, so none has data to wait for.
    await waitForApp(page, []);
    // With no layer to wait for, the base map (and its labels) may still be on its way.
    await page.locator('[data-testid=map][data-basemap=ready]').waitFor();
    expect(await layerTitle(page).textContent()).toBe(zh);
    expect(await page.getByTestId('language-zh-CN').getAttribute('aria-pressed')).toBe('true');
    // The map's labels came back in Chinese too: switching to English now changes them.
    const reloadedRegion = await snapshotLabel(page, position, 'zh after reload');
    await page.getByTestId('language-en').click();
    await expect.poll(() => layerTitle(page).textContent()).toBe(en);
    await snapshotLabel(page, position, 'en after reload');
    expect(
      await changedPixels(page, 'zh after reload', 'en after reload', { region: reloadedRegion }),
    ).toBeGreaterThan(Math.max(MIN_LABEL_CHANGE, 10 * noise));
  });
});
