/**
 * Baseline: the same data as the app drawn by deck.gl straight onto the bare MapLibre map
 * (`MapLibreOverlay`, interleaved, as in the app): every dataset of the catalog with the layer
 * type the app uses for its geometry (paths, points, polygons), coloured by its first live value,
 * and the base map's labels as a TextLayer. No app around it: no React, no query cache, no
 * validation, no status, selection, dash or label layers of its own. What the app costs above
 * this page is the app's overhead.
 */
import type { Layer } from '@deck.gl/core';
import { PathLayer, PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type {
  BasemapLabel,
  Catalog,
  Feature,
  FeatureCollection,
  LiveState,
} from '../../src/data/schemas';
import { getJson, openBaselineMap, readParams, runBaseline } from './baseline-map';
import { tiledPathLayer } from './tiled-baseline';

type Rgba = [number, number, number, number];
type Dataset = Catalog['datasets'][number];

/** Low to high: a plain ramp, enough to make the colours depend on the data. */
const RAMP: readonly Rgba[] = [
  [0, 158, 115, 220],
  [240, 228, 66, 220],
  [230, 159, 0, 230],
  [213, 94, 0, 240],
];
const NO_VALUE: Rgba = [120, 130, 140, 160];

/** Each feature's colour by id: the first live column spread over the ramp. */
function colorsById(state: LiveState | null): Map<string, Rgba> {
  const colors = new Map<string, Rgba>();
  const column = state ? Object.values(state.columns)[0] : undefined;
  if (!state || !column) return colors;
  let low = Infinity;
  let high = -Infinity;
  for (const value of column) {
    if (value === null) continue;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const span = high - low || 1;
  state.ids.forEach((id, row) => {
    const value = column[row];
    if (value === null || value === undefined) return;
    const step = Math.min(RAMP.length - 1, Math.floor(((value - low) / span) * RAMP.length));
    colors.set(String(id), RAMP[step]!);
  });
  return colors;
}

/** One colour per feature, by index. */
function featureColors(features: readonly Feature[], state: LiveState | null): Rgba[] {
  const byId = colorsById(state);
  return features.map((feature) => byId.get(String(feature.id)) ?? NO_VALUE);
}

type Coordinates = number[] | number[][] | number[][][] | number[][][][];

function paths(feature: Feature): number[][][] {
  const { type, coordinates } = feature.geometry as { type: string; coordinates: Coordinates };
  if (type === 'LineString') return [coordinates as number[][]];
  if (type === 'MultiLineString') return coordinates as number[][][];
  return [];
}

function polygons(feature: Feature): number[][][][] {
  const { type, coordinates } = feature.geometry as { type: string; coordinates: Coordinates };
  if (type === 'Polygon') return [coordinates as number[][][]];
  if (type === 'MultiPolygon') return coordinates as number[][][][];
  return [];
}

function datasetLayers(dataset: Dataset, features: Feature[], state: LiveState | null): Layer[] {
  const colors = featureColors(features, state);
  const color = (_: unknown, { index }: { index: number }) => colors[index] ?? NO_VALUE;
  if (dataset.geometryKind === 'line') {
    // One path per part, as a MultiLineString is drawn.
    const parts = features.flatMap((feature, index) =>
      paths(feature).map((path) => ({ path, index })),
    );
    return [
      new PathLayer<{ path: number[][]; index: number }>({
        id: dataset.id,
        data: parts,
        getPath: (part) => part.path as [number, number][],
        getColor: (part) => colors[part.index] ?? NO_VALUE,
        getWidth: 3,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        pickable: true,
      }),
    ];
  }
  if (dataset.geometryKind === 'polygon') {
    const parts = features.flatMap((feature, index) =>
      polygons(feature).map((polygon) => ({ polygon, index })),
    );
    return [
      new PolygonLayer<{ polygon: number[][][]; index: number }>({
        id: dataset.id,
        data: parts,
        getPolygon: (part) => part.polygon as [number, number][][],
        getFillColor: (part) => colors[part.index] ?? NO_VALUE,
        getLineColor: [255, 255, 255, 200],
        getLineWidth: 1.5,
        lineWidthUnits: 'pixels',
        lineJointRounded: true,
        stroked: true,
        filled: true,
        pickable: true,
      }),
    ];
  }
  return [
    new ScatterplotLayer<Feature>({
      id: dataset.id,
      data: features,
      getPosition: (feature) =>
        (feature.geometry as unknown as { coordinates: [number, number] }).coordinates,
      getFillColor: color,
      getLineColor: [11, 18, 32, 255],
      getRadius: 6,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      stroked: true,
      pickable: true,
    }),
  ];
}

/** A dataset read as vector tiles from `<tiles>/<dataset>.pmtiles`: only its live state is read. */
async function tiledDataset(api: string, dataset: Dataset, tiles: string): Promise<LoadedDataset> {
  const state =
    dataset.stateCadenceS === null
      ? null
      : await getJson<LiveState>(api, `/datasets/${encodeURIComponent(dataset.id)}/state`);
  const colors = colorsById(state);
  const layer = await tiledPathLayer(
    dataset.id,
    `${tiles}/${dataset.id}.pmtiles`,
    (id) => colors.get(id) ?? NO_VALUE,
  );
  return { layers: [layer], features: state?.ids.length ?? 0 };
}

async function wholeDataset(api: string, dataset: Dataset): Promise<LoadedDataset> {
  const [collection, state] = await Promise.all([
    getJson<FeatureCollection>(api, `/datasets/${encodeURIComponent(dataset.id)}/features`),
    dataset.stateCadenceS === null
      ? Promise.resolve(null)
      : getJson<LiveState>(api, `/datasets/${encodeURIComponent(dataset.id)}/state`),
  ]);
  return {
    layers: datasetLayers(dataset, collection.features, state),
    features: collection.features.length,
  };
}

interface LoadedDataset {
  readonly layers: Layer[];
  readonly features: number;
}

runBaseline(async () => {
  const params = readParams(window.location.search);
  const { map, catalog, basemap, api } = await openBaselineMap(params);
  const { tiles } = params;
  const loaded = await Promise.all(
    catalog.datasets.map((dataset) =>
      tiles?.datasets.includes(dataset.id)
        ? tiledDataset(api, dataset, tiles.path)
        : wholeDataset(api, dataset),
    ),
  );
  const labels = new TextLayer<BasemapLabel>({
    id: 'basemap-labels',
    data: basemap?.labels ?? [],
    getPosition: (label) => [label.position[0], label.position[1]],
    getText: (label) => label.text.en,
    getSize: (label) => (label.kind === 'district' ? 16 : 12),
    getColor: [200, 210, 225, 255],
    characterSet: 'auto',
    outlineWidth: 3,
    outlineColor: [11, 18, 32, 255],
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    sizeUnits: 'pixels',
  });
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [...loaded.map((entry) => entry.layers).flat(), labels],
  });
  map.addControl(overlay);
  window.__benchFeatures = loaded.reduce((sum, entry) => sum + entry.features, 0);
});
