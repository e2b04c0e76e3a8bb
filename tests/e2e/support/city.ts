/**
 * The demo city as the browser gets it: fetched from inside the page, so it goes through the
 * same mock backend (MSW in the page's service worker) as the app's own requests and is, by
 * construction, the city on the map. Validated with the app's own schemas.
 */
import type { Page } from 'playwright-core';
import {
  basemapSchema,
  catalogSchema,
  featureCollectionSchema,
  liveStateSchema,
  type Basemap,
  type Catalog,
  type Feature,
  type FeatureCollection,
  type LiveState,
} from '../../../src/data/schemas';

/**
 * The moment every page's calendar starts at: the time fixtures/town/ is generated at
 * (scripts/generate-fixtures.ts), a weekday morning peak. The simulation is a pure function of
 * time, so every run sees the same city (the same congestion, the same background alarms, which
 * at this moment are none) instead of whatever the wall clock happens to say.
 */
export const CITY_TIME = '2026-01-15T08:30:00+08:00';

/** `apiBaseUrl` of public/demo-town.config.json, the config the tests load. */
const API_BASE = '/api/v1';

/** Whether a request URL is one of the API's (the app's own data requests). */
export function isApiRequest(url: string, tail: string): boolean {
  return new URL(url).pathname === `${API_BASE}/${tail}`;
}

async function served(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return (await response.json()) as unknown;
  }, `${API_BASE}/${path}`);
}

export async function servedCatalog(page: Page): Promise<Catalog> {
  return catalogSchema.parse(await served(page, 'catalog'));
}

export async function servedFeatures(page: Page, datasetId: string): Promise<FeatureCollection> {
  return featureCollectionSchema.parse(
    await served(page, `datasets/${encodeURIComponent(datasetId)}/features`),
  );
}

export async function servedState(page: Page, datasetId: string): Promise<LiveState> {
  return liveStateSchema.parse(
    await served(page, `datasets/${encodeURIComponent(datasetId)}/state`),
  );
}

/** The backend's open alarms (`GET /alarms`), as far as these tests read them. */
export async function servedOpenAlarms(
  page: Page,
): Promise<{ id: string; datasetId: string; department: string; featureIds: string[] }[]> {
  const body = (await served(page, 'alarms')) as {
    alarms: { id: string; datasetId: string; department: string; featureIds: string[]; status: string }[];
  };
  return body.alarms.filter((alarm) => alarm.status !== 'cleared');
}

export async function servedBasemap(page: Page): Promise<Basemap> {
  return basemapSchema.parse(await served(page, 'basemap'));
}

type LngLat = readonly [number, number];

function lineCoordinates(feature: Feature): LngLat[] {
  const { geometry } = feature;
  const points =
    geometry.type === 'LineString'
      ? geometry.coordinates
      : geometry.type === 'MultiLineString'
        ? (geometry.coordinates[0] ?? [])
        : [];
  return points.map((position) => [position[0], position[1]] as const);
}

/** Length in degrees, with longitude scaled by latitude: only used to compare and halve lines. */
function segmentLength(a: LngLat, b: LngLat): number {
  const scale = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  return Math.hypot((b[0] - a[0]) * scale, b[1] - a[1]);
}

/** Consecutive pairs of a line's points. */
function segments(feature: Feature): [LngLat, LngLat][] {
  const points = lineCoordinates(feature);
  return points.slice(1).map((b, i) => [points[i] ?? b, b]);
}

export function lineLength(feature: Feature): number {
  return segments(feature).reduce((total, [a, b]) => total + segmentLength(a, b), 0);
}

/** The point halfway along a line: on the line itself, where a mouse surely hits it. */
export function lineMidpoint(feature: Feature): LngLat {
  let remaining = lineLength(feature) / 2;
  for (const [a, b] of segments(feature)) {
    const length = segmentLength(a, b);
    if (length >= remaining && length > 0) {
      const t = remaining / length;
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    remaining -= length;
  }
  const last = lineCoordinates(feature).at(-1);
  if (!last) throw new Error(`feature ${feature.id} has no line geometry`);
  return last;
}

export function pointPosition(feature: Feature): LngLat {
  if (feature.geometry.type !== 'Point') throw new Error(`feature ${feature.id} is not a point`);
  return [feature.geometry.coordinates[0], feature.geometry.coordinates[1]];
}

export function featureName(feature: Feature, language: 'en' | 'zh'): string {
  const name = feature.properties['name'];
  if (name && typeof name === 'object') return name[language];
  throw new Error(`feature ${feature.id} has no localized name`);
}
