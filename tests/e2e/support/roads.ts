/**
 * A road to point at: a long, named arterial of the served road network, its midpoint on screen
 * (halfway along, mid-block: no crossing road to pick instead) and the screen box it occupies.
 */
import type { Page } from 'playwright-core';
import type { Feature } from '../../../src/data/schemas';
import { jumpTo, project } from './app';
import { featureName, lineLength, lineMidpoint, servedFeatures } from './city';
import type { Region } from './pixels';

/** Below zoom 15: direction arrows (near-white glyphs) are not drawn yet, so white means highlight. */
export const ROAD_ZOOM = 14.5;

export interface RoadOnScreen {
  readonly feature: Feature;
  readonly name: string;
  /** Where to put the mouse, in page coordinates. */
  readonly mouse: { readonly x: number; readonly y: number };
  /** The road's bounding box on the map canvas, with a margin for its width. */
  readonly box: Region;
  /** How long the road is on screen, in pixels. */
  readonly screenLength: number;
}

export async function longestArterial(page: Page): Promise<Feature> {
  const roads = await servedFeatures(page, 'traffic.roads');
  const arterials = roads.features.filter(
    (road) => road.properties['roadClass'] === 'arterial' && road.geometry.type === 'LineString',
  );
  const longest = arterials.reduce<Feature | null>(
    (best, road) => (!best || lineLength(road) > lineLength(best) ? road : best),
    null,
  );
  if (!longest) throw new Error('the served road network has no arterial road');
  return longest;
}

/** Centres the map on the road's midpoint and tells where it is on screen. */
export async function focusRoad(
  page: Page,
  road: Feature,
  zoom = ROAD_ZOOM,
): Promise<RoadOnScreen> {
  const midpoint = lineMidpoint(road);
  await jumpTo(page, midpoint, zoom);
  const { page: mouse } = await project(page, midpoint);
  if (road.geometry.type !== 'LineString') throw new Error(`road ${road.id} is not a LineString`);
  const points = await Promise.all(
    road.geometry.coordinates.map(
      async (position) => (await project(page, [position[0], position[1]])).canvas,
    ),
  );
  const margin = 12;
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const box = {
    x: Math.min(...xs) - margin,
    y: Math.min(...ys) - margin,
    width: Math.max(...xs) - Math.min(...xs) + 2 * margin,
    height: Math.max(...ys) - Math.min(...ys) + 2 * margin,
  };
  let screenLength = 0;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) screenLength += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return { feature: road, name: featureName(road, 'en'), mouse, box, screenLength };
}
