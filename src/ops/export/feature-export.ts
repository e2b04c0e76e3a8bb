/**
 * A layer's features in view, as a table (CSV) or as GeoJSON: their properties in the page's
 * language and their live values, as the operator sees them. Text from a source is written as
 * text: CSV cells that a spreadsheet would run as a formula are escaped.
 */
import Papa from 'papaparse';
import type { StateTable } from '../../data/live-state';
import type { FeatureTable } from '../../data/feature-table';
import type { BBox, FeatureCollection } from '../../data/schemas';
import { localized } from '../../map/feature-text';
import type { Language } from '../../map/layer-contract';
import { featureBbox } from '../../map/feature-geometry';
import { bboxesIntersect } from '../../data/bbox';

/** Indexes of the features whose extent meets `view` (all of them without a view). */
export function featuresInView(features: FeatureTable, view: BBox | null): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < features.length; index++) {
    if (!view || bboxesIntersect(featureBbox(features.feature(index)), view)) indexes.push(index);
  }
  return indexes;
}

type Cell = string | number | boolean | null;

/** One row per feature: id, name, every property, every live value, and a point to place it. */
export function featureRows(
  features: FeatureTable,
  indexes: readonly number[],
  state: StateTable | null,
  language: Language,
): Record<string, Cell>[] {
  return indexes.map((index) => {
    const feature = features.feature(index);
    const row: Record<string, Cell> = { id: String(feature.id) };
    for (const [key, value] of Object.entries(feature.properties)) {
      row[key] = value !== null && typeof value === 'object' ? localized(value, language) : value;
    }
    for (const [column, values] of state?.columns ?? []) {
      const value = values[index];
      row[column] = value === undefined || Number.isNaN(value) ? null : value;
    }
    const [west, south, east, north] = featureBbox(feature);
    row['lon'] = Number(((west + east) / 2).toFixed(6));
    row['lat'] = Number(((south + north) / 2).toFixed(6));
    return row;
  });
}

export function rowsToCsv(rows: readonly Record<string, Cell>[]): string {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return Papa.unparse(
    { fields, data: rows.map((row) => fields.map((field) => row[field] ?? '')) },
    { escapeFormulae: true },
  );
}

/** The features with their live values added to their properties. */
export function featuresToGeoJson(
  features: FeatureTable,
  indexes: readonly number[],
  state: StateTable | null,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: indexes.map((index) => {
      const feature = features.feature(index);
      const live: Record<string, number | null> = {};
      for (const [column, values] of state?.columns ?? []) {
        const value = values[index];
        live[column] = value === undefined || Number.isNaN(value) ? null : value;
      }
      return { ...feature, properties: { ...feature.properties, ...live } };
    }),
  };
}
