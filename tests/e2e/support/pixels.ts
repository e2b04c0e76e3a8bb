/**
 * Reading what the map actually drew. The map canvas keeps its drawing buffer
 * (`preserveDrawingBuffer`), so a settled frame can be copied into a 2D canvas and read back.
 * Colours on screen are blended (opacity, antialiasing, overlaps), so pixels are matched within a
 * tolerance and tests compare counts (before/after, on/off) rather than expect exact values.
 */
import type { Page } from 'playwright-core';

export type Rgb = readonly [number, number, number];
/** With alpha 0-255, as the layers draw with it. */
export type Rgba = readonly [number, number, number, number];

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ColorCountOptions {
  /** Largest per-channel difference that still counts as the colour. */
  readonly tolerance?: number;
  /** In map-canvas pixels; the whole canvas when omitted. */
  readonly region?: Region;
}

declare global {
  interface Window {
    /** Frames kept by `snapshotMap` inside the page, so comparing them never ships pixels out. */
    __e2eSnapshots?: Map<string, ImageData>;
  }
}

/** Default tolerance: absorbs antialiasing and rounding, far from the base map's dark blues. */
export const COLOR_TOLERANCE = 20;

/**
 * Waits until the map has drawn everything it was asked to: one animation frame (React's effects
 * have handed deck.gl its new layers), then the first frame drawn after that with every base-map
 * tile loaded and nothing of the base map still fading, every deck.gl layer loaded (a tiled layer:
 * its tiles in view) and made for the map's zoom, and the camera at rest (the page's updates held
 * while it moved applied: src/ui/camera-motion.ts), then a 1-pixel read, which returns only when
 * the GPU (here Mesa's llvmpipe, on the CPU) has finished that frame; without it the frame is
 * still being rasterised while the test goes on, and whatever touches the GPU next pays for it.
 * Not MapLibre's `idle`: while alarms pulse there is always a next frame pending, and `idle` can
 * take many frames to come.
 */
export async function settleMap(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.evaluate(async (timeout) => {
    const map = window.__cityopsMap;
    if (!map) throw new Error('window.__cityopsMap is not set: the map is not mounted');
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    await new Promise<void>((resolve, reject) => {
      // The app's map says whether it has been given its base map, its deck.gl layers whether
      // they have all they draw (a tiled layer, its tiles in view), and the map whether the
      // updates held while its camera moved have been applied; a page without the attributes (a
      // benchmark's baseline) has nothing to wait for.
      const container = map.getContainer().closest<HTMLElement>('[data-testid=map]');
      let frames = 0;
      const timer = setTimeout(() => {
        const state = container?.dataset ?? {};
        const waitingFor = [
          map.loaded() ? null : 'base map tiles or fades',
          state['basemap'] === 'loading' ? 'base map' : null,
          state['layersLoaded'] === 'false' ? `layers (${state['layersPending'] ?? '?'})` : null,
          state['cameraAtRest'] === 'false' ? 'camera at rest' : null,
        ].filter(Boolean);
        reject(
          new Error(
            `no complete map frame within ${timeout} ms (${frames} frames drawn; waiting for ` +
              `${waitingFor.join(', ') || 'a frame'})`,
          ),
        );
      }, timeout);
      // Read once the frame is done: in its `render` event MapLibre has not yet said whether it
      // needs more frames for what it is still fading (a dashed line's pattern cross-fades for
      // 300 ms after a jump across a whole zoom level), and `loaded()` is true in between.
      const afterFrame = () => queueMicrotask(check);
      const check = () => {
        frames++;
        if (
          !map.loaded() ||
          container?.dataset['basemap'] === 'loading' ||
          container?.dataset['layersLoaded'] === 'false' ||
          container?.dataset['cameraAtRest'] === 'false'
        ) {
          map.once('render', afterFrame);
          return;
        }
        clearTimeout(timer);
        resolve();
      };
      map.once('render', afterFrame);
      map.triggerRepaint();
    });
    const canvas = map.getCanvas();
    // The map's own context: asking a canvas for the kind it already has returns that one.
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }, timeoutMs);
}

/**
 * For each named palette, how many pixels of the map match any of its colours. Each pixel counts
 * once per palette. Also returns how many pixels are not the `background` colour.
 */
