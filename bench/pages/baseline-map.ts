/**
 * What both baseline pages share: the same demo backend as the app (the same city, served the
 * same way: in the page, or by the standalone demo server the app is pointed at), and a bare
 * MapLibre map with the app's base map (embedded, or its vector tiles where the app reads those),
 * its WebGL context attributes, canvas size and camera. No React, no queries, no validation: the
 * floor under the app. The bench reads `window.__cityopsMap` and waits for `window.__benchReady`,
 * as for the app.
 */
import { Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { startMockWorker } from '../../mocks/browser';
import type { CityScale } from '../../mocks/city/scale';
import type { Basemap, Catalog } from '../../src/data/schemas';
import { BASEMAP_ARCHIVE } from '../../scripts/pmtiles/archives';
import {
  basemapLayers,
  basemapSources,
  emptyStyle,
  tiledBasemapStyle,
} from '../../src/map/embedded-style';
import { setUpMapLibre } from '../../src/map/maplibre-setup';

declare global {
  interface Window {
    /** Set once the page has handed all its data to the map: the bench then waits for a frame. */
    __benchReady?: boolean;
    __benchError?: string;
    /** Features the page draws (the deck.gl baseline). */
    __benchFeatures?: number;
  }
}

export const API = '/api/v1';

export interface BaselineParams {
  readonly scale: CityScale;
  readonly seed: number;
  readonly center: readonly [number, number];
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
  /** The standalone demo server's API (`&api=`); null: the demo backend runs in the page. */
  readonly api: string | null;
  /**
   * Datasets read as vector tiles, from `<path>/<dataset>.pmtiles` (the megacity); `basemap` among
   * them: the base map too, from `<path>/basemap.pmtiles`.
   */
  readonly tiles: { readonly path: string; readonly datasets: readonly string[] } | null;
}

/**
 * `?scale=city&seed=42&cam=lng,lat,zoom&size=W,H[&api=URL][&tiles=/path&tiled=a,b]`, as the
 * render suite writes it.
 */
export function readParams(search: string): BaselineParams {
  const params = new URLSearchParams(search);
  const numbers = (name: string, count: number) => {
    const values = (params.get(name) ?? '').split(',').map(Number);
    if (values.length !== count || values.some((value) => !Number.isFinite(value)))
      throw new Error(`baseline page: ?${name}= needs ${count} numbers`);
    return values;
  };
  const [lng, lat, zoom] = numbers('cam', 3) as [number, number, number];
  const [width, height] = numbers('size', 2) as [number, number];
  return {
    scale: (params.get('scale') ?? 'city') as CityScale,
    seed: Number(params.get('seed') ?? 42),
    center: [lng, lat],
    zoom,
    width,
    height,
    api: params.get('api'),
    tiles: params.has('tiles')
      ? { path: params.get('tiles') ?? '', datasets: (params.get('tiled') ?? '').split(',') }
      : null,
  };
}

export async function getJson<T>(api: string, path: string): Promise<T> {
  const response = await fetch(`${api}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export interface BaselineMap {
  readonly map: MapLibreMap;
  readonly catalog: Catalog;
  /** The embedded base map; null when it is read as vector tiles (which have no labels). */
  readonly basemap: Basemap | null;
  /** Where the page reads the city from. */
  readonly api: string;
}

/** Starts the demo backend (unless a server's is named) and a MapLibre map showing the base map. */
export async function openBaselineMap(params: BaselineParams): Promise<BaselineMap> {
  const api = params.api ?? API;
  if (params.api === null) {
    await startMockWorker({
      apiBaseUrl: new URL(API, window.location.href).href,
      seed: params.seed,
      scale: params.scale,
    });
  }
  const tiledBasemap = params.tiles?.datasets.includes(BASEMAP_ARCHIVE)
    ? new URL(`${params.tiles.path}/${BASEMAP_ARCHIVE}.pmtiles`, window.location.href).href
    : null;
  const catalogRead = getJson<Catalog>(api, '/catalog');
  let basemap: Basemap | null = null;
  let style: StyleSpecification;
  if (tiledBasemap === null) {
    basemap = await getJson<Basemap>(api, '/basemap');
    const empty = emptyStyle();
    style = {
      ...empty,
      sources: basemapSources(basemap),
      layers: [...empty.layers, ...basemapLayers()],
    };
  } else style = tiledBasemapStyle(tiledBasemap);
  const catalog = await catalogRead;
  const container = document.getElementById('map')!;
  container.style.width = `${params.width}px`;
  container.style.height = `${params.height}px`;
  setUpMapLibre();
  const map = new MapLibreMap({
    container,
    style,
    center: [params.center[0], params.center[1]],
    zoom: params.zoom,
    attributionControl: false,
    canvasContextAttributes: { antialias: true, preserveDrawingBuffer: true },
  });
  window.__cityopsMap = map;
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  return { map, catalog, basemap, api };
}

/** Runs the page; a failure is left where the bench looks for it. */
export function runBaseline(start: () => Promise<void>): void {
  start().then(
    () => {
      window.__benchReady = true;
    },
    (error: unknown) => {
      console.error(error);
      window.__benchError = error instanceof Error ? error.message : String(error);
    },
  );
}
