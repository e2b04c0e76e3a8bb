/**
 * A GPU reset on a wall screen that runs for days: the map's WebGL context is lost (forced here
 * with WEBGL_lose_context). The map says so over itself, the rest of the page carries on, and
 * the map comes back by itself, without a page reload: where it was, drawing the same data.
 * Once with the browser restoring the context, once with the browser never giving it back.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { layerRow, openApp, waitForApp } from './support/app';
import { servedCatalog } from './support/city';
import { BASEMAP_BACKGROUND } from './support/palettes';
import { changedPixels, countMapColors, settleMap, snapshotMap } from './support/pixels';
import { test } from './support/test';

declare global {
  interface Window {
    /** Set by the test on the page: still there afterwards means the page was not reloaded. */
    __e2eNoReload?: string;
    /** The extension of the context the test lost, kept to restore it (a lost context hands out none). */
    __e2eLoseContext?: WEBGL_lose_context;
    /** The map whose context the test lost. */
    __e2eLostMap?: Window['__cityopsMap'];
  }
}

/** Bearing and pitch too: the recreated map must not fall back to a flat, north-up view. */
interface FullCamera {
  readonly center: readonly [number, number];
  readonly zoom: number;
  readonly bearing: number;
  readonly pitch: number;
}

async function fullCamera(page: Page): Promise<FullCamera> {
  return page.evaluate(() => {
    const map = window.__cityopsMap;
    if (!map) throw new Error('window.__cityopsMap is not set');
    const center = map.getCenter();
    return {
      center: [center.lng, center.lat] as const,
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
    };
  });
}

/** A view that is not the start view: off the city's centre, closer, turned and tilted. */
async function moveToKnownView(page: Page): Promise<FullCamera> {
  const [west, south, east, north] = (await servedCatalog(page)).city.bbox;
  const view = {
    center: [west + (east - west) * 0.45, south + (north - south) * 0.55] as const,
    zoom: 13.5,
    bearing: 15,
    pitch: 20,
  };
  await page.evaluate((camera) => {
    const map = window.__cityopsMap;
    if (!map) throw new Error('window.__cityopsMap is not set');
    map.jumpTo({ ...camera, center: [camera.center[0], camera.center[1]] });
  }, view);
  await settleMap(page);
  return fullCamera(page);
}

function expectSameCamera(actual: FullCamera, expected: FullCamera): void {
  expect(actual.center[0], 'longitude').toBeCloseTo(expected.center[0], 6);
  expect(actual.center[1], 'latitude').toBeCloseTo(expected.center[1], 6);
  expect(actual.zoom, 'zoom').toBeCloseTo(expected.zoom, 4);
  expect(actual.bearing, 'bearing').toBeCloseTo(expected.bearing, 3);
  expect(actual.pitch, 'pitch').toBeCloseTo(expected.pitch, 3);
}

/** Marks the page, so that a reload (which would also "recover" the map) shows. */
async function markPage(page: Page): Promise<string> {
  const marker = `no-reload-${Date.now()}`;
  await page.evaluate((value) => {
    window.__e2eNoReload = value;
  }, marker);
  return marker;
}

/** Loses the live map's WebGL context, as a GPU reset would. */
async function loseMapContext(page: Page): Promise<void> {
  await page.evaluate(() => {
    const map = window.__cityopsMap;
    if (!map) throw new Error('window.__cityopsMap is not set');
    // The map's own context: asking a canvas for the kind it already has returns that one.
    const gl = map.getCanvas().getContext('webgl2');
    const extension = gl?.getExtension('WEBGL_lose_context');
    if (!extension) throw new Error('no WEBGL_lose_context on the map canvas');
    window.__e2eLoseContext = extension;
    window.__e2eLostMap = map;
    extension.loseContext();
  });
}

function mapContainer(page: Page) {
  return page.getByTestId('map');
}

function notice(page: Page) {
  return page.getByTestId('map-context-notice');
}

/** The page after recovery: the same page, one live map (a new one) and no notice. */
async function expectRecoveredInPlace(page: Page, marker: string): Promise<void> {
  expect(await page.evaluate(() => window.__e2eNoReload), 'marker set before the loss').toBe(
    marker,
  );
  const maps = await page.evaluate(() => {
    const map = window.__cityopsMap;
    const gl = map?.getCanvas().getContext('webgl2');
    return {
      replaced: map !== undefined && map !== window.__e2eLostMap,
      canvases: document.querySelectorAll('.maplibregl-canvas').length,
      lost: gl?.isContextLost() ?? null,
    };
  });
  expect(maps, 'a new map, alone, with a live context').toEqual({
    replaced: true,
    canvases: 1,
    lost: false,
  });
  expect(await notice(page).count(), 'the notice is gone').toBe(0);
}

