import { describe, expect, it } from 'vitest';
import { decodeGeometry, featureColumns } from '../../../src/data/feature-columns-decoding';
import {
  columnsTable,
  featureObjects,
  featureTable,
  featureTableOf,
  objectTable,
  type FeatureTable,
} from '../../../src/data/feature-table';
import { joinLiveState } from '../../../src/data/live-state';
import {
  packedIndexOf,
  packedIs,
  packedText,
  packTexts,
  textSlots,
} from '../../../src/data/packed-texts';
import type { Feature } from '../../../src/data/schemas';

const road = (id: string, properties: Feature['properties'], path: number[][]): Feature => ({
  type: 'Feature',
  id,
  geometry: { type: 'LineString', coordinates: path as [number, number][] },
  properties,
});

const roads: Feature[] = [
  road('r-1', { name: { zh: '人民路', en: 'Renmin Road' }, freeFlowKmh: 50, oneway: true }, [
    [121.4, 31.2],
    [121.41, 31.2],
  ]),
  road('r-2', { name: { zh: '人民路', en: 'Renmin Road' }, freeFlowKmh: null }, [
    [121.41, 31.2],
    [121.42, 31.21],
    [121.43, 31.21],
  ]),
  road('道路-3', { name: 'Lane 3', freeFlowKmh: 30, oneway: false }, [
    [121.43, 31.21],
    [121.44, 31.22],
  ]),
];

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer;

describe('packed texts', () => {
  it('gives back every text, in any script, and finds each by its text', () => {
    const texts = ['r-1', '道路-2', '', 'r-1', 'a much longer identifier 🚒'];
    const packed = packTexts(texts);
    const slots = textSlots(packed);
    expect(texts.map((_, index) => packedText(packed, index))).toEqual(texts);
    expect(packedIndexOf(packed, slots, '道路-2')).toBe(1);
    expect(packedIndexOf(packed, slots, '')).toBe(2);
    expect(packedIndexOf(packed, slots, 'a much longer identifier 🚒')).toBe(4);
    // A text given twice is found at its first place.
    expect(packedIndexOf(packed, slots, 'r-1')).toBe(0);
    expect(packedIndexOf(packed, slots, 'r-2')).toBe(-1);
  });

  it('finds every one of many ids (probing past collisions)', () => {
    const ids = Array.from({ length: 5000 }, (_, k) => `pipe-${k}`);
    const packed = packTexts(ids);
    const slots = textSlots(packed);
    expect(slots.length).toBeGreaterThanOrEqual(ids.length * 2);
    ids.forEach((id, index) => expect(packedIndexOf(packed, slots, id)).toBe(index));
    expect(packedIndexOf(packed, slots, 'pipe-5000')).toBe(-1);
  });
});

describe('features as columns', () => {
  const columns = featureColumns(roads)!;
  const table = columnsTable(columns);

  it('puts every vertex in one flat array, with where each feature starts', () => {
    expect(columns.type).toBe('LineString');
    expect([...columns.starts]).toEqual([0, 2, 5, 7]);
    expect([...columns.positions.subarray(4, 10)]).toEqual([
      121.41, 31.2, 121.42, 31.21, 121.43, 31.21,
    ]);
    expect(table.binary?.positions).toBe(columns.positions);
  });

  it('keeps numbers as numbers (NaN for none) and other values once each', () => {
    expect([...columns.numbers['freeFlowKmh']!]).toEqual([50, Number.NaN, 30]);
    expect(columns.values['name']!.dictionary.ends.length).toBe(2);
    expect([...columns.values['oneway']!.codes]).toEqual([0, -1, 1]);
    expect(table.numbers('freeFlowKmh')).toBe(columns.numbers['freeFlowKmh']);
    // A column that is not all numbers reads NaN where a feature's value is not a number.
    expect([...table.numbers('name')].every(Number.isNaN)).toBe(true);
  });

  it('makes each feature back as it came, its properties in the source’s order', () => {
    expect(table.length).toBe(3);
    expect(table.feature(0)).toEqual(roads[0]);
    // A null property reads as none.
    expect(table.feature(1)).toEqual({
      ...roads[1],
      properties: { name: roads[1]!.properties['name'] },
    });
    expect(table.feature(2)).toEqual(roads[2]);
    expect(Object.keys(table.feature(0).properties)).toEqual(['name', 'freeFlowKmh', 'oneway']);
    expect(table.property(2, 'name')).toBe('Lane 3');
    expect(table.property(1, 'oneway')).toBeUndefined();
    expect(table.property(0, 'missing')).toBeUndefined();
  });

  it('finds features by id', () => {
    expect(table.id(2)).toBe('道路-3');
    expect(table.indexOf('道路-3')).toBe(2);
    expect(table.indexOf('r-1')).toBe(0);
    expect(table.indexOf('r-9')).toBe(-1);
  });

  it('takes points too, and keeps any other mix as objects', () => {
    const points: Feature[] = [0, 1].map((k) => ({
      type: 'Feature',
      id: `h-${k}`,
      geometry: { type: 'Point', coordinates: [121 + k, 31, 4] },
      properties: { flowLpm: 900 + k },
    }));
    const pointTable = featureTable(points);
    expect(pointTable.binary?.type).toBe('Point');
    // The map is flat: a height is not kept.
    expect(pointTable.feature(1).geometry).toEqual({ type: 'Point', coordinates: [122, 31] });
    expect(featureColumns([...points, roads[0]!])).toBeNull();
    const mixed = featureTable([...points, roads[0]!]);
    expect(mixed.binary).toBeNull();
    expect(mixed.objects).toHaveLength(3);
    expect(featureColumns([])).toBeNull();
  });
});

