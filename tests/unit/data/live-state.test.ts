import { objectTable } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import {
  joinLiveState,
  joinLiveStateOnce,
  stateValue,
} from '../../../src/data/live-state';
import { liveStateSchema, type FeatureCollection, type LiveState } from '../../../src/data/schemas';

const point = (id: string) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: [121, 31] as [number, number] },
  properties: {},
});
const geometry = objectTable({
  type: 'FeatureCollection',
  features: [point('a'), point('b'), point('c')],
} satisfies FeatureCollection);
const state: LiveState = {
  dataset: 'x',
  observedAt: '2026-01-15T08:30:00+08:00',
  cadenceS: 10,
  ids: ['c', 'a', 'zombie'],
  columns: { speed: [30, null, 99] },
};

describe('joinLiveState', () => {
  it('writes values by feature index, whatever the row order', () => {
    const table = joinLiveState(geometry, state);
    expect(stateValue(table, 'speed', 2)).toBe(30);
  });
  it.each([
    ['a null reading', 'speed', 0],
    ['a feature without a row', 'speed', 1],
    ['an unknown column', 'pressure', 2],
    ['an index out of range', 'speed', 7],
  ])('gives null for %s', (_case, column, index) => {
    expect(stateValue(joinLiveState(geometry, state), column, index)).toBeNull();
  });
  it('ignores rows for ids the geometry does not have, and counts them', () => {
    const table = joinLiveState(geometry, state);
    expect(table.columns.get('speed')).toHaveLength(3);
    expect([...table.columns.get('speed')!]).toEqual([Number.NaN, Number.NaN, 30]);
    expect(table.unknownIds).toBe(1);
  });
  it('puts each value on its feature’s index when the rows come in the geometry’s order', () => {
    const inOrder = { ...state, ids: ['a', 'b', 'c'], columns: { speed: [1, null, 3] } };
    const table = joinLiveState(geometry, inOrder);
    expect([...table.columns.get('speed')!]).toEqual([1, Number.NaN, 3]);
    expect(table.unknownIds).toBe(0);
  });
  it('does not take rows in the geometry’s order for granted: one id off is looked up', () => {
    const almost = { ...state, ids: ['a', 'zombie', 'c'], columns: { speed: [1, 2, 3] } };
    const table = joinLiveState(geometry, almost);
    expect([...table.columns.get('speed')!]).toEqual([1, Number.NaN, 3]);
    expect(table.unknownIds).toBe(1);
  });
  it('joins a large update by index, in any row order', () => {
    const size = 50_000;
    const many = objectTable({
      type: 'FeatureCollection',
      features: Array.from({ length: size }, (_, k) => point(`f-${k}`)),
    });
    const reversed = Array.from({ length: size }, (_, k) => size - 1 - k);
    const table = joinLiveState(many, {
      ...state,
      ids: reversed.map((k) => `f-${k}`),
      columns: { speed: reversed.map((k) => k * 2) },
    });
    const speeds = table.columns.get('speed')!;
    expect(speeds[0]).toBe(0);
    expect(speeds[12_345]).toBe(24_690);
    expect(speeds[size - 1]).toBe((size - 1) * 2);
  });
  it('versions the table by observation time', () => {
    expect(joinLiveState(geometry, state).version).toBe(Date.parse(state.observedAt));
  });
  it('joins a (geometry, state) pair once, so re-renders keep the same table', () => {
    expect(joinLiveStateOnce(geometry, state)).toBe(joinLiveStateOnce(geometry, state));
    expect(joinLiveStateOnce(geometry, { ...state })).not.toBe(joinLiveStateOnce(geometry, state));
  });
  it('reads null from no table at all', () => {
    expect(stateValue(null, 'speed', 0)).toBeNull();
  });
});

describe('the live state schema', () => {
  const good = { dataset: 'x', observedAt: '2026-01-15T08:30:00+08:00', cadenceS: 10 };
  it('takes integer ids as text, and null as no reading', () => {
    const parsed = liveStateSchema.parse({
      ...good,
      ids: ['a', 7],
      columns: { speed: [1.5, null] },
    });
    expect(parsed.ids).toEqual(['a', '7']);
    expect(parsed.columns['speed']).toEqual([1.5, null]);
  });
  it.each([
    ['an empty id', { ids: ['a', ''], columns: { speed: [1, 2] } }, ['ids', 1]],
    ['a fractional id', { ids: [1.5], columns: { speed: [1] } }, ['ids', 0]],
    ['an id of 129 characters', { ids: ['x'.repeat(129)], columns: { speed: [1] } }, ['ids', 0]],
    ['ids as one string', { ids: 'a,b', columns: { speed: [1, 2] } }, ['ids']],
    [
      'a reading as text',
      { ids: ['a', 'b'], columns: { speed: [1, '2'] } },
      ['columns', 'speed', 1],
    ],
    [
      'an infinite reading',
      { ids: ['a'], columns: { speed: [Infinity] } },
      ['columns', 'speed', 0],
    ],
    ['a column that is not an array', { ids: ['a'], columns: { speed: 3 } }, ['columns', 'speed']],
    [
      'a column of the wrong length',
      { ids: ['a', 'b'], columns: { speed: [1] } },
      ['columns', 'speed'],
    ],
  ])('rejects %s, naming where', (_case, body, path) => {
    const result = liveStateSchema.safeParse({ ...good, ...body });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
