/**
 * The embedded dark base map, built from the same city model as the data (GET /basemap), so the
 * layers sit exactly on their streets. Plain GeoJSON sources and fill/line layers: no glyphs, no
 * sprites, no network. Labels are drawn by deck.gl (see basemap-labels.ts) so they work offline.
 * A city too big for one GeoJSON answer has the same map as vector tiles (`tiledBasemapStyle`).
 */
import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';
import type { Basemap } from '../data/schemas';
import { basemapColors as c } from '../ui/theme';

export const BASEMAP_SOURCE_PREFIX = 'cityops-basemap-';

/** The parts of the base map drawn by MapLibre (its labels are drawn by deck.gl). */
export const BASEMAP_PARTS = [
  'water',
  'landuse',
  'parks',
  'roads',
  'buildings',
  'districts',
] as const;
export type BasemapPart = (typeof BASEMAP_PARTS)[number];

/** Buildings are drawn from this zoom on (a tiled base map's tiles hold them from there too). */
export const BUILDINGS_MIN_ZOOM = 13;

/** Where a part's features come from: a source, and the layer inside its tiles when tiled. */
type PartSource = { readonly source: string; readonly 'source-layer'?: string };

/** The embedded base map: a GeoJSON source per part (`basemapSources`). */
const embeddedPart = (part: BasemapPart): PartSource => ({
  source: `${BASEMAP_SOURCE_PREFIX}${part}`,
});

/** A style with only the background: shown until the base map data arrives, or if it fails. */
export function emptyStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': c.background } }],
  };
}

const roadWidth = (expressway: number, arterial: number, local: number) =>
  [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    10,
    [
      'match',
      ['get', 'roadClass'],
      'expressway',
      expressway * 0.25,
      'arterial',
      arterial * 0.2,
      local * 0.1,
    ],
    16,
    ['match', ['get', 'roadClass'], 'expressway', expressway, 'arterial', arterial, local],
  ] as const;

/** The base map's layers, bottom to top, each reading its part from `sourceOf(part)`. */
export function basemapLayers(
  sourceOf: (part: BasemapPart) => PartSource = embeddedPart,
): LayerSpecification[] {
  return [
    {
      id: 'basemap-landuse',
      type: 'fill',
      ...sourceOf('landuse'),
      paint: {
        'fill-color': [
          'match',
          ['get', 'landuse'],
          'commercial',
          c.commercial,
          'industrial',
          c.industrial,
          c.residential,
        ],
      },
    },
    { id: 'basemap-parks', type: 'fill', ...sourceOf('parks'), paint: { 'fill-color': c.park } },
    {
      id: 'basemap-water',
      type: 'fill',
      ...sourceOf('water'),
      paint: { 'fill-color': c.water, 'fill-outline-color': c.waterOutline },
    },
    {
      id: 'basemap-roads',
      type: 'line',
      ...sourceOf('roads'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': [
          'match',
          ['get', 'roadClass'],
          'expressway',
          c.roadExpressway,
          'arterial',
          c.roadArterial,
          c.roadLocal,
        ],
        'line-width': roadWidth(18, 12, 6) as unknown as number,
      },
    },
    {
      id: 'basemap-buildings',
      type: 'fill-extrusion',
      ...sourceOf('buildings'),
      minzoom: BUILDINGS_MIN_ZOOM,
      paint: {
        'fill-extrusion-color': c.building,
        'fill-extrusion-height': ['coalesce', ['get', 'heightM'], 10],
        'fill-extrusion-opacity': 0.85,
      },
    },
    {
      id: 'basemap-districts',
      type: 'line',
      ...sourceOf('districts'),
      paint: {
        'line-color': c.districtBoundary,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 16, 2.5],
        'line-dasharray': [3, 2],
        'line-opacity': 0.8,
      },
    },
  ];
}

/** GeoJSON sources of the embedded base map, keyed by source id. */
export function basemapSources(
  basemap: Basemap,
): Record<string, { type: 'geojson'; data: Basemap['water'] }> {
  return Object.fromEntries(
    BASEMAP_PARTS.map((part) => [
      embeddedPart(part).source,
      { type: 'geojson' as const, data: basemap[part] },
    ]),
  );
}

export const TILED_BASEMAP_SOURCE = 'cityops-basemap';

/**
 * The base map as a style reading a PMTiles archive of vector tiles with a layer per part (as
 * `npm run tiles -- --datasets basemap` writes): the same look as the embedded one, for a city
 * whose base map is too big for one GeoJSON answer (the megacity's is 120 MB, held by the page
 * and again by MapLibre's workers). `archiveUrl` is absolute: MapLibre does not resolve the URL
 * of a source whose protocol is its own.
 */
export function tiledBasemapStyle(archiveUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: { [TILED_BASEMAP_SOURCE]: { type: 'vector', url: `pmtiles://${archiveUrl}` } },
    layers: [
      ...emptyStyle().layers,
      ...basemapLayers((part) => ({ source: TILED_BASEMAP_SOURCE, 'source-layer': part })),
    ],
  };
}