describe('decoding a geometry response', () => {
  it('checks it against the contract, then puts lines into columns', () => {
    const decoded = decodeGeometry(encode({ type: 'FeatureCollection', features: roads }));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.layout).toBe('columns');
    const table = featureTableOf(decoded.value);
    expect(featureObjects(table)).toEqual([
      roads[0],
      { ...roads[1], properties: { name: roads[1]!.properties['name'] } },
      roads[2],
    ]);
  });

  it('keeps polygons as objects', () => {
    const square: Feature = {
      type: 'Feature',
      id: 'p',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      properties: { capacity: 10 },
    };
    const decoded = decodeGeometry(encode({ type: 'FeatureCollection', features: [square] }));
    expect(decoded.ok && decoded.value.layout).toBe('objects');
  });

  it('says why a response is refused', () => {
    expect(decodeGeometry(new TextEncoder().encode('{"type":').buffer)).toEqual({
      ok: false,
      reason: 'not-json',
    });
    const invalid = decodeGeometry(
      encode({
        type: 'FeatureCollection',
        features: [{ ...roads[0], geometry: { type: 'LineString', coordinates: [[500, 0]] } }],
      }),
    );
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.reason).toBe('invalid');
  });
});

describe.each([
  ['columns', () => featureTable(roads)],
  ['objects', () => objectTable({ type: 'FeatureCollection', features: roads })],
] as const)('live state joined to a table of %s', (_kind, make: () => FeatureTable) => {
  it('lands each value on its feature’s index, and counts ids the table does not have', () => {
    const geometry = make();
    const state = joinLiveState(geometry, {
      dataset: 'traffic.roads',
      observedAt: '2026-11-27T08:00:00Z',
      cadenceS: 60,
      ids: ['道路-3', 'gone', 'r-1'],
      columns: { speedKmh: [12, 99, 48] },
    });
    expect([...state.columns.get('speedKmh')!]).toEqual([48, Number.NaN, 12]);
    expect(state.unknownIds).toBe(1);
  });

  it('joins ids packed as the decoding worker hands them over (none decoded in order)', () => {
    const geometry = make();
    const inOrder = joinLiveState(geometry, {
      dataset: 'traffic.roads',
      observedAt: '2026-11-27T08:00:00Z',
      cadenceS: 60,
      ids: [],
      packedIds: packTexts(['r-1', 'r-2', '道路-3']),
      columns: { speedKmh: Float64Array.from([1, 2, 3]) as unknown as number[] },
    });
    expect([...inOrder.columns.get('speedKmh')!]).toEqual([1, 2, 3]);
    const shuffled = joinLiveState(geometry, {
      dataset: 'traffic.roads',
      observedAt: '2026-11-27T08:01:00Z',
      cadenceS: 60,
      ids: [],
      packedIds: packTexts(['道路-3', 'gone', 'r-1']),
      columns: { speedKmh: [12, 99, 48] },
    });
    expect([...shuffled.columns.get('speedKmh')!]).toEqual([48, Number.NaN, 12]);
    expect(shuffled.unknownIds).toBe(1);
  });

  it('takes rows in the table’s own order as they are', () => {
    const geometry = make();
    const speeds = Float64Array.from([1, 2, 3]);
    const state = joinLiveState(geometry, {
      dataset: 'traffic.roads',
      observedAt: '2026-11-27T08:00:00Z',
      cadenceS: 60,
      ids: ['r-1', 'r-2', '道路-3'],
      columns: { speedKmh: speeds as unknown as number[] },
    });
    expect(state.columns.get('speedKmh')).toBe(speeds);
    expect(state.unknownIds).toBe(0);
  });
});

describe('comparing a packed text in place', () => {
  it('tells equal from different texts, ASCII or not, without being fooled by a prefix', () => {
    const packed = packTexts(['r-1', '道路-3', 'r-10']);
    expect(packedIs(packed, 0, 'r-1')).toBe(true);
    expect(packedIs(packed, 0, 'r-10')).toBe(false);
    expect(packedIs(packed, 2, 'r-1')).toBe(false);
    expect(packedIs(packed, 1, '道路-3')).toBe(true);
    expect(packedIs(packed, 1, '道路-4')).toBe(false);
    expect(packedIs(packed, 0, '道')).toBe(false);
    const table = featureTable(roads);
    expect(table.hasId(2, '道路-3')).toBe(true);
    expect(table.hasId(0, 'r-2')).toBe(false);
    expect(table.hasId(5, 'r-1')).toBe(false);
  });
});
