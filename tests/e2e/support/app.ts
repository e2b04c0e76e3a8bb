/**
 * Driving the CityOps page the way an operator does (layer panel, language buttons, mouse on the
 * map), plus the few hooks the app exposes for tests (`window.__cityopsMap`,
 * `window.__cityopsMock`). Everything waits for a visible state, never for a fixed time.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DOMAINS } from '../../../src/app/domains';
import type { LayerPhase } from '../../../src/map/layer-sources';
import { settleMap, type Rgba } from './pixels';

/**
 * The domains and layers of this build, taken from the app's own list (src/app/domains.ts), so
 * a new domain or layer is covered by every test that goes through them all.
 */
export type LayerId = string;
export type DomainId = string;
export const DOMAIN_IDS: readonly DomainId[] = DOMAINS.map((domain) => domain.id);
export const LAYER_IDS: readonly LayerId[] = DOMAINS.flatMap((domain) =>
  domain.layers.map((layer) => layer.id),
);

export function layersOf(domain: DomainId): LayerId[] {
  return (
    DOMAINS.find((candidate) => candidate.id === domain)?.layers.map((layer) => layer.id) ?? []
  );
}

/** The catalog dataset a layer draws. */
export function datasetOf(id: LayerId): string {
  const layer = DOMAINS.flatMap((domain) => domain.layers).find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no layer ${id} in this build`);
  return layer.dataset;
}

/** Layers that animate (pulsing alarms): no two frames of them are alike. */
export function isAnimated(id: LayerId): boolean {
  return DOMAINS.some((domain) => domain.layers.some((layer) => layer.id === id && layer.animated));
}

/** Loading every layer in software WebGL on two cores takes a while on a cold start. */
const LOAD_TIMEOUT_MS = 90_000;

export interface OpenOptions {
  /** Extra URL parameters, e.g. `{ mockFaults: 'fire.hydrants:500' }`. */
  readonly query?: Readonly<Record<string, string>>;
  /** Layers that must be live before the test goes on (default: all). */
  readonly live?: readonly LayerId[];
  /** Base URL of the server (default: the production build served for this run). */
  readonly baseUrl?: string;
}

/**
 * The town preset (public/demo-town.config.json): every layer of the city, at a size that software
 * WebGL on two cores draws in seconds.
 */
const TEST_CONFIG = '/demo-town.config.json';

export function appUrl(options: Pick<OpenOptions, 'query' | 'baseUrl'> = {}): string {
  const url = new URL(options.baseUrl ?? inject('baseUrl'));
  url.searchParams.set('config', TEST_CONFIG);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  return url.href;
}

/**
 * Serves the page the test config with `patch` merged into it, for this page's loads from now on
 * (a setting the tests' config file leaves at its default).
 */
export async function patchConfig(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.route(`**${TEST_CONFIG}`, async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...config, ...patch } });
  });
}

/** Opens the app and waits for the map to be ready and the given layers to be live. */
export async function openApp(page: Page, options: OpenOptions = {}): Promise<void> {
  await page.goto(appUrl(options));
  await waitForApp(page, options.live ?? LAYER_IDS);
}

/** After a navigation or reload: the map is ready and the layers are live, drawn and settled. */
export async function waitForApp(page: Page, live: readonly LayerId[] = LAYER_IDS): Promise<void> {
  await page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: LOAD_TIMEOUT_MS });
  for (const id of live) await waitForLayerPhase(page, id, 'live', LOAD_TIMEOUT_MS);
  await settleMap(page);
}

export function layerRow(page: Page, id: LayerId): Locator {
  return page.locator(`[data-testid="layer-${id}"]`);
}

export function layerStatus(page: Page, id: LayerId): Locator {
  return layerRow(page, id).getByTestId('layer-status');
}

/**
 * Waits for the layer's next observation to reach the page, polled or pushed by the stream: the
 * time its status line says the data was observed moves on.
 */
export async function waitForNewObservation(
  page: Page,
  id: LayerId,
  timeoutMs = 30_000,
): Promise<void> {
  const status = layerStatus(page, id);
  const before = await status.getAttribute('data-observed-at');
  await expect
    .poll(() => status.getAttribute('data-observed-at'), {
      timeout: timeoutMs,
      message: `layer ${id} should get a newer observation`,
    })
    .not.toBe(before);
}

export async function waitForLayerPhase(
  page: Page,
  id: LayerId,
  phase: LayerPhase,
  timeoutMs = LOAD_TIMEOUT_MS,
): Promise<void> {
  await expect
    .poll(() => layerStatus(page, id).getAttribute('data-phase'), {
      timeout: timeoutMs,
      interval: 250,
      message: `layer ${id} should reach phase "${phase}"`,
    })
    .toBe(phase);
}

/** Ticks or unticks a layer's checkbox in the layer panel and waits for the map to redraw. */
export async function setLayerVisible(page: Page, id: LayerId, visible: boolean): Promise<void> {
  await layerRow(page, id).locator('input[type=checkbox]').setChecked(visible);
  await expect.poll(() => layerRow(page, id).getAttribute('data-visible')).toBe(String(visible));
  await settleMap(page);
}

/** The domain checkbox: all of a domain's layers at once. */
export async function setDomainVisible(page: Page, id: DomainId, visible: boolean): Promise<void> {
  await page
    .locator(`[data-testid="domain-${id}"] .domain-group__header input[type=checkbox]`)
    .setChecked(visible);
  await settleMap(page);
}

/** Leaves exactly `ids` visible. */
export async function showOnly(page: Page, ids: readonly LayerId[]): Promise<void> {
  for (const id of LAYER_IDS) {
    const want = ids.includes(id);
    if ((await layerRow(page, id).getAttribute('data-visible')) !== String(want)) {
      await layerRow(page, id).locator('input[type=checkbox]').setChecked(want);
    }
  }
  for (const id of LAYER_IDS) {
    await expect
      .poll(() => layerRow(page, id).getAttribute('data-visible'))
      .toBe(String(ids.includes(id)));
  }
  await settleMap(page);
}

export interface Camera {
  readonly center: readonly [number, number];
  readonly zoom: number;
  /** What the map container publishes after every move. */
  readonly dataCenter: string | null;
  readonly dataZoom: string | null;
}

export async function camera(page: Page): Promise<Camera> {
  return page.evaluate(() => {
    const map = window.__cityopsMap;
    if (!map) throw new Error('window.__cityopsMap is not set');
    const center = map.getCenter();
    const container = document.querySelector<HTMLElement>('[data-testid=map]');
    return {
      center: [center.lng, center.lat] as const,
      zoom: map.getZoom(),
      dataCenter: container?.dataset['center'] ?? null,
      dataZoom: container?.dataset['zoom'] ?? null,
    };
  });
}

/** Moves the camera without animation and waits for the new view to be drawn. */
export async function jumpTo(
  page: Page,
  center: readonly [number, number],
  zoom: number,
): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) => {
      const map = window.__cityopsMap;
      if (!map) throw new Error('window.__cityopsMap is not set');
      map.jumpTo({ center: [center[0], center[1]], zoom });
    },
    { center: [center[0], center[1]] as const, zoom },
  );
  await settleMap(page);
}

/** Where a longitude/latitude is on the map canvas (canvas pixels) and on the page (for the mouse). */
export async function project(
  page: Page,
  lngLat: readonly [number, number],
): Promise<{ canvas: { x: number; y: number }; page: { x: number; y: number } }> {
  return page.evaluate(
    (position) => {
      const map = window.__cityopsMap;
      if (!map) throw new Error('window.__cityopsMap is not set');
      const point = map.project([position[0], position[1]]);
      const box = map.getCanvas().getBoundingClientRect();
      return {
        canvas: { x: point.x, y: point.y },
        page: { x: box.left + point.x, y: box.top + point.y },
      };
    },
    [lngLat[0], lngLat[1]] as const,
  );
}

/** Moves the mouse off the map (onto the layer panel's heading), clearing hover effects. */
export async function mouseOffMap(page: Page): Promise<void> {
  const box = await page.getByTestId('layer-panel').boundingBox();
  if (!box) throw new Error('the layer panel is not on the page');
  await page.mouse.move(box.x + 10, box.y + 10);
}

/**
 * The colours a layer's legend promises, read from the legend swatches on the page, as the layer
 * draws them: each swatch's opacity times the layer's opacity slider, as alpha 0-255. The legend
 * is shown only while its layer is visible.
 */
export async function legendColors(page: Page, id: LayerId): Promise<Rgba[]> {
  const row = layerRow(page, id);
  const colors = await row
    .locator('.legend__swatch')
    .evaluateAll((swatches) => swatches.map((swatch) => getComputedStyle(swatch).color));
  const opacity = Number(await row.locator('input[type=range]').inputValue());
  const unique: Rgba[] = [];
  for (const color of colors) {
    const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(color);
    if (!match) continue;
    const alpha = Math.round(Number(match[4] ?? 1) * opacity * 255);
    const rgba: Rgba = [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
    if (!unique.some((known) => known.every((channel, i) => channel === rgba[i])))
      unique.push(rgba);
  }
  if (unique.length === 0) throw new Error(`layer ${id} shows no legend colour`);
  return unique;
}

/** Selects the feature under `point` as an operator does: onto it (its tooltip shows), then a click. */
export async function selectAt(
  page: Page,
  point: { readonly x: number; readonly y: number },
): Promise<void> {
  await page.mouse.move(point.x, point.y);
  await page.getByTestId('map-tooltip').waitFor();
  await page.mouse.click(point.x, point.y);
  await page.getByTestId('details-panel').waitFor();
}
