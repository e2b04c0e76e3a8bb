/** Small features and live-state tables for table-style tests. */
import { featureTable, type FeatureTable } from '../../../src/data/feature-table';
import type { StateTable } from '../../../src/data/live-state';
import type { Feature, FeatureProperties, Geometry } from '../../../src/data/schemas';
import type { Language, LayerData, RenderContext } from '../../../src/map/layer-contract';

type Properties = FeatureProperties;

export function feature(id: string, geometry: Geometry, properties: Properties = {}): Feature {
  return {
    type: 'Feature',
    id,
    geometry,
    properties: { name: { zh: `要素${id}`, en: `Feature ${id}` }, ...properties },
  };
}

export function line(
  id: string,
  properties: Properties = {},
  coordinates: [number, number][] = [
    [121.47, 31.23],
    [121.48, 31.23],
  ],
): Feature {
  return feature(id, { type: 'LineString', coordinates }, properties);
}

export function point(
  id: string,
  properties: Properties = {},
  coordinates: [number, number] = [121.47, 31.23],
): Feature {
  return feature(id, { type: 'Point', coordinates }, properties);
}

export function square(id: string, properties: Properties = {}): Feature {
  return feature(
    id,
    {
      type: 'Polygon',
      coordinates: [
        [
          [121.47, 31.23],
          [121.48, 31.23],
          [121.48, 31.24],
          [121.47, 31.24],
          [121.47, 31.23],
        ],
      ],
    },
    properties,
  );
}

/** Columns by feature index; `null` is "no reading" (NaN in the table). */
export function stateTable(
  columns: Record<string, readonly (number | null)[]>,
  version = 1,
): StateTable {
  const table = new Map<string, Float64Array>();
  for (const [key, values] of Object.entries(columns)) {
    table.set(
      key,
      Float64Array.from(values, (value) => (value === null ? Number.NaN : value)),
    );
  }
  return { observedAt: version, version, columns: table, unknownIds: 0 };
}

/** The features as the page holds them (columns for points or lines). */
export function indexed(features: readonly Feature[]): FeatureTable {
  return featureTable(features);
}

export function layerData(features: readonly Feature[], state: StateTable | null): LayerData {
  return { geometry: indexed(features), state };
}

export function context(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    zoom: 16,
    opacity: 0.8,
    visible: true,
    language: 'en',
    selectedId: null,
    animationTime: 0,
    ...overrides,
  };
}

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
