import { describe, expect, it } from 'vitest';
import { featureTable } from '../../../src/data/feature-table';
import type { Feature } from '../../../src/data/schemas';
import { rankEntries } from '../../../src/ops/search/rank';
import { featureBbox } from '../../../src/map/feature-geometry';
import { featureEntries } from '../../../src/ops/search/search-entries';

const road = (id: string, zh: string, en: string, x = 121.47): Feature => ({
  type: 'Feature',
  id,
  geometry: {
    type: 'LineString',
    coordinates: [
      [x, 31.2],
      [x + 0.01, 31.21],
    ],
  },
  properties: { name: { zh, en } },
});

const entries = featureEntries(
  'traffic.roads',
  'Live traffic',
  featureTable([
    road('r-1', '人民路', 'Renmin Road'),
    road('r-2', '南京西路', 'West Nanjing Road'),
    road('r-3', '人民大道', 'Renmin Avenue'),
  ]),
  'en',
);

describe('search', () => {
  it('finds features by English name, by a Chinese name without spaces, and by id', () => {
    expect(rankEntries(entries, 'renmin').map((e) => e.label)).toEqual([
      'Renmin Avenue',
      'Renmin Road',
    ]);
    expect(rankEntries(entries, '南京').map((e) => e.label)).toEqual(['West Nanjing Road']);
    expect(rankEntries(entries, '人民').length).toBe(2);
    expect(rankEntries(entries, 'r-2').map((e) => e.label)).toEqual(['West Nanjing Road']);
  });

  it('finds nothing for blank or unmatched text, and caps the results', () => {
    expect(rankEntries(entries, '   ')).toEqual([]);
    expect(rankEntries(entries, 'zzz')).toEqual([]);
    expect(rankEntries(entries, 'r', 1)).toHaveLength(1);
  });

  it('takes the operator to the feature’s extent', () => {
    const [first] = rankEntries(entries, 'Renmin Road');
    expect(first!.target).toMatchObject({
      kind: 'feature',
      layerId: 'traffic.roads',
      featureId: 'r-1',
    });
    expect(first!.target.kind === 'feature' && first!.target.bbox).toEqual([
      121.47, 31.2, 121.48, 31.21,
    ]);
    expect(featureBbox(road('x', 'a', 'a', 100))).toEqual([100, 31.2, 100.01, 31.21]);
  });
});
