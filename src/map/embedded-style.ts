/**
 * The embedded dark base map, built from the same city model as the data (GET /basemap), so the
 * layers sit exactly on their streets. Plain GeoJSON sources and fill/line layers: no glyphs, no
 * sprites, no network. Labels are drawn by deck.gl (see basemap-labels.ts) so they work offline.
 */
import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';
import type { Basemap } from '../data/schemas';
import { basemapColors as c } from '../ui/theme';

export const BASEMAP_SOURCE_PREFIX = 'cityops-basemap-';

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

export function basemapLayers(): LayerSpecification[] {
  const src = (name: keyof Basemap) => `${BASEMAP_SOURCE_PREFIX}${name}`;
  return [
    {
      id: 'basemap-landuse',
      type: 'fill',
      source: src('landuse'),
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
    { id: 'basemap-parks', type: 'fill', source: src('parks'), paint: { 'fill-color': c.park } },
    {
      id: 'basemap-water',
      type: 'fill',
      source: src('water'),
      paint: { 'fill-color': c.water, 'fill-outline-color': c.waterOutline },
    },
    {
      id: 'basemap-roads',
      type: 'line',
      source: src('roads'),
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
      source: src('buildings'),
      minzoom: 13,
      paint: {
        'fill-extrusion-color': c.building,
        'fill-extrusion-height': ['coalesce', ['get', 'heightM'], 10],
        'fill-extrusion-opacity': 0.85,
      },
    },
    {
      id: 'basemap-districts',
      type: 'line',
      source: src('districts'),
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
  const names = ['water', 'landuse', 'parks', 'roads', 'buildings', 'districts'] as const;
  return Object.fromEntries(
    names.map((name) => [
      `${BASEMAP_SOURCE_PREFIX}${name}`,
      { type: 'geojson' as const, data: basemap[name] },
    ]),
  );
}
