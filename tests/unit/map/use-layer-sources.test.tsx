// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { DataAdapter, Fetched } from '../../../src/data/adapter';
import { AdapterError } from '../../../src/data/errors';
import { stateValue } from '../../../src/data/live-state';
import { queryKeys } from '../../../src/data/queries';
import type { Catalog, LiveReadings } from '../../../src/data/schemas';
import { defineLayer } from '../../../src/map/layer-contract';
import { useLayerSources } from '../../../src/map/layer-sources';
import { fakeDataset, fakeLayer, pointData } from './fake-layer';

const otherLayer = defineLayer({ ...fakeLayer, id: 'test.other', dataset: 'test.other' });
const layers = [fakeLayer, otherLayer];
// An hour's cadence: nothing is polled again while the test runs.
const catalog = {
  datasets: [fakeDataset('test.points', 3600), fakeDataset('test.other', 3600)],
} as unknown as Catalog;

const reading = (datasetId: string, value: number): Fetched<LiveReadings> => ({
  data: {
    dataset: datasetId,
    observedAt: '2026-01-15T00:00:00Z',
    cadenceS: 3600,
    ids: ['a'],
    columns: { level: [value] },
  },
  fetchedAt: 0,
});

const geometry = async () => ({ data: pointData(['a']).geometry, fetchedAt: 0 });
const adapter = {
  id: 'stub',
  capabilities: {},
  getGeometry: geometry,
  getLiveState: async (datasetId: string) => reading(datasetId, 0),
} as unknown as DataAdapter;

function setup(source: DataAdapter = adapter) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(
    ({ tick }: { tick: number }) => {
      void tick;
      return useLayerSources(source, catalog, layers, () => true);
    },
    { wrapper, initialProps: { tick: 0 } },
  );
  return { client, ...hook };
}

describe('useLayerSources', () => {
  it('keeps the list, and each unchanged source, across renders that change no data', async () => {
    const { client, result, rerender, unmount } = setup();
    await waitFor(() =>
      expect(result.current.every((source) => source.status.phase === 'live')).toBe(true),
    );
    const loaded = result.current;
    rerender({ tick: 1 });
    expect(result.current).toBe(loaded);

    // A new live state of one layer: that source is new, the other is the same object.
    act(() =>
      client.setQueryData(queryKeys.liveState(adapter, 'test.other'), reading('test.other', 2)),
    );
    await waitFor(() => expect(result.current).not.toBe(loaded));
    expect(result.current[0]).toBe(loaded[0]);
    expect(result.current[1]).not.toBe(loaded[1]);
    expect(stateValue(result.current[1]!.data!.state, 'level', 0)).toBe(2);
    unmount();
    client.clear();
  });

  it('keeps showing a failure while the source is read again, until it answers', async () => {
    let answer: (() => void) | null = null;
    let reads = 0;
    const flaky = {
      ...adapter,
      getGeometry: (datasetId: string) => {
        if (datasetId !== 'test.other') return geometry();
        reads += 1;
        if (reads === 1)
          return Promise.reject(
            new AdapterError('http', 'test.other: HTTP 503', {
              resource: 'test.other',
              status: 503,
            }),
          );
        return new Promise((resolve) => {
          answer = () => void geometry().then(resolve);
        });
      },
    } as unknown as DataAdapter;
    const { client, result, unmount } = setup(flaky);
    await waitFor(() => expect(result.current[1]!.status.phase).toBe('error'));

    // Read again: the cache clears the error of a query without data while it reads.
    void client.refetchQueries({ queryKey: queryKeys.geometry(flaky, 'test.other') });
    await waitFor(() => expect(answer).not.toBeNull());
    expect(result.current[1]!.status).toMatchObject({
      phase: 'error',
      error: 'test.other: HTTP 503',
    });

    act(() => answer!());
    await waitFor(() => expect(result.current[1]!.status.phase).toBe('live'));
    unmount();
    client.clear();
  });
});
