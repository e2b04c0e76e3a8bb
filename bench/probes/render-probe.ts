/**
 * What a page costs to draw, read the same way on the app and on its baselines: when its first
 * complete frame was done (every default layer live, handed to the map and drawn, the GPU
 * finished), and what one frame costs while the same pan and zoom gestures move the camera (the
 * interval between drawn frames, and the main thread's busy time per drawn frame from Chromium's
 * own task accounting, which is the CPU-side part: drawing itself happens in the GPU process,
 * here in software).
 */
import type { CDPSession, Page } from 'playwright-core';
import { settleMap } from '../../tests/e2e/support/pixels';
import { median } from '../stats';

export type PageKind = 'app' | 'deck' | 'maplibre';

/** A cold start of the largest preset in software WebGL on two cores. */
const FIRST_FRAME_TIMEOUT_MS = 600_000;
/**
 * A settled picture after the gestures (not measured): at the largest preset a software-drawn
 * frame takes seconds, and the tiles of the zooms passed through load behind them.
 */
const SETTLE_TIMEOUT_MS = 300_000;

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
  /** Median time from one drawn frame to the next while the camera moves. */
  readonly frameMs: number;
  /**
   * Main-thread busy time (all tasks: the app's, MapLibre's and deck.gl's) per camera step, each
   * step one input and one drawn frame: per step rather than per drawn frame, because a page
   * that draws extra frames of its own (pulsing alarms) would otherwise look cheaper per frame.
   */
  readonly cpuMsPerFrame: number;
  /** The same busy time per frame the map drew (the app also draws frames of its own). */
  readonly cpuMsPerDrawnFrame: number;
  readonly frames: number;
}

async function taskSeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  const task = metrics.find((metric) => metric.name === 'TaskDuration');
  if (!task) throw new Error('Performance.getMetrics has no TaskDuration');
  return task.value;
}

/**
 * Resolves once the map has drawn more than `seen` frames since the frame log started (or after
 * a while, if the input changed nothing), with the count: counting frames rather than waiting
 * for the next one, a frame drawn before the wait began is not missed.
 */
function framesAfter({ seen, timeoutMs }: { seen: number; timeoutMs: number }): Promise<number> {
  const log = window.__benchFrameLog;
  if (!log) throw new Error('no frame log was started');
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      if (log.frames.length > seen || performance.now() - started > timeoutMs)
        resolve(log.frames.length);
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** Starts noting the time of every frame the map draws. */
function startFrameLog(): void {
  const map = window.__cityopsMap;
  if (!map) throw new Error('window.__cityopsMap is not set');
  const frames: number[] = [];
  const note = () => frames.push(performance.now());
  map.on('render', note);
  window.__benchFrameLog = { frames, stop: () => map.off('render', note) };
}

function stopFrameLog(): number[] {
  const log = window.__benchFrameLog;
  if (!log) throw new Error('no frame log was started');
  log.stop();
  delete window.__benchFrameLog;
  return log.frames;
}

declare global {
  interface Window {
    __benchFrameLog?: { frames: number[]; stop: () => void };
  }
}

/** A frame in software WebGL can take seconds at the largest preset. */
const FRAME_WAIT_MS = 10_000;

/**
 * The same gestures on every page, as an operator makes them, one input per drawn frame (the
 * frame log must be running): a drag
 * around a circle of a fifth of the canvas (hovering over the features on the way, as a real
 * pointer does), then the wheel, zooming in and back out. Mouse input rather than camera calls:
 * a gesture is one move from start to end, as the map and the app see it.
 */
async function gestures(page: Page, steps: number): Promise<number> {
  const box = await page.evaluate(() => {
    const canvas = window.__cityopsMap?.getCanvas();
    if (!canvas) throw new Error('window.__cityopsMap is not set');
    const { left, top, width, height } = canvas.getBoundingClientRect();
    return { left, top, width, height };
  });
  const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const radius = 0.2 * Math.min(box.width, box.height);
  const drag = Math.ceil(steps / 2);
  let seen = await page.evaluate(() => window.__benchFrameLog?.frames.length ?? 0);
  const drawn = async () => {
    seen = await page.evaluate(framesAfter, { seen, timeoutMs: FRAME_WAIT_MS });
  };
  await page.mouse.move(middle.x, middle.y);
  await page.mouse.down();
  for (let k = 1; k <= drag; k++) {
    const angle = (2 * Math.PI * k) / drag;
    await page.mouse.move(
      middle.x + radius * Math.sin(angle),
      middle.y - radius * (1 - Math.cos(angle)),
    );
    await drawn();
  }
  await page.mouse.up();
  const wheel = steps - drag;
  for (let k = 0; k < wheel; k++) {
    await page.mouse.wheel(0, k < wheel / 2 ? -60 : 60);
    await drawn();
  }
  return drag + wheel;
}

/** The gestures once to warm up (shaders, tiles at new zooms), then once measured. */
export async function panAndZoom(page: Page, steps: number): Promise<PanResult> {
  await page.evaluate(startFrameLog);
  await gestures(page, Math.max(8, Math.round(steps / 4)));
  await page.evaluate(stopFrameLog);
  await settleMap(page, SETTLE_TIMEOUT_MS);
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable');
    await page.evaluate(startFrameLog);
    const before = await taskSeconds(session);
    const inputs = await gestures(page, steps);
    const after = await taskSeconds(session);
    const frames = await page.evaluate(stopFrameLog);
    // Not measured: reading a pixel back waits for the GPU, which is not the main thread's work.
    await settleMap(page, SETTLE_TIMEOUT_MS);
    const intervals = frames.slice(1).map((at, k) => at - frames[k]!);
    return {
      frameMs: median(intervals),
      cpuMsPerFrame: ((after - before) * 1000) / inputs,
      cpuMsPerDrawnFrame: ((after - before) * 1000) / Math.max(1, frames.length),
      frames: frames.length,
    };
  } finally {
    await session.detach().catch(() => undefined);
  }
}
