import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../../src/data/errors';
import type { LiveState } from '../../../src/data/schemas';
import { describeSource, isStale } from '../../../src/map/layer-sources';
import { fakeDataset, fakeLayer, pointData } from './fake-layer';

const dataset = fakeDataset();
const geometry = {
  geometry: pointData(['a']).geometry,
  observedAt: 5,
  truncated: null,
  tiles: null,
};
const liveState: LiveState = {
  dataset: 'test.points',
  observedAt: '2026-01-15T00:00:00Z',
  cadenceS: 10,
  ids: ['a'],
  columns: { v: [1] },
};
const ok = <T>(data: T) => ({ data, error: null, isError: false, failureCount: 0 });
const failing = <T>(data: T | undefined, failureCount = 1) => ({
  data,
  error: new AdapterError('http', 'test.points: HTTP 500', {
    resource: 'test.points',
    status: 500,
  }),
  isError: data === undefined,
  failureCount,
});

describe('describeSource', () => {
  it('is loading until both geometry and live state are there', () => {
    expect(describeSource(fakeLayer, dataset, ok(geometry), ok(undefined)).status.phase).toBe(
      'loading',
    );
    expect(describeSource(fakeLayer, dataset, ok(undefined), ok(undefined)).status.phase).toBe(
      'loading',
    );
  });
  it('is live with the observation time of the state', () => {
    const source = describeSource(
      fakeLayer,
      dataset,
      ok(geometry),
      ok({ data: liveState, fetchedAt: 9 }),
    );
    expect(source.status).toMatchObject({
      phase: 'live',
      observedAt: Date.parse(liveState.observedAt),
      cadenceS: 10,
    });
    expect(source.data?.state?.columns.get('v')?.[0]).toBe(1);
  });
  it('keeps the last good data while a refetch fails, and says why', () => {
    const source = describeSource(
      fakeLayer,
      dataset,
      ok(geometry),
      failing({ data: liveState, fetchedAt: 9 }),
    );
    expect(source.status.phase).toBe('error');
    expect(source.status.error).toBe('test.points: HTTP 500');
    expect(source.data?.state).not.toBeNull();
    expect(isStale(source.status, Date.parse(liveState.observedAt))).toBe(true);
  });
  it('gives no age while it has no features to show, whatever the live state', () => {
    const source = describeSource(
      fakeLayer,
      dataset,
      failing(undefined),
      ok({ data: liveState, fetchedAt: 9 }),
    );
    expect(source.data).toBeNull();
    expect(source.status).toMatchObject({ phase: 'error', observedAt: null });
  });
  it('says when the source had more features than the layer loaded', () => {
    const truncated = { loaded: 1, matched: 40 };
    const source = describeSource(
      fakeLayer,
      { ...dataset, stateCadenceS: null },
      ok({ ...geometry, truncated }),
      null,
    );
    expect(source.status.truncated).toEqual(truncated);
    expect(describeSource(fakeLayer, dataset, ok(geometry), null).status.truncated).toBeNull();
  });
  it('uses the geometry fetch time for layers without live state', () => {
    const staticDataset = { ...dataset, stateCadenceS: null };
    expect(describeSource(fakeLayer, staticDataset, ok(geometry), null).status).toMatchObject({
      phase: 'live',
      observedAt: 5,
    });
  });
  it('reports readings for features the geometry does not have, and still shows the rest', () => {
    const withStrangers = {
      ...liveState,
      ids: ['a', 'gone-1', 'gone-2'],
      columns: { v: [1, 2, 3] },
    };
    const source = describeSource(
      fakeLayer,
      dataset,
      ok(geometry),
      ok({ data: withStrangers, fetchedAt: 9 }),
    );
    expect(source.status).toMatchObject({ phase: 'live', unknownIds: 2 });
    expect(source.data?.state?.columns.get('v')?.[0]).toBe(1);
  });
  it('marks a layer the catalog does not offer as unavailable', () => {
    expect(describeSource(fakeLayer, null, ok(undefined), null).status.phase).toBe('unavailable');
  });
  it('turns stale when overdue even without errors', () => {
    const status = { phase: 'live' as const, observedAt: 0, cadenceS: 10, error: null };
    expect(isStale(status, 20_000)).toBe(false);
    expect(isStale(status, 60_000)).toBe(true);
  });
});

it('judges overdue in wall time while a demo clock runs ×N', () => {
  const status = { phase: 'live' as const, observedAt: 0, cadenceS: 10, error: null };
  // Ten simulated minutes at ×60 is ten wall seconds: one polling interval, not an outage.
  expect(isStale(status, 600_000, 60)).toBe(false);
  expect(isStale(status, 600_000, 1)).toBe(true);
});
