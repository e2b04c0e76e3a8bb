import { describe, expect, it } from 'vitest';
import { indexFeatures, joinLiveState, joinLiveStateOnce, stateValue } from '../../../src/data/live-state';
import type { FeatureCollection, LiveState } from '../../../src/data/schemas';

const point = (id: string) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: [121, 31] as [number, number] },
  properties: {},
});
const geometry = indexFeatures({ type: 'FeatureCollection', features: [point('a'), point('b'), point('c')] } satisfies FeatureCollection);
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
  it('ignores rows for ids the geometry does not have', () => {
    expect(joinLiveState(geometry, state).columns.get('speed')).toHaveLength(3);
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