export async function countMapColors<K extends string>(
  page: Page,
  palettes: Readonly<Record<K, readonly Rgb[]>>,
  options: ColorCountOptions & { background?: Rgb } = {},
): Promise<{ counts: Record<K, number>; nonBackground: number; total: number }> {
  const result = await page.evaluate(
    ({ palettes, tolerance, region, background }) => {
      const map = window.__cityopsMap;
      if (!map) throw new Error('window.__cityopsMap is not set: the map is not mounted');
      const source = map.getCanvas();
      const area = region ?? { x: 0, y: 0, width: source.width, height: source.height };
      const canvas = document.createElement('canvas');
      canvas.width = area.width;
      canvas.height = area.height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2D canvas');
      context.drawImage(
        source,
        area.x,
        area.y,
        area.width,
        area.height,
        0,
        0,
        area.width,
        area.height,
      );
      const { data } = context.getImageData(0, 0, area.width, area.height);
      const names = Object.keys(palettes);
      const colors = names.map((name) => palettes[name] ?? []);
      const counts = names.map(() => 0);
      let nonBackground = 0;
      const near = (i: number, color: readonly number[]) =>
        Math.abs((data[i] ?? 0) - (color[0] ?? 0)) <= tolerance &&
        Math.abs((data[i + 1] ?? 0) - (color[1] ?? 0)) <= tolerance &&
        Math.abs((data[i + 2] ?? 0) - (color[2] ?? 0)) <= tolerance;
      for (let i = 0; i < data.length; i += 4) {
        if (background && !near(i, background)) nonBackground += 1;
        for (let p = 0; p < colors.length; p += 1) {
          if (colors[p]?.some((color) => near(i, color))) counts[p] = (counts[p] ?? 0) + 1;
        }
      }
      return { names, counts, nonBackground, total: data.length / 4 };
    },
    {
      palettes: palettes as Record<string, readonly Rgb[]>,
      tolerance: options.tolerance ?? COLOR_TOLERANCE,
      region: options.region ?? null,
      background: options.background ?? null,
    },
  );
  const counts = Object.fromEntries(
    result.names.map((name, i) => [name, result.counts[i] ?? 0]),
  ) as Record<K, number>;
  return { counts, nonBackground: result.nonBackground, total: result.total };
}

/** `#rrggbb` (the theme's base-map colours) to RGB. */
export function hexRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [
    parseInt(match[1] ?? '0', 16),
    parseInt(match[2] ?? '0', 16),
    parseInt(match[3] ?? '0', 16),
  ];
}

/** Keeps the map's current frame inside the page under `name`, for `changedPixels`. */
export async function snapshotMap(page: Page, name: string): Promise<void> {
  await page.evaluate((key) => {
    const map = window.__cityopsMap;
    if (!map) throw new Error('window.__cityopsMap is not set: the map is not mounted');
    const source = map.getCanvas();
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(source, 0, 0);
    window.__e2eSnapshots ??= new Map();
    window.__e2eSnapshots.set(key, context.getImageData(0, 0, canvas.width, canvas.height));
  }, name);
}

interface FrameComparison {
  /** Pixels that differ by more than the tolerance in any channel. */
  readonly changed: number;
  /** Of those, pixels that are one of the given colours drawn over the first frame's pixel. */
  readonly drawnIn: number;
}

/** Compares two kept frames (within `region` only, when given); see the two functions below. */
async function compareFrames(
  page: Page,
  before: string,
  after: string,
  colors: readonly Rgba[],
  options: ColorCountOptions,
): Promise<FrameComparison> {
  return page.evaluate(
    ({ before, after, colors, tolerance, region }) => {
      const under = window.__e2eSnapshots?.get(before);
      const over = window.__e2eSnapshots?.get(after);
      if (!under || !over) throw new Error(`no snapshot "${under ? after : before}"`);
      if (under.width !== over.width || under.height !== over.height)
        throw new Error('snapshots differ in size');
      const area = region ?? { x: 0, y: 0, width: under.width, height: under.height };
      const left = Math.max(0, Math.floor(area.x));
      const top = Math.max(0, Math.floor(area.y));
      const right = Math.min(under.width, Math.ceil(area.x + area.width));
      const bottom = Math.min(under.height, Math.ceil(area.y + area.height));
      let changed = 0;
      let drawnIn = 0;
      for (let y = top; y < bottom; y += 1) {
        for (let x = left; x < right; x += 1) {
          const i = (y * under.width + x) * 4;
          const was = [under.data[i] ?? 0, under.data[i + 1] ?? 0, under.data[i + 2] ?? 0];
          const now = [over.data[i] ?? 0, over.data[i + 1] ?? 0, over.data[i + 2] ?? 0];
          if (was.every((value, c) => Math.abs(value - (now[c] ?? 0)) <= tolerance)) continue;
          changed += 1;
          const drawn = colors.some((color) => {
            const alpha = (color[3] ?? 255) / 255;
            return now.every(
              (value, c) =>
                Math.abs(value - (alpha * (color[c] ?? 0) + (1 - alpha) * (was[c] ?? 0))) <=
                tolerance,
            );
          });
          if (drawn) drawnIn += 1;
        }
      }
      return { changed, drawnIn };
    },
    {
      before,
      after,
      colors,
      tolerance: options.tolerance ?? COLOR_TOLERANCE,
      region: options.region ?? null,
    },
  );
}

/** How many pixels differ by more than the tolerance in any channel between two kept frames. */
export async function changedPixels(
  page: Page,
  before: string,
  after: string,
  options: ColorCountOptions = {},
): Promise<number> {
  return (await compareFrames(page, before, after, [], options)).changed;
}

/**
 * Of the pixels that differ between two kept frames (`before`, then `after` with one more thing
 * drawn), how many are one of `colors` drawn over what was there before: each colour blended by
 * its alpha over the `before` pixel, within the tolerance. Translucent fills and lines thus
 * count as their colour, not as whatever they happen to mix into.
 */
export async function pixelsDrawnIn(
  page: Page,
  before: string,
  after: string,
  colors: readonly Rgba[],
  options: ColorCountOptions = {},
): Promise<number> {
  return (await compareFrames(page, before, after, colors, options)).drawnIn;
}
