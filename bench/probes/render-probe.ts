/**
 * What a page costs to draw, read the same way on the app and on its baselines: when its first
 * complete frame was done (every default layer live, handed to the map and drawn, the GPU
 * finished), and what one frame costs along a deterministic camera path (the frame interval,
 * and the main thread's busy time per frame from Chromium's own task accounting, which is the
 * CPU-side part: drawing itself happens in the GPU process, here in software).
 */
import type { CDPSession, Page } from 'playwright-core';
import { settleMap } from '../../tests/e2e/support/pixels';
import { median } from '../stats';

export type PageKind = 'app' | 'deck' | 'maplibre';

/** A cold start of the largest preset in software WebGL on two cores. */
const FIRST_FRAME_TIMEOUT_MS = 600_000;

/** Ready to be drawn: the app's map and every visible layer live; a baseline says so itself. */
async function waitForData(page: Page, kind: PageKind, timeoutMs: number): Promise<void> {
  if (kind === 'app') {
    await page.waitForFunction(
      () => {
        if (!document.querySelector('[data-testid=map][data-ready=true]')) return false;
        const rows = [...document.querySelectorAll('[data-testid^="layer-"][data-visible=true]')];
        return (
          rows.length > 0 &&
          rows.every(
            (row) =>
              row.querySelector('[data-testid=layer-status]')?.getAttribute('data-phase') ===
              'live',
          )
        );
      },
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    );
    return;
  }
  await page.waitForFunction(
    () => {
      if (window.__benchError) throw new Error(window.__benchError);
      return window.__benchReady === true && window.__cityopsMap !== undefined;
    },
    undefined,
    { polling: 'raf', timeout: timeoutMs },
  );
}

/** Milliseconds from the navigation's start to the first complete frame. */
export async function firstCompleteFrame(page: Page, kind: PageKind): Promise<number> {
  await waitForData(page, kind, FIRST_FRAME_TIMEOUT_MS);
  await settleMap(page, FIRST_FRAME_TIMEOUT_MS);
  return page.evaluate(() => performance.now());
}

export interface CameraStart {
  readonly center: readonly [number, number];
  readonly zoom: number;
}

export async function readCamera(
  page: Page,
): Promise<CameraStart & { width: number; height: number }> {
  return page.evaluate(() => {
    const map = window.__cityopsMap;
    if (!map) throw new Error('window.__cityopsMap is not set');
    const { lng, lat } = map.getCenter();
    const canvas = map.getCanvas();
    return {
      center: [lng, lat] as const,
      zoom: map.getZoom(),
      width: canvas.clientWidth,
      height: canvas.clientHeight,
    };
  });
}

/** The WebGL renderer the page draws with (e.g. llvmpipe), recorded with the results. */
export async function rendererName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
}

export interface PanResult {
  /** Median time from one frame to the next while the camera moves. */
  readonly frameMs: number;
  /** Main-thread busy time per frame (all tasks: the app's and MapLibre's and deck.gl's). */
  readonly cpuMsPerFrame: number;
  readonly frames: number;
}

async function taskSeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  const task = metrics.find((metric) => metric.name === 'TaskDuration');
  if (!task) throw new Error('Performance.getMetrics has no TaskDuration');
  return task.value;
}

/**
 * Moves the camera once per animation frame along the same path on every page: a circle of a
 * fifth of the canvas around the start, zooming in and out by ¾ of a level on the way.
 */
function driveCamera(steps: number): Promise<number[]> {
  const map = window.__cityopsMap;
  if (!map) throw new Error('window.__cityopsMap is not set');
  const canvas = map.getCanvas();
  const radius = 0.2 * Math.min(canvas.clientWidth, canvas.clientHeight);
  const middle = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
  const zoom = map.getZoom();
  const path = Array.from({ length: steps + 1 }, (_, k) => {
    const angle = (2 * Math.PI * k) / steps;
    const at = map.unproject([
      middle.x + radius * Math.sin(angle),
      middle.y - radius * (1 - Math.cos(angle)),
    ]);
    return { center: at, zoom: zoom + 0.75 * Math.sin(2 * angle) };
  });
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let k = 0;
    let last = 0;
    const step = (now: number) => {
      if (k > 0) intervals.push(now - last);
      last = now;
      const next = path[k++];
      if (!next) {
        resolve(intervals);
        return;
      }
      map.jumpTo(next);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** The path once to warm up (shaders, tiles at new zooms), then once measured. */
export async function panAndZoom(page: Page, steps: number): Promise<PanResult> {
  await page.evaluate(driveCamera, Math.max(8, Math.round(steps / 4)));
  await settleMap(page);
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable');
    const before = await taskSeconds(session);
    const intervals = await page.evaluate(driveCamera, steps);
    const after = await taskSeconds(session);
    return {
      frameMs: median(intervals),
      cpuMsPerFrame: ((after - before) * 1000) / steps,
      frames: intervals.length,
    };
  } finally {
    await session.detach().catch(() => undefined);
  }
}
