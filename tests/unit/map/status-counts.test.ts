import { describe, expect, it } from 'vitest';
import { joinLiveState } from '../../../src/data/live-state';
import { countStatuses } from '../../../src/map/status-counts';
import { fakeLayer, pointData } from './fake-layer';

describe('countStatuses', () => {
  const base = pointData(['a', 'b', 'c', 'd']);
  const state = joinLiveState(base.geometry, {
    dataset: 'test.points',
    observedAt: '2026-01-15T00:00:00Z',
    cadenceS: 10,
    ids: ['a', 'b', 'c'],
    columns: { level: [2, 1, 1] },
  });
  it('counts features in warning and in alarm by the layer’s own status', () => {
    expect(countStatuses(fakeLayer, { ...base, state })).toEqual({ warning: 2, alarm: 1 });
  });
  it('counts nothing before live state arrives', () => {
    expect(countStatuses(fakeLayer, base)).toEqual({ warning: 0, alarm: 0 });
  });
  it('counts a (geometry, state) pair once', () => {
    expect(countStatuses(fakeLayer, { ...base, state })).toBe(
      countStatuses(fakeLayer, { ...base, state }),
    );
  });
});
