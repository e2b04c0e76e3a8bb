/**
 * Which archives `npm run tiles` writes for the demo city, and what the base map's holds: shared
 * by the tiles script, the render benchmark (and its baseline pages, in the browser) and the
 * browser tests, with nothing that runs on import.
 */
import type { Basemap } from '../../src/data/schemas';
import { BASEMAP_PARTS, BUILDINGS_MIN_ZOOM } from '../../src/map/embedded-style';
import type { TileLayerInput } from './vector-tiles';

/** The static datasets big enough to want tiles. */
export const TILED_DATASETS: readonly string[] = [
  'traffic.roads',
  'pipes.water',
  'pipes.drainage',
  'pipes.gas',
];

/** The name that writes the base map's archive, in place of a dataset's. */
export const BASEMAP_ARCHIVE = 'basemap';

/**
 * The base map's archive starts at this zoom, whatever the datasets' first zoom: MapLibre draws
 * nothing of a source below its first zoom, and the embedded base map is drawn at every zoom.
 * (A city at zoom 0 to 9 is a handful of tiles.)
 */
export const BASEMAP_MIN_ZOOM = 0;

/** The base map's parts as layers of its archive: buildings from the zoom they are drawn at. */
export function basemapTileLayers(basemap: Basemap): TileLayerInput[] {
  return BASEMAP_PARTS.map((part) => ({
    name: part,
    features: basemap[part].features,
    ...(part === 'buildings' ? { minZoom: BUILDINGS_MIN_ZOOM } : {}),
  }));
}
