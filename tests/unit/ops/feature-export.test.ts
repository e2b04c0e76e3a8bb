import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { featureTable } from '../../../src/data/feature-table';
import type { StateTable } from '../../../src/data/live-state';
import type { Feature } from '../../../src/data/schemas';
import {
  featureRows,
  featuresInView,
  featuresToGeoJson,
  rowsToCsv,
} from '../../../src/ops/export/feature-export';

const point = (id: string, lon: number, name: { zh: string; en: string } | string): Feature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lon, 31.2] },
  properties: { name, flowLpm: 900 },
});
const features = featureTable([
  point('h-1', 121.4, { zh: '消火栓 1', en: 'Hydrant 1' }),
  point('h-2', 121.5, '=HYPERLINK("http://evil.example","click")'),
  point('h-3', 122.0, { zh: '远处', en: 'Far away' }),
]);
const state: StateTable = {
  observedAt: 0,
  version: 0,
  columns: new Map([['inService', Float64Array.from([1, Number.NaN, 0])]]),
  unknownIds: 0,
};

describe('exporting a layer', () => {
  it('keeps the features in view, with their live values, in the page language', () => {
    const inView = featuresInView(features, [121.3, 31.1, 121.6, 31.3]);
    expect(inView).toEqual([0, 1]);
    expect(featuresInView(features, null)).toEqual([0, 1, 2]);
    const rows = featureRows(features, inView, state, 'zh-CN');
    expect(rows[0]).toEqual({
      id: 'h-1',
      name: '消火栓 1',
      flowLpm: 900,
      inService: 1,
      lon: 121.4,
      lat: 31.2,
    });
    expect(rows[1]!['inService']).toBeNull();
  });

  it('writes CSV that a spreadsheet reads as text, never as a formula', () => {
    const csv = rowsToCsv(featureRows(features, [0, 1], state, 'en'));
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed[0]).toEqual(['id', 'name', 'flowLpm', 'inService', 'lon', 'lat']);
    expect(parsed[1]).toEqual(['h-1', 'Hydrant 1', '900', '1', '121.4', '31.2']);
    expect(parsed[2]![1]!.startsWith("'=")).toBe(true);
  });

  it('writes GeoJSON with the live values among the properties', () => {
    const collection = featuresToGeoJson(features, [2], state);
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0]!.properties).toMatchObject({ flowLpm: 900, inService: 0 });
    expect(collection.features[0]!.geometry).toEqual(features.feature(2).geometry);
    expect(collection.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [122.0, 31.2] });
  });
});