/** Of the map's pixels, the share that differ between two kept frames. */
async function changedShare(page: Page, before: string, after: string): Promise<number> {
  const { total } = await countMapColors(page, {});
  return (await changedPixels(page, before, after)) / total;
}

/**
 * Same camera, same layers, same data: the frames before the loss and after the recovery are
 * alike (two settled frames of this view differ in no pixel; live values may recolour a few roads
 * in between). The data layers alone are about 14% of this view's pixels (measured with every
 * domain switched off), so a map that came back without them, or elsewhere, fails this.
 */
const MAX_CHANGED_SHARE = 0.02;

/**
 * A page load and a map created again, software-rendered in a tilted view (3D buildings): about
 * a minute on an idle machine, two when it is shared (beyond the default two minutes).
 */
const RECOVERY_TIMEOUT_MS = 180_000;

describe('WebGL context loss', () => {
  test(
    'the map recovers in place when the browser restores the context',
    { timeout: RECOVERY_TIMEOUT_MS },
    async ({ session }) => {
      const { page } = session;
      await openApp(page);
      const marker = await markPage(page);
      const view = await moveToKnownView(page);
      await snapshotMap(page, 'before loss');
      const drawnBefore = await countMapColors(page, {}, { background: BASEMAP_BACKGROUND });

      await loseMapContext(page);
      await notice(page).waitFor();
      expect(await notice(page).textContent()).toBe('Map display lost — restoring…');
      await expect.poll(() => mapContainer(page).getAttribute('data-ready')).toBe('false');
      await session.screenshot('notice');

      await page.evaluate(() => window.__e2eLoseContext?.restoreContext());
      await waitForApp(page);

      await expectRecoveredInPlace(page, marker);
      expectSameCamera(await fullCamera(page), view);
      await snapshotMap(page, 'after recovery');
      expect(
        await changedShare(page, 'before loss', 'after recovery'),
        'share of the map that changed across the loss',
      ).toBeLessThan(MAX_CHANGED_SHARE);
      const drawnAfter = await countMapColors(page, {}, { background: BASEMAP_BACKGROUND });
      expect(drawnAfter.nonBackground, 'pixels drawn, not background').toBeGreaterThan(
        0.9 * drawnBefore.nonBackground,
      );

      expect(session.problems, 'console errors, uncaught exceptions, dialogs').toEqual([]);
    },
  );

  test(
    'the map recovers by itself when the browser never restores the context',
    { timeout: RECOVERY_TIMEOUT_MS },
    async ({ session }) => {
      const { page } = session;
      await openApp(page);
      const marker = await markPage(page);
      const view = await moveToKnownView(page);
      await snapshotMap(page, 'before loss');

      await loseMapContext(page);
      await notice(page).waitFor();
      await expect.poll(() => mapContainer(page).getAttribute('data-ready')).toBe('false');
      // The rest of the page works meanwhile: the language switch (the notice follows it) and the
      // layer panel, which floats above the notice.
      await page.getByTestId('language-zh-CN').click();
      await expect.poll(() => notice(page).textContent()).toBe('地图显示中断，正在恢复…');
      await session.screenshot('notice in Chinese');
      const checkbox = layerRow(page, 'traffic.roads').locator('input[type=checkbox]');
      await checkbox.setChecked(false);
      await expect
        .poll(() => layerRow(page, 'traffic.roads').getAttribute('data-visible'))
        .toBe('false');
      await checkbox.setChecked(true);
      await expect
        .poll(() => layerRow(page, 'traffic.roads').getAttribute('data-visible'))
        .toBe('true');
      await page.getByTestId('language-en').click();

      // No restore: the map is recreated after a few seconds anyway.
      await waitForApp(page);
      expect(
        await page.evaluate(() =>
          window.__e2eLostMap?.getCanvas().getContext('webgl2')?.isContextLost(),
        ),
        'the old context was never restored',
      ).toBe(true);
      await expectRecoveredInPlace(page, marker);
      expectSameCamera(await fullCamera(page), view);
      await snapshotMap(page, 'after recovery');
      expect(
        await changedShare(page, 'before loss', 'after recovery'),
        'share of the map that changed across the loss',
      ).toBeLessThan(MAX_CHANGED_SHARE);

      expect(session.problems, 'console errors, uncaught exceptions, dialogs').toEqual([]);
    },
  );
});
