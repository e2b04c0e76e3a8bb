import { describe, expect, it } from 'vitest';
import {
  colourFromTable,
  featureColours,
  valueOrNull,
} from '../../../src/map/feature-columns';
import { roadColours, roadCongestion } from '../../../src/domains/traffic/roads-layer';
import { numberProperty } from '../../../src/map/feature-text';
import { congestionColors, type Rgba } from '../../../src/ui/theme';
import { layerData, line, point, stateTable } from '../domains/builders';

const features = [
  point('a', { level: 3 }),
  point('b', { level: 'high' }),
  point('c', {}),
  point('d', { level: 0 }),
];

describe('typed columns of features', () => {
  it('puts a numeric property on each feature’s index, NaN where there is none', () => {
    const data = layerData(features, null);
    const column = data.geometry.numbers('level');
    expect([...column]).toEqual([3, Number.NaN, Number.NaN, 0]);
    expect(data.geometry.numbers('level')).toBe(column);
    expect([...column].map(valueOrNull)).toEqual([3, null, null, 0]);
  });

  it('computes each feature’s colour once per read, by index, and recomputes for a new read', () => {
    const red: Rgba = [255, 0, 0, 255];
    const blue: Rgba = [0, 0, 255, 128];
    const palette = [red, blue];
    let calls = 0;
    const paletteIndexOf = (index: number) => {
      calls++;
      return index % 2;
    };
    const data = layerData(features, stateTable({ v: [1, 2, 3, 4] }));
    const table = featureColours(data, 'test', palette, paletteIndexOf);
    expect([...table.subarray(4, 8)]).toEqual([...blue]);
    expect([...table.subarray(8, 12)]).toEqual([...red]);
    expect(featureColours({ ...data }, 'test', palette, paletteIndexOf)).toBe(table);
    expect(calls).toBe(4);
    featureColours(
      { ...data, state: stateTable({ v: [5, 6, 7, 8] }, 2) },
      'test',
      palette,
      paletteIndexOf,
    );
    expect(calls).toBe(8);
  });

  it('gives deck.gl each feature’s colour in deck’s own array, without allocating', () => {
    const table = Uint8ClampedArray.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const target: number[] = [0, 0, 0, 0];
    const accessor = colourFromTable<unknown>(table);
    const result = accessor(null, { index: 1, data: [], target });
    expect(result).toBe(target);
    expect(result).toEqual([5, 6, 7, 8]);
  });
});

describe('road colours from the typed columns', () => {
  it('are the colours of the per-road congestion rule, road by road', () => {
    const roads = [30, 60, 50, 40, 0].map((freeFlowKmh, k) =>
      line(`r-${k}`, { freeFlowKmh }, [
        [121.4, 31.2],
        [121.41, 31.2],
      ]),
    );
    roads.push(
      line('r-none', {}, [
        [121.4, 31.2],
        [121.41, 31.2],
      ]),
    );
    const state = stateTable({ speedKmh: [29, 10, null, 20, 30, 40] });
    const data = layerData(roads, state);
    const table = roadColours(data);
    roads.forEach((road, index) => {
      const expected = congestionColors[roadCongestion(numberProperty(road, 'freeFlowKmh'), state, index)];
      expect([...table.subarray(index * 4, index * 4 + 4)], road.id).toEqual([...expected]);
    });
  });
});
