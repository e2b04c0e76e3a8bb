/**
 * Mount → unmount → mount again. The production build mounts the map once per page load and has
 * no in-page way to unmount it (a reload starts a fresh page, which proves nothing about
 * cleanup). The development build runs under React StrictMode, which mounts every component,
 * unmounts it and mounts it again in the same page: exactly the sequence to test. So this one
 * test runs against Vite's dev server and checks that the second map is the only one left, that
 * the first one gave its WebGL context back, and that the map that remains works.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { openApp, showOnly } from './support/app';
import { pixelsPerDomain } from './support/palettes';
import { DEV_PORT, PROJECT_ROOT } from './support/paths';
import { focusRoad, longestArterial } from './support/roads';
import { startViteServer, type RunningServer } from './support/server';
import { test } from './support/test';

declare global {
  interface Window {
    /** Every canvas that got a WebGL context, in order, with its context (see `recordWebglContexts`). */
    __e2eWebglContexts?: {
      canvas: HTMLCanvasElement;
      gl: WebGLRenderingContext | WebGL2RenderingContext;
    }[];
  }
}

/** Runs in the page before its scripts: remembers every canvas that gets a WebGL context. */
function recordWebglContexts(): void {
  const original = HTMLCanvasElement.prototype.getContext;
  const seen: NonNullable<Window['__e2eWebglContexts']> = [];
  window.__e2eWebglContexts = seen;
  HTMLCanvasElement.prototype.getContext = function getContext(
    this: HTMLCanvasElement,
    ...args: unknown[]
  ) {
    const context: unknown = Reflect.apply(original, this, args);
    const isWebgl =
      context instanceof WebGLRenderingContext || context instanceof WebGL2RenderingContext;
    if (isWebgl && !seen.some((entry) => entry.canvas === this))
      seen.push({ canvas: this, gl: context });
    return context;
  } as typeof original;
}

/** The dev server compiles on demand and pre-bundles dependencies on first start. */
const DEV_SERVER_START_MS = 120_000;

describe('the map under React StrictMode (development build)', () => {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startViteServer({
      mode: 'dev',
      port: DEV_PORT,
      root: PROJECT_ROOT,
      configFile: 'tests/e2e/support/vite-dev.config.ts',
      readyTimeoutMs: DEV_SERVER_START_MS,
    });
  }, DEV_SERVER_START_MS);
  afterAll(async () => {
    await server?.stop();
  });

  test('mount, unmount and mount again leave one working map and release the first', async ({
    session,
  }) => {
    const { page } = session;
    if (!server) throw new Error('the dev server did not start');
    await session.context.addInitScript(recordWebglContexts);
    await openApp(page, { baseUrl: server.url });

    const maps = await page.evaluate(() => {
      const live = window.__cityopsMap?.getCanvas() ?? null;
      return (window.__e2eWebglContexts ?? [])
        .filter((entry) => entry.canvas.classList.contains('maplibregl-canvas'))
        .map((entry) => ({
          live: entry.canvas === live,
          connected: entry.canvas.isConnected,
          lost: entry.gl.isContextLost(),
        }));
    });
    expect(maps.length, 'maps created (StrictMode mounts twice)').toBeGreaterThanOrEqual(2);
    expect(maps.at(-1), 'the last map created is the live one').toEqual({
      live: true,
      connected: true,
      lost: false,
    });
    for (const [index, map] of maps.slice(0, -1).entries()) {
      expect(
        map,
        `map ${index + 1} of ${maps.length}: removed, its WebGL context released`,
      ).toEqual({ live: false, connected: false, lost: true });
    }
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);

    // The map that remains draws every domain and answers the mouse.
    for (const [domain, count] of await pixelsPerDomain(page))
      expect.soft(count, `pixels in ${domain}'s colours`).toBeGreaterThan(200);
    await showOnly(page, ['traffic.roads']);
    const road = await focusRoad(page, await longestArterial(page));
    await page.mouse.move(road.mouse.x, road.mouse.y);
    await expect.poll(() => page.getByTestId('map-tooltip').textContent()).toContain(road.name);
  });
});
